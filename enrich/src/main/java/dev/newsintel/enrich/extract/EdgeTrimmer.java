package dev.newsintel.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Trims the paragraphs at the edges of an extracted article that belong to the page, not the story: a byline or
 * "Updated ..." line above it; calls to action (subscribe, share, follow), legal lines and a closing "Tags" /
 * "Related" / "Comments" section below it. Only the edges are touched, and only short paragraphs: a story that
 * mentions newsletters in its middle keeps them.
 */
final class EdgeTrimmer {
    private static final int SHORT = 300;
    private static final Pattern BYLINE = Pattern.compile(
            "(?i)^(?:by|written by|posted by|words by|story by)\\s+\\p{Lu}[^.!?]{0,120}$|"
                    + "^(?:updated|published|posted|last updated|originally published)\\b.{0,120}$");
    private static final Pattern CALL_TO_ACTION = Pattern.compile(
            "(?i)\\bsubscribe\\b|\\bsign up\\b|\\bnewsletters?\\b|\\bshare (?:it|this)\\b|"
                    + "\\bfollow (?:us|me|him|her|them)\\b|\\blike this (?:story|article)\\b|\\bhave a tip\\b|"
                    + "\\bclick here\\b|\\bdownload (?:our|the) app\\b|\\bread more\\b|\\bcontinue reading\\b");
    private static final Pattern LEGAL = Pattern.compile(
            "(?i)©|\\ball rights reserved\\b|\\bcopyright\\s+(?:©|\\(c\\)|\\d{4})|\\bterms of (?:use|service)\\b|"
                    + "\\bprivacy policy\\b");
    private static final Pattern CLOSING_LABEL = Pattern.compile(
            "(?i)(?:tags?|tagged(?: with| in)?|topics|filed under|categories|related(?: articles| posts| stories| "
                    + "content| coverage| reading)?|read (?:more|next|also)|more (?:from|stories|news|on this)|"
                    + "you (?:may|might) also like|recommended(?: for you)?|comments?|\\d+ comments?|"
                    + "leave a (?:comment|reply)|join the conversation|share(?: this)?(?: article| story| post)?|"
                    + "about the author|see also|don'?t miss)[:.!]?");

    private EdgeTrimmer() {
    }

    static String trim(String text) {
        if (text.isEmpty()) {
            return text;
        }
        List<String> paragraphs = new ArrayList<>(List.of(text.split("\n\n")));
        int total = text.length();
        // A closing section label in the last part: the rest is the page's.
        int seen = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            String p = paragraphs.get(i).strip();
            if (i > 0 && seen > total / 2 && p.length() < 40 && CLOSING_LABEL.matcher(p).matches()) {
                paragraphs = new ArrayList<>(paragraphs.subList(0, i));
                break;
            }
            seen += p.length() + 2;
        }
        while (paragraphs.size() > 1) {
            String last = paragraphs.get(paragraphs.size() - 1).strip();
            if (last.length() < SHORT && (CALL_TO_ACTION.matcher(last).find() || LEGAL.matcher(last).find())) {
                paragraphs.remove(paragraphs.size() - 1);
            } else {
                break;
            }
        }
        for (int i = 0; i < 2 && paragraphs.size() > 1; i++) {
            String first = paragraphs.get(0).strip();
            boolean dateline = first.length() < 60 && PlainTextCleaner.words(first) <= 8 && Dates.find(first) != null;
            if (first.length() < 160 && BYLINE.matcher(first).matches() || dateline) {
                paragraphs.remove(0);
            } else {
                break;
            }
        }
        return String.join("\n\n", paragraphs);
    }
}
