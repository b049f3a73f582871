package dev.newsintel.enrich.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import opennlp.tools.namefind.ThreadSafeNameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

import dev.newsintel.enrich.nlp.Sentence;
import dev.newsintel.enrich.nlp.Token;
import dev.newsintel.events.EntityType;

/**
 * The statistical name finder: an OpenNLP {@code NameFinderME} model the project trains itself
 * ({@code ./newsintel train-ner}, see {@code NER-MODEL.md}), for names no list knows. One instance serves all
 * threads (OpenNLP's thread-local wrapper; the ME class itself is not thread-safe).
 */
public final class NameFinder {
    public static final String MODEL_RESOURCE = "/dev/newsintel/enrich/entities/en-ner-newsintel.bin";
    /** A system property naming a model file to use instead of the bundled one (to try a retrained model). */
    public static final String MODEL_PROPERTY = "newsintel.ner.model";
    private static volatile NameFinder bundled;
    private static volatile boolean bundledMissing;

    private final ThreadSafeNameFinderME finder;

    /** A name with document offsets. */
    public record Name(EntityType type, int start, int end, double probability) {
    }

    public NameFinder(TokenNameFinderModel model) {
        this.finder = new ThreadSafeNameFinderME(model);
    }

    /** The bundled model, or null when the build has none (the recognizer then uses lists and patterns only). */
    public static NameFinder bundled() {
        if (bundledMissing) {
            return null;
        }
        NameFinder f = bundled;
        if (f == null) {
            synchronized (NameFinder.class) {
                f = bundled;
                if (f == null && !bundledMissing) {
                    String file = System.getProperty(MODEL_PROPERTY);
                    try (InputStream in = file != null ? java.nio.file.Files.newInputStream(java.nio.file.Path.of(file))
                            : NameFinder.class.getResourceAsStream(MODEL_RESOURCE)) {
                        if (in == null) {
                            bundledMissing = true;
                            return null;
                        }
                        f = new NameFinder(new TokenNameFinderModel(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException("Could not load the name-finder model", e);
                    }
                    bundled = f;
                }
            }
        }
        return f;
    }

    public List<Name> find(Sentence sentence) {
        List<Token> tokens = sentence.tokens();
        if (tokens.isEmpty() || !hasCapital(tokens)) {
            return List.of();
        }
        Span[] spans = finder.find(sentence.tokenTexts());
        List<Name> out = new ArrayList<>(spans.length);
        for (int i = 0; i < spans.length; i++) {
            EntityType type = type(spans[i].getType());
            if (type == null) {
                continue;
            }
            out.add(new Name(type, tokens.get(spans[i].getStart()).start(), tokens.get(spans[i].getEnd() - 1).end(),
                    spans[i].getProb()));
        }
        return out;
    }

    /** The adaptive features remember names within a document; forget them before the next one. */
    public void clearAdaptiveData() {
        finder.clearAdaptiveData();
    }

    private static boolean hasCapital(List<Token> tokens) {
        for (Token t : tokens) {
            if (nameLike(t.text())) {
                return true;
            }
        }
        return false;
    }

    /** A token that may be (part of) a name: capitalised, or a digit followed by capitals ("6PR", "3M"). */
    static boolean nameLike(String token) {
        if (token.isEmpty()) {
            return false;
        }
        char c = token.charAt(0);
        if (Character.isUpperCase(c)) {
            return true;
        }
        if (!Character.isDigit(c)) {
            return false;
        }
        for (int i = 1; i < token.length(); i++) {
            if (Character.isUpperCase(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static EntityType type(String label) {
        if (label == null) {
            return null;
        }
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "person", "per" -> EntityType.PERSON;
            case "organization", "org" -> EntityType.ORG;
            case "location", "loc" -> EntityType.LOCATION;
            case "product" -> EntityType.PRODUCT;
            default -> null;
        };
    }
}
