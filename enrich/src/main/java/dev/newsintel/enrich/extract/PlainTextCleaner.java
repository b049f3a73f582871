package dev.newsintel.enrich.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cleans a plain-text article the way a reader skims it: prose is recognised by its shape (long lines that end like
 * sentences), and what surrounds the prose is judged by its own shape.
 *
 * <ul>
 *   <li>Before the first prose line: a site menu copied along with the article is a run of short lines without
 *       sentence punctuation. The headline is the longest such line nearest the prose; the rest is dropped (a date
 *       among them becomes the publication date).</li>
 *   <li>After the last prose line: short lines (action buttons, tag lists) and legal boilerplate (disclaimers,
 *       copyright lines) are dropped from the end inward; a closing section label (tags, related articles,
 *       comments) in the last part of the text cuts everything after it.</li>
 *   <li>In between, everything is kept in order (subheadings, lists, short paragraphs), except lines that are only
 *       an interface label ("Advertisement", "Share") or an image reference.</li>
 * </ul>
 *
 * No rule knows a site: the vocabulary below is the generic language of web page furniture.
 */
public final class PlainTextCleaner {
    /** The cleaned text, and the headline and date found above it (null when none). */
    public record Cleaned(String title, String text, Instant publishedAt) {
    }

    private static final int PROSE_WORDS = 10;
    private static final int LONG_LINE_WORDS = 25;
    private static final int MIN_TITLE_WORDS = 3;
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•·▪►‣◦–]|\\d{1,2}[.)])\\s+");
    /** A label that ends the article: what follows is the page's, not the author's. */
    private static final Pattern CLOSING_LABEL = Pattern.compile(
            "(?i)(?:tags?|tagged(?: with)?|topics|related(?: articles| posts| stories| content| news| reading)?|"
                    + "read (?:more|next|also)|more (?:from|stories|news|articles)|you (?:may|might) also like|"
                    + "recommended(?: for you)?|comments?|\\d+ comments?|leave a (?:comment|reply)|add a comment|"
                    + "no comments(?: yet)?|share(?: this(?: article| story| post)?)?|about the author|"
                    + "sign up for .*newsletter.*|subscribe(?: to .*)?|follow us(?: on .*)?|advertisement)");
    /** An interface label or a line that is only an image. */
    private static final Pattern UI_LABEL = Pattern.compile(
            "(?i)(?:advertisement|ad|sponsored|share|tweet|print|email|e-mail|comment|comments|reply|like|"
                    + "repost|save|bookmark|pin|follow|subscribe|sign in|log in|login|register|menu|search|home|"
                    + "skip to (?:main )?content|continue reading|read more|scroll to continue(?: with content)?|"
                    + "view original|open in app|listen to (?:this )?article|\\d+ min read)");
    private static final Pattern IMAGE_ONLY = Pattern.compile("^!\\[[^\\]]*]\\([^)]*\\)\\s*$");
    private static final Pattern LEGAL = Pattern.compile(
            "(?i)\\bdisclaimer\\b|all rights reserved|\\bcopyright\\b|©|terms of (?:use|service)|privacy policy|"
                    + "cookie policy|not (?:be )?(?:considered|construed) as (?:an? )?(?:endorsement|financial|investment)|"
                    + "for (?:general )?information(?:al)? purposes only|does not constitute (?:financial|investment) advice|"
                    + "third-party content");
    private static final Pattern BYLINE = Pattern.compile("(?i)^(?:by|written by|posted by)\\s+\\S.{0,80}$");

    private PlainTextCleaner() {
    }

    public static Cleaned clean(String body) {
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\\R", -1)) {
            lines.add(line.strip());
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (isProse(lines.get(i))) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return withoutProse(lines);
        }

        // Above the prose: the headline, a date, menus.
        String title = null;
        Instant published = null;
        int titleWords = 0;
        for (int i = first - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.isEmpty() || UI_LABEL.matcher(stripBullet(line)).matches() || BYLINE.matcher(line).matches()) {
                continue;
            }
            if (published == null) {
                published = Dates.find(line);
                if (published != null && words(line) <= 8) {
                    continue;
                }
            }
            int w = words(line);
            if (w >= MIN_TITLE_WORDS && w > titleWords && !LEGAL.matcher(line).find()) {
                title = line;
                titleWords = w;
            }
        }

        // Below the prose: cut at a closing label, then strip short and legal lines from the end inward.
        int end = lines.size();
        int total = lines.size();
        for (int i = first + 1; i < end; i++) {
            String label = stripBullet(lines.get(i)).replaceAll("[:.!]+$", "");
            if (!label.isEmpty() && words(label) <= 6 && CLOSING_LABEL.matcher(label).matches()
                    && proseAfter(lines, i) < proseBefore(lines, i, first)) {
                end = i;
                break;
            }
        }
        while (end > first + 1) {
            String line = lines.get(end - 1);
            if (line.isEmpty() || !isProse(line) || LEGAL.matcher(line).find()) {
                end--;
            } else {
                break;
            }
        }

        StringBuilder text = new StringBuilder();
        boolean previousBullet = false;
        for (int i = first; i < end && i < total; i++) {
            String line = lines.get(i);
            if (line.isEmpty() || IMAGE_ONLY.matcher(line).matches()
                    || UI_LABEL.matcher(stripBullet(line)).matches()) {
                continue;
            }
            boolean bullet = BULLET.matcher(line).find();
            if (!text.isEmpty()) {
                text.append(bullet && previousBullet ? "\n" : "\n\n");
            }
            text.append(line);
            previousBullet = bullet;
        }
        return new Cleaned(title, text.toString(), published);
    }

    /** No line reads like prose (a one-line document, a list): keep it all, the first line titles it. */
    private static Cleaned withoutProse(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (!line.isEmpty()) {
                kept.add(line);
            }
        }
        String title = kept.size() > 1 ? kept.get(0) : null;
        return new Cleaned(title, String.join("\n", title == null ? kept : kept.subList(1, kept.size())), null);
    }

    private static int proseAfter(List<String> lines, int from) {
        int chars = 0;
        for (int i = from + 1; i < lines.size(); i++) {
            if (isProse(lines.get(i))) {
                chars += lines.get(i).length();
            }
        }
        return chars;
    }

    private static int proseBefore(List<String> lines, int to, int first) {
        int chars = 0;
        for (int i = first; i < to; i++) {
            if (isProse(lines.get(i))) {
                chars += lines.get(i).length();
            }
        }
        return chars;
    }

    /** A line that reads like a sentence: long enough and ending like one, or simply long. */
    static boolean isProse(String line) {
        if (line.isEmpty()) {
            return false;
        }
        int w = words(line);
        if (w >= LONG_LINE_WORDS) {
            return !LEGAL.matcher(line).find() || w >= 60;
        }
        return w >= PROSE_WORDS && endsLikeSentence(line);
    }

    private static boolean endsLikeSentence(String line) {
        int i = line.length() - 1;
        while (i >= 0 && "\"'”’»)]*".indexOf(line.charAt(i)) >= 0) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        char c = line.charAt(i);
        return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '。' || c == '…';
    }

    private static String stripBullet(String line) {
        return BULLET.matcher(line).replaceFirst("").strip();
    }

    static int words(String line) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < line.length(); i++) {
            boolean space = Character.isWhitespace(line.charAt(i));
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
    }
}
