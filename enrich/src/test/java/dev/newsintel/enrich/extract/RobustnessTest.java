package dev.newsintel.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.newsintel.events.DocumentKind;

/** Hostile and broken input: a clear error or a bounded best effort, never a hang or an OutOfMemoryError. */
class RobustnessTest {
    private static final String PARAGRAPH = "<p>The council approved the budget on Monday after a long debate, "
            + "and the mayor said the new plan would fund road repairs, libraries and two new schools.</p>";
    private final DocumentExtractor extractor = new DocumentExtractor();

    @Test
    void emptyAndBlankDocumentsAreClearErrors() {
        assertThatThrownBy(() -> extractor.extract(Fixtures.html(""))).isInstanceOf(ExtractionException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void binaryGarbageIsAClearError() {
        byte[] garbage = new byte[50_000];
        new Random(42).nextBytes(garbage);
        assertThatThrownBy(() -> extractor.extract(Fixtures.raw(DocumentKind.NEWS, "text/html", garbage, null)))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("binary");
    }

    @Test
    void truncatedHtmlGivesWhatIsThere() {
        String page = "<html><head><title>Budget passes</title></head><body><article>" + PARAGRAPH.repeat(3)
                + "<p>The vote was seven to two, with the council's two newest members opposed to the plan";
        Extraction e = extractor.extract(Fixtures.html(page.substring(0, page.length() - 3)));
        assertThat(e.text()).contains("The council approved the budget", "seven to two");
    }

    @Test
    void fiftyMegabytesOfHtmlAreCutAndFlagged() {
        StringBuilder page = new StringBuilder(52 << 20).append("<html><body><article>");
        while (page.length() < 50 << 20) {
            page.append(PARAGRAPH);
        }
        page.append("</article></body></html>");
        Extraction e = extractor.extract(Fixtures.html(page.toString()));
        assertThat(e.notes()).containsEntry("extract.truncated", "true");
        assertThat(e.text()).startsWith("The council approved the budget");
        assertThat(e.text().length()).isLessThanOrEqualTo(ExtractionLimits.DEFAULT.maxTextChars());
    }

    @Test
    void tenThousandLevelsOfNestingAreSafe() {
        String divs = "<div>".repeat(10_000) + PARAGRAPH.repeat(3) + "</div>".repeat(10_000);
        Extraction e = extractor.extract(Fixtures.html("<html><body>" + divs + "</body></html>"));
        assertThat(e.text()).contains("The council approved the budget");

        String inline = "<b><i><span>".repeat(4_000) + "deep words" + "</span></i></b>".repeat(4_000);
        Extraction inlineDeep = extractor.extract(Fixtures.html("<html><body>" + PARAGRAPH + inline + "</body></html>"));
        assertThat(inlineDeep.text()).contains("The council approved the budget");
    }

    @Test
    void wrongAndMissingCharsetsAreRepaired() {
        String cafe = "Caf\u00e9 \u201cLe Petit\u201d reopens after na\u00efve renovation plans were scrapped, "
                + "owners say, with prices up 5\u20ac on average across the menu.";
        String page = "<html><head><meta charset=\"%s\"><title>Caf\u00e9</title></head><body><p>" + cafe
                + "</p></body></html>";
        Charset cp1252 = Charset.forName("windows-1252");

        byte[] latinDeclaredUtf8 = page.formatted("utf-8").getBytes(cp1252);
        assertThat(extractor.extract(Fixtures.raw(DocumentKind.NEWS, "text/html", latinDeclaredUtf8, "utf-8"))
                .text()).contains(cafe);

        byte[] utf8DeclaredLatin = page.formatted("windows-1252").getBytes(StandardCharsets.UTF_8);
        assertThat(extractor.extract(Fixtures.raw(DocumentKind.NEWS, "text/html", utf8DeclaredLatin, "iso-8859-1"))
                .text()).contains(cafe);

        byte[] metaOnly = page.formatted("windows-1252").getBytes(cp1252);
        assertThat(extractor.extract(Fixtures.raw(DocumentKind.NEWS, "text/html", metaOnly, null)).text())
                .contains(cafe);
    }

    @Test
    void pathologicalMarkupStaysBounded() {
        String unclosedTables = "<table><tr><td>".repeat(3_000) + "cell" ;
        assertThat(extractor.extract(Fixtures.html("<html><body>" + PARAGRAPH + unclosedTables)).text())
                .contains("The council approved the budget");
        String manyAttributes = "<div " + "a=\"1\" ".repeat(50_000) + ">" + PARAGRAPH + "</div>";
        assertThat(extractor.extract(Fixtures.html(manyAttributes)).text()).contains("council");
    }
}
