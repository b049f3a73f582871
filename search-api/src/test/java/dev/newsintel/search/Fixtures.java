package dev.newsintel.search;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.events.AiModel;
import dev.newsintel.events.Alert;
import dev.newsintel.events.Announcement;
import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.EnrichedDocument;
import dev.newsintel.events.Entity;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.EntityType;
import dev.newsintel.events.Evidence;
import dev.newsintel.events.Filing;
import dev.newsintel.events.Json;
import dev.newsintel.events.Money;
import dev.newsintel.events.Story;
import dev.newsintel.events.Topics;

/**
 * Events the tests publish themselves, in the real record types, each carrying a marker word and companies of its
 * own (ticker, CIK, name unique per test run), so tests find exactly their data in a shared Kafka and Elasticsearch.
 */
final class Fixtures implements AutoCloseable {
    private static final AtomicLong CIKS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    final String marker;
    final EntityRef orbital;
    final EntityRef lumen;
    private final String bootstrapServers;
    private KafkaProducer<String, byte[]> producer;

    Fixtures(String bootstrapServers, String marker) {
        this.marker = marker;
        String suffix = marker.replaceAll("[^0-9]", "");
        this.orbital = EntityRef.company("Orbital Systems " + marker, cik(), "ORB" + suffix);
        this.lumen = EntityRef.company("Lumen Robotics " + marker, cik(), "LUM" + suffix);
        this.bootstrapServers = bootstrapServers;
    }

    /** Made on first use: tests that only build events need no Kafka. */
    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static String cik() {
        String digits = Long.toString(CIKS.incrementAndGet() % 10_000_000_000L);
        return "0".repeat(10 - digits.length()) + digits;
    }

    void publish(String topic, String key, Object value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value == null ? null : Json.toBytes(value))).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** Publishes and returns the offset Kafka gave the record. */
    org.apache.kafka.clients.producer.RecordMetadata publishAt(String topic, String key, Object value) {
        try {
            return producer().send(new ProducerRecord<>(topic, key, value == null ? null : Json.toBytes(value))).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    void publishRaw(String topic, String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    void publish(EnrichedDocument document) {
        publish(Topics.ENRICHED_DOCUMENTS.name(), document.id(), document);
    }

    void publish(Announcement announcement) {
        publish(Topics.ANNOUNCEMENTS.name(), announcement.id(), announcement);
    }

    void publish(Story story) {
        publish(Topics.STORIES.name(), story.id(), story);
    }

    void publish(Alert alert) {
        publish(Topics.ALERTS.name(), alert.ruleId(), alert);
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    Announcement announcement(String documentId, AnnouncementType type, EntityRef company, Money amount,
                              AiModel model, String title, String site, Instant publishedAt) {
        return announcement(documentId, type, company, null, amount, model, title, site, publishedAt);
    }

    Announcement announcement(String documentId, AnnouncementType type, EntityRef company, EntityRef counterparty,
                              Money amount, AiModel model, String title, String site, Instant publishedAt) {
        String evidence = title + " (" + marker + ")";
        return new Announcement(1, Announcement.idFor(documentId, type, 0, evidence.length()), type, documentId,
                company, amount, amount == null ? null : "P5Y", null, counterparty, model, null,
                new Evidence(evidence, 0, evidence.length()), 0.9, publishedAt, "https://" + site + "/" + documentId,
                title, site, null);
    }

    EnrichedDocument document(String id, DocumentKind kind, String site, String title, String text,
                              Instant publishedAt, Filing filing, List<EntityRef> companies,
                              List<Announcement> announcements) {
        String fullText = text + " " + marker;
        List<Entity> entities = companies.stream()
                .map(c -> new Entity(EntityType.ORG, c.name(), 0, Math.min(fullText.length(), 5), c)).toList();
        return new EnrichedDocument(1, id, kind, "test", "https://" + site + "/" + id, title, fullText, publishedAt,
                publishedAt, null, "en", site, filing, entities, List.of(), announcements, null, publishedAt,
                Map.of("fixture", "true"));
    }

    /** Four documents of two companies, over two months, two sites and both kinds. */
    record Corpus(EnrichedDocument investment, EnrichedDocument model, EnrichedDocument filing,
                  EnrichedDocument partnership) {
        List<EnrichedDocument> all() {
            return List.of(investment, model, filing, partnership);
        }
    }

    Corpus corpus() {
        Instant t1 = at("2026-03-10T09:00:00Z");
        Instant t2 = at("2026-03-11T14:00:00Z");
        Instant t3 = at("2026-03-12T16:30:00Z");
        Instant t0 = at("2026-02-01T08:00:00Z");
        String d1 = "url-" + marker + "-investment";
        Announcement investment = announcement(d1, AnnouncementType.INVESTMENT, orbital,
                new Money(new BigDecimal("2000000000"), "USD", new BigDecimal("2000000000")), null,
                "Orbital invests $2 billion in open models", "techwire.example", t1);
        String d2 = "url-" + marker + "-model";
        Announcement model = announcement(d2, AnnouncementType.MODEL_RELEASE, orbital, null,
                new AiModel("Kestrel-" + marker, 7_000_000_000L, 2_000_000_000L, 128_000L, true, List.of("text")),
                "Orbital releases an open-weight model", "devchronicle.example", t2);
        String d3 = "0009999999-26-" + marker.replaceAll("[^0-9]", "") + "/d8k.htm";
        Announcement executive = announcement(d3, AnnouncementType.EXECUTIVE_CHANGE, orbital, null, null,
                "Orbital names a new CFO", "SEC EDGAR", t3);
        String d4 = "url-" + marker + "-partnership";
        Announcement partnership = announcement(d4, AnnouncementType.PARTNERSHIP, lumen, orbital,
                new Money(new BigDecimal("50000000"), "EUR", new BigDecimal("54000000")), null,
                "Lumen and Orbital form a partnership", "techwire.example", t0);
        return new Corpus(
                document(d1, DocumentKind.NEWS, "techwire.example", "Orbital invests $2 billion in open models",
                        "Orbital Systems will invest $2 billion in open models. Its R&D lab <script>alert(1)</script> grows.",
                        t1, null, List.of(orbital), List.of(investment)),
                document(d2, DocumentKind.NEWS, "devchronicle.example", "Orbital releases Kestrel, an open-weight model",
                        "The Kestrel model has 7B parameters, 2B active, and a 128K-token context.", t2, null,
                        List.of(orbital), List.of(model)),
                document(d3, DocumentKind.FILING, "SEC EDGAR", "8-K Orbital Systems",
                        "Item 5.02 Departure of Directors or Certain Officers. Orbital Systems appointed a CFO.", t3,
                        new Filing(orbital.cik(), orbital.name(), orbital.ticker(), "8-K", d3.substring(0, 20),
                                LocalDate.of(2026, 3, 12), t3, List.of("5.02"), List.of(), List.of(), null),
                        List.of(orbital), List.of(executive)),
                document(d4, DocumentKind.NEWS, "techwire.example", "Lumen and Orbital form a partnership",
                        "Lumen Robotics and Orbital Systems announced a partnership worth EUR 50 million.", t0, null,
                        List.of(lumen, orbital), List.of(partnership)));
    }

    Story story(String id, String title, List<EnrichedDocument> documents, List<EntityRef> companies,
                List<AnnouncementType> types, List<Money> amounts) {
        List<Story.StorySource> sources = documents.stream().map(d -> new Story.StorySource(d.id(), d.url(), d.site(),
                d.title(), d.publishedAt(), d.kind())).toList();
        Instant first = documents.stream().map(EnrichedDocument::publishedAt).min(Instant::compareTo).orElseThrow();
        Instant last = documents.stream().map(EnrichedDocument::publishedAt).max(Instant::compareTo).orElseThrow();
        return new Story(1, id, title, first, last, sources, companies, types, amounts, List.of(),
                documents.stream().flatMap(d -> d.announcements().stream().map(Announcement::id)).toList(), last);
    }

    Alert alert(String ruleId, Announcement announcement, String storyId, Instant createdAt) {
        return new Alert(1, Alert.idFor(ruleId, storyId), ruleId, "Rule " + ruleId, storyId, announcement,
                List.of(announcement.documentId()), List.of("type is " + announcement.type()), announcement.title(),
                announcement.url(), announcement.publishedAt(), createdAt);
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }

    // ----- HTTP helpers

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> get(int port, String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }
}
