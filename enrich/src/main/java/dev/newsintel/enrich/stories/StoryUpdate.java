package dev.newsintel.enrich.stories;

import java.util.List;
import java.util.Objects;

import dev.newsintel.enrich.alerts.AlertCandidate;
import dev.newsintel.events.AiModel;
import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.Money;
import dev.newsintel.events.Story;

/**
 * What one document adds to its story, on its way to the story's partition (internal to the enrich topology):
 * the source, its facts, and the rules it matched.
 *
 * @param eventTime the document's publication time (or arrival time when unknown), epoch milliseconds
 * @param alerts    the rules the document matched; the story's partition raises at most one alert per rule
 */
public record StoryUpdate(String storyId, Story.StorySource source, long eventTime, List<EntityRef> companies,
                          List<AnnouncementType> types, List<Money> amounts, List<AiModel> models,
                          List<String> announcementIds, List<AlertCandidate> alerts) {
    public StoryUpdate {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(source, "source");
        companies = companies == null ? List.of() : List.copyOf(companies);
        types = types == null ? List.of() : List.copyOf(types);
        amounts = amounts == null ? List.of() : List.copyOf(amounts);
        models = models == null ? List.of() : List.copyOf(models);
        announcementIds = announcementIds == null ? List.of() : List.copyOf(announcementIds);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }
}
