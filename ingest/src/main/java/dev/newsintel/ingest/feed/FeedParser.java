package dev.newsintel.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jsoup.Jsoup;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.events.Json;
import dev.newsintel.ingest.http.CharsetDetector;

/**
 * Reads RSS 2.0 / RSS 0.9x / RSS 1.0 (RDF), Atom 1.0 (and 0.3) and JSON Feed 1.x.
 *
 * <p>Hostile input fails with a one-line {@link FeedFormatException} instead of doing harm:
 * <ul>
 *   <li>XML is read with StAX, DTD processing and external entities off, and no external DTD or schema access:
 *       a feed cannot make us read {@code file:///etc/passwd} or call a URL (XXE);</li>
 *   <li>a DOCTYPE that declares entities ({@code <!ENTITY}) is refused outright: nothing can expand (billion
 *       laughs, quadratic blow-up), and the error says why;</li>
 *   <li>truncated or malformed XML, bytes that do not match the declared encoding, and unknown encodings are
 *       reported with their line and column;</li>
 *   <li>size is bounded: at most {@link #MAX_FEED_BYTES} bytes, {@link #MAX_ITEMS} entries and
 *       {@value #MAX_DEPTH} levels of nesting; JSON goes through the project mapper's read constraints.</li>
 * </ul>
 *
 * <p>Only the elements of the feed vocabularies are read (RSS has no namespace; Atom, RSS 1.0, Dublin Core,
 * {@code content:encoded} and FeedBurner's {@code origLink} are recognised by namespace), so an extension element
 * such as {@code media:content} or {@code media:title} never overwrites an entry's content or title.
 */
public final class FeedParser {
    /** Feeds larger than this are refused: a real feed is a few hundred kilobytes. */
    public static final int MAX_FEED_BYTES = 20 * 1024 * 1024;
    /** Entries read from one feed at most. */
    public static final int MAX_ITEMS = 10_000;
    static final int MAX_DEPTH = 64;

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String ATOM_03 = "http://purl.org/atom/ns#";
    private static final String RSS_10 = "http://purl.org/rss/1.0/";
    private static final String RSS_090 = "http://my.netscape.com/rdf/simple/0.9/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String FEEDBURNER = "http://rssnamespace.org/feedburner/ext/1.0";
    private static final Set<String> CORE = Set.of("", ATOM, ATOM_03, RSS_10, RSS_090);
    private static final Pattern XML_DECLARATION_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=");

    private static final XMLInputFactory XML = secureFactory();

    public Feed parse(byte[] bytes) throws FeedFormatException {
        return parse(bytes, null);
    }

    /**
     * @param transportCharset the charset the HTTP {@code Content-Type} declared, used only when the XML itself
     *                         declares none (no byte order mark, no encoding in its declaration); may be null
     */
    public Feed parse(byte[] bytes, String transportCharset) throws FeedFormatException {
        if (bytes == null || bytes.length == 0) {
            throw new FeedFormatException("Empty feed");
        }
        if (bytes.length > MAX_FEED_BYTES) {
            throw new FeedFormatException("Feed of " + bytes.length + " bytes exceeds the limit of " + MAX_FEED_BYTES);
        }
        int first = firstNonSpace(bytes);
        if (first < 0) {
            throw new FeedFormatException("Empty feed (only white space)");
        }
        if (bytes[first] == '{' || bytes[first] == '[') {
            return parseJsonFeed(bytes);
        }
        return parseXml(bytes, transportCharset);
    }

    // ---------------------------------------------------------------------------------------------- JSON Feed

    private Feed parseJsonFeed(byte[] bytes) throws FeedFormatException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new FeedFormatException("Malformed JSON feed: " + firstLine(e.getOriginalMessage())
                    + location(e), e);
        } catch (IOException e) {
            throw new FeedFormatException("Malformed JSON feed: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("items").isArray()) {
            throw new FeedFormatException("Not a JSON Feed: no \"items\" array");
        }
        if (root.path("items").size() > MAX_ITEMS) {
            throw new FeedFormatException("JSON Feed has more than " + MAX_ITEMS + " items");
        }
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            if (!item.isObject()) {
                continue;
            }
            String html = text(item, "content_html");
            String content = html != null ? html : text(item, "content_text");
            if (content == null) {
                content = text(item, "summary");
            }
            String author = item.path("authors").path(0).path("name").asText(null);
            if (author == null) {
                author = item.path("author").path("name").asText(null);
            }
            Instant published = parseDate(text(item, "date_published"));
            if (published == null) {
                published = parseDate(text(item, "date_modified"));
            }
            List<String> tags = new ArrayList<>();
            item.path("tags").forEach(t -> {
                if (t.isTextual()) {
                    tags.add(t.asText());
                }
            });
            items.add(new FeedItem(text(item, "id"), text(item, "title"),
                    text(item, "url") != null ? text(item, "url") : text(item, "external_url"),
                    published, author, content, html != null || content == null ? "text/html" : "text/plain", tags));
        }
        String link = text(root, "home_page_url");
        return new Feed("json", text(root, "title"), link, items);
    }

    // ---------------------------------------------------------------------------------------------------- XML

    private Feed parseXml(byte[] bytes, String transportCharset) throws FeedFormatException {
        XMLStreamReader reader = null;
        String encoding = null;
        bytes = withoutLeadingWhiteSpace(bytes);
        try {
            encoding = transportEncoding(bytes, transportCharset);
            reader = encoding == null
                    ? XML.createXMLStreamReader(new ByteArrayInputStream(bytes))
                    : XML.createXMLStreamReader(new ByteArrayInputStream(bytes), encoding);
            return readFeed(reader);
        } catch (XMLStreamException e) {
            throw describe(e, reader, encoding);
        } catch (RuntimeException e) {
            // Some StAX errors (a broken encoding deep in the stream) surface unchecked.
            if (e.getCause() instanceof XMLStreamException x) {
                throw describe(x, reader, encoding);
            }
            throw new FeedFormatException("Malformed XML feed: " + e, e);
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

    private Feed readFeed(XMLStreamReader reader) throws XMLStreamException, FeedFormatException {
        String format = null;
        String feedTitle = null;
        String feedLink = null;
        List<FeedItem> items = new ArrayList<>();
        ItemBuilder item = null;
        int depth = 0;
        int itemDepth = -1;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                refuseEntityDeclarations(reader.getText());
                continue;
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new FeedFormatException("Refused: entity reference &" + reader.getLocalName()
                        + "; (entities are never expanded)");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (item != null && depth == itemDepth) {
                    items.add(item.build());
                    item = null;
                }
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            if (depth > MAX_DEPTH) {
                throw new FeedFormatException("Feed nests elements deeper than " + MAX_DEPTH + " levels");
            }
            String name = reader.getLocalName();
            String ns = namespace(reader);
            if (format == null) {
                format = switch (name) {
                    case "rss" -> "rss";
                    case "feed" -> "atom";
                    case "RDF" -> "rdf";
                    default -> throw new FeedFormatException("Not a feed: root element <" + name + ">");
                };
                continue;
            }
            if (item == null && CORE.contains(ns) && ("item".equals(name) || "entry".equals(name))) {
                if (items.size() >= MAX_ITEMS) {
                    throw new FeedFormatException("Feed has more than " + MAX_ITEMS + " entries");
                }
                item = new ItemBuilder();
                itemDepth = depth;
                continue;
            }
            if (item == null) {
                int channelChildDepth = "atom".equals(format) ? 2 : 3;
                if (depth == channelChildDepth && CORE.contains(ns)) {
                    if ("title".equals(name) && feedTitle == null) {
                        feedTitle = clean(readTitle(reader));
                        depth--;
                    } else if ("link".equals(name) && feedLink == null) {
                        String href = reader.getAttributeValue(null, "href");
                        String rel = reader.getAttributeValue(null, "rel");
                        if (href == null) {
                            feedLink = clean(readText(reader));
                            depth--;
                        } else if (rel == null || "alternate".equals(rel)) {
                            feedLink = href.trim();
                        }
                    }
                }
                continue;
            }
            if (depth == itemDepth + 1 && readItemElement(reader, name, ns, item)) {
                depth--; // the element was read to its end tag
            }
        }
        if (format == null) {
            throw new FeedFormatException("Not a feed: no root element");
        }
        return new Feed(format, feedTitle, feedLink, items);
    }

    /** Reads one child of an entry; true when it was consumed up to its end tag. */
    private static boolean readItemElement(XMLStreamReader reader, String name, String ns, ItemBuilder item)
            throws XMLStreamException, FeedFormatException {
        if (CORE.contains(ns)) {
            switch (name) {
                case "title" -> {
                    item.title = clean(readTitle(reader));
                    return true;
                }
                case "link" -> {
                    String href = reader.getAttributeValue(null, "href");
                    if (href != null) {
                        String rel = reader.getAttributeValue(null, "rel");
                        if (item.link == null && (rel == null || "alternate".equals(rel))) {
                            item.link = href.trim();
                        }
                        return false;
                    }
                    String text = readText(reader).trim();
                    if (item.link == null && !text.isEmpty()) {
                        item.link = text;
                    }
                    return true;
                }
                case "guid", "id" -> {
                    item.id = readText(reader).trim();
                    return true;
                }
                case "pubDate", "published", "issued" -> {
                    item.published = first(item.published, parseDate(readText(reader)));
                    return true;
                }
                case "updated", "modified" -> {
                    item.updated = first(item.updated, parseDate(readText(reader)));
                    return true;
                }
                case "content" -> {
                    String type = reader.getAttributeValue(null, "type");
                    String text = "xhtml".equals(type) ? readInnerXml(reader) : readText(reader);
                    item.content = text;
                    item.contentType = type == null || type.contains("html") ? "text/html" : "text/plain";
                    return true;
                }
                case "description", "summary" -> {
                    String type = reader.getAttributeValue(null, "type");
                    item.summary = "xhtml".equals(type) ? readInnerXml(reader) : readText(reader);
                    return true;
                }
                case "author" -> {
                    String author = readAuthor(reader).trim();
                    if (item.author == null && !author.isEmpty()) {
                        item.author = author;
                    }
                    return true;
                }
                case "category" -> {
                    String term = reader.getAttributeValue(null, "term");
                    String text = readText(reader).trim();
                    String category = term != null && !term.isBlank() ? term.trim() : text;
                    if (!category.isEmpty()) {
                        item.categories.add(category);
                    }
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }
        switch (ns + " " + name) {
            case DC + " creator" -> {
                String creator = readText(reader).trim();
                if (!creator.isEmpty()) {
                    item.author = creator; // dc:creator is a name; RSS author is often only an e-mail address
                }
                return true;
            }
            case DC + " date" -> {
                item.published = first(item.published, parseDate(readText(reader)));
                return true;
            }
            case DC + " subject" -> {
                String subject = readText(reader).trim();
                if (!subject.isEmpty()) {
                    item.categories.add(subject);
                }
                return true;
            }
            case CONTENT + " encoded" -> {
                item.encoded = readText(reader);
                return true;
            }
            case FEEDBURNER + " origLink" -> {
                item.origLink = readText(reader).trim();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static void refuseEntityDeclarations(String doctype) throws FeedFormatException {
        if (doctype != null && doctype.contains("<!ENTITY")) {
            throw new FeedFormatException("Refused: the feed's DOCTYPE declares entities (<!ENTITY ...>); entity "
                    + "declarations are never processed (protection against XXE and entity expansion)");
        }
    }

    /**
     * The encoding to impose when the XML declares none (no BOM, no encoding in its declaration): the transport
     * charset when there is one, else windows-1252 when the bytes are not UTF-8 (old feeds written in Latin-1
     * without saying so). A feed that does declare an encoding is held to it.
     */
    private static String transportEncoding(byte[] bytes, String transportCharset) {
        if (CharsetDetector.bom(bytes) != null) {
            return null;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
        if (XML_DECLARATION_ENCODING.matcher(head).find()) {
            return null;
        }
        Charset charset = CharsetDetector.lookup(transportCharset);
        if (charset != null) {
            return charset.name();
        }
        return CharsetDetector.isValidUtf8(bytes) ? null : "windows-1252";
    }

    /** Real feeds sometimes put a line break before the XML declaration, which XML forbids: it is skipped. */
    private static byte[] withoutLeadingWhiteSpace(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        return i == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, i, bytes.length);
    }

    private static FeedFormatException describe(XMLStreamException e, XMLStreamReader reader, String encoding) {
        String message = parserMessage(e);
        Location location = e.getLocation();
        String where = location == null || location.getLineNumber() < 0 ? ""
                : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        String lower = message.toLowerCase(Locale.ROOT);
        if (cause instanceof CharConversionException || lower.contains("invalid byte")
                || lower.contains("utf-8 sequence") || lower.contains("invalid utf-8")) {
            String declared = encoding != null ? encoding
                    : reader != null && reader.getCharacterEncodingScheme() != null
                    ? reader.getCharacterEncodingScheme() : reader != null && reader.getEncoding() != null
                    ? reader.getEncoding() : "UTF-8";
            return new FeedFormatException("Feed bytes are not valid " + declared
                    + " (wrong declared encoding?)" + where + ": " + message, e);
        }
        if (lower.contains("encoding")) {
            return new FeedFormatException("Feed declares an encoding that cannot be read" + where + ": " + message, e);
        }
        if (lower.contains("end within the same entity") || lower.contains("premature end")
                || lower.contains("unexpected eof")) {
            return new FeedFormatException("Truncated XML feed" + where + ": " + message, e);
        }
        if (lower.contains("entity")) {
            return new FeedFormatException("Refused: entity not allowed in a feed" + where + ": " + message, e);
        }
        return new FeedFormatException("Malformed XML feed" + where + ": " + message, e);
    }

    private static String parserMessage(XMLStreamException e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int i = m.indexOf("Message: ");
        String text = i >= 0 ? m.substring(i + 9) : m;
        return firstLine(text);
    }

    /** Text of the current element, children's text included, leaving the reader on its end tag. */
    private static String readText(XMLStreamReader reader) throws XMLStreamException, FeedFormatException {
        StringBuilder text = new StringBuilder();
        int level = 1;
        while (level > 0 && reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> level++;
                case XMLStreamConstants.END_ELEMENT -> level--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new FeedFormatException(
                        "Refused: entity reference &" + reader.getLocalName() + "; (entities are never expanded)");
                default -> {
                }
            }
        }
        return text.toString();
    }

    /** A title; Atom titles of type html/xhtml are reduced to their text. */
    private static String readTitle(XMLStreamReader reader) throws XMLStreamException, FeedFormatException {
        String type = reader.getAttributeValue(null, "type");
        if ("xhtml".equals(type)) {
            return readText(reader);
        }
        String text = readText(reader);
        return "html".equals(type) || "text/html".equals(type) ? Jsoup.parse(text).text() : text;
    }

    /** The markup inside an Atom {@code type="xhtml"} element, re-serialized (its wrapper div included). */
    private static String readInnerXml(XMLStreamReader reader) throws XMLStreamException, FeedFormatException {
        StringBuilder out = new StringBuilder();
        int level = 1;
        while (level > 0 && reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    level++;
                    out.append('<').append(reader.getLocalName());
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        out.append(' ').append(reader.getAttributeLocalName(i)).append("=\"")
                                .append(escape(reader.getAttributeValue(i)).replace("\"", "&quot;")).append('"');
                    }
                    out.append('>');
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    level--;
                    if (level > 0) {
                        out.append("</").append(reader.getLocalName()).append('>');
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        out.append(escape(reader.getText()));
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new FeedFormatException(
                        "Refused: entity reference &" + reader.getLocalName() + "; (entities are never expanded)");
                default -> {
                }
            }
        }
        return out.toString();
    }

    /** Atom authors are {@code <author><name>..</name></author>}; RSS authors are text. */
    private static String readAuthor(XMLStreamReader reader) throws XMLStreamException, FeedFormatException {
        StringBuilder text = new StringBuilder();
        StringBuilder name = new StringBuilder();
        int level = 1;
        String current = null;
        while (level > 0 && reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                level++;
                current = reader.getLocalName();
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                level--;
                current = null;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (level == 1) {
                    text.append(reader.getText());
                } else if ("name".equals(current)) {
                    name.append(reader.getText());
                }
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new FeedFormatException("Refused: entity reference &" + reader.getLocalName() + ";");
            }
        }
        return name.length() > 0 ? name.toString() : text.toString();
    }

    private static final DateTimeFormatter RFC_822_ZONE_NAME =
            DateTimeFormatter.ofPattern("[EEE, ][EEE,][EEE ]d MMM yyyy H:mm[:ss] z", Locale.ENGLISH);
    private static final DateTimeFormatter RFC_822_OFFSET =
            DateTimeFormatter.ofPattern("[EEE, ][EEE,][EEE ]d MMM yyyy H:mm[:ss] xx", Locale.ENGLISH);
    private static final Pattern FULL_DAY_NAME = Pattern.compile(
            "^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+", Pattern.CASE_INSENSITIVE);

    /** RFC 3339 / ISO-8601 (with or without offset or time), RFC 822/1123 (with offsets or zone names); null if neither. */
    public static Instant parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().replaceAll("\\s+", " ");
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // next format
        }
        try {
            return java.time.LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next format
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            // next format
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // next format
        }
        Matcher day = FULL_DAY_NAME.matcher(v);
        String rfc822 = day.find() ? v.substring(day.end()) : v;
        for (DateTimeFormatter formatter : List.of(RFC_822_OFFSET, RFC_822_ZONE_NAME)) {
            try {
                return ZonedDateTime.parse(rfc822, formatter).toInstant();
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    private static Instant first(Instant current, Instant candidate) {
        return current != null ? current : candidate;
    }

    private static String namespace(XMLStreamReader reader) {
        String ns = reader.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    private static String clean(String text) {
        return text == null ? null : text.trim();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String location(JacksonException e) {
        var l = e.getLocation();
        return l == null || l.getLineNr() < 0 ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }

    private static int firstNonSpace(byte[] bytes) {
        int i = 0;
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
        return message.replace('\n', ' ').replace('\r', ' ').replaceAll("\\s+", " ").trim();
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("Refused to resolve external resource " + systemId);
        });
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // JDK limits, in case a parser implementation ever processes a DTD despite the settings above.
        // (0 would mean "no limit" to the JDK.)
        trySet(factory, "jdk.xml.entityExpansionLimit", "100");
        trySet(factory, "jdk.xml.maxGeneralEntitySizeLimit", "65536");
        trySet(factory, "jdk.xml.totalEntitySizeLimit", "1000000");
        trySet(factory, "jdk.xml.maxElementDepth", Integer.toString(MAX_DEPTH + 1));
        return factory;
    }

    private static void trySet(XMLInputFactory factory, String property, Object value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException e) {
            // not supported by this StAX implementation; the settings above already apply
        }
    }

    private static final class ItemBuilder {
        String id;
        String title;
        String link;
        String origLink;
        Instant published;
        Instant updated;
        String author;
        String content;
        String contentType;
        String encoded;
        String summary;
        final List<String> categories = new ArrayList<>();

        FeedItem build() {
            String body = encoded != null ? encoded : content != null ? content : summary;
            String type = encoded != null ? "text/html" : content != null ? contentType : "text/html";
            return new FeedItem(id, title, origLink != null && !origLink.isEmpty() ? origLink : link,
                    published != null ? published : updated, author, body, type, categories);
        }
    }
}
