package dev.newsintel.enrich.alerts;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsintel.events.EventFormatException;
import dev.newsintel.events.Json;
import dev.newsintel.events.Subscription;

/**
 * Reads subscriptions for the global table, where a record that is not a valid rule must not stop every instance:
 * it is logged and read as absent (null), which is what a deleted rule is.
 */
public final class TolerantSubscriptionSerde implements Serde<Subscription> {
    private static final Logger LOG = LoggerFactory.getLogger(TolerantSubscriptionSerde.class);

    @Override
    public Serializer<Subscription> serializer() {
        return (topic, value) -> value == null ? null : Json.toBytes(value);
    }

    @Override
    public Deserializer<Subscription> deserializer() {
        return (topic, bytes) -> {
            try {
                return Json.fromBytes(bytes, Subscription.class);
            } catch (EventFormatException e) {
                LOG.warn("Ignoring a record of {} that is not a valid rule: {}", topic, e.getMessage());
                return null;
            }
        };
    }
}
