package dev.newsintel.search;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.events.EntityRef;

/** How a company is named in a request: canonical id, ticker, CIK (with or without leading zeros) or exact name. */
final class CompanyKeys {
    private CompanyKeys() {
    }

    /** The ten-digit form of a CIK ({@code 1045810} or {@code CIK0001045810}), or null when it is not one. */
    static String normalizeCik(String key) {
        String digits = key.trim();
        if (digits.regionMatches(true, 0, "cik", 0, 3)) {
            digits = digits.substring(3).replaceFirst("^[:\\s]", "");
        }
        if (!digits.matches("\\d{1,10}")) {
            return null;
        }
        return "0".repeat(10 - digits.length()) + digits;
    }

    static boolean matches(EntityRef ref, String key) {
        String cik = normalizeCik(key);
        return key.equals(ref.id())
                || (ref.ticker() != null && ref.ticker().equalsIgnoreCase(key))
                || (cik != null && cik.equals(ref.cik()))
                || ref.name().equalsIgnoreCase(key.trim());
    }

    /** The first company reference in an indexed event that {@code key} names. */
    static Optional<EntityRef> findIn(JsonNode source, String key) {
        if (source == null) {
            return Optional.empty();
        }
        for (String field : new String[] {"company", "target", "counterparty"}) {
            Optional<EntityRef> ref = check(source.get(field), key);
            if (ref.isPresent()) {
                return ref;
            }
        }
        for (JsonNode announcement : source.path("announcements")) {
            Optional<EntityRef> ref = findIn(announcement, key);
            if (ref.isPresent()) {
                return ref;
            }
        }
        for (JsonNode entity : source.path("entities")) {
            Optional<EntityRef> ref = check(entity.get("canonical"), key);
            if (ref.isPresent()) {
                return ref;
            }
        }
        JsonNode filing = source.get("filing");
        if (filing != null && filing.hasNonNull("company")) {
            EntityRef ref = EntityRef.company(filing.get("company").asText(),
                    filing.hasNonNull("cik") ? filing.get("cik").asText() : null,
                    filing.hasNonNull("ticker") ? filing.get("ticker").asText() : null);
            if (matches(ref, key)) {
                return Optional.of(ref);
            }
        }
        return Optional.empty();
    }

    private static Optional<EntityRef> check(JsonNode node, String key) {
        if (node == null || !node.hasNonNull("name")) {
            return Optional.empty();
        }
        EntityRef ref = new EntityRef(text(node, "id"), node.get("name").asText(), text(node, "cik"),
                text(node, "ticker"));
        return matches(ref, key) ? Optional.of(ref) : Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
