package dev.newsintel.enrich.alerts;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.newsintel.enrich.stories.StoryAggregator;
import dev.newsintel.events.Alert;
import dev.newsintel.events.Story;
import dev.newsintel.events.Topics;

/**
 * Raises alerts, on the story's partition: one per story and rule, however many outlets tell the story. The first
 * document of a story that matches a rule raises the alert; later documents that match the same rule add to the
 * story (on the stories topic) but raise nothing. Raised alert ids are kept in a changelogged store for good (a
 * few dozen bytes each), so a restart or a re-processed document never raises an alert twice.
 *
 * <p>A candidate whose rule was deleted meanwhile is dropped. An alert whose rule topic does not exist still goes
 * to the firehose, and is reported ({@link AlertOutcome#routable()} false) for the dead-letter topic.
 */
public final class AlertRaiser implements Processor<String, StoryAggregator.Change, String, AlertOutcome> {
    private final List<AlertRule> builtIns;
    private final String subscriptionStore;
    private final String raisedStore;
    private final AlertTopicCatalog topics;
    private final Clock clock;
    private ProcessorContext<String, AlertOutcome> context;
    private RuleBook rules;
    private KeyValueStore<String, String> raised;

    public AlertRaiser(List<AlertRule> builtIns, String subscriptionStore, String raisedStore,
                       AlertTopicCatalog topics, Clock clock) {
        this.builtIns = List.copyOf(builtIns);
        this.subscriptionStore = subscriptionStore;
        this.raisedStore = raisedStore;
        this.topics = topics;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, AlertOutcome> context) {
        this.context = context;
        this.rules = new RuleBook(context.getStateStore(subscriptionStore), builtIns);
        this.raised = context.getStateStore(raisedStore);
    }

    @Override
    public void process(Record<String, StoryAggregator.Change> record) {
        Story story = record.value().story();
        for (AlertCandidate candidate : record.value().update().alerts()) {
            String alertId = Alert.idFor(candidate.ruleId(), story.id());
            if (raised.get(alertId) != null || !rules.exists(candidate.ruleId())) {
                continue;
            }
            raised.put(alertId, story.id());
            Alert alert = new Alert(Alert.SCHEMA_VERSION, alertId, candidate.ruleId(), candidate.ruleName(),
                    story.id(), candidate.announcement(),
                    story.sources().stream().map(Story.StorySource::documentId).toList(), candidate.reasons(),
                    candidate.title() != null ? candidate.title() : story.title(), candidate.url(),
                    candidate.publishedAt(), clock.instant());
            boolean routable = topics.exists(Topics.alertTopic(candidate.ruleId()).name());
            // Alerts are events of their own: timestamped when raised, so the alert topics' retention counts from
            // then, even for an alert about an old document.
            context.forward(new Record<>(candidate.ruleId(), new AlertOutcome(alert, routable),
                    alert.createdAt().toEpochMilli()));
        }
    }
}
