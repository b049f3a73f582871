package dev.newsintel.ingest;

/**
 * The keys of {@link dev.newsintel.events.RawDocument#metadata()} that ingest writes and enrichment reads. Values
 * are strings; times are ISO-8601 ({@code 2026-03-06T21:05:12Z}), dates {@code yyyy-MM-dd}. A key is absent when
 * the source does not know it. See {@code docs/ingest.md}.
 */
public final class MetadataKeys {
    private MetadataKeys() {
    }

    // --- SEC filings (raw.filings) -----------------------------------------------------------------------------

    /** Ten-digit, zero-padded Central Index Key of the company the filing is about ({@code 0001045810}). */
    public static final String CIK = "cik";
    /** The company's conformed name as EDGAR spells it ({@code NVIDIA CORP}). */
    public static final String COMPANY = "company";
    /** The company's ticker when known (watchlist, company_tickers.json). */
    public static final String TICKER = "ticker";
    /** The form type as filed ({@code 8-K}, {@code 10-Q}, {@code 424B2}, {@code SCHEDULE 13D/A}). */
    public static final String FORM = "form";
    /** The accession number {@code ##########-##-######}: the filing's id. */
    public static final String ACCESSION_NUMBER = "accessionNumber";
    /** The filing date ({@code yyyy-MM-dd}). */
    public static final String FILED_AT = "filedAt";
    /** EDGAR's acceptance time (ISO-8601 instant). */
    public static final String ACCEPTED_AT = "acceptedAt";
    /** 8-K item codes, comma-separated ({@code 2.02,9.01}). */
    public static final String ITEMS = "items";
    /** The file name of the filing's primary document ({@code nvda-20260306.htm}). */
    public static final String PRIMARY_DOCUMENT = "primaryDocument";
    /** The exhibit type when the document is one ({@code EX-99.1}); absent for the primary document. */
    public static final String EXHIBIT = "exhibit";
    /** The document's description in the filing index ({@code PRESS RELEASE}). */
    public static final String DESCRIPTION = "description";
    /** The filing index page the documents were found through. */
    public static final String FILING_INDEX_URL = "filingIndexUrl";
    /** The period of report ({@code yyyy-MM-dd}) when given. */
    public static final String PERIOD_OF_REPORT = "periodOfReport";

    // --- News (raw.news) ----------------------------------------------------------------------------------------

    /** The feed the article was listed in. */
    public static final String FEED_URL = "feedUrl";
    /** The feed's title ({@code TechCrunch}). */
    public static final String FEED_TITLE = "feedTitle";
    /** The entry's id in the feed (RSS guid, Atom id, JSON Feed id). */
    public static final String FEED_ITEM_ID = "feedItemId";
    /** The article title as the feed gives it. */
    public static final String TITLE = "title";
    /** The author as the feed gives it. */
    public static final String AUTHOR = "author";
    /** The feed entry's categories, comma-separated. */
    public static final String CATEGORIES = "categories";
    /** The article page's {@code ETag}. */
    public static final String ETAG = "etag";
    /** The article page's {@code Last-Modified}. */
    public static final String LAST_MODIFIED = "lastModified";
    /** The canonical URL the document id is derived from ({@code <link rel=canonical>}, else the fetched URL). */
    public static final String CANONICAL_URL = "canonicalUrl";
    /** The URL the body was actually fetched from, after redirects, when it differs from the canonical URL. */
    public static final String FETCHED_URL = "fetchedUrl";
    /**
     * Set when the article page could not be fetched and the body is the feed entry's own content instead; the
     * value is the reason.
     */
    public static final String ARTICLE_ERROR = "articleError";

    // --- Any source ---------------------------------------------------------------------------------------------

    /** Where the charset was found: {@code header}, {@code bom}, {@code meta}, {@code xml}, {@code sniffed}. */
    public static final String CHARSET_SOURCE = "charsetSource";
    /** The file a replayed document came from, relative to the replay folder. */
    public static final String FILE = "file";
}
