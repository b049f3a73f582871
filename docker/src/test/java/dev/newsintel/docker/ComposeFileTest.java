package dev.newsintel.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.newsintel.cli.Main;
import picocli.CommandLine;

/**
 * The compose file parses and describes the stack we mean: the pinned images, ports, health checks, and NewsIntel
 * services whose commands the real {@code newsintel} command line accepts.
 */
class ComposeFileTest {
    static final Path DIR = Path.of(System.getProperty("newsintel.docker.dir", "."));
    private static JsonNode compose;

    @BeforeAll
    static void parse() throws Exception {
        String text = Files.readString(DIR.resolve("compose.yaml"));
        // Jackson's YAML parser reads the file as written; SnakeYAML (underneath it) also resolves the anchors and
        // merge keys (<<: *newsintel) the way docker compose does, which is what the service checks need.
        new ObjectMapper(new YAMLFactory()).readTree(text);
        compose = new ObjectMapper().valueToTree(new org.yaml.snakeyaml.Yaml().load(text));
    }

    @Test
    void runsKafkaElasticsearchKibanaAndTheThreeStagesOnPinnedImages() {
        JsonNode services = compose.path("services");
        assertThat(fieldNames(services)).containsExactlyInAnyOrder("kafka", "elasticsearch", "kibana", "kibana-setup",
                "ingest", "enrich", "serve");
        assertThat(services.path("kafka").path("image").asText()).isEqualTo("apache/kafka:4.3.1");
        assertThat(services.path("elasticsearch").path("image").asText())
                .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:8.19.21");
        assertThat(services.path("kibana").path("image").asText()).isEqualTo("docker.elastic.co/kibana/kibana:8.19.21");
        for (String stage : List.of("ingest", "enrich", "serve")) {
            JsonNode service = services.path(stage);
            assertThat(service.path("image").asText()).as(stage).isEqualTo("newsintel:dev");
            assertThat(service.path("build").path("dockerfile").asText()).as(stage).isEqualTo("docker/Dockerfile");
            assertThat(DIR.resolve(service.path("build").path("context").asText()).resolve("docker/Dockerfile"))
                    .as(stage).exists();
            assertThat(service.path("depends_on").path("kafka").path("condition").asText()).as(stage)
                    .isEqualTo("service_healthy");
        }
    }

    @Test
    void portsEnvironmentAndHealthChecksAreWhereTheDocsSay() {
        JsonNode services = compose.path("services");
        assertThat(strings(services.path("serve").path("ports"))).contains("8080:8080");
        assertThat(strings(services.path("kibana").path("ports"))).contains("5601:5601");
        assertThat(strings(services.path("elasticsearch").path("ports"))).contains("9200:9200");
        assertThat(strings(services.path("kafka").path("ports"))).contains("29092:29092");

        JsonNode kafka = services.path("kafka").path("environment");
        assertThat(kafka.path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
        assertThat(kafka.path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(kafka.path("KAFKA_ADVERTISED_LISTENERS").asText()).contains("PLAINTEXT://kafka:9092");
        JsonNode es = services.path("elasticsearch").path("environment");
        assertThat(es.path("discovery.type").asText()).isEqualTo("single-node");
        assertThat(es.path("xpack.security.enabled").asText()).isEqualTo("false");
        assertThat(services.path("kibana").path("environment").path("ELASTICSEARCH_HOSTS").asText())
                .contains("http://elasticsearch:9200");
        assertThat(services.path("serve").path("environment").has("NEWSINTEL_API_KEY")).isTrue();

        for (String name : List.of("kafka", "elasticsearch", "kibana", "serve")) {
            assertThat(services.path(name).path("healthcheck").path("test").isArray()).as(name).isTrue();
        }
        JsonNode setup = services.path("kibana-setup");
        assertThat(setup.path("restart").asText()).isEqualTo("no");
        assertThat(setup.path("depends_on").path("kibana").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(strings(setup.path("volumes"))).contains("./kibana:/setup:ro");
        assertThat(strings(setup.path("entrypoint"))).contains("/setup/import-saved-objects.sh");
        assertThat(DIR.resolve("kibana/import-saved-objects.sh")).isExecutable();
        assertThat(DIR.resolve("kibana/saved-objects.ndjson")).exists();
        for (String volume : List.of("kafka-data", "es-data", "enrich-state")) {
            assertThat(compose.path("volumes").has(volume)).as(volume).isTrue();
        }
    }

    @Test
    void theStagesRunRealNewsintelCommands() {
        for (String stage : List.of("ingest", "enrich", "serve")) {
            List<String> command = strings(compose.path("services").path(stage).path("command"));
            assertThat(command).as(stage).isNotEmpty();
            assertThat(command.get(0)).isEqualTo(stage);
            // The real command line parses it: every option exists and takes what is given.
            assertThatCode(() -> new CommandLine(new Main()).parseArgs(command.toArray(String[]::new)))
                    .as(String.join(" ", command)).doesNotThrowAnyException();
        }
        assertThatCode(() -> new CommandLine(new Main()).parseArgs("serve", "--no-such-option"))
                .as("the check can fail").isInstanceOf(CommandLine.UnmatchedArgumentException.class);
    }

    @Test
    void theImageRunsTheCliFromItsPackagedLayout() throws Exception {
        String dockerfile = Files.readString(DIR.resolve("Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:2[1-9]-jre");
        assertThat(dockerfile).contains("COPY cli/target/lib/ lib/").contains("COPY cli/target/newsintel-cli.jar ");
        assertThat(dockerfile).contains(Main.class.getName()).containsPattern("(?m)^USER newsintel");
        // The cli module's build produces exactly that layout.
        String cliPom = Files.readString(DIR.resolve("../cli/pom.xml"));
        assertThat(cliPom).contains("<finalName>newsintel-cli</finalName>")
                .contains("<outputDirectory>${project.build.directory}/lib</outputDirectory>");
        String ignore = Files.readString(DIR.resolve("Dockerfile.dockerignore"));
        assertThat(ignore).contains("!cli/target/newsintel-cli.jar").contains("!cli/target/lib/");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return values;
    }
}
