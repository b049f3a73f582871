package dev.newsintel.cli;

import dev.newsintel.embedded.Versions;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"newsintel " + (version == null ? "(development build)" : version),
                "Kafka " + Versions.kafka() + ", Elasticsearch " + Versions.elasticsearch(),
                "Java " + Runtime.version()};
    }
}
