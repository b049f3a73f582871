package dev.newsintel.events;

import java.util.Objects;

/**
 * A named-entity mention with character offsets into the document's {@code text}.
 *
 * @param canonical what the mention links to, null when it does not link
 */
public record Entity(EntityType type, String text, int start, int end, EntityRef canonical) {
    public Entity {
        Objects.requireNonNull(type, "Entity.type");
        Validation.requireText(text, "Entity.text");
        Validation.requireSpan(start, end, "Entity");
    }
}
