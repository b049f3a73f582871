package dev.newsintel.enrich;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsintel.events.DeadLetter;
import dev.newsintel.events.Json;
import dev.newsintel.events.Topics;

/**
 * The last line of defence when a record cannot be written: a record too large for its topic, or an alert for a
 * rule topic that disappeared after it was checked, goes to the dead-letter topic and the stream goes on. Anything
 * else (the broker unreachable, authorization) fails the thread as usual, since skipping would lose data.
 */
public final class EnrichProductionExceptionHandler implements ProductionExceptionHandler {
    /** Config key under which {@link EnrichApp} hands the instance's {@link EnrichMetrics} to the handler. */
    public static final String METRICS_CONFIG = "newsintel.enrich.metrics";

    private static final Logger LOG = LoggerFactory.getLogger(EnrichProductionExceptionHandler.class);
    private static final String RULE_TOPIC_PREFIX = Topics.ALERTS.name() + ".";

    private EnrichMetrics metrics = new EnrichMetrics();

    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.get(METRICS_CONFIG) instanceof EnrichMetrics given) {
            this.metrics = given;
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                Exception exception) {
        boolean tooLarge = exception instanceof RecordTooLargeException;
        boolean missingRuleTopic = record.topic().startsWith(RULE_TOPIC_PREFIX)
                && (exception instanceof UnknownTopicOrPartitionException || exception instanceof TimeoutException);
        if (!tooLarge && !missingRuleTopic) {
            return Response.fail();
        }
        LOG.warn("Could not write a record to {} ({}); sent to {} instead", record.topic(), exception.toString(),
                Topics.DLQ.name());
        metrics.deadLetter();
        String key = record.key() == null ? null : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
        DeadLetter letter = DeadLetters.of("enrich.produce", record.topic(), context.partition(), context.offset(),
                key, exception, tooLarge ? null : record.value(), Clock.systemUTC().instant());
        return Response.resume(List.of(new ProducerRecord<>(Topics.DLQ.name(), null, record.timestamp(),
                record.key(), Json.toBytes(letter))));
    }
}
