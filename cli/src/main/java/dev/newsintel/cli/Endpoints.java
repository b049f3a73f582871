package dev.newsintel.cli;

import picocli.CommandLine.Option;

/** Where the Kafka and Elasticsearch clusters are: options shared by the commands that use existing clusters. */
final class Endpoints {
    @Option(names = "--kafka", paramLabel = "HOST:PORT", defaultValue = "${env:NEWSINTEL_KAFKA:-localhost:9092}",
            description = "Kafka bootstrap servers (default: $NEWSINTEL_KAFKA or ${DEFAULT-VALUE}).")
    String kafka;

    @Option(names = "--elasticsearch", paramLabel = "URL",
            defaultValue = "${env:NEWSINTEL_ELASTICSEARCH:-http://localhost:9200}",
            description = "Elasticsearch URL (default: $NEWSINTEL_ELASTICSEARCH or ${DEFAULT-VALUE}).")
    String elasticsearch;
}
