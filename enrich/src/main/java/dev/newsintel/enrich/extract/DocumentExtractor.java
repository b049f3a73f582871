package dev.newsintel.enrich.extract;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.RawDocument;

/**
 * The extraction half of enrichment: a raw document in, a clean document out. Pure, deterministic and
 * thread-safe; one instance serves the stream, the {@code extract} command, the evaluation and the benchmarks.
 *
 * <p>What the bytes are decides the path, not what the source claims: an EDGAR full-submission file
 * ({@code <SEC-DOCUMENT>}) or filing HTML (inline XBRL, an 8-K cover page) goes to {@link FilingExtractor}; other
 * HTML to {@link ArticleExtractor} with {@link PageMetadata}; plain text to {@link PlainTextCleaner}. Source
 * metadata (a feed's title, author, publication date; ingest's filing header) fills what the document itself does
 * not say.
 */
public final class DocumentExtractor {
    private final ExtractionLimits limits;
    private final ArticleExtractor articles;
    private final FilingExtractor filings;

    public DocumentExtractor() {
        this(ExtractionLimits.DEFAULT);
    }

    public DocumentExtractor(ExtractionLimits limits) {
        this.limits = limits;
        this.articles = new ArticleExtractor(limits);
        this.filings = new FilingExtractor(limits);
    }

    /**
     * @throws ExtractionException when the body is empty, binary or otherwise not a document
     */
    public Extraction extract(RawDocument raw) {
        BodyDecoder.Decoded decoded = BodyDecoder.decode(raw.body(), raw.charset(), limits);
        String body = decoded.text();
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("extract.charset", decoded.charset().name());
        if (decoded.truncated() || raw.truncated()) {
            notes.put("extract.truncated", "true");
        }
        Format format = Format.of(raw, body);
        notes.put("extract.format", format.label);
        Extraction extraction = switch (format) {
            case SEC_SUBMISSION -> filings.fromSubmission(body, raw);
            case FILING_HTML -> filings.fromHtml(body, raw);
            case FILING_TEXT -> filings.fromText(body, raw);
            case HTML -> fromHtml(body, raw);
            case TEXT -> fromText(body, raw);
        };
        notes.putAll(extraction.notes());
        String text = bounded(extraction.text(), notes);
        return new Extraction(extraction.title(), text, extraction.publishedAt(), extraction.author(),
                extraction.language(), extraction.site(), extraction.filing(), notes);
    }

    private Extraction fromHtml(String html, RawDocument raw) {
        Document page = Jsoup.parse(html, raw.url() == null ? "" : raw.url());
        PageMetadata meta = PageMetadata.read(page, raw.url());
        ArticleExtractor.Article article = articles.extract(page, meta.title());
        String title = PageMetadata.firstNonBlank(meta.title(), raw.metadata("title"));
        String text = article.text();
        return new Extraction(title, text,
                raw.publishedAt() != null ? raw.publishedAt() : meta.publishedAt(),
                PageMetadata.firstNonBlank(raw.metadata("author"), meta.author()),
                LanguageDetector.detect(text.isEmpty() ? title : text, meta.language()),
                PageMetadata.firstNonBlank(raw.metadata("site"), meta.site(), raw.metadata("feedTitle"),
                        raw.url() == null ? null : PageMetadata.host(raw.url())),
                null, Map.of());
    }

    private Extraction fromText(String body, RawDocument raw) {
        PlainTextCleaner.Cleaned cleaned = PlainTextCleaner.clean(body);
        String title = PageMetadata.firstNonBlank(raw.metadata("title"), cleaned.title());
        String text = cleaned.text();
        return new Extraction(title, text, raw.publishedAt() != null ? raw.publishedAt() : cleaned.publishedAt(),
                raw.metadata("author"), LanguageDetector.detect(text.isEmpty() ? title : text, null),
                PageMetadata.firstNonBlank(raw.metadata("site"), raw.metadata("feedTitle"),
                        raw.url() == null ? null : PageMetadata.host(raw.url())),
                null, Map.of());
    }

    /** Cuts a text over the limit at the last paragraph break before it and notes the cut. */
    private String bounded(String text, Map<String, String> notes) {
        if (text.length() <= limits.maxTextChars()) {
            return text;
        }
        int cut = text.lastIndexOf("\n\n", limits.maxTextChars());
        notes.put("extract.truncated", "true");
        return text.substring(0, cut > limits.maxTextChars() / 2 ? cut : limits.maxTextChars());
    }

    /** How a body is read. */
    enum Format {
        SEC_SUBMISSION("sec-submission"), FILING_HTML("filing-html"), FILING_TEXT("filing-text"), HTML("html"),
        TEXT("text");

        final String label;

        Format(String label) {
            this.label = label;
        }

        static Format of(RawDocument raw, String body) {
            String head = body.length() > 8192 ? body.substring(0, 8192) : body;
            if (head.contains("<SEC-DOCUMENT>") || head.contains("<SEC-HEADER>") || head.contains("<IMS-HEADER>")
                    || head.stripLeading().startsWith("<DOCUMENT>")) {
                return SEC_SUBMISSION;
            }
            String contentType = raw.contentType() == null ? "" : raw.contentType().toLowerCase(Locale.ROOT);
            String lower = head.toLowerCase(Locale.ROOT);
            boolean html = contentType.contains("html") || contentType.contains("xml")
                    || looksLikeHtml(lower);
            boolean filing = raw.kind() == DocumentKind.FILING || looksLikeFiling(lower);
            if (html) {
                return filing ? FILING_HTML : HTML;
            }
            return raw.kind() == DocumentKind.FILING ? FILING_TEXT : TEXT;
        }

        private static boolean looksLikeHtml(String lowerHead) {
            String s = lowerHead.stripLeading();
            return s.startsWith("<!doctype html") || s.startsWith("<html") || s.startsWith("<?xml")
                    && s.contains("<html") || lowerHead.contains("<body") || lowerHead.contains("<head>")
                    || s.startsWith("<") && (lowerHead.contains("</p>") || lowerHead.contains("</div>"));
        }

        private static boolean looksLikeFiling(String lowerHead) {
            return lowerHead.contains("xmlns:ix=") || lowerHead.contains("<ix:header")
                    || lowerHead.contains("securities and exchange commission")
                    && (lowerHead.contains("form 8-k") || lowerHead.contains("form 10-k")
                    || lowerHead.contains("form 10-q"));
        }
    }
}
