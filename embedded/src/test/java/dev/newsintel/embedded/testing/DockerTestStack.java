package dev.newsintel.embedded.testing;

import java.time.Duration;

import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import dev.newsintel.embedded.Versions;

/** Kafka and Elasticsearch in containers, for hosts with a Docker engine. Same versions as the local servers. */
final class DockerTestStack implements TestStack, AutoCloseable {
    private final KafkaContainer kafka;
    private final ElasticsearchContainer elasticsearch;

    DockerTestStack() {
        kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:" + Versions.kafka()))
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        elasticsearch = new ElasticsearchContainer(DockerImageName
                .parse("docker.elastic.co/elasticsearch/elasticsearch:" + Versions.elasticsearch()))
                .withEnv("xpack.security.enabled", "false")
                .withEnv("discovery.type", "single-node")
                .withEnv("ES_JAVA_OPTS", "-Xms768m -Xmx768m")
                .withStartupTimeout(Duration.ofMinutes(3));
        kafka.start();
        elasticsearch.start();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String elasticsearchUrl() {
        return "http://" + elasticsearch.getHttpHostAddress();
    }

    @Override
    public String kind() {
        return "docker";
    }

    @Override
    public void restartKafka() {
        // Pause/unpause keeps the mapped ports, which a stop/start of the container would change.
        var client = kafka.getDockerClient();
        client.pauseContainerCmd(kafka.getContainerId()).exec();
        client.unpauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public void stopElasticsearch() {
        elasticsearch.getDockerClient().pauseContainerCmd(elasticsearch.getContainerId()).exec();
    }

    @Override
    public void startElasticsearch() {
        elasticsearch.getDockerClient().unpauseContainerCmd(elasticsearch.getContainerId()).exec();
    }

    @Override
    public void close() {
        elasticsearch.stop();
        kafka.stop();
    }
}
