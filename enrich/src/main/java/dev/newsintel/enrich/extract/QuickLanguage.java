package dev.newsintel.enrich.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides the language of a text from evidence that costs microseconds: a writing system used by one language
 * (kana, hangul, Greek, Hebrew, Thai), or, for Latin script, a clear majority of one language's most frequent
 * function words. Returns null whenever the evidence is not clear, and the statistical model decides.
 */
final class QuickLanguage {
    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en", Set.of("the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "was", "on", "as",
                    "are", "by", "this", "be", "from", "have", "has", "at", "which", "their", "said"),
            "de", Set.of("der", "die", "und", "den", "das", "ist", "nicht", "mit", "sich", "des", "auf", "für",
                    "ein", "eine", "dem", "auch", "es", "von", "zu", "wird", "werden", "sie", "bei"),
            "fr", Set.of("le", "la", "les", "et", "des", "du", "est", "une", "un", "pour", "que", "qui", "dans",
                    "sur", "pas", "au", "avec", "ce", "il", "sont", "par", "plus"),
            "es", Set.of("el", "los", "las", "y", "del", "que", "por", "una", "con", "para", "es", "se", "al",
                    "como", "más", "pero", "sus", "fue", "este", "han"),
            "it", Set.of("il", "della", "che", "di", "e", "per", "una", "sono", "del", "non", "gli", "alla", "nel",
                    "dei", "anche", "come", "più", "questo", "ha", "delle"),
            "pt", Set.of("o", "os", "do", "da", "dos", "das", "que", "não", "uma", "com", "para", "por", "em",
                    "no", "na", "mais", "como", "foi", "ao", "são"),
            "nl", Set.of("de", "het", "een", "van", "en", "niet", "dat", "zijn", "voor", "met", "op", "ook", "er",
                    "maar", "wordt", "aan", "bij", "dit", "worden", "naar"));
    private static final int MIN_HITS = 6;
    private static final int SAMPLE = 1000;

    private QuickLanguage() {
    }

    static String detect(String text) {
        String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        Map<Character.UnicodeScript, Integer> scripts = new HashMap<>();
        int letters = 0;
        for (int i = 0; i < sample.length(); ) {
            int cp = sample.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                scripts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
            }
        }
        if (letters == 0) {
            return null;
        }
        int latin = scripts.getOrDefault(Character.UnicodeScript.LATIN, 0);
        if (latin * 2 < letters) {
            return byScript(scripts, letters);
        }
        Map<String, Integer> hits = new HashMap<>();
        for (String word : sample.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, Set<String>> language : FUNCTION_WORDS.entrySet()) {
                if (language.getValue().contains(word)) {
                    hits.merge(language.getKey(), 1, Integer::sum);
                }
            }
        }
        String best = null;
        int bestHits = 0;
        int second = 0;
        for (Map.Entry<String, Integer> h : hits.entrySet()) {
            if (h.getValue() > bestHits) {
                second = bestHits;
                bestHits = h.getValue();
                best = h.getKey();
            } else if (h.getValue() > second) {
                second = h.getValue();
            }
        }
        return bestHits >= MIN_HITS && bestHits >= 3 * second ? best : null;
    }

    private static String byScript(Map<Character.UnicodeScript, Integer> scripts, int letters) {
        int kana = scripts.getOrDefault(Character.UnicodeScript.HIRAGANA, 0)
                + scripts.getOrDefault(Character.UnicodeScript.KATAKANA, 0);
        if (kana * 10 >= letters) {
            return "ja";
        }
        if (scripts.getOrDefault(Character.UnicodeScript.HANGUL, 0) * 2 >= letters) {
            return "ko";
        }
        if (scripts.getOrDefault(Character.UnicodeScript.GREEK, 0) * 2 >= letters) {
            return "el";
        }
        if (scripts.getOrDefault(Character.UnicodeScript.HEBREW, 0) * 2 >= letters) {
            return "he";
        }
        if (scripts.getOrDefault(Character.UnicodeScript.THAI, 0) * 2 >= letters) {
            return "th";
        }
        return null;
    }
}
