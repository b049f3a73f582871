package dev.newsintel.events;

/** The serde of each event type: explicit, so no topology depends on a default serde. */
public final class EventSerdes {
    private EventSerdes() {
    }

    public static JsonSerde<RawDocument> rawDocument() {
        return new JsonSerde<>(RawDocument.class);
    }

    public static JsonSerde<EnrichedDocument> enrichedDocument() {
        return new JsonSerde<>(EnrichedDocument.class);
    }

    public static JsonSerde<Announcement> announcement() {
        return new JsonSerde<>(Announcement.class);
    }

    public static JsonSerde<Story> story() {
        return new JsonSerde<>(Story.class);
    }

    public static JsonSerde<Subscription> subscription() {
        return new JsonSerde<>(Subscription.class);
    }

    public static JsonSerde<Alert> alert() {
        return new JsonSerde<>(Alert.class);
    }

    public static JsonSerde<DeadLetter> deadLetter() {
        return new JsonSerde<>(DeadLetter.class);
    }
}
