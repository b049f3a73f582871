package dev.newsintel.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.Filing;
import dev.newsintel.events.Filing.FilingSection;
import dev.newsintel.events.Filing.XbrlFact;

class FilingExtractorTest {
    /** An 8-K primary document in inline XBRL, written for this test (the company and events are invented). */
    static final String EIGHT_K = """
            <html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:xbrli="http://www.xbrl.org/2003/instance"><head><title>orbx-20260306</title></head><body>
            <div style="display:none"><ix:header><ix:hidden><ix:nonNumeric name="dei:EntityCentralIndexKey" contextRef="c1">0001999999</ix:nonNumeric></ix:hidden>
            <ix:resources><xbrli:context id="c1"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0001999999</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2026-03-06</xbrli:startDate><xbrli:endDate>2026-03-06</xbrli:endDate></xbrli:period></xbrli:context>
            <xbrli:context id="fy"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0001999999</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2026-01-31</xbrli:instant></xbrli:period></xbrli:context></ix:resources></ix:header></div>
            <p style="text-align:center"><b>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</b></p>
            <p style="text-align:center">Washington, D.C. 20549</p>
            <p style="text-align:center"><b>FORM <ix:nonNumeric name="dei:DocumentType" contextRef="c1">8-K</ix:nonNumeric></b></p>
            <p style="text-align:center"><ix:nonNumeric name="dei:EntityRegistrantName" contextRef="c1">ORBITAL SYSTEMS CORP</ix:nonNumeric></p>
            <table><tr><td>Common Stock</td><td><ix:nonNumeric name="dei:TradingSymbol" contextRef="c1">ORBX</ix:nonNumeric></td><td>Nasdaq</td></tr></table>
            <p><b>Item 5.02 Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers; Compensatory Arrangements of Certain Officers.</b></p>
            <p>(e) On March 4, 2026, the Board of Directors approved new compensation arrangements for the executive officers.</p>
            <p><b><i>Adoption of Fiscal Year 2027 Incentive Plan</i></b></p>
            <p>The Compensation Committee adopted the Incentive Plan for Fiscal Year 2027, which provides cash awards tied to revenue of at least $<ix:nonFraction name="us-gaap:Revenues" contextRef="fy" unitRef="usd" scale="9" decimals="-8" format="ixt:num-dot-decimal">95.2</ix:nonFraction> billion and an operating loss no larger than $(<ix:nonFraction name="us-gaap:OperatingIncomeLoss" contextRef="fy" unitRef="usd" scale="6" sign="-" format="ixt:num-dot-decimal">1,250</ix:nonFraction>) million.</p>
            <table><tr><td>Plan year</td><td>$</td><td>2,500</td><td>)</td><td>12</td><td>%</td></tr></table>
            <p><b>Item 9.01 Financial Statements and Exhibits.</b></p>
            <p>(d) Exhibits: 99.1 Press release dated March 6, 2026.</p>
            <p style="text-align:center"><b>SIGNATURES</b></p>
            <p>Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed.</p>
            </body></html>""";

    static final String PRESS_RELEASE = """
            <html><body><p>Exhibit 99.1</p>
            <p><b>Orbital Systems Names New Chief Operating Officer</b></p>
            <p>SAN JOSE, Calif., March 6, 2026 -- Orbital Systems Corp. today named Priya Raman chief operating officer, effective April 1, 2026.</p>
            </body></html>""";

    static String submission() {
        return """
                <SEC-DOCUMENT>0001999999-26-000012.txt : 20260306
                <SEC-HEADER>0001999999-26-000012.hdr.sgml : 20260306
                <ACCEPTANCE-DATETIME>20260306163015
                ACCESSION NUMBER:		0001999999-26-000012
                CONFORMED SUBMISSION TYPE:	8-K
                PUBLIC DOCUMENT COUNT:		3
                CONFORMED PERIOD OF REPORT:	20260304
                ITEM INFORMATION:		Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers: Compensatory Arrangements of Certain Officers
                ITEM INFORMATION:		Financial Statements and Exhibits
                FILED AS OF DATE:		20260306
                FILER:
                	COMPANY DATA:
                		COMPANY CONFORMED NAME:			ORBITAL SYSTEMS CORP
                		CENTRAL INDEX KEY:			0001999999
                </SEC-HEADER>
                <DOCUMENT>
                <TYPE>8-K
                <SEQUENCE>1
                <FILENAME>orbx-20260306.htm
                <DESCRIPTION>8-K
                <TEXT>
                <XBRL>
                %s
                </XBRL>
                </TEXT>
                </DOCUMENT>
                <DOCUMENT>
                <TYPE>EX-99.1
                <SEQUENCE>2
                <FILENAME>ex991.htm
                <DESCRIPTION>PRESS RELEASE
                <TEXT>
                %s
                </TEXT>
                </DOCUMENT>
                <DOCUMENT>
                <TYPE>GRAPHIC
                <SEQUENCE>3
                <FILENAME>logo.jpg
                <TEXT>
                begin 644 logo.jpg
                M_]C_X  02D9)1@ ! 0$ 8 !@  #_VP!#  @&!@<&!0@'!P<)"0@*#!0-#
                end
                </TEXT>
                </DOCUMENT>
                </SEC-DOCUMENT>
                """.formatted(EIGHT_K, PRESS_RELEASE);
    }

    private final DocumentExtractor extractor = new DocumentExtractor();

    @Test
    void aFullSubmissionGivesTheHeaderItemsSectionsAndExhibit() {
        Extraction e = extractor.extract(Fixtures.raw(DocumentKind.FILING, "text/plain",
                submission().getBytes(StandardCharsets.UTF_8), null));
        Filing f = e.filing();

        assertThat(e.notes()).containsEntry("extract.format", "sec-submission");
        assertThat(f.form()).isEqualTo("8-K");
        assertThat(f.cik()).isEqualTo("0001999999");
        assertThat(f.company()).isEqualTo("ORBITAL SYSTEMS CORP");
        assertThat(f.ticker()).isEqualTo("ORBX");
        assertThat(f.accessionNumber()).isEqualTo("0001999999-26-000012");
        assertThat(f.filedAt()).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(f.acceptedAt()).isEqualTo(Instant.parse("2026-03-06T21:30:15Z")); // 16:30:15 in New York
        assertThat(e.publishedAt()).isEqualTo(f.acceptedAt());
        assertThat(f.items()).containsExactly("5.02", "9.01");
        assertThat(f.sections()).extracting(FilingSection::item).containsExactly("5.02", "9.01", "EX-99.1");
        assertThat(e.text()).doesNotContain("begin 644", "0001999999-26-000012.hdr", "xbrli");
        assertThat(e.title()).isEqualTo("ORBITAL SYSTEMS CORP Form 8-K: Orbital Systems Names New Chief Operating Officer");
    }

    @Test
    void anItemRunsPastItsBoldSubHeadingsToTheNextItem() {
        Extraction e = extractor.extract(Fixtures.raw(DocumentKind.FILING, "text/plain",
                submission().getBytes(StandardCharsets.UTF_8), null));
        FilingSection item502 = e.filing().sections().get(0);
        String text = e.text().substring(item502.start(), item502.end());

        assertThat(item502.title()).startsWith("Departure of Directors or Certain Officers");
        assertThat(text).startsWith("Item 5.02")
                .contains("Adoption of Fiscal Year 2027 Incentive Plan", "Compensation Committee adopted",
                        "Incentive Plan for Fiscal Year 2027")
                .doesNotContain("Item 9.01");
        FilingSection item901 = e.filing().sections().get(1);
        assertThat(e.text().substring(item901.start(), item901.end())).endsWith("dated March 6, 2026.")
                .doesNotContain("SIGNATURES");
        FilingSection exhibit = e.filing().sections().get(2);
        assertThat(exhibit.title()).isEqualTo("PRESS RELEASE");
        assertThat(e.text().substring(exhibit.start(), exhibit.end())).contains("named Priya Raman chief operating");
    }

    @Test
    void inlineXbrlFactsKeepScaleSignUnitPeriodAndOffsets() {
        Extraction e = extractor.extract(Fixtures.raw(DocumentKind.FILING, "text/html",
                EIGHT_K.getBytes(StandardCharsets.UTF_8), null));
        assertThat(e.notes()).containsEntry("extract.format", "filing-html");
        assertThat(e.filing().facts()).hasSize(2);

        XbrlFact revenue = e.filing().facts().get(0);
        assertThat(revenue.name()).isEqualTo("us-gaap:Revenues");
        assertThat(revenue.value()).isEqualByComparingTo(new BigDecimal("95200000000"));
        assertThat(revenue.scale()).isEqualTo(9);
        assertThat(revenue.unit()).isEqualTo("usd");
        assertThat(revenue.period()).isEqualTo("2026-01-31");
        assertThat(e.text().substring(revenue.start(), revenue.end())).isEqualTo("95.2");
        assertThat(e.text().substring(revenue.start() - 1, revenue.end() + 8)).isEqualTo("$95.2 billion");

        XbrlFact loss = e.filing().facts().get(1);
        assertThat(loss.value()).isEqualByComparingTo(new BigDecimal("-1250000000"));
        assertThat(e.text().substring(loss.start(), loss.end())).isEqualTo("1,250");
    }

    @Test
    void theHiddenHeaderIsNotTextAndTablesReadAsRows() {
        Extraction e = extractor.extract(Fixtures.raw(DocumentKind.FILING, "text/html",
                EIGHT_K.getBytes(StandardCharsets.UTF_8), null));
        assertThat(e.text()).startsWith("UNITED STATES SECURITIES AND EXCHANGE COMMISSION")
                .doesNotContain("0001999999", "2026-03-06")
                .contains("Common Stock | ORBX | Nasdaq", "Plan year | $2,500) | 12%");
        assertThat(e.filing().form()).isEqualTo("8-K");
        assertThat(e.filing().company()).isEqualTo("ORBITAL SYSTEMS CORP");
        assertThat(e.filing().cik()).isEqualTo("0001999999");
        assertThat(e.filing().items()).containsExactly("5.02", "9.01");
    }

    @Test
    void ingestMetadataWinsOverTheDocument() {
        var raw = new dev.newsintel.events.RawDocument(1, "id", DocumentKind.FILING, "edgar", null, "text/html", null,
                Instant.EPOCH, null, java.util.Map.of("form", "8-K/A", "items", "5.02", "ticker", "ORBX.A",
                        "exhibit", "EX-99.1"), PRESS_RELEASE.getBytes(StandardCharsets.UTF_8), false, 0);
        Filing f = extractor.extract(raw).filing();
        assertThat(f.form()).isEqualTo("8-K/A");
        assertThat(f.items()).containsExactly("5.02");
        assertThat(f.ticker()).isEqualTo("ORBX.A");
        assertThat(f.exhibit()).isEqualTo("EX-99.1");
    }

    @Test
    void aFilingWithoutEdgarsDatesIsDatedByItsCoverPageOrItsDateline() {
        String labelFirst = "<html><body><p>FORM 8-K</p><p>CURRENT REPORT Pursuant to Section 13 or 15(d) of the"
                + " Securities Exchange Act of 1934</p><p>Date of Report (Date of earliest event reported): March 6,"
                + " 2026</p><p>ORBITAL SYSTEMS CORP</p><p><b>Item 8.01 Other Events.</b></p><p>On March 2, 2026 the"
                + " company opened a plant.</p></body></html>";
        String dateFirst = "<html><body><p>FORM 8-K</p><table><tr><td>November 22, 2024</td></tr><tr><td>Date of"
                + " Report (date of earliest event reported)</td></tr></table><p>THE ORBITAL CORP</p></body></html>";
        assertThat(bare(labelFirst, java.util.Map.of()).publishedAt()).isEqualTo(Instant.parse("2026-03-06T00:00:00Z"));
        assertThat(bare(dateFirst, java.util.Map.of()).publishedAt()).isEqualTo(Instant.parse("2024-11-22T00:00:00Z"));
        assertThat(bare(PRESS_RELEASE, java.util.Map.of("exhibit", "EX-99.1")).publishedAt())
                .as("the press release's dateline").isEqualTo(Instant.parse("2026-03-06T00:00:00Z"));
        assertThat(bare(EIGHT_K, java.util.Map.of()).publishedAt()).as("no date of report: no guess").isNull();
        // EDGAR's own dates win.
        assertThat(bare(labelFirst, java.util.Map.of("filedAt", "2026-03-09")).publishedAt())
                .isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
    }

    @Test
    void aFilingWithoutEdgarsMetadataIsNamedAfterTheRegistrantOnItsCover() {
        String stacked = "<html><body><p>FORM 8-K</p><p>CURRENT REPORT</p><p>ORBITAL SYSTEMS, INC.</p><p>(Exact name"
                + " of registrant as specified in its charter)</p><p><b>Item 8.01 Other Events.</b></p><p>On March 2,"
                + " 2026 the company opened a plant.</p></body></html>";
        String table = "<html><body><p>FORM 8-K</p><table><tr><td>Lumen Robotics Corp</td><td>Delaware</td></tr>"
                + "<tr><td>(Exact Name of Registrant as Specified in Charter)</td><td>(State)</td></tr></table>"
                + "<p><b>Item 8.01 Other Events.</b></p><p>Lumen opened a plant.</p></body></html>";
        Extraction fromCover = bare(stacked, java.util.Map.of());
        assertThat(fromCover.filing().company()).isEqualTo("ORBITAL SYSTEMS, INC.");
        assertThat(fromCover.title()).isEqualTo("ORBITAL SYSTEMS, INC. Form 8-K (Item 8.01)");
        assertThat(bare(table, java.util.Map.of()).filing().company()).isEqualTo("Lumen Robotics Corp");
        assertThat(bare(stacked, java.util.Map.of("company", "ORBITAL SYSTEMS INC")).filing().company())
                .as("EDGAR's name wins").isEqualTo("ORBITAL SYSTEMS INC");
        assertThat(bare("<html><body><p>FORM 8-K</p><p>ORBITAL SYSTEMS CORP</p><p><b>Item 8.01 Other Events.</b></p>"
                + "<p>Orbital opened a plant.</p></body></html>", java.util.Map.of()).filing().company())
                .as("no label: no guess").isNull();
    }

    /** A filing document as a folder replay reads it: no publication time, only what {@code metadata} says. */
    private Extraction bare(String html, java.util.Map<String, String> metadata) {
        return extractor.extract(new dev.newsintel.events.RawDocument(1, "id", DocumentKind.FILING, "replay", null,
                "text/html", null, Instant.parse("2026-11-24T06:00:00Z"), null, metadata,
                html.getBytes(StandardCharsets.UTF_8), false, 0));
    }
}
