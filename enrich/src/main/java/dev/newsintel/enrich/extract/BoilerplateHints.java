package dev.newsintel.enrich.extract;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * Generic words that page templates use in class names, ids and roles for the parts around an article (navigation,
 * share bars, comment threads, cookie banners...) and for the article itself. Only words any template might use:
 * never a site's or a vendor's name.
 */
final class BoilerplateHints {
    /** A block whose class/id says it is almost surely not the article, removed before scoring. */
    static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|\\bads?\\b|advert|banner|breadcrumb|combx|comment|community|cookie|consent|cover-wrap|disqus|"
                    + "extra|footer|gdpr|header|legends|menu|masthead|related|recommend|remark|replies|rss|"
                    + "shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|"
                    + "popup|modal|newsletter|subscribe|signup|sign-up|promo|paywall|share|sharing|trending|"
                    + "most-?popular|most-?read|more-?stories|toolbar|navbar|\\bnav\\b|skip-?link|"
                    + "overlay|outbrain|taboola",
            Pattern.CASE_INSENSITIVE);
    /** Words that rescue an {@link #UNLIKELY} match: the block may hold the article. */
    static final Pattern MAYBE_CANDIDATE = Pattern.compile("and|article|body|column|content|main|shadow|story|post",
            Pattern.CASE_INSENSITIVE);
    static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose",
            Pattern.CASE_INSENSITIVE);
    static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|"
                    + "masthead|media|meta|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|"
                    + "shopping|tags|tool|widget|newsletter|subscribe|recommend|byline|author|caption|credit",
            Pattern.CASE_INSENSITIVE);
    /** Picture captions and credits: not the article's text. */
    static final Pattern CAPTION = Pattern.compile("caption|credit|photo-?info|image-?info|wp-caption",
            Pattern.CASE_INSENSITIVE);
    /** Bylines and datelines inside the article container: metadata, not body text. */
    static final Pattern BYLINE = Pattern.compile("byline|author|dateline|writtenby|p-author",
            Pattern.CASE_INSENSITIVE);
    /** Roles of the regions around an article. */
    static final Pattern UNLIKELY_ROLE = Pattern.compile(
            "menu|menubar|navigation|complementary|alert|alertdialog|dialog|banner|contentinfo|search",
            Pattern.CASE_INSENSITIVE);

    /**
     * Templates repeat the same class strings hundreds of times per page and across pages: the regex verdicts are
     * memoised. Bounded (cleared when full) so a hostile page with unique class names cannot grow it.
     */
    private static final int CACHE_LIMIT = 100_000;
    private static final ConcurrentHashMap<String, Integer> WEIGHTS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Boolean> UNLIKELY_VERDICTS = new ConcurrentHashMap<>();

    private BoilerplateHints() {
    }

    /** Class/id name page furniture and nothing that could be the article. */
    static boolean unlikely(String hints) {
        if (hints.isEmpty()) {
            return false;
        }
        Boolean verdict = UNLIKELY_VERDICTS.get(hints);
        if (verdict == null) {
            verdict = UNLIKELY.matcher(hints).find() && !MAYBE_CANDIDATE.matcher(hints).find();
            if (UNLIKELY_VERDICTS.size() > CACHE_LIMIT) {
                UNLIKELY_VERDICTS.clear();
            }
            UNLIKELY_VERDICTS.put(hints, verdict);
        }
        return verdict;
    }

    /** Class name and id, the string the patterns match. */
    static String classAndId(Element e) {
        String cls = e.className();
        String id = e.id();
        if (cls.isEmpty()) {
            return id;
        }
        return id.isEmpty() ? cls : cls + " " + id;
    }

    /** Readability's class weight: +25 for a content-like class or id, -25 for a boilerplate-like one, each. */
    static int classWeight(Element e) {
        String cls = e.className();
        String id = e.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return 0;
        }
        String key = cls + "#" + id;
        Integer cached = WEIGHTS.get(key);
        if (cached == null) {
            cached = weight(cls, id);
            if (WEIGHTS.size() > CACHE_LIMIT) {
                WEIGHTS.clear();
            }
            WEIGHTS.put(key, cached);
        }
        return cached;
    }

    private static int weight(String cls, String id) {
        int weight = 0;
        if (!cls.isEmpty()) {
            if (NEGATIVE.matcher(cls).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(cls).find()) {
                weight += 25;
            }
        }
        if (!id.isEmpty()) {
            if (NEGATIVE.matcher(id).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(id).find()) {
                weight += 25;
            }
        }
        return weight;
    }
}
