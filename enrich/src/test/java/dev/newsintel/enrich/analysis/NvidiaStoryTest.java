package dev.newsintel.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.newsintel.enrich.announcements.DocumentContext;
import dev.newsintel.events.Announcement;
import dev.newsintel.events.AnnouncementType;

/**
 * The story NewsIntel was built for: NVIDIA's $26 billion investment in open-weight models over five years and the
 * release of Nemotron 3 Super. Our own fixture always; the four seed articles where shared/ is present.
 */
class NvidiaStoryTest {
    private static final String NVIDIA_CIK = "0001045810";

    private static List<Announcement> analyze(String id, String text) {
        return TextAnalyzer.shared().analyze(text, new DocumentContext(id, null, null, "test", null, null))
                .announcements();
    }

    @Test
    void ownFixtureYieldsTheInvestmentAndTheModelRelease() throws IOException {
        String text = new String(getClass().getResourceAsStream("/fixtures/nvidia-open-models.txt").readAllBytes(),
                StandardCharsets.UTF_8);
        List<Announcement> found = analyze("fixture", text);
        assertInvestment(found);
        assertModelRelease(found);
        // four sentences repeat the investment: one announcement
        assertThat(found).filteredOn(a -> a.type() == AnnouncementType.INVESTMENT).hasSize(1);
        assertThat(found).filteredOn(a -> a.type() == AnnouncementType.MODEL_RELEASE).hasSize(1);
        for (Announcement a : found) {
            assertThat(text.substring(a.evidence().start(), a.evidence().end())).isEqualTo(a.evidence().text());
        }
    }

    @Test
    void seedArticlesYieldTheInvestmentAndTheModelRelease() throws IOException {
        Path seeds = Path.of(System.getProperty("newsintel.shared.testdata", "../shared/testdata"), "seed-articles");
        Assumptions.assumeTrue(Files.isDirectory(seeds), "shared/testdata/seed-articles is not present: skipped");
        List<Announcement> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                all.addAll(analyze(f.getFileName().toString(), Files.readString(f)));
            }
        }
        assertInvestment(all);
        assertModelRelease(all);
    }

    private static void assertInvestment(List<Announcement> found) {
        assertThat(found).anySatisfy(a -> {
            assertThat(a.type()).isEqualTo(AnnouncementType.INVESTMENT);
            assertThat(a.company().cik()).isEqualTo(NVIDIA_CIK);
            assertThat(a.company().ticker()).isEqualTo("NVDA");
            assertThat(a.amount().value()).isEqualByComparingTo(new BigDecimal("26e9"));
            assertThat(a.amount().currency()).isEqualTo("USD");
            assertThat(a.amount().usd()).isEqualByComparingTo(new BigDecimal("26e9"));
            assertThat(a.period()).isEqualTo("P5Y");
        });
    }

    private static void assertModelRelease(List<Announcement> found) {
        assertThat(found).anySatisfy(a -> {
            assertThat(a.type()).isEqualTo(AnnouncementType.MODEL_RELEASE);
            assertThat(a.company().cik()).isEqualTo(NVIDIA_CIK);
            assertThat(a.model().name()).isEqualTo("Nemotron 3 Super");
            assertThat(a.model().parameters()).isEqualTo(128_000_000_000L);
            assertThat(a.model().activeParameters()).isEqualTo(12_000_000_000L);
            assertThat(a.model().contextTokens()).isEqualTo(1_000_000L);
            assertThat(a.model().openWeights()).isTrue();
        });
    }
}
