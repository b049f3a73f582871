package dev.newsintel.ingest.edgar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import dev.newsintel.ingest.IngestMetrics;
import dev.newsintel.ingest.SizePolicy;
import dev.newsintel.ingest.http.FetchRequest;
import dev.newsintel.ingest.http.Sleeper;

/**
 * The EDGAR rate limit measured where it matters, at the server: eight threads fetch through one client on the real
 * clock, and the arrival times WireMock logged are checked for the busiest one-second window. The numbers are
 * written to {@code target/edgar-rate-limit.txt}.
 */
class EdgarRateLimitTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().gzipDisabled(true).containerThreads(20)).build();

    @Test
    void eightThreadsNeverExceedTenRequestsInAnySecond() throws Exception {
        server.stubFor(get(urlPathMatching("/Archives/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
        URI base = URI.create(server.baseUrl());
        EdgarClient edgar = EdgarClient.create(new EdgarSettings("NewsIntel tests test@example.com", base, base, 10,
                100, 10, Duration.ofDays(1), SizePolicy.MAX_BODY_BYTES), Clock.systemUTC(), Sleeper.SYSTEM,
                IngestMetrics.inMemory());
        int threads = 8;
        int perThread = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    edgar.fetch(FetchRequest.get(edgar.archive("320193", "0000320193-26-00000" + thread,
                            "doc" + i + ".htm"), 1024));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();

        List<Long> arrivals = server.getAllServeEvents().stream()
                .map(e -> e.getRequest().getLoggedDate().getTime()).sorted().toList();
        int total = threads * perThread;
        assertThat(arrivals).hasSize(total);
        int busiest = busiestWindow(arrivals, 1000);
        long shortestTenGap = Long.MAX_VALUE;
        for (int i = 10; i < arrivals.size(); i++) {
            shortestTenGap = Math.min(shortestTenGap, arrivals.get(i) - arrivals.get(i - 10));
        }
        double rate = (total - 1) / ((arrivals.get(total - 1) - arrivals.get(0)) / 1000.0);
        write(String.format("threads=%d requests=%d elapsed=%.2fs observedRate=%.2f/s busiestOneSecondWindow=%d "
                        + "shortestSpanOf11Requests=%dms%n", threads, total, seconds, rate, busiest, shortestTenGap));

        assertThat(busiest).isLessThanOrEqualTo(10);
        assertThat(shortestTenGap).isGreaterThanOrEqualTo(1000);
        // ...and not throttled far below the limit either (starts are paced at 9/s, one in flight)
        assertThat(rate).isBetween(7.5, 10.0);
    }

    /** The most arrivals inside any half-open window of {@code windowMillis}. */
    static int busiestWindow(List<Long> sorted, long windowMillis) {
        int max = 0;
        int j = 0;
        for (int i = 0; i < sorted.size(); i++) {
            while (sorted.get(j) + windowMillis <= sorted.get(i)) {
                j++;
            }
            max = Math.max(max, i - j + 1);
        }
        return max;
    }

    private static void write(String line) throws IOException {
        Path out = Path.of("target", "edgar-rate-limit.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line);
    }
}
