package dev.newsintel.enrich.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * English words in lower case ({@code english-words.txt}, from SCOWL): what tells a surname after a given name
 * ("Frank Catalano") from a word ("Marlin Payments"). Loaded once, on first use; immutable and thread-safe.
 */
final class EnglishWords {
    private static final Set<String> WORDS = load();

    private EnglishWords() {
    }

    /** True when the word, in lower case, is an English word: "payments", "cloud", "high". */
    static boolean contains(String word) {
        return WORDS.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    private static Set<String> load() {
        try (InputStream in = CompanyDirectory.resource("/dev/newsintel/enrich/entities/english-words.txt")) {
            Set<String> words = new HashSet<>(90_000);
            for (String[] row : CompanyDirectory.rows(CompanyDirectory.reader(in))) {
                words.add(row[0].strip());
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bundled English words", e);
        }
    }
}
