package dev.newsintel.enrich.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsintel.enrich.stories.StoryAssigner;
import dev.newsintel.enrich.stories.StoryMerger;
import dev.newsintel.enrich.stories.StoryUpdate;
import dev.newsintel.events.EnrichedDocument;

/**
 * Matches each assigned document against every rule in force (the built-in ones and the subscriptions global
 * table) and sends what the document adds to its story, with the rules it matched, to the story's partition.
 */
public final class AlertMatcher implements Processor<String, StoryAssigner.Assigned, String, StoryUpdate> {
    private static final Logger LOG = LoggerFactory.getLogger(AlertMatcher.class);

    private final List<AlertRule> builtIns;
    private final String subscriptionStore;
    private ProcessorContext<String, StoryUpdate> context;
    private RuleBook rules;

    public AlertMatcher(List<AlertRule> builtIns, String subscriptionStore) {
        this.builtIns = List.copyOf(builtIns);
        this.subscriptionStore = subscriptionStore;
    }

    @Override
    public void init(ProcessorContext<String, StoryUpdate> context) {
        this.context = context;
        this.rules = new RuleBook(context.getStateStore(subscriptionStore), builtIns);
    }

    @Override
    public void process(Record<String, StoryAssigner.Assigned> record) {
        EnrichedDocument document = record.value().document();
        MatchableDocument matchable = new MatchableDocument(document);
        List<AlertCandidate> candidates = new ArrayList<>();
        for (AlertRule rule : rules.rules()) {
            Optional<AlertRule.Match> match;
            try {
                match = rule.match(matchable);
            } catch (RuntimeException e) {
                // A rule that cannot be evaluated on one document must not stop the stream for every rule.
                LOG.warn("Rule {} failed on document {}; skipped", rule.id(), document.id(), e);
                continue;
            }
            match.ifPresent(m -> candidates.add(new AlertCandidate(rule.id(), rule.name(), m.reasons(),
                    m.announcement(), document.id(), document.title(), document.url(), document.publishedAt())));
        }
        context.forward(record.withKey(document.storyId())
                .withValue(StoryMerger.updateOf(document, record.value().eventTime(), candidates)));
    }
}
