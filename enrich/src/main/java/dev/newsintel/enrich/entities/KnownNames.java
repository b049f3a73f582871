package dev.newsintel.enrich.entities;

import java.util.List;

import dev.newsintel.events.EntityRef;

/**
 * What the bundled lists know about a name beyond its type, for the announcement rules: whether an organisation is a
 * newsroom or news agency (it reports announcements, it does not make them) and who makes a model family. Immutable
 * and thread-safe.
 */
public final class KnownNames {
    private static volatile KnownNames bundled;

    private final Gazetteer gazetteer;
    private final CompanyDirectory companies;

    KnownNames(Gazetteer gazetteer, CompanyDirectory companies) {
        this.gazetteer = gazetteer;
        this.companies = companies;
    }

    public static KnownNames bundled() {
        KnownNames k = bundled;
        if (k == null) {
            synchronized (KnownNames.class) {
                k = bundled;
                if (k == null) {
                    k = new KnownNames(Gazetteer.bundled(), CompanyDirectory.bundled());
                    bundled = k;
                }
            }
        }
        return k;
    }

    /** True for a newsroom or news agency on the organisation list ("Reuters", "Wired"). */
    public boolean isNewsOutlet(EntityRef ref) {
        if (ref == null) {
            return false;
        }
        if (ref.id() != null && gazetteer.isNewsOutlet(ref.id())) {
            return true;
        }
        // a newsroom that files with the SEC links to its filer ("The New York Times" → "NEW YORK TIMES CO")
        List<NameTokens.NameToken> tokens = ref.name() == null ? List.of() : NameTokens.tokenize(ref.name());
        for (int from = 0; from < Math.min(2, tokens.size()); from++) {
            TokenTrie.Match<Gazetteer.Entry> m = gazetteer.longest(tokens, from);
            if (m == null || m.values().stream().noneMatch(e -> e.ref() != null && gazetteer.isNewsOutlet(e.ref().id()))) {
                continue;
            }
            boolean rest = true;
            for (int k = from + m.length(); k < tokens.size(); k++) {
                if (tokens.get(k).isAlnum() && !SUFFIXES.contains(tokens.get(k).key())) {
                    rest = false;
                }
            }
            if (rest && (from == 0 || tokens.get(0).key().equals("the"))) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> SUFFIXES = java.util.Set.of("co", "company", "inc", "corp",
            "corporation", "plc", "ltd", "group", "the", "holdings", "llc");

    /**
     * The maker of a model, by the longest known family its name starts with ("Nemotron 3 Super" → NVIDIA CORP,
     * "GPT-OSS" → OpenAI), linked to the SEC company list when the maker files there; null when unknown.
     */
    public EntityRef makerOf(String modelName) {
        if (modelName == null) {
            return null;
        }
        List<NameTokens.NameToken> tokens = NameTokens.tokenize(modelName);
        TokenTrie.Match<Gazetteer.Entry> m = tokens.isEmpty() ? null : gazetteer.longest(tokens, 0);
        String maker = null;
        if (m != null) {
            for (Gazetteer.Entry e : m.values()) {
                if (e.maker() != null && !e.maker().isBlank()) {
                    maker = e.maker().strip();
                    break;
                }
            }
        }
        if (maker == null) {
            // a family glued to its version: "Qwen3", "Llama3"
            String letters = modelName.replaceFirst("^(\\p{L}+).*$", "$1");
            maker = gazetteer.makerOf(letters);
        }
        if (maker == null) {
            return null;
        }
        List<CompanyDirectory.Alias> filer = companies.lookup(maker);
        if (!filer.isEmpty()) {
            return CompanyDirectory.best(filer).company().ref();
        }
        List<NameTokens.NameToken> makerTokens = NameTokens.tokenize(maker);
        TokenTrie.Match<Gazetteer.Entry> org = gazetteer.longest(makerTokens, 0);
        if (org != null && org.length() == makerTokens.size()) {
            for (Gazetteer.Entry e : org.values()) {
                if (e.ref() != null && e.type() == dev.newsintel.events.EntityType.ORG) {
                    return e.ref();
                }
            }
        }
        return new EntityRef("org:" + Gazetteer.slug(maker), maker, null, null);
    }
}
