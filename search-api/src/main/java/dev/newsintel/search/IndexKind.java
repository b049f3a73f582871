package dev.newsintel.search;

/**
 * The indices NewsIntel writes. Each is a versioned index ({@code newsintel-documents-v1}) behind an alias
 * ({@code newsintel-documents}): a mapping change gets a new version, filled by replaying Kafka, and the alias
 * then moves to it.
 */
public enum IndexKind {
    DOCUMENTS("documents", 1);

    private final String name;
    private final int version;

    IndexKind(String name, int version) {
        this.name = name;
        this.version = version;
    }

    /** The alias readers and writers use. */
    public String alias() {
        return "newsintel-" + name;
    }

    /** The concrete index of the current mapping version. */
    public String index() {
        return alias() + "-v" + version;
    }

    /** The index template resource, under {@code index-templates/}. */
    public String templateResource() {
        return "index-templates/" + name + ".json";
    }

    public String templateName() {
        return alias();
    }
}
