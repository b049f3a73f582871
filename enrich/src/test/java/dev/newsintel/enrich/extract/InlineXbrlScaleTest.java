package dev.newsintel.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.Filing.XbrlFact;

/** A broken inline-XBRL scale costs one value, not the filing (found by {@link HostileMarkupProperties}). */
class InlineXbrlScaleTest {
    @Test
    void anAbsurdInlineXbrlScaleLeavesThatValueUnknownAndKeepsTheFiling() {
        String filing = "<html xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\"><body><div>FORM 8-K</div>"
                + "<p>Item 2.02. Revenue was $<ix:nonFraction name=\"us-gaap:Revenues\" scale=\"999999999\""
                + " unitRef=\"usd\">130,497</ix:nonFraction> and costs were $<ix:nonFraction name=\"us-gaap:Costs\""
                + " scale=\"-2147483648\" unitRef=\"usd\">12</ix:nonFraction> and net income was $"
                + "<ix:nonFraction name=\"us-gaap:NetIncomeLoss\" scale=\"6\" unitRef=\"usd\">1,250"
                + "</ix:nonFraction> million.</p></body></html>";
        Extraction e = new DocumentExtractor().extract(Fixtures.raw(DocumentKind.FILING, "text/html",
                filing.getBytes(StandardCharsets.UTF_8), null));
        assertThat(e.filing().facts()).extracting(XbrlFact::name)
                .containsExactly("us-gaap:Revenues", "us-gaap:Costs", "us-gaap:NetIncomeLoss");
        assertThat(e.filing().facts().get(0).value()).isNull();
        assertThat(e.filing().facts().get(1).value()).isNull();
        assertThat(e.filing().facts().get(2).value()).isEqualByComparingTo("1250000000");
        assertThat(e.text()).contains("Revenue was $130,497");
    }
}
