package dev.newsintel.enrich.entities;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.newsintel.events.EntityType;

/**
 * Reads the CoNLL-style NER sets (WikiGold, WNUT-17, SEC filings) into sentences with typed token spans, and splits
 * them deterministically into a training part and a part held back for evaluation, so that a model is never
 * measured on what it learned from (the bundled model, trained once the recipe was chosen, learns from both).
 */
public final class NerCorpus {
    /** A labelled sentence: tokens and entity spans over token indices (end exclusive). */
    public record LabelledSentence(String document, List<String> tokens, List<Span> spans) {
    }

    public record Span(EntityType type, int start, int end) {
    }

    /** The sets NewsIntel trains and evaluates on, with their folder, file and tag mapping. */
    public enum Dataset {
        WIKIGOLD("ner-wikigold", "wikigold.conll.txt", " "),
        WNUT17("ner-wnut17", "wnut17train.conll", "\t"),
        SEC_FILINGS("ner-sec-filings", "FIN5.txt", " ");

        final String folder;
        final String file;
        final String separator;

        Dataset(String folder, String file, String separator) {
            this.folder = folder;
            this.file = file;
            this.separator = separator;
        }

        public Path path(Path testdata) {
            return testdata.resolve(folder).resolve(file);
        }

        public String folder() {
            return folder;
        }
    }

    /** Sentences per held-back unit of the SEC set (see {@link #heldBack}). */
    static final int SEC_RUN = 25;

    private NerCorpus() {
    }

    /** Maps a dataset's tag (without its B-/I- prefix) to an entity type, or null for types NewsIntel has not. */
    static EntityType type(String tag) {
        return switch (tag.toLowerCase(Locale.ROOT)) {
            case "per", "person" -> EntityType.PERSON;
            case "org", "organization", "corporation", "group" -> EntityType.ORG;
            case "loc", "location" -> EntityType.LOCATION;
            case "product" -> EntityType.PRODUCT;
            default -> null;
        };
    }

    public static List<LabelledSentence> read(Dataset set, Path testdata) throws IOException {
        List<String> lines = Files.readAllLines(set.path(testdata), StandardCharsets.UTF_8);
        List<LabelledSentence> out = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int document = 0;
        int sentenceInDoc = 0;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("-DOCSTART-")) {
                flush(set, document, sentenceInDoc, tokens, tags, out);
                document++;
                sentenceInDoc = 0;
                continue;
            }
            if (line.isEmpty()) {
                if (flush(set, document, sentenceInDoc, tokens, tags, out)) {
                    sentenceInDoc++;
                }
                continue;
            }
            String[] cols = line.split(set.separator.equals("\t") ? "\t" : " ");
            tokens.add(cols[0]);
            tags.add(cols[cols.length - 1]);
        }
        flush(set, document, sentenceInDoc, tokens, tags, out);
        return out;
    }

    private static boolean flush(Dataset set, int document, int sentence, List<String> tokens, List<String> tags,
                                 List<LabelledSentence> out) {
        if (tokens.isEmpty()) {
            return false;
        }
        List<Span> spans = new ArrayList<>();
        int start = -1;
        EntityType current = null;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            boolean begin = tag.startsWith("B-");
            EntityType t = tag.length() > 2 && (tag.startsWith("B-") || tag.startsWith("I-")) ? type(tag.substring(2))
                    : null;
            boolean continues = t != null && t == current && !begin
                    && tag.substring(2).equalsIgnoreCase(tags.get(i - 1).substring(2));
            if (current != null && !continues) {
                spans.add(new Span(current, start, i));
                current = null;
            }
            if (t != null && current == null) {
                current = t;
                start = i;
            }
        }
        // WNUT keys by post, WikiGold by article; the SEC set has only six (long) agreements, so a fifth of its
        // documents would be one agreement: it keys by runs of SEC_RUN consecutive sentences of an agreement.
        String key = switch (set) {
            case WNUT17 -> set.name() + "-" + document + "-" + sentence;
            case SEC_FILINGS -> set.name() + "-" + document + "-" + sentence / SEC_RUN;
            default -> set.name() + "-" + document;
        };
        out.add(new LabelledSentence(key, List.copyOf(tokens), spans));
        tokens.clear();
        tags.clear();
        return true;
    }

    /** The first of the project's own annotated files (news sentences, one per document). */
    public static final String OWN_SENTENCES = "/dev/newsintel/enrich/entities/ner-train-newsintel.txt";
    /** The name under which the project's own news-like texts are reported. */
    public static final String OWN = "newsintel-news";

    /**
     * The project's own annotated texts (OpenNLP format, one tokenised sentence per line, documents separated by
     * blank lines, {@code #} comments), bundled next to the model: news (invented sentences, and the project's own
     * sample articles and announcement texts), encyclopedic documents written in the style of reference works, and
     * filing-style documents (credit and merger agreements, 8-K items, earnings releases, 10-K passages).
     */
    public enum OwnSet {
        NEWS(OWN, List.of("ner-train-newsintel.txt",
                "ner-train-news-articles.txt", "ner-train-news-stories.txt")),
        ENCYCLOPEDIC("newsintel-encyclopedic", List.of("ner-train-encyclopedic.txt")),
        FILINGS("newsintel-filings", List.of("ner-train-filings.txt"));

        private final String label;
        private final List<String> files;

        OwnSet(String label, List<String> files) {
            this.label = label;
            this.files = files;
        }

        /** How the set is named in reports and document keys. */
        public String label() {
            return label;
        }

        public List<String> files() {
            return files;
        }
    }

    /** Every own set's sentences, documents in order. */
    public static List<LabelledSentence> ownSentences() throws IOException {
        List<LabelledSentence> out = new ArrayList<>();
        for (OwnSet set : OwnSet.values()) {
            out.addAll(own(set));
        }
        return out;
    }

    /**
     * One own set's sentences. A document is keyed by its set and its first sentence, so adding documents never
     * moves another across the held-back split.
     */
    public static List<LabelledSentence> own(OwnSet set) throws IOException {
        List<LabelledSentence> out = new ArrayList<>();
        for (String file : set.files()) {
            String resource = "/dev/newsintel/enrich/entities/" + file;
            try (java.io.InputStream in = NerCorpus.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("Missing " + resource);
                }
                List<String> document = new ArrayList<>();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                    if (line.startsWith("#")) {
                        continue;
                    }
                    if (line.isBlank()) {
                        addDocument(set, document, out);
                        document.clear();
                    } else {
                        document.add(line.strip());
                    }
                }
                addDocument(set, document, out);
            }
        }
        return out;
    }

    private static void addDocument(OwnSet set, List<String> lines, List<LabelledSentence> out) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        String key = null;
        try (opennlp.tools.util.ObjectStream<opennlp.tools.namefind.NameSample> stream =
                     new opennlp.tools.namefind.NameSampleDataStream(
                             new opennlp.tools.util.CollectionObjectStream<>(lines))) {
            opennlp.tools.namefind.NameSample sample;
            while ((sample = stream.read()) != null) {
                List<Span> spans = new ArrayList<>();
                for (opennlp.tools.util.Span name : sample.getNames()) {
                    EntityType type = type(name.getType());
                    if (type != null) {
                        spans.add(new Span(type, name.getStart(), name.getEnd()));
                    }
                }
                List<String> tokens = List.of(sample.getSentence());
                if (key == null) {
                    key = set.label() + ":" + String.join(" ", tokens);
                }
                out.add(new LabelledSentence(key, tokens, spans));
            }
        }
    }

    /**
     * True for the part held back from training (one fifth, by a hash of the document or post): evaluation uses only
     * this part, training only the rest.
     */
    public static boolean heldBack(LabelledSentence s) {
        return fifth(s) == 0;
    }

    /**
     * The fifth (0 to 4) a sentence's document falls in, by a hash of the document or post; the first is the
     * held-back one ({@link #heldBack}), and {@code eval entities --every-fifth} holds back each in turn.
     */
    public static int fifth(LabelledSentence s) {
        return bucket(s.document(), 5);
    }

    /**
     * The development fold (0 to {@code folds - 1}) of a sentence of the training part, by another hash of its
     * document: cross-validation inside the four fifths chooses features and data without looking at the held-back
     * fifth.
     */
    public static int devFold(LabelledSentence s, int folds) {
        return bucket(s.document() + "#dev", folds);
    }

    private static int bucket(String key, int buckets) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, d).mod(BigInteger.valueOf(buckets)).intValue();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
