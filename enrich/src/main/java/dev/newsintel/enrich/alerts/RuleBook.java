package dev.newsintel.enrich.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsintel.enrich.stories.GlobalTables;
import dev.newsintel.events.Subscription;
import dev.newsintel.events.Subscriptions;

/**
 * The rules in force, read from the subscriptions global table at every record, so a rule created, changed or
 * deleted applies from the next record on, on every instance, without a restart. Compiled rules are cached and
 * reused while their subscription is unchanged. A subscription that is not valid (a rule with no criterion, a
 * built-in id...) is ignored with a warning: it never stops the stream.
 *
 * <p>Rules are evaluated one after the other: fine for thousands of rules; an index by type and company would be
 * the next step beyond.
 */
public final class RuleBook {
    private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);

    private final KeyValueStore<String, ?> subscriptions;
    private final List<AlertRule> builtIns;
    private final Map<String, SubscriptionRule> compiled = new HashMap<>();
    private final Set<Subscription> reported = new HashSet<>();

    public RuleBook(KeyValueStore<String, ?> subscriptions, List<AlertRule> builtIns) {
        this.subscriptions = subscriptions;
        this.builtIns = List.copyOf(builtIns);
    }

    /** The built-in rules, then every valid subscription. */
    public List<AlertRule> rules() {
        List<AlertRule> rules = new ArrayList<>(builtIns);
        Set<String> seen = new HashSet<>();
        try (KeyValueIterator<String, ?> it = subscriptions.all()) {
            while (it.hasNext()) {
                KeyValue<String, ?> entry = it.next();
                SubscriptionRule rule = compile(entry.key, GlobalTables.unwrap(entry.value));
                if (rule != null) {
                    rules.add(rule);
                    seen.add(rule.id());
                }
            }
        }
        compiled.keySet().retainAll(seen);
        return rules;
    }

    /** True when the rule exists now: built in, or a valid subscription in the table. */
    public boolean exists(String ruleId) {
        if (builtIns.stream().anyMatch(r -> r.id().equals(ruleId))) {
            return true;
        }
        return compile(ruleId, GlobalTables.unwrap(subscriptions.get(ruleId))) != null;
    }

    private SubscriptionRule compile(String key, Object value) {
        if (!(value instanceof Subscription subscription)) {
            return null;
        }
        SubscriptionRule cached = compiled.get(key);
        if (cached != null && cached.subscription().equals(subscription)) {
            return cached;
        }
        List<String> problems = new ArrayList<>(Subscriptions.problems(subscription));
        if (!subscription.id().equals(key)) {
            problems.add("its id " + subscription.id() + " is not its key " + key);
        }
        if (!problems.isEmpty()) {
            if (reported.add(subscription)) {
                LOG.warn("Ignoring rule {}: {}", key, String.join("; ", problems));
            }
            compiled.remove(key);
            return null;
        }
        SubscriptionRule rule = new SubscriptionRule(subscription);
        compiled.put(key, rule);
        return rule;
    }
}
