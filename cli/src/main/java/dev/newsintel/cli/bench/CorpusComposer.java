package dev.newsintel.cli.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newsintel.cli.bench.Vocabulary.ListedCompany;
import dev.newsintel.cli.bench.Vocabulary.ModelFamily;
import dev.newsintel.cli.bench.Vocabulary.Outlet;
import dev.newsintel.events.DocumentKind;
import dev.newsintel.events.Ids;
import dev.newsintel.events.RawDocument;

/**
 * Writes a reproducible stream of tech-news articles and 8-K filings from the project's own templates: companies
 * from the bundled company list, invented startups and people, amounts, model releases, dates. Each story is told
 * by one to five outlets (each in its own words and page layout, or as an exact syndicated copy), the copies
 * arriving some documents apart, so stories and alerts happen at about the rate real news gives them.
 *
 * <p>Publication times advance by {@link Settings#spacing()} per document, so a long run covers weeks of simulated
 * news and the topology's story windows expire as they would in production. Ids carry the run tag, so two runs
 * never share a document. Not thread-safe: one composer per producer thread.
 */
public final class CorpusComposer implements DocumentSupply {

    /**
     * @param seed            same seed, same corpus
     * @param runTag          goes into every URL (and so every id): unique per run
     * @param sourceId        {@code RawDocument.sourceId} of every document, for counting a run's documents
     * @param firstPublished  publication time of the first document
     * @param spacing         publication time between two consecutive documents
     * @param filingShare     share of documents that are 8-K filings (the rest is news)
     * @param syndicatedShare share of later copies of a story that are word-for-word copies of the first
     * @param maxCopies       most outlets telling one story (1 to 5)
     * @param maxCopyGap      most documents between the first copy of a story and a later one
     * @param marker          a word put in every document (tests count their documents by it), or null
     */
    public record Settings(long seed, String runTag, String sourceId, Instant firstPublished, Duration spacing,
                           double filingShare, double syndicatedShare, int maxCopies, int maxCopyGap, String marker) {
        public Settings {
            if (runTag == null || !runTag.matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException("runTag must be lower-case letters, digits and dashes: " + runTag);
            }
            if (filingShare < 0 || filingShare > 1 || syndicatedShare < 0 || syndicatedShare > 1) {
                throw new IllegalArgumentException("shares must be within [0, 1]");
            }
            if (maxCopies < 1 || maxCopies > 5) {
                throw new IllegalArgumentException("maxCopies must be within [1, 5]");
            }
            if (maxCopyGap < 1) {
                throw new IllegalArgumentException("maxCopyGap must be positive");
            }
            if (marker != null && !marker.matches("[A-Za-z0-9]+")) {
                throw new IllegalArgumentException("marker must be one word of letters and digits: " + marker);
            }
        }

        /**
         * News at about 2,000 documents a simulated day, 8% filings, 20% of later copies syndicated, later copies up
         * to 400 documents (about five hours) after the first.
         */
        public static Settings defaults(long seed, String runTag) {
            return new Settings(seed, runTag, "bench-" + runTag, Instant.now().minus(Duration.ofDays(30)),
                    Duration.ofSeconds(43), 0.08, 0.2, 5, 400, null);
        }

        public Settings withMarker(String word) {
            return new Settings(seed, runTag, sourceId, firstPublished, spacing, filingShare, syndicatedShare,
                    maxCopies, maxCopyGap, word);
        }

        public Settings withFirstPublished(Instant first, Duration newSpacing) {
            return new Settings(seed, runTag, sourceId, first, newSpacing, filingShare, syndicatedShare, maxCopies,
                    maxCopyGap, marker);
        }

        public Settings withShares(double filings, double syndicated, int copies) {
            return new Settings(seed, runTag, sourceId, firstPublished, spacing, filings, syndicated, copies,
                    maxCopyGap, marker);
        }

        public Settings withMaxCopyGap(int documents) {
            return new Settings(seed, runTag, sourceId, firstPublished, spacing, filingShare, syndicatedShare,
                    maxCopies, documents, marker);
        }
    }

    /**
     * What a composed document is: which story it tells, and of what type (which says whether the story should raise
     * built-in alerts). The subject is what a release or launch story is about by name ({@code "Gemma 4.2 Pro"},
     * {@code "Intel|Halo 3"}), null for other stories.
     */
    public record Composed(RawDocument document, int story, int copy, StoryType type, String subject) {
    }

    /** The kinds of story the composer writes, with their share of news stories. */
    public enum StoryType {
        INVESTMENT(14), FUNDING_ROUND(13), ACQUISITION(11), MODEL_RELEASE(10), EARNINGS(14), PARTNERSHIP(11),
        EXECUTIVE_CHANGE(8), PRODUCT_LAUNCH(7), FEATURE(12), FILING(0);

        final int weight;

        StoryType(int weight) {
            this.weight = weight;
        }
    }

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final Pattern SLOT = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    /** Stories a model or product name is kept apart for: more than a story window (3 days) at the default spacing. */
    private static final int DISTINCT_STORIES = 4_000;
    private static final int NAME_ATTEMPTS = 100;

    private final Settings settings;
    private final Vocabulary words;
    private final Random random;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private final Deque<String> recentHeadlines = new ArrayDeque<>();
    /**
     * Models and (maker, product) pairs of the last {@link #DISTINCT_STORIES} stories, oldest first: two stories
     * about one model's release (or one maker's product) within days are one event, so the composer never writes
     * them as two; beyond that, names may come back, as they do in the news ("Atlas 2" years later).
     */
    private final Deque<String> namesInUse = new ArrayDeque<>();
    private final Map<String, Integer> namesInUseCount = new HashMap<>();
    private long sequence;
    private int stories;

    public CorpusComposer(Settings settings) {
        this(settings, Vocabulary.bundled(600));
    }

    CorpusComposer(Settings settings, Vocabulary words) {
        this.settings = settings;
        this.words = words;
        this.random = new Random(settings.seed());
    }

    public Settings settings() {
        return settings;
    }

    /** Stories begun so far. */
    public int stories() {
        return stories;
    }

    /** Documents composed so far. */
    public long composed() {
        return sequence;
    }

    @Override
    public RawDocument next(Instant fetchedAt) {
        return compose(fetchedAt).document();
    }

    /** The next document: a later copy of an earlier story when one is due, else the first copy of a new story. */
    public Composed compose(Instant fetchedAt) {
        long seq = sequence++;
        Instant published = settings.firstPublished().plus(settings.spacing().multipliedBy(seq));
        if (published.isAfter(fetchedAt)) {
            published = fetchedAt;
        }
        Pending due = pending.peek();
        if (due != null && due.at <= seq) {
            pending.poll();
            return render(due.story, due.copy, published, fetchedAt);
        }
        Story story = newStory();
        for (int copy = 1; copy < story.copies; copy++) {
            // Other outlets pick a story up minutes to hours later (at ~2,000 documents a day, 400 is ~5 hours).
            pending.add(new Pending(seq + 1 + random.nextInt(settings.maxCopyGap()), story, copy));
        }
        return render(story, 0, published, fetchedAt);
    }

    private record Pending(long at, Story story, int copy) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            return Long.compare(at, o.at);
        }
    }

    /** One event, and everything its copies say about it. */
    private static final class Story {
        int number;
        StoryType type;
        int copies;
        long seed;
        int[] outlets;
        boolean[] syndicated;
        Map<String, String> slots = new HashMap<>();
        ListedCompany company;
        String items;
    }

    private Story newStory() {
        Story s = new Story();
        s.number = stories++;
        s.seed = random.nextLong();
        boolean filing = random.nextDouble() < settings.filingShare();
        s.type = filing ? StoryType.FILING : pickType();
        s.copies = filing ? 1 : copies();
        s.outlets = distinctOutlets(s.copies);
        s.syndicated = new boolean[s.copies];
        for (int c = 1; c < s.copies; c++) {
            s.syndicated[c] = random.nextDouble() < settings.syndicatedShare();
        }
        ListedCompany a = Vocabulary.pick(random, words.companies);
        ListedCompany b = Vocabulary.pick(random, words.companies);
        while (b == a) {
            b = Vocabulary.pick(random, words.companies);
        }
        s.company = a;
        Map<String, String> v = s.slots;
        v.put("A", a.name());
        v.put("Aticker", a.ticker());
        v.put("B", random.nextBoolean() ? b.name() : Vocabulary.startup(random));
        v.put("startup", Vocabulary.startup(random));
        v.put("person", Vocabulary.person(random));
        v.put("role", Vocabulary.pick(random, Vocabulary.ROLES));
        v.put("field", Vocabulary.pick(random, Vocabulary.FIELDS));
        v.put("years", Integer.toString(2 + random.nextInt(6)));
        v.put("day", Vocabulary.pick(random, Vocabulary.WEEKDAYS));
        v.put("pct", Integer.toString(3 + random.nextInt(40)));
        v.put("series", Vocabulary.pick(random, Vocabulary.SERIES));
        String product = productName();
        for (int attempt = 0; attempt < NAME_ATTEMPTS && namesInUseCount.containsKey(a.name() + "|" + product);
             attempt++) {
            product = productName();
        }
        v.put("product", product);
        v.put("kind", Vocabulary.pick(random, Vocabulary.PRODUCT_KINDS));
        ModelFamily model = Vocabulary.pick(random, words.models);
        String modelName = modelName(model);
        for (int attempt = 0; attempt < NAME_ATTEMPTS && namesInUseCount.containsKey(modelName); attempt++) {
            model = Vocabulary.pick(random, words.models);
            modelName = modelName(model);
        }
        v.put("model", modelName);
        v.put("maker", model.maker());
        useName(modelName);
        useName(a.name() + "|" + product);
        int params = new int[] {7, 8, 14, 32, 70, 120, 128, 235, 405, 480, 550, 671}[random.nextInt(12)];
        v.put("params", Integer.toString(params));
        v.put("active", Integer.toString(Math.max(1, params / (4 + random.nextInt(8)))));
        v.put("context", new String[] {"128,000", "256,000", "1 million", "2 million"}[random.nextInt(4)]);
        boolean open = random.nextInt(3) != 0;
        v.put("openness", open ? "open-weight" : "proprietary");
        v.put("anOpenness", open ? "an open-weight" : "a proprietary");
        BigDecimal amount = switch (s.type) {
            case INVESTMENT -> amount(8, 10);        // $100M to $99B, mostly billions
            case FUNDING_ROUND -> amount(7, 9);      // $10M to $9.9B
            case ACQUISITION -> amount(8, 10);
            case EARNINGS -> amount(9, 10);
            default -> amount(7, 9);
        };
        v.put("amount", money(amount, 0));
        v.put("amount1", money(amount, 1));
        v.put("amount2", money(amount, 2));
        v.put("prior", money(amount.multiply(BigDecimal.valueOf(100 - random.nextInt(30))).movePointLeft(2), 0));
        if (filing) {
            s.items = new String[] {"5.02,9.01", "1.01,7.01,9.01", "2.02,9.01", "8.01,9.01", "1.01,9.01"}[random.nextInt(5)];
        }
        return s;
    }

    private String productName() {
        return Vocabulary.pick(random, Vocabulary.PRODUCTS) + " " + (2 + random.nextInt(9));
    }

    private String modelName(ModelFamily model) {
        return model.family() + " " + (2 + random.nextInt(7)) + (random.nextBoolean() ? "." + random.nextInt(10) : "")
                + Vocabulary.pick(random, Vocabulary.MODEL_VARIANTS);
    }

    private void useName(String name) {
        namesInUse.addLast(name);
        namesInUseCount.merge(name, 1, Integer::sum);
        while (namesInUse.size() > 2 * DISTINCT_STORIES) {
            namesInUseCount.computeIfPresent(namesInUse.removeFirst(), (k, n) -> n == 1 ? null : n - 1);
        }
    }

    private StoryType pickType() {
        int total = 0;
        for (StoryType t : StoryType.values()) {
            total += t.weight;
        }
        int r = random.nextInt(total);
        for (StoryType t : StoryType.values()) {
            r -= t.weight;
            if (r < 0) {
                return t;
            }
        }
        throw new IllegalStateException();
    }

    /** 1 to maxCopies outlets: about half the stories are told once, one in ten by four or more. */
    private int copies() {
        double r = random.nextDouble();
        int copies = r < 0.45 ? 1 : r < 0.70 ? 2 : r < 0.85 ? 3 : r < 0.95 ? 4 : 5;
        return Math.min(copies, settings.maxCopies());
    }

    private int[] distinctOutlets(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < Vocabulary.OUTLETS.size(); i++) {
            all.add(i);
        }
        java.util.Collections.shuffle(all, random);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    /** Two significant digits between 10^lowExp and 10^(highExp+1): 90 values a decade keep facts apart. */
    private BigDecimal amount(int lowExp, int highExp) {
        int exp = lowExp + random.nextInt(highExp - lowExp + 1);
        int mantissa = 10 + random.nextInt(90);
        return BigDecimal.valueOf(mantissa).movePointRight(exp - 1);
    }

    /** "$3.4 billion", "$3.4bn", "US$3.4 billion", "$340 million": one amount as outlets write it. */
    static String money(BigDecimal usd, int style) {
        boolean billions = usd.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0;
        BigDecimal scaled = usd.movePointLeft(billions ? 9 : 6).stripTrailingZeros();
        String number = scaled.toPlainString();
        return switch (style) {
            case 1 -> "$" + number + (billions ? "bn" : "m");
            case 2 -> "US$" + number + (billions ? " billion" : " million");
            default -> "$" + number + (billions ? " billion" : " million");
        };
    }

    // ----- rendering

    private Composed render(Story story, int copy, Instant published, Instant fetchedAt) {
        if (story.type == StoryType.FILING) {
            return new Composed(filing(story, published, fetchedAt), story.number, 0, StoryType.FILING, null);
        }
        Outlet outlet = Vocabulary.OUTLETS.get(story.outlets[copy]);
        // A syndicated copy is the first copy's words under another outlet's masthead.
        int wordsOf = story.syndicated[copy] ? 0 : copy;
        Random r = new Random(story.seed * 31 + wordsOf);
        String headline = fill(pick(r, Templates.headlines(story.type)), story.slots, r);
        List<String> paragraphs = body(story, r);
        String slug = slug(headline) + "-" + settings.runTag() + "-" + story.number + "-" + copy;
        String section = section(story.type);
        String url = "https://" + outlet.host() + "/" + section + "/" + slug;
        String author = Vocabulary.person(new Random(story.seed * 17 + copy));
        byte[] body;
        String contentType;
        if (outlet.plainText()) {
            body = PageLayouts.plainText(headline, paragraphs).getBytes(StandardCharsets.UTF_8);
            contentType = "text/plain";
        } else {
            body = PageLayouts.html(outlet, url, section, headline, author, paragraphs, published,
                    recentHeadlines).getBytes(StandardCharsets.UTF_8);
            contentType = "text/html";
        }
        remember(headline);
        Map<String, String> metadata = new HashMap<>();
        metadata.put("feedTitle", outlet.name());
        metadata.put("title", headline);
        metadata.put("author", author);
        metadata.put("canonicalUrl", url);
        RawDocument raw = new RawDocument(RawDocument.SCHEMA_VERSION, Ids.forUrl(url), DocumentKind.NEWS,
                settings.sourceId(), url, contentType, "utf-8", fetchedAt, published, metadata, body, false,
                body.length);
        String subject = switch (story.type) {
            case MODEL_RELEASE -> story.slots.get("model");
            case PRODUCT_LAUNCH -> story.company.name() + "|" + story.slots.get("product");
            default -> null;
        };
        return new Composed(raw, story.number, copy, story.type, subject);
    }

    private List<String> body(Story story, Random r) {
        Map<String, String> slots = story.slots;
        List<String> paragraphs = new ArrayList<>();
        String lede = fill(pick(r, Templates.ledes(story.type)), slots, r);
        // Inside the lede, where no extractor takes it for boilerplate.
        paragraphs.add(settings.marker() == null ? lede : lede + " Reference " + settings.marker() + ".");
        List<String> details = new ArrayList<>(List.of(Templates.details(story.type)));
        java.util.Collections.shuffle(details, r);
        for (int i = 0; i < Math.min(2, details.size()); i++) {
            paragraphs.add(fill(details.get(i), slots, r));
        }
        paragraphs.add(fill(pick(r, Templates.QUOTES), slots, r));
        int filler = 4 + r.nextInt(5);
        for (int i = 0; i < filler; i++) {
            StringBuilder p = new StringBuilder();
            int sentences = 2 + r.nextInt(2);
            for (int k = 0; k < sentences; k++) {
                if (k > 0) {
                    p.append(' ');
                }
                p.append(fill(pick(r, Templates.CONTEXT), slots, r));
            }
            paragraphs.add(p.toString());
        }
        return paragraphs;
    }

    private RawDocument filing(Story story, Instant published, Instant fetchedAt) {
        Random r = new Random(story.seed);
        ListedCompany filer = story.company;
        String accession = String.format(Locale.ROOT, "%010d-%02d-%06d", Long.parseLong(filer.cik()),
                published.atZone(ZoneOffset.UTC).getYear() % 100, Math.floorMod(settings.runTag().hashCode() * 7919L
                        + story.number, 1_000_000L));
        String fileName = filer.ticker().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "-8k-"
                + settings.runTag() + "-" + story.number + ".htm";
        LocalDate date = published.atZone(ZoneOffset.UTC).toLocalDate();
        List<String[]> items = new ArrayList<>();
        for (String item : story.items.split(",")) {
            items.add(new String[] {item, Templates.itemTitle(item), fill(Templates.itemText(item), story.slots, r)});
        }
        String html = PageLayouts.filing(filer.secName(), filer.ticker(), date.format(LONG_DATE), items,
                settings.marker());
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        Map<String, String> metadata = new HashMap<>();
        metadata.put("cik", String.format(Locale.ROOT, "%010d", Long.parseLong(filer.cik())));
        metadata.put("company", filer.secName());
        metadata.put("ticker", filer.ticker());
        metadata.put("form", "8-K");
        metadata.put("accessionNumber", accession);
        metadata.put("filedAt", date.toString());
        metadata.put("acceptedAt", published.toString());
        metadata.put("items", story.items);
        metadata.put("primaryDocument", fileName);
        String url = "https://www.sec.gov/Archives/edgar/data/" + Long.parseLong(filer.cik()) + "/"
                + accession.replace("-", "") + "/" + fileName;
        return new RawDocument(RawDocument.SCHEMA_VERSION, Ids.forFiling(accession, fileName), DocumentKind.FILING,
                settings.sourceId(), url, "text/html", "utf-8", fetchedAt, published, metadata, body, false,
                body.length);
    }

    private void remember(String headline) {
        recentHeadlines.addFirst(headline);
        if (recentHeadlines.size() > 8) {
            recentHeadlines.removeLast();
        }
    }

    private static String section(StoryType type) {
        return switch (type) {
            case MODEL_RELEASE, PRODUCT_LAUNCH -> "ai";
            case EARNINGS -> "markets";
            case FUNDING_ROUND -> "startups";
            case EXECUTIVE_CHANGE -> "business";
            default -> "deals";
        };
    }

    static String slug(String headline) {
        String s = headline.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.length() > 60 ? s.substring(0, 60).replaceAll("-$", "") : s;
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    /**
     * Fills {@code {slot}}s from the story; a few slots ({@code analyst}, {@code firm}, {@code n}, {@code year},
     * {@code city}) are drawn fresh each time, so two stories' background paragraphs differ in their words.
     */
    static String fill(String template, Map<String, String> slots, Random r) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = switch (key) {
                case "analyst" -> Vocabulary.person(r);
                case "firm" -> Vocabulary.pick(r, Vocabulary.FIRMS);
                case "n" -> Integer.toString(2 + r.nextInt(60));
                case "year" -> Integer.toString(2019 + r.nextInt(7));
                case "city" -> Vocabulary.pick(r, Templates.CITIES);
                case "topic" -> Vocabulary.pick(r, Vocabulary.FIELDS);
                case "other" -> Vocabulary.startup(r);
                default -> slots.get(key);
            };
            if (value == null) {
                throw new IllegalStateException("Template slot {" + key + "} has no value: " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String s = out.toString();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
