package dev.newsintel.enrich.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

import dev.newsintel.events.EntityType;

/**
 * The name finder's own features, beyond OpenNLP's token, shape and window features: what the project's lists know
 * about a token and the capitalised run it stands in.
 *
 * <ul>
 *   <li>{@code gz=co|org|loc|mdl|prd:B|I}: the token starts or continues a name on a list (the SEC company list with
 *       its aliases, the organisation, location, model and product lists), capitalised as a name;</li>
 *   <li>{@code fn}: a common given name ({@code first-names.txt}), {@code pfn}: right after one (a surname);</li>
 *   <li>{@code ttl}: right after a title ("Mr.", "CEO", "President", "said");</li>
 *   <li>{@code run=B|I}, {@code runhead=org|loc}, {@code runlen=N}: the token's run of capitalised words ("Federal
 *       Home Loan Bank", joiners "of", "and", "&amp;", "the" inside) and what its last word says it is ("Bank" an
 *       organisation, "River" a place); {@code runfirst=org|loc}: what its first word says when a joiner follows
 *       ("University of ...", "Ministry for ..."); {@code runplace}: a listed place leads it ("Perth Glory");
 *       {@code runplural}: it ends in a plural ("... Falcons", "... Dockers"); {@code runprev=w}, {@code runnext=w}:
 *       the words just before and after the whole run ("the", "at", "said"), seen from every token of it;</li>
 *   <li>{@code upper}: the sentence is mostly in capitals (headings and party names in filings), where case says
 *       little.</li>
 * </ul>
 *
 * <p>The lists are the ones bundled with this build, so a model must be retrained when they change
 * ({@code ./newsintel train-ner}). One instance serves one name finder (OpenNLP creates one per thread); it caches the
 * features of the sentence it last saw.
 */
public final class NameFeatures implements AdaptiveFeatureGenerator {

    /** Creates the generator from the model's feature descriptor ({@code <generator class="...Factory"/>}). */
    public static final class Factory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
        @Override
        public AdaptiveFeatureGenerator create() {
            return new NameFeatures(Lexicon.bundled());
        }
    }

    /** The word lists behind the features, loaded once. */
    static final class Lexicon {
        private static volatile Lexicon bundled;

        final CompanyDirectory companies;
        final Gazetteer gazetteer;
        final Set<String> firstNames;

        Lexicon(CompanyDirectory companies, Gazetteer gazetteer, Set<String> firstNames) {
            this.companies = companies;
            this.gazetteer = gazetteer;
            this.firstNames = firstNames;
        }

        static Lexicon bundled() {
            Lexicon l = bundled;
            if (l == null) {
                synchronized (Lexicon.class) {
                    l = bundled;
                    if (l == null) {
                        l = new Lexicon(CompanyDirectory.bundled(), Gazetteer.bundled(), firstNames());
                        bundled = l;
                    }
                }
            }
            return l;
        }

        static Set<String> firstNames() {
            try (InputStream in = CompanyDirectory.resource("/dev/newsintel/enrich/entities/first-names.txt")) {
                Set<String> names = new HashSet<>();
                for (String[] row : CompanyDirectory.rows(CompanyDirectory.reader(in))) {
                    names.add(row[0].strip());
                }
                return Set.copyOf(names);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the bundled given names", e);
            }
        }
    }

    /** Last words that make a capitalised run an organisation: "... Bank", "... University", "... Inc". */
    static final Set<String> ORG_HEADS = Set.of("inc", "corp", "corporation", "co", "company", "companies", "ltd",
            "limited", "llc", "llp", "lp", "plc", "gmbh", "ag", "sa", "nv", "group", "holdings", "bank", "bancorp",
            "bancshares", "trust", "partners", "capital", "ventures", "fund", "association", "institute",
            "university", "college", "school", "academy", "foundation", "society", "council", "committee",
            "commission", "agency", "department", "ministry", "authority", "board", "federation", "union", "league",
            "club", "fc", "team", "party", "church", "records", "studios", "entertainment", "media", "press",
            "times", "airlines", "airways", "motors", "systems", "technologies", "technology", "labs",
            "laboratories", "networks", "communications", "solutions", "services", "industries", "pharmaceuticals",
            "therapeutics", "energy", "band", "orchestra", "army", "navy", "police", "hospital", "museum",
            "office", "bureau", "court", "parliament", "congress", "senate", "assembly", "organization",
            "organisation", "network", "magazine", "newspaper", "brothers", "associates", "securities",
            "financial", "insurance", "international", "inc.", "corp.", "co.", "ltd.", "brigade", "regiment",
            "battalion", "squadron", "corps", "government", "tribunal", "hotel", "choir", "ensemble", "quartet",
            "publishing", "publishers", "broadcasting", "radio", "television", "observatory", "laboratory",
            "polytechnic", "conservatory", "gallery", "library", "theatre", "theater", "rovers", "wanderers",
            "athletic", "athletics");
    /** Last words that make a capitalised run a place: "... River", "... County". */
    static final Set<String> LOC_HEADS = Set.of("river", "lake", "mountain", "mountains", "mount", "island",
            "islands", "county", "province", "street", "avenue", "road", "valley", "bay", "sea", "ocean", "desert",
            "peninsula", "district", "region", "village", "town", "city", "kingdom", "republic", "coast", "gulf",
            "strait", "canyon", "creek", "harbor", "harbour", "square", "hills", "falls", "beach", "forest",
            "township", "parish", "prefecture", "oblast", "state", "states");
    /** Words before a person's name. */
    static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame",
            "lord", "lady", "president", "ceo", "cfo", "cto", "coo", "chairman", "chairwoman", "chair", "founder",
            "co-founder", "director", "senator", "sen", "rep", "representative", "governor", "gov", "minister",
            "secretary", "judge", "justice", "king", "queen", "prince", "princess", "pope", "saint", "st", "general",
            "gen", "captain", "capt", "colonel", "col", "lieutenant", "lt", "sergeant", "sgt", "officer", "coach",
            "manager", "analyst", "spokesperson", "spokesman", "spokeswoman", "said", "says", "told", "by",
            "attention", "attn", "name", "signature", "executive", "vice", "mayor", "chancellor", "premier",
            "bishop", "reverend", "rev", "father", "brother", "sister", "uncle", "aunt", "wife", "husband", "son",
            "daughter", "singer", "actor", "actress", "player", "guitarist", "drummer", "producer", "writer",
            "author", "editor", "reporter");
    private static final Set<String> JOINERS = Set.of("of", "and", "&", "the", "de", "du", "la", "von", "van", "der",
            "for", "y");

    private final Lexicon lexicon;
    private String[] cachedTokens;
    private List<List<String>> cached;

    NameFeatures(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
        if (tokens != cachedTokens) {
            cached = compute(tokens);
            cachedTokens = tokens;
        }
        features.addAll(cached.get(index));
    }

    @Override
    public void clearAdaptiveData() {
        cachedTokens = null;
        cached = null;
    }

    List<List<String>> compute(String[] tokens) {
        int n = tokens.length;
        List<List<String>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>(6));
        }
        int letters = 0;
        int upper = 0;
        for (String t : tokens) {
            if (!t.isEmpty() && Character.isLetter(t.charAt(0))) {
                letters++;
                if (t.length() > 1 && isAllCaps(t)) {
                    upper++;
                }
            }
        }
        boolean upperSentence = letters >= 3 && upper * 2 >= letters;
        lists(tokens, out);
        for (int i = 0; i < n; i++) {
            String t = tokens[i];
            List<String> f = out.get(i);
            if (upperSentence) {
                f.add("upper");
            }
            if (isCapitalised(t) && lexicon.firstNames.contains(titleCase(t))) {
                f.add("fn");
            }
            if (i > 0 && isCapitalised(tokens[i - 1]) && lexicon.firstNames.contains(titleCase(tokens[i - 1]))
                    && isCapitalised(t)) {
                f.add("pfn");
            }
            if (i > 0 && TITLES.contains(strip(tokens[i - 1]))) {
                f.add("ttl");
            } else if (i > 1 && tokens[i - 1].equals(".") && TITLES.contains(strip(tokens[i - 2]))) {
                f.add("ttl");
            }
        }
        runs(tokens, out);
        return out;
    }

    /** Marks names on the lists, matched with the gazetteers' own tokenisation. */
    private void lists(String[] tokens, List<List<String>> out) {
        List<NameTokens.NameToken> sub = new ArrayList<>(tokens.length + 4);
        int[] owner = new int[tokens.length * 4 + 8];
        int[] first = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            first[i] = sub.size();
            for (NameTokens.NameToken t : NameTokens.tokenize(tokens[i])) {
                if (sub.size() >= owner.length) {
                    owner = java.util.Arrays.copyOf(owner, owner.length * 2);
                }
                owner[sub.size()] = i;
                sub.add(new NameTokens.NameToken(t.key(), t.text(), i, i, sub.size() == first[i]));
            }
        }
        for (int i = 0; i < tokens.length; i++) {
            if (!isCapitalised(tokens[i]) && !hasInnerCapital(tokens[i])) {
                continue;
            }
            int j = first[i];
            if (j >= sub.size() || owner[j] != i) {
                continue; // a token with no letters or digits
            }
            int best = -1;
            String label = null;
            TokenTrie.Match<CompanyDirectory.Alias> company = lexicon.companies.longestListedName(sub, j);
            if (company != null) {
                best = endToken(owner, sub.size(), j + company.length());
                label = "co";
            }
            TokenTrie.Match<Gazetteer.Entry> listed = lexicon.gazetteer.longestForFeatures(sub, j);
            if (listed != null) {
                int end = endToken(owner, sub.size(), j + listed.length());
                if (end > best) {
                    best = end;
                    label = switch (listed.values().get(0).type()) {
                        case LOCATION -> "loc";
                        case AI_MODEL -> "mdl";
                        case PRODUCT -> "prd";
                        case PERSON -> "per";
                        default -> "org";
                    };
                }
            }
            if (best >= i) {
                for (int k = i; k <= best; k++) {
                    out.get(k).add("gz=" + label + (k == i ? ":B" : ":I"));
                }
            }
        }
    }

    /** The OpenNLP token a match ending before sub-token {@code endExclusive} ends with, or -1 mid-token. */
    private static int endToken(int[] owner, int size, int endExclusive) {
        int last = owner[endExclusive - 1];
        if (endExclusive < size && owner[endExclusive] == last) {
            return -1;
        }
        return last;
    }

    /** Runs of capitalised words, and what their last word says. */
    private static void runs(String[] tokens, List<List<String>> out) {
        int i = 0;
        while (i < tokens.length) {
            if (!isCapitalised(tokens[i])) {
                i++;
                continue;
            }
            int end = i + 1;
            int lastCap = i;
            while (end < tokens.length) {
                String t = tokens[end];
                if (isCapitalised(t)) {
                    lastCap = end;
                    end++;
                } else if (JOINERS.contains(t.toLowerCase(Locale.ROOT)) && end + 1 < tokens.length
                        && isCapitalised(tokens[end + 1])) {
                    end++;
                } else {
                    break;
                }
            }
            end = lastCap + 1;
            String last = strip(tokens[lastCap]);
            String head = ORG_HEADS.contains(last) ? "org" : LOC_HEADS.contains(last) ? "loc" : null;
            int len = Math.min(end - i, 4);
            // What the run's first word says when a joiner follows it: "University of X", "Ministry for Y"
            String first = strip(tokens[i]);
            String firstHead = end - i >= 3 && JOINERS.contains(tokens[i + 1].toLowerCase(Locale.ROOT))
                    ? ORG_HEADS.contains(first) ? "org" : LOC_HEADS.contains(first) ? "loc" : null : null;
            // "Perth Glory", "Bowling Green Falcons": a listed place followed by more capitalised words
            boolean placeFirst = end - i >= 2 && out.get(i).contains("gz=loc:B");
            // a plural last word after other capitalised words: teams and bands ("... Falcons", "... Dockers")
            boolean pluralLast = end - i >= 2 && head == null && last.length() > 3 && last.endsWith("s")
                    && !last.endsWith("ss") && !last.endsWith("us") && !last.endsWith("is");
            // the words around the whole run: "the ... ", "at ...", "... said" tell its kind at every token of it
            String before = i > 0 ? tokens[i - 1].toLowerCase(Locale.ROOT) : "<s>";
            String after = end < tokens.length ? tokens[end].toLowerCase(Locale.ROOT) : "</s>";
            for (int k = i; k < end; k++) {
                List<String> f = out.get(k);
                f.add("runprev=" + before);
                f.add("runnext=" + after);
                f.add(k == i ? "run=B" : "run=I");
                f.add("runlen=" + len);
                if (head != null) {
                    f.add("runhead=" + head);
                }
                if (firstHead != null) {
                    f.add("runfirst=" + firstHead);
                }
                if (placeFirst) {
                    f.add("runplace");
                }
                if (pluralLast) {
                    f.add("runplural");
                }
            }
            i = end;
        }
    }

    static boolean isCapitalised(String t) {
        return !t.isEmpty() && Character.isUpperCase(t.charAt(0));
    }

    private static boolean hasInnerCapital(String t) {
        for (int i = 1; i < t.length(); i++) {
            if (Character.isUpperCase(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAllCaps(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isLowerCase(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String titleCase(String t) {
        return t.length() < 2 ? t : t.charAt(0) + t.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String strip(String t) {
        String s = t.toLowerCase(Locale.ROOT);
        return s.endsWith(".") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
    }
}
