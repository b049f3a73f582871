package dev.newsintel.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The SEC structure of a filing document.
 *
 * @param items    8-K item codes as filed, e.g. {@code [5.02, 9.01]}
 * @param sections the item sections found in the text, with offsets into the document's {@code text}
 * @param facts    numeric inline-XBRL facts with their scale and unit
 * @param exhibit  the exhibit type when this document is one ({@code EX-99.1}), null for the primary document
 */
public record Filing(String cik, String company, String ticker, String form, String accessionNumber,
                     LocalDate filedAt, Instant acceptedAt, List<String> items, List<FilingSection> sections,
                     List<XbrlFact> facts, String exhibit) {
    public Filing {
        items = Validation.listOrEmpty(items);
        sections = Validation.listOrEmpty(sections);
        facts = Validation.listOrEmpty(facts);
    }

    /** One item of a filing ("Item 5.02 Departure of Directors...") and where its text lies. */
    public record FilingSection(String item, String title, int start, int end) {
        public FilingSection {
            Validation.requireSpan(start, end, "FilingSection");
        }
    }

    /**
     * A numeric inline-XBRL fact: {@code value = text x 10^scale}, sign applied.
     *
     * @param unit the unit reference as filed, e.g. {@code usd}, {@code shares}
     */
    public record XbrlFact(String name, String text, java.math.BigDecimal value, Integer scale, String unit,
                           String period, int start, int end) {
    }
}
