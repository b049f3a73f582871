package dev.newsintel.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.events.Json;

/**
 * Reads RSS 2.0 / RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.x.
 *
 * <p>XML is read with StAX with DTDs and external entities switched off: a hostile feed can neither read local
 * files (XXE) nor expand entities until memory runs out (billion laughs); it fails with a clear error instead.
 */
public final class FeedParser {
    /** Feeds larger than this are refused: a real feed is a few hundred kilobytes. */
    public static final int MAX_FEED_BYTES = 20 * 1024 * 1024;

    private static final XMLInputFactory XML = secureFactory();

    public Feed parse(byte[] bytes) throws FeedFormatException {
        if (bytes == null || bytes.length == 0) {
            throw new FeedFormatException("Empty feed");
        }
        if (bytes.length > MAX_FEED_BYTES) {
            throw new FeedFormatException("Feed of " + bytes.length + " bytes exceeds the limit of " + MAX_FEED_BYTES);
        }
        int first = firstNonSpace(bytes);
        if (first >= 0 && (bytes[first] == '{' || bytes[first] == '[')) {
            return parseJsonFeed(bytes);
        }
        return parseXml(bytes);
    }

    private Feed parseJsonFeed(byte[] bytes) throws FeedFormatException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new FeedFormatException("Malformed JSON feed: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("items").isArray()) {
            throw new FeedFormatException("Not a JSON Feed: no \"items\" array");
        }
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            String html = text(item, "content_html");
            String content = html != null ? html : text(item, "content_text");
            if (content == null) {
                content = text(item, "summary");
            }
            String author = item.path("authors").path(0).path("name").asText(null);
            if (author == null) {
                author = item.path("author").path("name").asText(null);
            }
            String published = text(item, "date_published");
            items.add(new FeedItem(text(item, "id"), text(item, "title"),
                    text(item, "url") != null ? text(item, "url") : text(item, "external_url"),
                    parseDate(published), author, content, html != null ? "text/html" : "text/plain"));
        }
        return new Feed("json", text(root, "title"), text(root, "home_page_url"), items);
    }

    private Feed parseXml(byte[] bytes) throws FeedFormatException {
        XMLStreamReader reader = null;
        try {
            reader = XML.createXMLStreamReader(new ByteArrayInputStream(bytes));
            String format = null;
            String feedTitle = null;
            String feedLink = null;
            List<FeedItem> items = new ArrayList<>();
            ItemBuilder item = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    // Allowed (old RSS 0.91 feeds carry one) but never processed: entities in it stay undeclared.
                    continue;
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = reader.getLocalName();
                    if (item != null && ("item".equals(name) || "entry".equals(name))) {
                        items.add(item.build());
                        item = null;
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = reader.getLocalName();
                if (format == null) {
                    format = switch (name) {
                        case "rss" -> "rss";
                        case "feed" -> "atom";
                        case "RDF" -> "rdf";
                        default -> throw new FeedFormatException("Not a feed: root element <" + name + ">");
                    };
                    continue;
                }
                if ("item".equals(name) || "entry".equals(name)) {
                    item = new ItemBuilder();
                    continue;
                }
                if (item == null) {
                    if ("title".equals(name) && feedTitle == null) {
                        feedTitle = readText(reader);
                    } else if ("link".equals(name) && feedLink == null) {
                        String href = reader.getAttributeValue(null, "href");
                        feedLink = href != null ? href : readText(reader);
                    }
                    continue;
                }
                switch (name) {
                    case "title" -> { item.title = readText(reader); }
                    case "link" -> {
                        String href = reader.getAttributeValue(null, "href");
                        String rel = reader.getAttributeValue(null, "rel");
                        if (href != null) {
                            if (item.link == null && (rel == null || "alternate".equals(rel))) {
                                item.link = href.trim();
                            }
                        } else {
                            item.link = readText(reader).trim();
                        }
                    }
                    case "guid", "id" -> { item.id = readText(reader).trim(); }
                    case "pubDate", "published", "date", "issued" -> {
                        Instant date = parseDate(readText(reader));
                        if (item.published == null) {
                            item.published = date;
                        }
                    }
                    case "updated", "modified" -> {
                        Instant date = parseDate(readText(reader));
                        if (item.updated == null) {
                            item.updated = date;
                        }
                    }
                    case "encoded" -> { item.content = readText(reader); item.contentType = "text/html"; }
                    case "content" -> {
                        String type = reader.getAttributeValue(null, "type");
                        String text = readText(reader);
                        item.content = text;
                        item.contentType = type == null || type.contains("html") ? "text/html" : "text/plain";
                    }
                    case "description", "summary" -> {
                        String text = readText(reader);
                        if (item.content == null) {
                            item.content = text;
                            item.contentType = "text/html";
                        }
                    }
                    case "creator", "author" -> {
                        String text = readAuthor(reader);
                        if (item.author == null && !text.isBlank()) {
                            item.author = text.trim();
                        }
                    }
                    default -> {
                        // other elements (categories, enclosures, media) are not needed
                    }
                }
            }
            if (format == null) {
                throw new FeedFormatException("Not a feed: no root element");
            }
            return new Feed(format, feedTitle, feedLink, items);
        } catch (XMLStreamException e) {
            throw new FeedFormatException("Malformed or unsafe XML feed: " + firstLine(e.getMessage()), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing left to release
                }
            }
        }
    }

    /** Text of the current element, children's text included (Atom XHTML content), leaving the reader on its end. */
    private static String readText(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int level = 1;
        while (level > 0 && reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> level++;
                case XMLStreamConstants.END_ELEMENT -> level--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                        "entity reference &" + reader.getLocalName() + "; is not allowed", reader.getLocation());
                default -> {
                }
            }
        }
        return text.toString();
    }

    /** Atom authors are {@code <author><name>..</name></author>}; RSS authors are text. */
    private static String readAuthor(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int level = 1;
        String current = reader.getLocalName();
        while (level > 0 && reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                level++;
                current = reader.getLocalName();
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                level--;
            } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                    && (level == 1 || "name".equals(current))) {
                text.append(reader.getText());
            }
        }
        return text.toString();
    }

    public static Instant parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // next format
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // next format
        }
        try {
            // RFC 822 with a zone name (EST, GMT) or without the day name
            return ZonedDateTime.parse(v, DateTimeFormatter.ofPattern("[EEE, ]d MMM yyyy HH:mm[:ss] z", Locale.ENGLISH))
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static int firstNonSpace(byte[] bytes) {
        int i = 0;
        // skip a UTF-8 byte order mark
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            i = 3;
        }
        for (; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return i;
            }
        }
        return -1;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String m = message.replace("ParseError at ", "at ");
        int newline = m.indexOf('\n');
        return newline > 0 ? m.substring(0, newline) + " " + m.substring(newline + 1).replace('\n', ' ') : m;
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static final class ItemBuilder {
        String id;
        String title;
        String link;
        Instant published;
        Instant updated;
        String author;
        String content;
        String contentType;

        FeedItem build() {
            return new FeedItem(id, title == null ? null : title.trim(), link, published != null ? published : updated,
                    author, content, contentType);
        }
    }
}
