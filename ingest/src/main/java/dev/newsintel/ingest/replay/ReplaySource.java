package dev.newsintel.ingest.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.Ids;
import dev.newsintel.events.Json;
import dev.newsintel.events.RawDocument;
import dev.newsintel.ingest.DocumentSink;
import dev.newsintel.ingest.SizePolicy;
import dev.newsintel.ingest.Source;
import dev.newsintel.ingest.feed.Feed;
import dev.newsintel.ingest.feed.FeedFormatException;
import dev.newsintel.ingest.feed.FeedItem;
import dev.newsintel.ingest.feed.FeedParser;

/**
 * Loads a folder of documents, recursively and in name order: how tests and analysts load a backfill.
 *
 * <ul>
 *   <li>{@code .html}, {@code .htm}: a web page, or a filing document when it carries SEC/inline-XBRL markers or
 *       its path an EDGAR accession number ({@code 0001045810-26-000024});</li>
 *   <li>{@code .txt}: plain text, or an EDGAR full-submission file ({@code <SEC-DOCUMENT>});</li>
 *   <li>{@code .xml}: an RSS or Atom feed, each entry a document;</li>
 *   <li>{@code .json}: a JSON Feed (each item a document) or one document object
 *       ({@code {"url","title","text"|"html","publishedAt","kind"}});</li>
 *   <li>any of these gzip-compressed with a {@code .gz} suffix.</li>
 * </ul>
 *
 * <p>Ids are stable (the URL when known, else a hash of the content), so replaying the same folder twice
 * writes the same documents again rather than new ones. A file that cannot be read is reported and skipped.
 */
public final class ReplaySource implements Source {
    private static final Logger LOG = LoggerFactory.getLogger(ReplaySource.class);
    private static final Pattern ACCESSION = Pattern.compile("ACCESSION NUMBER:\\s*(\\d{10}-\\d{2}-\\d{6})");
    private static final Pattern ACCESSION_IN_NAME = Pattern.compile("(\\d{10}-\\d{2}-\\d{6})");
    /** Decompressed size bound: a gzip bomb stops here and the document is flagged truncated. */
    private static final long MAX_FILE_BYTES = SizePolicy.MAX_BODY_BYTES + 1L;

    private final Path folder;
    private final String sourceId;
    private final Clock clock;
    private final FeedParser feeds = new FeedParser();
    private final List<String> failures = new ArrayList<>();
    private final AtomicInteger emitted = new AtomicInteger();

    public ReplaySource(Path folder, String sourceId, Clock clock) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Replay folder does not exist or is not a directory: " + folder);
        }
        this.folder = folder;
        this.sourceId = sourceId;
        this.clock = clock;
    }

    @Override
    public String id() {
        return sourceId;
    }

    /** Documents handed to the sink by the last {@link #poll}. */
    public int emitted() {
        return emitted.get();
    }

    /** Files that could not be read by the last {@link #poll}, each with its reason. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void poll(DocumentSink sink) throws IOException {
        failures.clear();
        emitted.set(0);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(ReplaySource::supported).sorted().toList();
        }
        for (Path file : files) {
            try {
                for (RawDocument document : read(file)) {
                    sink.accept(document);
                    emitted.incrementAndGet();
                }
            } catch (IOException | FeedFormatException | RuntimeException e) {
                String reason = folder.relativize(file) + ": " + e.getMessage();
                failures.add(reason);
                LOG.warn("Skipped {}", reason);
            }
        }
        LOG.info("Replayed {} documents from {} files in {}{}", emitted.get(), files.size(), folder,
                failures.isEmpty() ? "" : " (" + failures.size() + " files failed)");
    }

    public static boolean supported(Path file) {
        String name = baseName(file);
        return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".txt") || name.endsWith(".xml")
                || name.endsWith(".json");
    }

    /** The documents in one file. */
    public List<RawDocument> read(Path file) throws IOException, FeedFormatException {
        Bytes content = readBounded(file);
        String name = baseName(file);
        String relative = folder.relativize(file).toString();
        Instant now = clock.instant();
        Map<String, String> metadata = new HashMap<>();
        metadata.put("file", relative);
        if (name.endsWith(".xml")) {
            return fromFeed(feeds.parse(content.bytes), relative, now);
        }
        if (name.endsWith(".json")) {
            JsonNode root = Json.MAPPER.readTree(content.bytes);
            if (root != null && root.has("items")) {
                return fromFeed(feeds.parse(content.bytes), relative, now);
            }
            return List.of(fromJsonDocument(root, relative, now));
        }
        String head = new String(content.bytes, 0, Math.min(content.bytes.length, 8192), StandardCharsets.ISO_8859_1);
        boolean html = name.endsWith(".html") || name.endsWith(".htm");
        // EDGAR names what it serves after the accession number (<accession>.txt, folders of a filing's
        // documents): such a file is a filing document even when its own text carries no SEC marker, as an
        // EX-99.1 press release does not.
        boolean namedLikeFiling = ACCESSION_IN_NAME.matcher(relative).find();
        DocumentKind kind = namedLikeFiling || looksLikeFiling(head, html) ? DocumentKind.FILING : DocumentKind.NEWS;
        String id = Ids.forContent(content.bytes);
        if (kind == DocumentKind.FILING) {
            String accession = accession(head, relative);
            if (accession != null) {
                metadata.put("accessionNumber", accession);
                id = Ids.forFiling(accession, stripGz(file.getFileName().toString()));
            }
        }
        String contentType = html ? "text/html" : "text/plain";
        RawDocument document = new RawDocument(RawDocument.SCHEMA_VERSION, id, kind, sourceId, null, contentType,
                null, now, null, metadata, content.bytes, content.truncated, content.length);
        return List.of(document);
    }

    private List<RawDocument> fromFeed(Feed feed, String relative, Instant now) {
        List<RawDocument> documents = new ArrayList<>();
        for (FeedItem item : feed.items()) {
            if (item.content() == null && item.title() == null) {
                continue;
            }
            String body = item.content() != null ? item.content() : "";
            if (item.title() != null && "text/html".equals(item.contentType())) {
                body = "<html><head><title>" + escape(item.title()) + "</title></head><body>" + body + "</body></html>";
            } else if (item.title() != null) {
                body = item.title() + "\n\n" + body;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String key = item.link() != null ? item.link() : item.id();
            String id = key != null ? Ids.forUrl(key) : Ids.forContent(bytes);
            Map<String, String> metadata = new HashMap<>();
            metadata.put("file", relative);
            putIfPresent(metadata, "feedTitle", feed.title());
            putIfPresent(metadata, "title", item.title());
            putIfPresent(metadata, "author", item.author());
            putIfPresent(metadata, "feedItemId", item.id());
            documents.add(RawDocument.of(id, DocumentKind.NEWS, sourceId, item.link(),
                    item.contentType() == null ? "text/html" : item.contentType(), now, item.published(), metadata,
                    bytes));
        }
        return documents;
    }

    private RawDocument fromJsonDocument(JsonNode root, String relative, Instant now) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("JSON file is neither a JSON Feed nor a document object");
        }
        String html = text(root, "html");
        String text = text(root, "text");
        if (html == null && text == null) {
            throw new IllegalArgumentException("JSON document has neither \"html\" nor \"text\"");
        }
        String url = text(root, "url");
        String title = text(root, "title");
        byte[] body = (html != null ? html : (title != null ? title + "\n\n" : "") + text)
                .getBytes(StandardCharsets.UTF_8);
        String id = text(root, "id") != null ? text(root, "id") : url != null ? Ids.forUrl(url) : Ids.forContent(body);
        DocumentKind kind = "FILING".equalsIgnoreCase(text(root, "kind")) ? DocumentKind.FILING : DocumentKind.NEWS;
        Map<String, String> metadata = new HashMap<>();
        metadata.put("file", relative);
        putIfPresent(metadata, "title", title);
        putIfPresent(metadata, "author", text(root, "author"));
        putIfPresent(metadata, "site", text(root, "site"));
        return RawDocument.of(id, kind, sourceId, url, html != null ? "text/html" : "text/plain", now,
                FeedParser.parseDate(text(root, "publishedAt")), metadata, body);
    }

    static boolean looksLikeFiling(String head, boolean html) {
        if (head.contains("<SEC-DOCUMENT>") || head.contains("<SEC-HEADER>") || head.contains("ACCESSION NUMBER:")) {
            return true;
        }
        if (!html) {
            return false;
        }
        String lower = head.toLowerCase(Locale.ROOT);
        return lower.contains("xmlns:ix=") || lower.contains("<ix:header") || lower.contains("dei:documenttype")
                || lower.contains("securities and exchange commission") && lower.contains("form 8-k")
                || lower.contains("<type>8-k") || lower.contains("<type>ex-99");
    }

    private static String accession(String head, String path) {
        Matcher inHeader = ACCESSION.matcher(head);
        if (inHeader.find()) {
            return inHeader.group(1);
        }
        Matcher inName = ACCESSION_IN_NAME.matcher(path);
        return inName.find() ? inName.group(1) : null;
    }

    private record Bytes(byte[] bytes, boolean truncated, long length) {
    }

    private static Bytes readBounded(Path file) throws IOException {
        boolean gz = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = gz ? new GZIPInputStream(raw) : raw) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES);
            if (bytes.length < MAX_FILE_BYTES) {
                return new Bytes(bytes, false, bytes.length);
            }
            long rest = in.transferTo(java.io.OutputStream.nullOutputStream());
            byte[] kept = java.util.Arrays.copyOf(bytes, SizePolicy.MAX_BODY_BYTES);
            return new Bytes(kept, true, bytes.length + rest);
        }
    }

    private static String baseName(Path file) {
        return stripGz(file.getFileName().toString().toLowerCase(Locale.ROOT));
    }

    private static String stripGz(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
