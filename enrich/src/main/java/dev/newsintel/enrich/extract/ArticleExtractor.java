package dev.newsintel.enrich.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the main text of a web page by scoring its DOM blocks, in the family of Readability and Boilerpipe.
 *
 * <ol>
 *   <li><b>Prune</b> what is never article text: scripts, forms, hidden blocks, navigation/complementary roles, and
 *       blocks whose class or id says navigation, share bar, comments, cookie banner, related articles...
 *       ({@link BoilerplateHints}).</li>
 *   <li><b>Measure</b> every element in one post-order pass: characters, characters inside links, commas,
 *       paragraphs, images, list items, form inputs.</li>
 *   <li><b>Score</b> each paragraph-like block (1 + commas + length/100, capped) into its ancestors with a decay,
 *       weight each candidate by its tag and class hints and scale it by its link density; the best candidate is the
 *       article container, widened to a common ancestor when several strong candidates share one and joined with
 *       siblings that score like it.</li>
 *   <li><b>Clean</b> inside the container: drop sub-blocks that are mostly links, lists of links, image or form
 *       blocks, bylines, share bars and the repeated headline.</li>
 *   <li><b>Render</b> what remains as paragraphs and headings in document order ({@link HtmlText}).</li>
 * </ol>
 *
 * Every pass is linear in the size of the DOM and iterative, so depth and size cannot blow the stack or the clock.
 * The page is modified in place: hand it a document you no longer need.
 */
public final class ArticleExtractor {
    /** The main text of a page and the element it was taken from. */
    public record Article(String text, Element container) {
    }

    private static final Set<String> REMOVED_TAGS = Set.of("script", "style", "noscript", "template", "svg",
            "math", "canvas", "iframe", "object", "embed", "select", "option", "textarea", "input", "button", "link",
            "meta", "audio", "video", "source", "track", "map", "dialog", "nav", "aside", "label");
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "li", "dd");
    private static final Set<String> NEVER_UNLIKELY = Set.of("html", "body", "article", "main", "a", "table",
            "tbody", "tr", "td", "th");
    private static final int MIN_PARAGRAPH_CHARS = 25;
    private static final int MAX_ANCESTOR_LEVELS = 5;
    private static final int TOP_CANDIDATES = 5;

    private final ExtractionLimits limits;

    public ArticleExtractor(ExtractionLimits limits) {
        this.limits = limits;
    }

    /**
     * @param headline the page's title as found in its metadata, removed from the body when the body repeats it
     */
    public Article extract(Document page, String headline) {
        Element body = page.body();
        if (body == null) {
            return new Article("", null);
        }
        prune(body, true);
        Map<Element, Stats> stats = measure(body);
        Element container = selectContainer(body, stats);
        List<Element> parts = withSiblings(container, stats);
        for (Element part : parts) {
            clean(part, stats, headline);
        }
        StringBuilder text = new StringBuilder();
        for (Element part : parts) {
            String t = HtmlText.text(part);
            if (!t.isBlank()) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(t);
            }
        }
        return new Article(EdgeTrimmer.trim(text.toString()), container);
    }

    // ---------------------------------------------------------------------------------------------------- prune

    /**
     * Removes what is never article text, in two steps: first markup that holds no reading text at all, then
     * blocks whose class, id or role names page furniture. A block so named that still holds most of the page's
     * text is a wrapper with an unlucky name ("header-style-2", "advertisement-pusher") and stays.
     */
    private void prune(Element body, boolean stripUnlikely) {
        List<Element> doomed = new ArrayList<>();
        NodeTraversor.filter(new SimpleFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && (REMOVED_TAGS.contains(e.normalName()) || HtmlText.hidden(e))) {
                    doomed.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        doomed.forEach(Element::remove);
        doomed.clear();
        if (!stripUnlikely) {
            return;
        }
        Map<Element, Stats> stats = measure(body);
        Stats bodyStats = stats.get(body);
        int wrapperChars = bodyStats == null ? 0 : bodyStats.chars / 2;
        NodeTraversor.filter(new SimpleFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                Stats s = stats.get(e);
                if (s == null) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (s.chars >= wrapperChars && wrapperChars > 0 || isArticleBody(e)) {
                    return FilterResult.CONTINUE;
                }
                String role = e.attr("role");
                if (!role.isEmpty() && BoilerplateHints.UNLIKELY_ROLE.matcher(role).matches()) {
                    doomed.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (!NEVER_UNLIKELY.contains(e.normalName())) {
                    if (BoilerplateHints.unlikely(BoilerplateHints.classAndId(e))) {
                        doomed.add(e);
                        return FilterResult.SKIP_ENTIRELY;
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        doomed.forEach(Element::remove);
    }

    /** A filter that only looks at the way in. */
    private interface SimpleFilter extends NodeFilter {
        @Override
        default FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
        }
    }

    // -------------------------------------------------------------------------------------------------- measure

    /** What one element holds, counted once for the whole tree. */
    static final class Stats {
        int chars;
        int linkChars;
        int commas;
        /** Characters of text directly in this element (not in a block child). */
        int ownChars;
        int paragraphs;
        int images;
        int listItems;
        int headingChars;
        boolean hasBlockChild;
        double score;
        boolean candidate;
    }

    private Map<Element, Stats> measure(Element body) {
        // In document order: candidates are scored in this order and ties go to the first, so the same page always
        // gives the same text. (An IdentityHashMap iterates in identity-hash order, which differs from run to run.)
        // Elements compare by identity, so a LinkedHashMap is an identity map here.
        Map<Element, Stats> stats = new LinkedHashMap<>();
        List<Stats> stack = new ArrayList<>();
        int[] linkDepth = {0};
        int[] headingDepth = {0};
        int maxDepth = limits.maxDepth();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    if (stack.isEmpty()) {
                        return FilterResult.CONTINUE;
                    }
                    String s = t.getWholeText();
                    int visible = visibleLength(s);
                    if (visible == 0) {
                        return FilterResult.CONTINUE;
                    }
                    Stats top = stack.get(stack.size() - 1);
                    top.chars += visible;
                    top.ownChars += visible;
                    top.commas += commas(s);
                    if (linkDepth[0] > 0) {
                        top.linkChars += visible;
                    }
                    if (headingDepth[0] > 0) {
                        top.headingChars += visible;
                    }
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                Stats s = new Stats();
                stats.put(e, s);
                stack.add(s);
                String tag = e.normalName();
                if (tag.equals("a")) {
                    linkDepth[0]++;
                } else if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                    headingDepth[0]++;
                }
                // Deeper than the limit, a subtree counts as the text of its ancestor at the limit.
                return depth > maxDepth ? FilterResult.SKIP_CHILDREN : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                Stats s = stack.remove(stack.size() - 1);
                String tag = e.normalName();
                if (tag.equals("a")) {
                    linkDepth[0]--;
                } else if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                    headingDepth[0]--;
                }
                if (depth > maxDepth) {
                    s.chars += visibleLength(e.text());
                    s.ownChars = s.chars;
                }
                switch (tag) {
                    case "p" -> s.paragraphs++;
                    case "img" -> s.images++;
                    case "li" -> s.listItems++;
                    default -> {
                    }
                }
                if (!stack.isEmpty()) {
                    Stats parent = stack.get(stack.size() - 1);
                    parent.chars += s.chars;
                    parent.linkChars += s.linkChars;
                    parent.commas += s.commas;
                    parent.paragraphs += s.paragraphs;
                    parent.images += s.images;
                    parent.listItems += s.listItems;
                    parent.headingChars += s.headingChars;
                    if (HtmlText.BLOCKS.contains(tag) || tag.equals("td") || tag.equals("th")) {
                        parent.hasBlockChild = true;
                    } else {
                        // Inline children's text is the parent's own text, for paragraph scoring.
                        parent.ownChars += s.chars;
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        return stats;
    }

    static int visibleLength(String s) {
        int n = 0;
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (!space) {
                    n++;
                    space = true;
                }
            } else {
                n++;
                space = false;
            }
        }
        return space && n > 0 ? n - 1 : n;
    }

    private static int commas(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '\u060C' || c == '\uFE50' || c == '\uFE10' || c == '\uFE11' || c == '\u2E41'
                    || c == '\u2E34' || c == '\u2E32' || c == '\uFF0C' || c == '\u3001') {
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------------------------------------------- score

    private Element selectContainer(Element body, Map<Element, Stats> stats) {
        List<Element> candidates = new ArrayList<>();
        for (Map.Entry<Element, Stats> entry : stats.entrySet()) {
            Element e = entry.getKey();
            Stats s = entry.getValue();
            String tag = e.normalName();
            int length;
            Element first;
            if (PARAGRAPH_TAGS.contains(tag)) {
                length = s.chars;
                first = e.parent();
            } else if (!s.hasBlockChild && (tag.equals("div") || tag.equals("section"))) {
                // A div holding only inline content is a paragraph written without <p>.
                length = s.chars;
                first = e.parent();
            } else if (s.ownChars >= MIN_PARAGRAPH_CHARS && !tag.equals("body") && s.hasBlockChild) {
                // Text between block children: paragraphs separated by <br>, whose container is this element.
                length = s.ownChars;
                first = e;
            } else {
                continue;
            }
            if (length < MIN_PARAGRAPH_CHARS || first == null) {
                continue;
            }
            double contentScore = 1 + (PARAGRAPH_TAGS.contains(tag) ? s.commas : commasOwn(s)) + Math.min(length / 100, 3);
            Element ancestor = first;
            for (int level = 0; level < MAX_ANCESTOR_LEVELS && ancestor != null; level++) {
                Stats as = stats.get(ancestor);
                if (as == null) {
                    break;
                }
                if (!as.candidate) {
                    as.candidate = true;
                    as.score = initialScore(ancestor);
                    candidates.add(ancestor);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                as.score += contentScore / divider;
                ancestor = ancestor.parent();
            }
        }
        Element top = null;
        double topScore = 0;
        List<Element> best = new ArrayList<>();
        for (Element c : candidates) {
            Stats s = stats.get(c);
            s.score *= 1 - linkDensity(s);
            insertTop(best, c, stats);
        }
        if (!best.isEmpty()) {
            top = best.get(0);
            topScore = stats.get(top).score;
        }
        if (top == null || top == body) {
            return body;
        }
        // Several strong candidates under one ancestor: the article is split into parts, take the ancestor.
        List<Element> alternatives = new ArrayList<>();
        for (int i = 1; i < best.size(); i++) {
            if (stats.get(best.get(i)).score / topScore >= 0.75) {
                alternatives.add(best.get(i));
            }
        }
        if (alternatives.size() >= 3) {
            Element parent = top.parent();
            while (parent != null && parent != body) {
                int contained = 0;
                for (Element alt : alternatives) {
                    if (isAncestor(parent, alt)) {
                        contained++;
                    }
                }
                if (contained >= 3) {
                    top = parent;
                    break;
                }
                parent = parent.parent();
            }
        }
        // Climb while the parent scores better: the container, not one of its paragraphs' wrappers.
        Stats topStats = stats.get(top);
        if (topStats != null && !topStats.candidate) {
            topStats.candidate = true;
            topStats.score = initialScore(top);
        }
        Element parent = top.parent();
        double lastScore = topStats == null ? 0 : topStats.score;
        double threshold = lastScore / 3;
        while (parent != null && parent != body) {
            Stats ps = stats.get(parent);
            if (ps == null || !ps.candidate) {
                parent = parent.parent();
                continue;
            }
            if (ps.score < threshold) {
                break;
            }
            if (ps.score > lastScore) {
                top = parent;
                break;
            }
            lastScore = ps.score;
            parent = parent.parent();
        }
        while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    private static int commasOwn(Stats s) {
        return s.commas;
    }

    private static void insertTop(List<Element> best, Element c, Map<Element, Stats> stats) {
        double score = stats.get(c).score;
        int i = 0;
        while (i < best.size() && stats.get(best.get(i)).score >= score) {
            i++;
        }
        if (i < TOP_CANDIDATES) {
            best.add(i, c);
            if (best.size() > TOP_CANDIDATES) {
                best.remove(best.size() - 1);
            }
        }
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Schema.org microdata marking the article's text, which templates of every kind emit. */
    private static boolean isArticleBody(Element e) {
        String prop = e.attr("itemprop");
        return prop.equalsIgnoreCase("articleBody") || prop.equalsIgnoreCase("text");
    }

    private static double initialScore(Element e) {
        double score = switch (e.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + BoilerplateHints.classWeight(e) + (isArticleBody(e) ? 25 : 0);
    }

    static double linkDensity(Stats s) {
        return s.chars == 0 ? 0 : (double) s.linkChars / s.chars;
    }

    // ------------------------------------------------------------------------------------------------- siblings

    private List<Element> withSiblings(Element top, Map<Element, Stats> stats) {
        Element parent = top.parent();
        if (parent == null || top.normalName().equals("body")) {
            return List.of(top);
        }
        Stats ts = stats.get(top);
        double topScore = ts == null ? 0 : ts.score;
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> parts = new ArrayList<>();
        String topClass = top.className();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                parts.add(sibling);
                continue;
            }
            Stats s = stats.get(sibling);
            if (s == null) {
                continue;
            }
            double bonus = !topClass.isEmpty() && topClass.equals(sibling.className()) ? topScore * 0.2 : 0;
            if (s.candidate && s.score + bonus >= threshold) {
                parts.add(sibling);
            } else if (sibling.normalName().equals("p")) {
                double ld = linkDensity(s);
                String text = sibling.text();
                if (s.chars > 80 && ld < 0.25) {
                    parts.add(sibling);
                } else if (s.chars < 80 && s.chars > 0 && ld == 0 && (text.endsWith(".") || text.contains(". "))) {
                    parts.add(sibling);
                }
            }
        }
        return parts;
    }

    // ---------------------------------------------------------------------------------------------------- clean

    private void clean(Element root, Map<Element, Stats> stats, String headline) {
        List<Element> doomed = new ArrayList<>();
        Stats rootStats = stats.get(root);
        // A block holding most of the container's text is the article, whatever its class says.
        int articleChars = rootStats == null ? Integer.MAX_VALUE : rootStats.chars / 2;
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e) || e == root) {
                    return FilterResult.CONTINUE;
                }
                Stats s = stats.get(e);
                if (s == null) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (s.chars > articleChars && !e.normalName().equals("h1")) {
                    return FilterResult.CONTINUE;
                }
                if (junk(e, s)) {
                    doomed.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, root);
        for (Element e : doomed) {
            e.remove();
        }
    }

    private boolean junk(Element e, Stats s) {
        String tag = e.normalName();
        String hints = BoilerplateHints.classAndId(e);
        if (tag.equals("h1")) {
            return true; // the headline: metadata, not body
        }
        if (!hints.isEmpty() && s.chars < 100 && BoilerplateHints.BYLINE.matcher(hints).find()) {
            return true;
        }
        if (!hints.isEmpty() && s.chars < 500 && hints.toLowerCase(java.util.Locale.ROOT).contains("share")) {
            return true;
        }
        if (tag.equals("figure") || tag.equals("figcaption") || tag.equals("footer") || tag.equals("header")) {
            return true;
        }
        if (!hints.isEmpty() && s.chars < 300 && BoilerplateHints.CAPTION.matcher(hints).find()) {
            return true;
        }
        if ((tag.equals("p") || !s.hasBlockChild && tag.equals("div")) && s.chars < 500
                && linkDensity(s) >= 0.6) {
            return true; // "Read more: <link>", a row of related links dressed as a paragraph
        }
        if ((tag.startsWith("h") && tag.length() == 2) && BoilerplateHints.classWeight(e) < 0) {
            return true;
        }
        boolean conditional = tag.equals("div") || tag.equals("section") || tag.equals("ul") || tag.equals("ol")
                || tag.equals("table") || tag.equals("form") || tag.equals("fieldset");
        if (!conditional) {
            return false;
        }
        int weight = BoilerplateHints.classWeight(e);
        if (weight < 0) {
            return true;
        }
        if (s.commas >= 10) {
            return false;
        }
        boolean isList = tag.equals("ul") || tag.equals("ol");
        double ld = linkDensity(s);
        int p = s.paragraphs;
        int img = s.images;
        int li = s.listItems;
        if (img > 1 && (double) p / img < 0.5) {
            return true;
        }
        if (!isList && li > p && s.chars < 1000) {
            return true;
        }
        double headingDensity = s.chars == 0 ? 0 : (double) s.headingChars / s.chars;
        if (!isList && headingDensity < 0.9 && s.chars < MIN_PARAGRAPH_CHARS && (img == 0 || img > 2)) {
            return true;
        }
        if (!isList && weight < 25 && ld > 0.2) {
            return true;
        }
        if (weight >= 25 && ld > 0.5) {
            return true;
        }
        return isList && ld > 0.5;
    }
}
