package dev.newsintel.enrich.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import dev.newsintel.events.EntityRef;
import dev.newsintel.events.EntityType;

/**
 * The hand-written name lists (organisations, AI model families, products, places, people) in one token trie. Loaded
 * once; immutable and thread-safe.
 */
final class Gazetteer {
    private static volatile Gazetteer bundled;

    /**
     * One listed name.
     *
     * @param caseExact the name has inner capitals or is all capitals ("xAI", "AWS", "US"): the text must match its
     *                  case exactly
     * @param orgToo    for a model family that is also its maker's name ("DeepSeek"): a model only with a version
     */
    record Entry(EntityType type, String name, EntityRef ref, boolean caseExact, boolean orgToo, String maker) {
    }

    private final TokenTrie<Entry> trie = new TokenTrie<>();
    /** The lists the bundled name finder was trained with: its list feature must see these, and only these. */
    private final TokenTrie<Entry> featureTrie = new TokenTrie<>();
    /** Canonical ids of newsrooms and news agencies ("org:reuters"). */
    private final java.util.Set<String> newsOutlets = new java.util.HashSet<>();
    /** One-word names of social platforms as token keys ("twitter"), which posts write in lower case. */
    private final java.util.Set<String> platformNames = new java.util.HashSet<>();
    /** Model family (lower case) to its maker's name, as the list gives it. */
    private final java.util.Map<String, String> makers = new java.util.HashMap<>();

    static Gazetteer bundled() {
        Gazetteer g = bundled;
        if (g == null) {
            synchronized (Gazetteer.class) {
                g = bundled;
                if (g == null) {
                    try {
                        g = load();
                    } catch (IOException e) {
                        throw new UncheckedIOException("Could not read the bundled gazetteers", e);
                    }
                    bundled = g;
                }
            }
        }
        return g;
    }

    private static Gazetteer load() throws IOException {
        Gazetteer g = new Gazetteer();
        g.addOrganizations(rows("organizations.tsv"), true);
        g.addOrganizations(rows("organizations-more.tsv"), false);
        for (String[] row : rows("ai-models.tsv")) {
            boolean org = row.length > 2 && row[2].contains("org");
            g.add(EntityType.AI_MODEL, row[0], null, org, row.length > 1 ? row[1] : null);
            if (row.length > 1 && !row[1].isBlank()) {
                g.makers.put(row[0].toLowerCase(Locale.ROOT), row[1].strip());
            }
        }
        for (String[] row : rows("products.tsv")) {
            g.add(EntityType.PRODUCT, row[0], new EntityRef("product:" + slug(row[0]), row[0], null, null), false,
                    row.length > 1 ? row[1] : null);
        }
        g.addPlaces(rows("locations.txt"), true);
        g.addPlaces(rows("locations-more.txt"), false);
        for (String[] row : rows("people-more.txt")) {
            g.add(EntityType.PERSON, row[0], null, false, null, false);
        }
        return g;
    }

    private void addPlaces(List<String[]> rows, boolean inFeatures) {
        for (String[] row : rows) {
            add(EntityType.LOCATION, row[0], new EntityRef("location:" + slug(row[0]), row[0], null, null), false,
                    null, inFeatures);
        }
    }

    private void addOrganizations(List<String[]> rows, boolean inFeatures) {
        for (String[] row : rows) {
            EntityRef ref = new EntityRef("org:" + slug(row[0]), row[0], null, null);
            List<String> names = new java.util.ArrayList<>(List.of(row[0]));
            if (row.length > 1 && !row[1].isBlank()) {
                for (String alias : row[1].split("\\|")) {
                    names.add(alias.strip());
                }
            }
            String kind = row.length > 2 ? row[2].strip() : "";
            for (String name : names) {
                List<String> keys = add(EntityType.ORG, name, ref, false, null, inFeatures);
                if (kind.equals("platform") && keys.size() == 1) {
                    platformNames.add(keys.get(0));
                }
            }
            if (kind.equals("media")) {
                newsOutlets.add(ref.id());
            }
        }
    }

    private void add(EntityType type, String name, EntityRef ref, boolean orgToo, String maker) {
        add(type, name, ref, orgToo, maker, true);
    }

    /** Adds the name to the lists, and to the finder's feature lists too when {@code inFeatures}; its token keys. */
    private List<String> add(EntityType type, String name, EntityRef ref, boolean orgToo, String maker,
                             boolean inFeatures) {
        Entry entry = new Entry(type, name, ref, caseExact(name), orgToo, maker);
        List<String> keys = NameTokens.keys(name);
        trie.add(keys, entry);
        if (inFeatures) {
            featureTrie.add(keys, entry);
        }
        return keys;
    }

    private static List<String[]> rows(String file) throws IOException {
        try (InputStream in = CompanyDirectory.resource("/dev/newsintel/enrich/entities/" + file)) {
            return CompanyDirectory.rows(CompanyDirectory.reader(in));
        }
    }

    /** True when a name's capitals are not just initial ones: "xAI", "AWS", "iPhone", "US", "OpenAI". */
    static boolean caseExact(String name) {
        for (String word : name.split("[\\s-]+")) {
            for (int i = 1; i < word.length(); i++) {
                if (Character.isUpperCase(word.charAt(i))) {
                    return true;
                }
            }
            if (!word.isEmpty() && Character.isLowerCase(word.charAt(0)) && word.length() > 3) {
                return true;
            }
        }
        return false;
    }

    boolean isNewsOutlet(String id) {
        return newsOutlets.contains(id);
    }

    /** Whether a token key is a social platform's one-word name ("twitter"). */
    boolean isPlatformName(String key) {
        return platformNames.contains(key);
    }

    /** The maker of a model family ("Nemotron" → "NVIDIA"), or null. */
    String makerOf(String family) {
        return makers.get(family.toLowerCase(Locale.ROOT));
    }

    TokenTrie.Match<Entry> longest(List<NameTokens.NameToken> tokens, int from) {
        return trie.longest(tokens, from);
    }

    /**
     * {@link #longest}, over the lists the name finder's list feature uses (not {@code organizations-more.tsv},
     * {@code locations-more.txt} or {@code people-more.txt}).
     */
    TokenTrie.Match<Entry> longestForFeatures(List<NameTokens.NameToken> tokens, int from) {
        return featureTrie.longest(tokens, from);
    }

    /** Whether the whole phrase is a listed name only on the lists the name finder's features leave out. */
    boolean listsOutsideFeatures(String phrase) {
        List<NameTokens.NameToken> tokens = NameTokens.tokenize(phrase);
        return whole(trie, tokens) != null && whole(featureTrie, tokens) == null;
    }

    /** Whether the whole phrase is a listed name of that type ("New York" a place), not just its start. */
    boolean lists(String phrase, EntityType type) {
        TokenTrie.Match<Entry> listed = whole(trie, NameTokens.tokenize(phrase));
        return listed != null && listed.values().stream().anyMatch(e -> e.type() == type);
    }

    /** The trie's match of all the tokens, or null when none covers them all. */
    private static TokenTrie.Match<Entry> whole(TokenTrie<Entry> names, List<NameTokens.NameToken> tokens) {
        TokenTrie.Match<Entry> listed = names.longest(tokens, 0);
        return listed != null && listed.length() == tokens.size() ? listed : null;
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    }
}
