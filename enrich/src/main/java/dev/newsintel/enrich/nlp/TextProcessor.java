package dev.newsintel.enrich.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Sentences and tokens with OpenNLP and Apache's English UD-EWT models (from Maven Central,
 * {@code opennlp-models-sentdetect-en} and {@code opennlp-models-tokenizer-en}).
 *
 * <p>Models are loaded once per JVM ({@link #shared()}); the ME classes are not thread-safe, so this uses OpenNLP's
 * thread-local wrappers and one instance serves every thread.
 *
 * <p>Line breaks always end a sentence: clean text keeps headlines, list items and paragraphs on lines of their own,
 * and a headline has no full stop for the statistical detector to find.
 */
public final class TextProcessor {
    static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";

    private static volatile TextProcessor shared;

    private final ThreadSafeSentenceDetectorME sentenceDetector;
    private final ThreadSafeTokenizerME tokenizer;

    public TextProcessor(SentenceModel sentenceModel, TokenizerModel tokenizerModel) {
        this.sentenceDetector = new ThreadSafeSentenceDetectorME(sentenceModel);
        this.tokenizer = new ThreadSafeTokenizerME(tokenizerModel);
    }

    /** The processor with the bundled models, loaded on first use. */
    public static TextProcessor shared() {
        TextProcessor p = shared;
        if (p == null) {
            synchronized (TextProcessor.class) {
                p = shared;
                if (p == null) {
                    try (InputStream s = resource(SENTENCE_MODEL); InputStream t = resource(TOKEN_MODEL)) {
                        p = new TextProcessor(new SentenceModel(s), new TokenizerModel(t));
                    } catch (IOException e) {
                        throw new UncheckedIOException("Could not load the OpenNLP English models", e);
                    }
                    shared = p;
                }
            }
        }
        return p;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = TextProcessor.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("Model " + name + " is not on the classpath (opennlp-models-*-en jars)");
        }
        return in;
    }

    public AnalyzedText analyze(String text) {
        List<Sentence> sentences = new ArrayList<>();
        int lineStart = 0;
        int length = text.length();
        while (lineStart < length) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = length;
            }
            addSentences(text, lineStart, lineEnd, sentences);
            lineStart = lineEnd + 1;
        }
        return new AnalyzedText(text, sentences);
    }

    private void addSentences(String text, int from, int to, List<Sentence> out) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (from >= to) {
            return;
        }
        String line = text.substring(from, to);
        Span[] spans = joinAbbreviations(line, sentenceDetector.sentPosDetect(line));
        if (spans.length == 0) {
            spans = new Span[] {new Span(0, line.length())};
        }
        for (Span span : spans) {
            int start = from + span.getStart();
            int end = from + span.getEnd();
            String sentenceText = text.substring(start, end);
            Span[] tokenSpans = tokenizer.tokenizePos(sentenceText);
            List<Token> tokens = new ArrayList<>(tokenSpans.length);
            for (Span t : tokenSpans) {
                String word = sentenceText.substring(t.getStart(), t.getEnd());
                int clitic = cliticStart(word);
                if (clitic > 0) {
                    tokens.add(new Token(word.substring(0, clitic), start + t.getStart(), start + t.getStart() + clitic,
                            tokens.size()));
                    tokens.add(new Token(word.substring(clitic), start + t.getStart() + clitic, start + t.getEnd(),
                            tokens.size()));
                    continue;
                }
                tokens.add(new Token(word, start + t.getStart(), start + t.getEnd(), tokens.size()));
            }
            out.add(new Sentence(out.size(), start, end, sentenceText, tokens));
        }
    }

    /** Abbreviations a name follows: titles ("Gen. Manuel Belgrano") and places' ("St. Louis", "Mt. Vernon"). */
    private static final java.util.Set<String> BEFORE_A_NAME = java.util.Set.of("Mr", "Mrs", "Ms", "Mx", "Dr", "Prof",
            "Gen", "Col", "Lt", "Capt", "Sgt", "Adm", "Cmdr", "Maj", "Sen", "Rep", "Gov", "Rev", "Hon", "Messrs", "Supt",
            "Insp", "St", "Mt", "Ft");

    /**
     * Joins sentences the detector split inside a name: after a middle initial ("John Q." + "Public resigned."), a
     * title ("Gen." + "Manuel Belgrano led the army.") or a place's abbreviation ("St." + "Louis"), when a
     * capitalised word follows; and after "No." when a number follows. The UD model learnt from text with few of
     * them, and a sentence really ending in "Group A." or "Main St." is rarer than a name.
     */
    static Span[] joinAbbreviations(String line, Span[] spans) {
        if (spans.length < 2) {
            return spans;
        }
        List<Span> out = new ArrayList<>(spans.length);
        Span current = spans[0];
        for (int i = 1; i < spans.length; i++) {
            Span next = spans[i];
            if (endsInsideAName(line, current.getStart(), current.getEnd(), line.charAt(next.getStart()))) {
                current = new Span(current.getStart(), next.getEnd());
            } else {
                out.add(current);
                current = next;
            }
        }
        out.add(current);
        return out.size() == spans.length ? spans : out.toArray(new Span[0]);
    }

    /** Whether the sentence from {@code start} to {@code end}, followed by the character {@code next}, ends in a name. */
    static boolean endsInsideAName(String line, int start, int end, char next) {
        if (end - start < 2 || line.charAt(end - 1) != '.') {
            return false;
        }
        int wordStart = end - 1;
        while (wordStart > start && Character.isLetter(line.charAt(wordStart - 1))) {
            wordStart--;
        }
        if (wordStart > start && " (\"".indexOf(line.charAt(wordStart - 1)) < 0) {
            return false; // the word before the full stop is part of something longer ("U.S.", "e-mail.")
        }
        String word = line.substring(wordStart, end - 1);
        if (Character.isDigit(next)) {
            return word.equals("No");
        }
        if (!Character.isUpperCase(next)) {
            return false;
        }
        if (BEFORE_A_NAME.contains(word)) {
            return true;
        }
        // a middle initial: "John Q." after a capitalised word
        if (word.length() != 1 || !Character.isUpperCase(word.charAt(0)) || wordStart - start < 3
                || line.charAt(wordStart - 1) != ' ') {
            return false;
        }
        int previousStart = wordStart - 1;
        while (previousStart > start && Character.isLetter(line.charAt(previousStart - 1))) {
            previousStart--;
        }
        return wordStart - 1 - previousStart >= 2 && Character.isUpperCase(line.charAt(previousStart))
                && Character.isLowerCase(line.charAt(wordStart - 2))
                && (previousStart == start || Character.isWhitespace(line.charAt(previousStart - 1)));
    }

    /**
     * Where an English clitic starts in a token ("Adobe's" → 5, "isn't" → 2, "they're" → 4), or -1. The tokenizer
     * model keeps "Adobe's" whole; the treebank convention, which the name finder's training data follows, splits it,
     * so a name ends before its possessive ("Adobe" + "'s").
     */
    static int cliticStart(String word) {
        int n = word.length();
        String w = word.toLowerCase(java.util.Locale.ROOT).replace('\u2019', '\'');
        int at;
        if (w.endsWith("n't")) {
            at = n - 3;
        } else if (w.endsWith("'s") || w.endsWith("'d") || w.endsWith("'m")) {
            at = n - 2;
        } else if (w.endsWith("'re") || w.endsWith("'ve") || w.endsWith("'ll")) {
            at = n - 3;
        } else {
            return -1;
        }
        for (int i = 0; i < at; i++) {
            if (Character.isLetterOrDigit(word.charAt(i))) {
                return at;
            }
        }
        return -1;
    }
}
