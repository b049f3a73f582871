package dev.newsintel.events;

/**
 * What a mention links to: a company (with CIK and ticker when it files with the SEC), a person, a model.
 *
 * @param id     stable canonical id, e.g. {@code cik:0001045810} for a filer, {@code model:nemotron-3-super}
 * @param name   canonical display name, e.g. {@code NVIDIA CORP}
 * @param cik    ten-digit SEC Central Index Key, null for non-filers
 * @param ticker primary ticker, null when none
 */
public record EntityRef(String id, String name, String cik, String ticker) {
    public EntityRef {
        Validation.requireText(name, "EntityRef.name");
        if (id == null || id.isBlank()) {
            id = cik != null ? "cik:" + cik : "name:" + name.toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static EntityRef company(String name, String cik, String ticker) {
        return new EntityRef(null, name, cik, ticker);
    }
}
