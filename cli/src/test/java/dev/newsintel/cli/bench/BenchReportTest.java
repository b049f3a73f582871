package dev.newsintel.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newsintel.events.Json;

/** The benchmark's verdicts: which goals are met, and whether the machine was shared, from the measured numbers. */
class BenchReportTest {

    /** Two checkpoints as the benchmark writes them, with the numbers that decide the goals. */
    private static ObjectNode results(double steady, double alertP99, double searchableP99, long enrichHeapAt10k,
                                      double otherCores) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.putObject("settings").put("probeRate", 50);
        r.putObject("machine").put("cores", 2);
        var checkpoints = r.putArray("checkpoints");
        long[] sizes = {1000, 10000};
        long[] heaps = {80, enrichHeapAt10k};
        for (int i = 0; i < 2; i++) {
            ObjectNode c = checkpoints.addObject();
            c.put("documents", sizes[i]);
            ObjectNode load = c.putObject("load");
            load.put("documentsPerSecondSteady", steady + i);
            load.putObject("cpu").put("otherProcessesCores", i == 1 ? otherCores : 0.01)
                    .putObject("enrich").put("cpuMillisPerDocument", 14.5).put("cores", 1.0);
            ObjectNode probe = c.putObject("probe");
            probe.putObject("alertMillis").put("count", 100).put("p50", 100).put("p95", 150).put("p99", alertP99);
            probe.putObject("searchableMillis").put("count", 100).put("p50", 700).put("p95", 1200)
                    .put("p99", searchableP99);
            c.putObject("memory").putObject("enrich").put("liveHeapMegabytes", heaps[i]);
        }
        return r;
    }

    private static JsonNode goal(JsonNode goals, String startsWith) {
        for (JsonNode g : goals) {
            if (g.path("goal").asText().startsWith(startsWith)) {
                return g;
            }
        }
        throw new AssertionError("no goal starting with " + startsWith + " in " + goals);
    }

    @Test
    void goalsAreJudgedOnTheWorstCheckpoint() {
        JsonNode goals = BenchReport.goals(results(99.5, 240, 1400, 90, 0));

        assertThat(goal(goals, "documents per second").path("met").asBoolean())
                .as("the 10k checkpoint ran at 100.5/s").isTrue();
        assertThat(goal(BenchReport.goals(results(98.5, 240, 1400, 90, 0)), "documents per second")
                .path("met").asBoolean()).as("the 10k checkpoint ran at 99.5/s, under the goal").isFalse();
        assertThat(goal(goals, "alert p99").path("met").asBoolean()).isTrue();
        assertThat(goal(goals, "searchable p99").path("met").asBoolean()).isTrue();
        assertThat(goal(goals, "memory flat").path("met").asBoolean()).isTrue();

        JsonNode worse = BenchReport.goals(results(120, 260, 1600, 300, 0));
        assertThat(goal(worse, "documents per second").path("met").asBoolean()).isTrue();
        assertThat(goal(worse, "alert p99").path("met").asBoolean()).isFalse();
        assertThat(goal(worse, "searchable p99").path("met").asBoolean()).isFalse();
        assertThat(goal(worse, "memory flat").path("measured").asText()).contains("enrich 80 → 300 MB");
        assertThat(goal(worse, "memory flat").path("met").asBoolean()).isFalse();
    }

    @Test
    void theFirstLoadPhaseIsTheColdStartAndIsReportedButNotJudged() {
        ObjectNode r = results(130, 200, 1300, 85, 0);
        ((ObjectNode) r.path("checkpoints").get(0).path("load")).put("documentsPerSecondSteady", 60);

        JsonNode goal = goal(BenchReport.goals(r), "documents per second");
        assertThat(goal.path("measured").asText()).contains("1k: 60.0/s (cold start, not judged)")
                .contains("10k: 131/s");
        assertThat(goal.path("met").asBoolean()).isTrue();

        ((ObjectNode) r.path("checkpoints").get(1).path("load")).put("documentsPerSecondSteady", 90);
        assertThat(goal(BenchReport.goals(r), "documents per second").path("met").asBoolean()).isFalse();
    }

    @Test
    void aRunIsReportedSharedOnlyWhenOtherProcessesTookCpu(@TempDir Path dir) throws Exception {
        Path quiet = BenchReport.write(results(120, 200, 1300, 85, 0.05), dir, "quiet", "./newsintel bench");
        Path busy = BenchReport.write(results(120, 200, 1300, 85, 1.2), dir, "busy", "./newsintel bench");

        String quietMd = Files.readString(quiet, StandardCharsets.UTF_8);
        String busyMd = Files.readString(busy, StandardCharsets.UTF_8);
        assertThat(quietMd).contains("The machine ran nothing else").doesNotContain("was shared");
        assertThat(busyMd).contains("**The machine was shared**").contains("up to 1.2 cores");
        assertThat(Json.MAPPER.readTree(dir.resolve("busy.json").toFile()).path("goals")).hasSize(4);
        assertThat(busyMd).contains("| goal | target | measured | met |");
    }
}
