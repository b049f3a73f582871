package dev.newsintel.enrich.entities;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.Span;

import dev.newsintel.enrich.nlp.Sentence;
import dev.newsintel.enrich.nlp.Token;
import dev.newsintel.events.EntityType;

/**
 * The statistical name finder, for names no list knows: OpenNLP {@code NameFinderME} models the project trains itself
 * ({@code ./newsintel train-ner}, see {@code NER-MODEL.md}). The bundled finder is an ensemble: members trained on the
 * same data in different orders (the perceptron's result swings with the order), of which a name must be found, with
 * the same extent and type, by a majority. One instance serves all threads: each thread has its own OpenNLP finders
 * (the ME class is not thread-safe).
 */
public final class NameFinder {
    /** The bundled ensemble: a zip of OpenNLP model files, one per member ({@link #writeEnsemble}). */
    public static final String MODEL_RESOURCE = "/dev/newsintel/enrich/entities/en-ner-newsintel.zip";
    /**
     * A system property naming a model file to use instead of the bundled one (to try a retrained model): an
     * ensemble ({@code .zip}) or a single OpenNLP model ({@code .bin}).
     */
    public static final String MODEL_PROPERTY = "newsintel.ner.model";
    private static volatile NameFinder bundled;
    private static volatile boolean bundledMissing;

    private final List<TokenNameFinderModel> models;
    private final ThreadLocal<List<Member>> members;

    /** A name with document offsets. */
    public record Name(EntityType type, int start, int end, double probability) {
    }

    public NameFinder(TokenNameFinderModel model) {
        this(List.of(model));
    }

    /** A majority vote of the members; an odd number of them, so that every vote has a majority. */
    public NameFinder(List<TokenNameFinderModel> members) {
        if (members.isEmpty() || members.size() % 2 == 0) {
            throw new IllegalArgumentException("A name-finder ensemble needs an odd number of members, got "
                    + members.size());
        }
        this.models = List.copyOf(members);
        this.members = ThreadLocal.withInitial(() -> this.models.stream().map(Member::new).toList());
    }

    public int members() {
        return models.size();
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
                    try (InputStream in = file != null ? Files.newInputStream(Path.of(file))
                            : NameFinder.class.getResourceAsStream(MODEL_RESOURCE)) {
                        if (in == null) {
                            bundledMissing = true;
                            return null;
                        }
                        f = new NameFinder(file != null && !file.endsWith(".zip")
                                ? List.of(new TokenNameFinderModel(in)) : readEnsemble(in));
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
        String[] texts = sentence.tokenTexts();
        List<Member> finders = members.get();
        List<Span[]> found = new ArrayList<>(finders.size());
        for (Member member : finders) {
            found.add(member.find(texts));
            if (decided(found, finders.size())) {
                break;
            }
        }
        Span[] spans = majority(found, finders.size());
        for (Member unasked : finders.subList(found.size(), finders.size())) {
            unasked.remember(texts, spans);
        }
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

    /**
     * Whether the members not yet asked could change the vote: not when no name the asked ones found could still win
     * or lose a majority, and no name they missed could still win one. With three members, two that agree decide,
     * which they do for most sentences, so the third runs only where they differ: a third less work. The third
     * member's memory of the document (its adaptive features) then learns the names the others agreed on, where it
     * would have learnt its own: the names found differ only where it would have disagreed with both.
     */
    static boolean decided(List<Span[]> found, int members) {
        int remaining = members - found.size();
        if (remaining * 2 > members) {
            return false; // a name none of them found could still win
        }
        Map<Span, int[]> votes = new HashMap<>();
        for (Span[] spans : found) {
            for (Span s : spans) {
                votes.computeIfAbsent(new Span(s.getStart(), s.getEnd(), s.getType()), k -> new int[1])[0]++;
            }
        }
        for (int[] v : votes.values()) {
            if (v[0] * 2 <= members && (v[0] + remaining) * 2 > members) {
                return false;
            }
        }
        return true;
    }

    /**
     * The names (extent and type) more than half of the members found, in text order, with their mean probability.
     * Kept names never overlap: two overlapping names would need a majority each, so some member would have found
     * both, and one member's names do not overlap.
     */
    static Span[] majority(List<Span[]> found, int members) {
        Map<Span, double[]> votes = new LinkedHashMap<>(); // Span equality: start, end and type
        for (Span[] spans : found) {
            for (Span s : spans) {
                double[] v = votes.computeIfAbsent(new Span(s.getStart(), s.getEnd(), s.getType()),
                        k -> new double[2]);
                v[0]++;
                v[1] += s.getProb();
            }
        }
        List<Span> out = new ArrayList<>();
        for (Map.Entry<Span, double[]> e : votes.entrySet()) {
            double[] v = e.getValue();
            if (v[0] * 2 > members) {
                Span s = e.getKey();
                out.add(new Span(s.getStart(), s.getEnd(), s.getType(), v[1] / v[0]));
            }
        }
        out.sort(Comparator.comparingInt(Span::getStart));
        return out.toArray(new Span[0]);
    }

    /** The adaptive features remember names within a document; forget them before the next one. */
    public void clearAdaptiveData() {
        members.get().forEach(NameFinderME::clearAdaptiveData);
    }

    /** One member's OpenNLP finder, on one thread. */
    private static final class Member extends NameFinderME {
        private final SequenceCodec<String> codec;

        Member(TokenNameFinderModel model) {
            super(model);
            this.codec = model.getSequenceCodec();
        }

        /** Learns a sentence's names as if it had found them itself (for its adaptive features). */
        void remember(String[] tokens, Span[] names) {
            contextGenerator.updateAdaptiveData(tokens, codec.encode(names, tokens.length));
        }
    }

    /**
     * Writes an ensemble: a zip of the members' OpenNLP model files, in order. The entries carry a fixed time; each
     * model carries its own training time in its manifest (OpenNLP's), so two trainings differ in those bytes only.
     */
    public static void writeEnsemble(List<TokenNameFinderModel> members, Path out) throws IOException {
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (int i = 0; i < members.size(); i++) {
                ZipEntry entry = new ZipEntry("member-" + (i + 1) + ".bin");
                entry.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(entry);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                members.get(i).serialize(bytes);
                zip.write(bytes.toByteArray());
                zip.closeEntry();
            }
        }
    }

    /** Reads an ensemble {@link #writeEnsemble} wrote. */
    public static List<TokenNameFinderModel> readEnsemble(InputStream in) throws IOException {
        List<TokenNameFinderModel> members = new ArrayList<>();
        ZipInputStream zip = new ZipInputStream(in);
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            if (entry.getName().endsWith(".bin")) {
                // the model reader closes the stream it is given: hand it a copy of the entry
                members.add(new TokenNameFinderModel(new ByteArrayInputStream(zip.readAllBytes())));
            }
        }
        if (members.isEmpty()) {
            throw new IOException("No name-finder model in the ensemble file");
        }
        return members;
    }

    /** A fixed time for the zip entries, so that the same models always give the same file. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

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
