package dev.newsintel.enrich.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Renders a DOM subtree as readable text: one paragraph per block element, in document order, separated by a
 * blank line; list items, table rows and {@code <br>} lines separated by a single newline; whitespace collapsed
 * (except in {@code <pre>}); table rows flattened into {@code cell | cell} with a currency sign, an opening
 * parenthesis, a closing parenthesis or a percent sign kept with its number ({@code $95.2}, {@code (1,234)},
 * {@code 12%}) even where the filer put it in a cell of its own.
 *
 * <p>Callers may ask for the span of chosen elements in the output ({@link #render(Element, Predicate)}), which is
 * how inline-XBRL facts get their offsets into the text. Iterative, so any nesting depth is safe.
 */
public final class HtmlText {
    /** Elements that start a new paragraph. */
    static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "center",
            "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
            "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
            "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
            "caption", "noscript", "option", "listing", "plaintext", "xmp", "page");
    /** Blocks separated from their neighbours by a single newline rather than a blank line. */
    private static final Set<String> LINE_BLOCKS = Set.of("li", "dt", "dd", "tr", "option");
    /** Never text. */
    static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "head", "title", "svg",
            "math", "canvas", "iframe", "object", "embed", "select", "option", "textarea", "input", "button",
            "map", "audio", "video", "source", "track", "picture", "img", "link", "meta", "param");

    /** The rendered text and, when asked for, where each chosen element's text lies in it. */
    public record Rendered(String text, Map<Element, int[]> spans) {
    }

    private HtmlText() {
    }

    /** The text of {@code root} rendered as paragraphs. */
    public static String text(Element root) {
        return render(root, null).text();
    }

    /**
     * @param spanOf elements whose {@code [start, end)} in the output is wanted, or null
     */
    public static Rendered render(Element root, Predicate<Element> spanOf) {
        Writer writer = new Writer(spanOf);
        NodeTraversor.filter(writer, root);
        return new Rendered(writer.out.toString(), writer.spans);
    }

    /** True for an element that is hidden by its own markup (inline style, {@code hidden}). */
    static boolean hidden(Element e) {
        if (e.hasAttr("hidden")) {
            return true;
        }
        String style = e.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        return containsIgnoringSpaces(style, "display:none") || containsIgnoringSpaces(style, "visibility:hidden");
    }

    private static boolean containsIgnoringSpaces(String style, String needle) {
        int n = 0;
        for (int i = 0; i < style.length(); i++) {
            char c = Character.toLowerCase(style.charAt(i));
            if (c == ' ' || c == '\t' || c == '\n') {
                continue;
            }
            if (c == needle.charAt(n)) {
                n++;
                if (n == needle.length()) {
                    return true;
                }
            } else {
                n = c == needle.charAt(0) ? 1 : 0;
            }
        }
        return false;
    }

    private static final class Writer implements NodeFilter {
        private final StringBuilder out = new StringBuilder();
        private final Predicate<Element> spanOf;
        private final Map<Element, int[]> spans = new IdentityHashMap<>();
        /** Spans opened before their first character was written. */
        private final List<int[]> awaitingStart = new ArrayList<>();
        /** 0 none, 1 newline, 2 blank line: written only when more text follows. */
        private int pendingBreak;
        private boolean pendingSpace;
        private int preDepth;
        private int tableCellDepth;
        /** Start of the current table cell's text in {@code out}, -1 outside cells or before its first char. */
        private int cellStart = -1;
        private String previousCell = "";
        private boolean pendingCellSeparator;
        private boolean rowHasCell;

        Writer(Predicate<Element> spanOf) {
            this.spanOf = spanOf;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (preDepth > 0) {
                    appendPre(text.getWholeText());
                } else {
                    appendCollapsed(text.getWholeText());
                }
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            String tag = e.normalName();
            if (SKIPPED.contains(tag) || hidden(e) || isInlineXbrlHeader(tag)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (spanOf != null && spanOf.test(e)) {
                int[] span = {-1, -1};
                spans.put(e, span);
                awaitingStart.add(span);
            }
            switch (tag) {
                case "br" -> requestBreak(tableCellDepth > 0 ? 0 : 1);
                case "pre", "listing", "xmp", "plaintext" -> {
                    requestBreak(2);
                    preDepth++;
                }
                case "tr" -> {
                    requestBreak(1);
                    rowHasCell = false;
                    previousCell = "";
                }
                case "td", "th" -> {
                    if (tableCellDepth == 0) {
                        if (rowHasCell) {
                            pendingCellSeparator = true;
                        }
                        cellStart = -1;
                    }
                    tableCellDepth++;
                }
                default -> {
                    if (tableCellDepth > 0) {
                        if (BLOCKS.contains(tag)) {
                            pendingSpace = true;
                        }
                    } else if (BLOCKS.contains(tag)) {
                        requestBreak(LINE_BLOCKS.contains(tag) ? 1 : 2);
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            String tag = e.normalName();
            switch (tag) {
                case "pre", "listing", "xmp", "plaintext" -> {
                    preDepth--;
                    requestBreak(2);
                }
                case "td", "th" -> {
                    tableCellDepth--;
                    if (tableCellDepth == 0) {
                        if (cellStart >= 0) {
                            previousCell = out.substring(cellStart).strip();
                            rowHasCell = true;
                        }
                        cellStart = -1;
                    } else {
                        pendingSpace = true;
                    }
                }
                case "tr" -> requestBreak(1);
                default -> {
                    if (tableCellDepth > 0) {
                        if (BLOCKS.contains(tag)) {
                            pendingSpace = true;
                        }
                    } else if (BLOCKS.contains(tag)) {
                        requestBreak(LINE_BLOCKS.contains(tag) ? 1 : 2);
                    }
                }
            }
            int[] span = spans.get(e);
            if (span != null) {
                if (span[0] < 0) {
                    awaitingStart.remove(span);
                    span[0] = out.length();
                }
                span[1] = Math.max(span[0], out.length());
            }
            return FilterResult.CONTINUE;
        }

        private static boolean isInlineXbrlHeader(String tag) {
            return tag.equals("ix:header");
        }

        private void requestBreak(int kind) {
            if (kind > pendingBreak) {
                pendingBreak = kind;
            }
        }

        private void appendCollapsed(String s) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00A0' || c == '\f'
                        || c == '\u2009' || c == '\u202F' || c == '\u200B' || c == '\u2002' || c == '\u2003') {
                    if (c != '\u200B') {
                        pendingSpace = true;
                    }
                    continue;
                }
                writeChar(c);
            }
        }

        private void appendPre(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\r') {
                    continue;
                }
                if (c == '\n') {
                    if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                        out.append('\n');
                    }
                    pendingSpace = false;
                    continue;
                }
                if (c == ' ' || c == '\t' || c == '\u00A0') {
                    pendingSpace = true;
                    continue;
                }
                writeChar(c);
            }
        }

        private void writeChar(char c) {
            if (!out.isEmpty()) {
                if (pendingBreak > 0) {
                    trimTrailingSpace();
                    out.append(pendingBreak == 2 ? "\n\n" : "\n");
                } else if (pendingCellSeparator && tableCellDepth > 0) {
                    if (joinsPreviousCell(c)) {
                        trimTrailingSpace();
                    } else {
                        trimTrailingSpace();
                        out.append(" | ");
                    }
                } else if (pendingSpace) {
                    char last = out.charAt(out.length() - 1);
                    if (last != ' ' && last != '\n') {
                        out.append(' ');
                    }
                }
            }
            pendingBreak = 0;
            pendingSpace = false;
            pendingCellSeparator = false;
            if (tableCellDepth > 0 && cellStart < 0) {
                cellStart = out.length();
            }
            if (!awaitingStart.isEmpty()) {
                for (int[] span : awaitingStart) {
                    span[0] = out.length();
                }
                awaitingStart.clear();
            }
            out.append(c);
        }

        /** "$" | "95.2" reads "$95.2"; "12" | "%" reads "12%"; "(1,234" | ")" reads "(1,234)". */
        private boolean joinsPreviousCell(char next) {
            if (next == ')' || next == '%') {
                return true;
            }
            String prev = previousCell;
            return prev.equals("$") || prev.equals("(") || prev.equals("$(") || prev.equals("($")
                    || prev.equals("€") || prev.equals("£") || prev.equals("¥");
        }

        private void trimTrailingSpace() {
            int len = out.length();
            while (len > 0 && out.charAt(len - 1) == ' ') {
                len--;
            }
            out.setLength(len);
        }
    }
}
