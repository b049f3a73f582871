package dev.newsintel.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newsintel.enrich.nlp.AnalyzedText;
import dev.newsintel.enrich.nlp.Sentence;
import dev.newsintel.events.Entity;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.EntityType;

/**
 * Finds ORG, PERSON, LOCATION, AI_MODEL and PRODUCT mentions and links companies to their SEC identity.
 *
 * <p>Three sources, in order of trust: the gazetteers (the SEC company list with derived and curated aliases, and
 * the hand-written lists) matched with a token trie and checked against context; patterns (tickers in ticker
 * contexts, model names with versions, people with titles); and the statistical {@link NameFinder} for names no
 * list knows. Earlier sources win overlaps.
 *
 * <p>A name that is also a word ("Meta", "Apple", "Amazon") links only when the context says it is a name: it must
 * be capitalised; not after "the"/"a"; not glued to a hyphenated word ("Meta-analysis"); not part of a longer
 * capitalised name ("Amazon River"); and at the start of a sentence or in a headline, where every word is
 * capitalised, only with a company cue after it ("Apple said") or another mention of the same company elsewhere in
 * the document. Tickers link only where they read as tickers: {@code $NVDA}, {@code (NASDAQ: NVDA)}, "(NVDA)" after
 * the company's name, or upper case where the document also names the company. Stateless and thread-safe.
 */
public final class EntityRecognizer {
    private static final Pattern DOLLAR_TICKER = Pattern.compile("(?<![\\p{L}\\p{N}$])\\$([A-Z]{1,5}(?:[.-][A-Z])?)\\b");
    private static final Pattern EXCHANGE_TICKER = Pattern.compile(
            "\\b(?:NASDAQ|Nasdaq|NYSE(?: American| Arca)?|NYSEArca|AMEX|Cboe|CBOE|OTC(?:QX|QB)?|TSX|LSE|HKEX)"
                    + "\\s*:\\s*([A-Z]{1,5}(?:[.-][A-Z])?)\\b");
    private static final Set<String> LEGAL_SUFFIXES = Set.of("inc", "corp", "corporation", "co", "ltd", "limited",
            "plc", "llc", "incorporated", "holdings", "ag", "sa", "nv", "se", "lp", "llp");
    private static final Set<String> JOINERS = Set.of("of", "and", "the", "for", "de", "&", "-", ".", "'", "du",
            "la", "von", "van", "der", "y", "e");
    /** Words before a name that make it a common noun ("the Amazon"); not "that", mostly a conjunction. */
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "these", "those");
    /** Words after a name that make it a company at the start of a sentence: "Apple said", "Meta's". */
    private static final Set<String> COMPANY_CUES = Set.of("'", "said", "says", "announced", "announces",
            "reported", "reports", "unveiled", "unveils", "launched", "launches", "plans", "planned", "will",
            "shares", "stock", "inc", "corp", "ceo", "cfo", "acquired", "acquires", "agreed", "agrees", "invested",
            "invests", "released", "releases", "introduced", "introduces", "filed", "files", "posted", "posts",
            "raised", "raises", "partnered", "partners", "expects", "expected", "declined", "rose", "fell",
            "is", "has", "had", "was", "on", "(", ",", "and", "to", "beat", "missed", "hired", "named", "appointed",
            "built", "builds", "bought", "buys", "sold", "sells", "signed", "signs", "confirmed", "confirms",
            "revealed", "reveals", "became", "becomes", "stated", "states", "disclosed", "discloses", "also",
            "now", "would", "could", "may", "might", "wants", "aims", "hopes", "spent", "spends", "made", "makes",
            "owns", "owned", "backed", "debuted", "debuts", "showed", "shows", "today", "cto", "coo", "chief",
            "founder", "co-founder", "cofounder", "president", "chairman", "chairwoman", "spokesperson", "spokesman",
            "spokeswoman");
    /** Capitalised words that may follow a company name without making it part of a longer name. */
    private static final Set<String> FREE_FOLLOWERS = Set.of("ceo", "cfo", "cto", "coo", "chief", "founder",
            "president", "chairman", "spokesperson", "spokesman", "spokeswoman", "said", "says", "on", "in", "and",
            "or", "but", "will", "is", "has", "i", "the", "today", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday");
    private static final Set<String> MODEL_VARIANTS = Set.of("super", "ultra", "nano", "pro", "flash", "mini",
            "turbo", "opus", "sonnet", "haiku", "instruct", "chat", "coder", "vision", "max", "plus", "lite",
            "large", "medium", "small", "base", "preview", "thinking", "reasoning", "oss", "omni", "guard", "scout",
            "maverick", "behemoth", "next", "air", "math", "code", "embed", "edge", "high", "low", "v", "r", "o");
    private static final Pattern VERSIONISH = Pattern.compile("(?i)(?:v?\\d+(?:[a-z]{1,2})?|[a-z]\\d+[a-z]?|"
            + "\\d+(?:\\.\\d+)?[bmkt]|\\d+x\\d+[bm])");
    private static final Set<String> PERSON_TITLES = Set.of("ceo", "cfo", "cto", "coo", "cio", "founder",
            "co-founder", "cofounder", "president", "chairman", "chairwoman", "chair", "director", "analyst",
            "spokesperson", "spokesman", "spokeswoman", "mr", "ms", "mrs", "dr", "prof", "professor", "sen",
            "senator", "rep", "secretary", "minister", "governor", "researcher", "scientist", "engineer",
            "executive", "officer", "head", "lead", "partner", "investor", "economist", "strategist", "vp",
            "manager", "editor", "reporter", "author", "commissioner", "judge", "chancellor", "premier", "mayor",
            "colonel", "col", "lieutenant", "lt", "sergeant", "sgt", "admiral", "adm", "commander", "captain", "capt",
            "gov", "sir", "dame");
    private static final Set<String> SPEECH_VERBS = Set.of("said", "says", "told", "wrote", "added", "noted",
            "explained", "argued", "stated", "warned", "posted", "tweeted", "announced", "believes", "thinks");
    private static final Set<String> NOT_NAME_WORDS = Set.of("the", "a", "an", "this", "that", "in", "on", "at",
            "for", "and", "but", "or", "if", "as", "by", "with", "from", "to", "of", "it", "its", "he", "she", "we",
            "they", "i", "you", "our", "their", "his", "her", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "ai", "ceo", "new", "open", "according",
            "however", "meanwhile", "also", "after", "before", "while", "when", "what", "why", "how", "where",
            "these", "those", "there", "here", "today", "tomorrow", "yesterday", "key", "faq", "tl", "dr", "neither",
            "either", "both", "each", "every", "unlike", "although", "though", "because", "since", "unless",
            "whether", "once", "during", "between", "among", "without", "within", "nor", "thus", "moreover",
            "furthermore", "including");

    /** Common nouns written in capitals that the statistical finder may take for names. */
    private static final Set<String> COMMON_ACRONYMS = Set.of("AI", "AGI", "GPU", "GPUs", "CPU", "CPUs", "TPU", "NPU",
            "API", "APIs", "LLM", "LLMs", "ML", "IT", "AR", "VR", "XR", "PC", "PCs", "TV", "EV", "EVs", "IPO", "CEO",
            "CFO", "CTO", "COO", "HR", "PR", "R&D", "SaaS", "IoT", "5G", "OS", "UI", "UX", "RAM", "SSD", "HBM", "ETF",
            "GDP", "ESG", "M&A", "Q1", "Q2", "Q3", "Q4", "FY", "YoY", "EPS", "ARR", "B2B", "B2C", "DIY", "FAQ", "PDF",
            "USB", "LED", "LCD", "OLED", "GPS", "SDK", "ID", "OK", "XBRL", "iXBRL", "HTML", "XML", "JSON", "URL",
            "GAAP", "EBITDA", "KO", "TKO", "EST", "EDT", "CST", "CDT", "MST", "PST", "PDT", "GMT", "UTC", "BST", "CET",
            "RT", "CD", "CDs", "DVD", "DVDs", "DJ", "MC", "MP", "MPs", "VIP", "FAQs");
    /** One word of three or more capitalised parts, as code names things ("LanguageModelSession"): no person or place. */
    private static final Pattern CODE_IDENTIFIER = Pattern.compile("\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}+){2,}");
    /**
     * Last words of capitalised phrases that name a law, a contract, a charge or a sum rather than an organisation,
     * person or place ("Uniform Commercial Code", "Securities Exchange Act", "Prepayment Fee", "Two Hundred
     * Dollars", "Free Cash Flow", "Adjusted Net Income"): filings and earnings releases capitalise their defined
     * terms and measures, and laws and agreements are not names by NER convention.
     */
    private static final Set<String> DOCUMENT_OR_AMOUNT_HEADS = Set.of("act", "code", "rules", "regulation",
            "regulations", "agreement", "treaty", "fee", "fees", "dollars", "bonds", "lease", "flow", "flows",
            "income", "margin", "margins", "expenses", "revenue", "revenues", "earnings", "liabilities", "ebitda",
            "proceeds", "loan", "loans", "obligations", "contributions", "account", "accounts", "subsidiary",
            "hundred", "thousand", "million", "billion", "trillion");

    /** Last words of a product's name: "Horizon Pro", "Mac Mini"; and model numbers: "Silicon One G300". */
    private static final Set<String> PRODUCT_LAST_WORDS = Set.of("pro", "max", "ultra", "mini", "lite", "glasses",
            "headset", "earbuds", "smartphone", "laptop", "tablet", "console");
    private static final Pattern MODEL_NUMBER = Pattern.compile("\\p{Lu}{1,3}\\d{1,4}\\p{Ll}{0,3}");

    /**
     * Whether an unlisted name the finder called an organisation reads as a product's: several words, the last a
     * variant ("Pro", "Max", "Ultra", "Mini", "Lite"), a kind of device no organisation's name ends in ("Galaxy XR
     * Glasses", "... Headset") or a model number ("G300", "A321neo"), and no head word that makes it an organisation.
     */
    static boolean readsAsProduct(String mention) {
        int space = mention.lastIndexOf(' ');
        if (space < 0 || typeByHead(mention) != null) {
            return false;
        }
        String last = mention.substring(space + 1);
        return PRODUCT_LAST_WORDS.contains(lower(last)) || MODEL_NUMBER.matcher(last).matches();
    }

    /** Words that are an office and nothing more: "Rep.", "Attorney General", "Secretary". */
    static boolean isOffice(String words) {
        String[] parts = words.split(" ");
        for (String part : parts) {
            if (!OFFICES.contains(titleKey(part))) {
                return false;
            }
        }
        return parts.length > 0;
    }

    /** "LanguageModelSession", not "McDonald" or "DiCaprio": three or more capitalised parts in one word. */
    static boolean isCodeIdentifier(String mention) {
        return CODE_IDENTIFIER.matcher(mention).matches();
    }

    static boolean namesADocumentOrAnAmount(String mention) {
        int lastWord = mention.length();
        while (lastWord > 0 && !Character.isWhitespace(mention.charAt(lastWord - 1))) {
            lastWord--;
        }
        return lastWord > 0 && DOCUMENT_OR_AMOUNT_HEADS.contains(mention.substring(lastWord).toLowerCase(Locale.ROOT));
    }

    /** The priority of a match on the hand-written lists (organisations, places, products, models). */
    static final int LISTED = 2;
    /** The priority of names by their shape: a legal form or an organisation's head word at the end. */
    static final int RULE = 4;
    /** The priority of the statistical name finder's candidates: the least trusted source. */
    static final int STATISTICAL = 9;

    private final CompanyDirectory companies;
    private final Gazetteer gazetteer;
    private final Set<String> firstNames = NameFeatures.Lexicon.bundled().firstNames;
    private final NameFinder nameFinder;

    public EntityRecognizer(CompanyDirectory companies, NameFinder nameFinder) {
        this.companies = companies;
        this.gazetteer = Gazetteer.bundled();
        this.nameFinder = nameFinder;
    }

    /** The recognizer with the bundled company list, gazetteers and name-finder model. */
    public static EntityRecognizer bundled() {
        return new EntityRecognizer(CompanyDirectory.bundled(), NameFinder.bundled());
    }

    public CompanyDirectory companies() {
        return companies;
    }

    /** A mention before the document-level decisions. */
    record Candidate(EntityType type, int start, int end, EntityRef ref, boolean needsSupport,
                             int priority) {
    }

    public List<Entity> recognize(AnalyzedText analyzed) {
        String text = analyzed.text();
        List<Candidate> candidates = new ArrayList<>();
        Set<String> supported = new HashSet<>();
        tickers(text, candidates, supported);
        List<List<NameTokens.NameToken>> sentenceTokens = new ArrayList<>(analyzed.sentences().size());
        List<Boolean> headlines = new ArrayList<>(analyzed.sentences().size());
        for (Sentence sentence : analyzed.sentences()) {
            List<NameTokens.NameToken> tokens = NameTokens.tokenize(text, sentence.start(), sentence.end());
            sentenceTokens.add(tokens);
            boolean headline = isHeadline(tokens);
            headlines.add(headline);
            gazetteerMatches(tokens, headline, candidates, supported);
            lowerCaseBrands(text, tokens, candidates);
            if (writesNamesInLowerCase(tokens)) {
                lowerCasePeople(text, tokens, candidates);
            }
            people(text, tokens, candidates);
            patterns(sentence, tokens, candidates);
        }
        bareTickers(text, analyzed, candidates, supported);
        // Document-level decision: weak mentions need another, unambiguous mention of the same company.
        List<Candidate> accepted = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            if (!c.needsSupport() || (c.ref() != null && supported.contains(c.ref().id()))) {
                accepted.add(c);
            }
        }
        if (nameFinder != null) {
            nameFinder.clearAdaptiveData();
            // read by the document-wide features of a model that has them (not the shipped one): a view, indexed
            // only if one asks
            DocumentFeatures.beginDocument(new java.util.AbstractList<String[]>() {
                @Override
                public String[] get(int index) {
                    return analyzed.sentences().get(index).tokenTexts();
                }

                @Override
                public int size() {
                    return analyzed.sentences().size();
                }
            });
            try {
                for (Sentence sentence : analyzed.sentences()) {
                    if (!hasUnexplainedCapital(sentence, accepted)) {
                        continue; // every name-like word is already explained: spare the statistical model
                    }
                    for (NameFinder.Name found : nameFinder.find(sentence)) {
                        NameFinder.Name name = withoutSentenceArticle(text, sentence.start(),
                                withoutEdgeWords(text, found));
                        if (name == null) {
                            continue;
                        }
                        String mention = text.substring(name.start(), name.end());
                        if (COMMON_ACRONYMS.contains(mention) || isPeopleOrCreed(mention)
                                || FUNCTION_WORDS.contains(lower(mention)) || TIME_ZONE_WORD.matcher(text)
                                        .region(name.start(), text.length()).lookingAt()
                                || Character.isLowerCase(mention.charAt(0))
                                && !hasInnerCapital(mention) || namesADocumentOrAnAmount(mention)
                                || (name.type() == EntityType.PERSON || name.type() == EntityType.LOCATION)
                                && isCodeIdentifier(mention)) {
                            // "AI", "On", "Eastern time", "university partnerships", "Uniform Commercial Code"
                            continue;
                        }
                        accepted.add(new Candidate(name.type(), name.start(), name.end(),
                                link(name.type(), text.substring(name.start(), name.end())), false, STATISTICAL));
                    }
                }
            } finally {
                DocumentFeatures.endDocument();
            }
        }
        yieldToStatistical(text, accepted);
        accepted.removeIf(c -> c.start() > 0 && text.charAt(c.start() - 1) == '@'); // "@NFL" is a handle
        // "#Rams", "#Ottawa": a hashtag tags a topic, it does not mention it, unless it names a listed company
        accepted.removeIf(c -> (text.charAt(c.start()) == '#' || c.start() > 0 && text.charAt(c.start() - 1) == '#')
                && (c.ref() == null || c.ref().cik() == null));
        List<Entity> found = tidy(text, resolve(text, accepted));
        found = withLeadingThe(text, analyzed.sentences(), headlines, found);
        found = withoutWorks(text, withoutEvents(text, found));
        found = musicActs(text, namedAfterGroupNoun(text, namedForPeople(text, callSigns(text, found))));
        found = organisationsInCapitals(text, firmsOfPartners(text, namesOfKind(text, militaryUnits(text, found))));
        found = acronymsAfterThe(text, peopleListed(text, listsCompleted(text, institutionsOfPlaces(text, found))));
        found = clubsByKind(text, teamsPlayedFor(text, teamsByPlace(text, teamNicknames(text, found))));
        found = instancesOfKinds(text, found);
        found = definedAs(text, definedSubjects(text, sentenceTokens, found));
        found = definedAs(text, propagate(text, found)); // again: a definition outweighs a spread surname
        return modelsAsModels(withoutWorks(text, found)); // again: spreading names may have brought titles back
    }

    /**
     * Nationalities, languages and creeds, which name no organisation, person or place ("destroyed by the
     * Portuguese", "converted to Catholicism"): the English names of the languages the JDK knows that are no listed
     * place or given name, the nationalities named otherwise, and "-ism" words.
     */
    private static final Set<String> PEOPLES_AND_CREEDS = peoplesAndCreeds();

    private static Set<String> peoplesAndCreeds() {
        Set<String> words = new HashSet<>(Set.of("American", "British", "Canadian", "Australian", "Mexican",
                "Brazilian", "Argentine", "Argentinian", "Chilean", "Peruvian", "Colombian", "Venezuelan", "Cuban",
                "Egyptian", "Nigerian", "Kenyan", "Ethiopian", "Moroccan", "Algerian", "Israeli", "Iranian", "Iraqi",
                "Syrian", "Lebanese", "Jordanian", "Emirati", "Pakistani", "Afghan", "Bangladeshi", "Sri Lankan",
                "Filipino", "Taiwanese", "Austrian", "Belgian", "Swiss", "Scottish", "Scots", "Soviet", "Christianity",
                "Islam", "Hindu", "Buddhist", "Muslim", "Christian", "Jewish", "Catholic", "Protestant", "Orthodox"));
        Set<String> excluded = Set.of("Nauru", "Kongo", "Venda", "Navajo", "Cree", "Herero", "Ganda", "Komi", "Afar",
                "Sango", "Akan", "Ewe", "Ido", "Pali", "Lao", "Twi", "Zhuang", "Bihari", "Tatar", "Ndonga", "Rundi",
                "Swati", "Fula", "Kuanyama", "Ojibwa", "Inupiaq", "Chamorro", "Manx");
        Gazetteer places = Gazetteer.bundled();
        Set<String> given = NameFeatures.Lexicon.bundled().firstNames;
        for (String code : Locale.getISOLanguages()) {
            String name = Locale.of(code).getDisplayLanguage(Locale.ENGLISH);
            if (name.length() >= 4 && name.indexOf(' ') < 0 && !name.equals(code) && !excluded.contains(name)
                    && !given.contains(name) && !places.lists(name, EntityType.LOCATION)) {
                words.add(name);
            }
        }
        return Set.copyOf(words);
    }

    static boolean isPeopleOrCreed(String mention) {
        return PEOPLES_AND_CREEDS.contains(mention)
                || mention.length() > 5 && mention.endsWith("ism") && mention.indexOf(' ') < 0;
    }

    /** Words that end no name: "Bank of the", "Compliance with Laws It". */
    private static final Set<String> PRONOUNS = Set.of("it", "its", "he", "she", "we", "they", "i", "you", "our",
            "their", "his", "her", "this", "that", "these", "those", "there", "here");
    private static final Set<String> FUNCTION_WORDS = with(PRONOUNS, Set.of("the", "a", "an", "of", "and", "or",
            "for", "to", "in", "on", "at", "by", "with", "from", "as", "if", "but", "upon", "into", "onto", "over",
            "under", "about", "per", "via", "than", "is", "are", "was"));
    private static final Pattern LABEL_COLON = Pattern.compile("\\s*:");
    /** Prepositions that start a sentence, which the finder may join to the name after them: "At Bank's request". */
    /** Regions that name time zones: "Eastern time", "Pacific Standard Time". */
    private static final List<String> TIME_ZONE_REGIONS = List.of("Eastern", "Central", "Pacific", "Mountain",
            "Atlantic", "Hawaii", "Alaska");
    /** A region of a time zone, named before "time" ("12:00 noon Eastern time"): no place or organisation. */
    private static final Pattern TIME_ZONE_WORD = Pattern.compile("(?:" + String.join("|", TIME_ZONE_REGIONS)
            + ")\\s+(?:[Ss]tandard\\s+|[Dd]aylight\\s+)?[Tt]ime\\b");
    private static final Set<String> LEADING_PREPOSITIONS = Set.of("at", "on", "in", "for", "with", "from", "by",
            "to", "into", "upon", "under");
    private static final Pattern REFERENCE_NUMBER = Pattern.compile(" \\d");
    /** The labels of a notice block that run into names at line ends: "China Attn", "Legal Department Phone". */
    private static final Set<String> NOTICE_LABELS = Set.of("attn", "attention", "phone", "telephone", "tel", "fax",
            "facsimile", "email", "e-mail", "mobile", "cell");

    /**
     * The finder's name without the "The" that starts its sentence ("The League said ..."): the sentence's article,
     * capitalised for the sentence, not part of the name, as the annotations have it (they keep it mid-sentence in
     * names such as "The Times Literary Supplement").
     */
    static NameFinder.Name withoutSentenceArticle(String text, int sentenceStart, NameFinder.Name name) {
        if (name == null || name.start() != sentenceStart || !text.startsWith("The ", name.start())
                || name.end() <= name.start() + 4) {
            return name;
        }
        return new NameFinder.Name(name.type(), name.start() + 4, name.end(), name.probability());
    }

    /**
     * The finder's organisation, person or place up to a common noun in lower case inside it, or from it where a
     * name follows ("Kaveri river", "the Bank of the occurrence of any", "Norwegian firm Aker Solutions"): a name's
     * own words are capitalised but for function words and particles. Product names keep theirs ("GPT-4o mini").
     */
    static NameFinder.Name withoutCommonNoun(String text, NameFinder.Name name) {
        if (name.type() == EntityType.PRODUCT || name.type() == EntityType.AI_MODEL
                || !Character.isUpperCase(text.charAt(name.start()))) {
            return name;
        }
        int wordStart = text.indexOf(' ', name.start()) + 1;
        while (wordStart > 0 && wordStart < name.end()) {
            int wordEnd = text.indexOf(' ', wordStart);
            if (wordEnd < 0 || wordEnd > name.end()) {
                wordEnd = name.end();
            }
            String word = text.substring(wordStart, wordEnd);
            if (isCommonNoun(word)) {
                if (wordEnd + 1 < name.end() && Character.isUpperCase(text.charAt(wordEnd + 1))) {
                    // a descriptor before the name: "Team principal Giulia Ferrandi"
                    return withoutCommonNoun(text, new NameFinder.Name(name.type(), wordEnd + 1, name.end(),
                            name.probability()));
                }
                int end = wordStart - 1;
                return end <= name.start() ? name : new NameFinder.Name(name.type(), name.start(), end,
                        name.probability());
            }
            wordStart = wordEnd + 1;
        }
        return name;
    }

    /** A word of letters in lower case that is no function word nor a link of a name ("river", "occurrence"). */
    private static boolean isCommonNoun(String word) {
        if (word.length() < 3) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLowerCase(word.charAt(i))) {
                return false;
            }
        }
        return !FUNCTION_WORDS.contains(word) && !NAME_LINKS.contains(word); // function words hold the pronouns
    }

    /**
     * The finder's name without function words at its end, a preposition at its start and notice labels at either
     * end ("the Bank of the occurrence", "At Bank's request", "China Attn: Legal Department Phone: ..."), or null
     * when nothing is left, the name is a function word alone ("On the Funding Date") or a person that is an
     * English word before a number ("Article 1").
     */
    static NameFinder.Name withoutEdgeWords(String text, NameFinder.Name name) {
        name = withoutCommonNoun(text, name);
        int start = name.start();
        int end = name.end();
        while (true) {
            int space = text.lastIndexOf(' ', end - 1);
            if (space < start) {
                break;
            }
            String last = text.substring(space + 1, end);
            String key = lower(last.endsWith(".") ? last.substring(0, last.length() - 1) : last);
            // a capitalised pronoun starts the next sentence of a heading ("Laws It is"); "Class A", "Tower On" stay
            boolean functionWord = FUNCTION_WORDS.contains(key)
                    && (Character.isLowerCase(last.charAt(0)) || PRONOUNS.contains(key));
            if (!functionWord && !(NOTICE_LABELS.contains(key) && Character.isUpperCase(last.charAt(0))
                    && LABEL_COLON.matcher(text).region(end, text.length()).lookingAt())) {
                break;
            }
            end = space;
            while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == ',')) {
                end--;
            }
        }
        while (true) {
            int space = text.indexOf(' ', start);
            String first = space < 0 || space >= end ? null : lower(text.substring(start, space));
            if (first == null || !Character.isUpperCase(text.charAt(start))
                    || !NOTICE_LABELS.contains(first) && !LEADING_PREPOSITIONS.contains(first)) {
                break;
            }
            start = space + 1;
        }
        String rest = text.substring(start, end);
        if (rest.isBlank() || FUNCTION_WORDS.contains(lower(rest)) || NOTICE_LABELS.contains(lower(rest))) {
            return null;
        }
        if (name.type() == EntityType.PERSON && rest.indexOf(' ') < 0 && EnglishWords.contains(rest)
                && REFERENCE_NUMBER.matcher(text).region(end, text.length()).lookingAt()) {
            return null; // "Article 1", "Schedule 3": a reference, no person
        }
        return start == name.start() && end == name.end() ? name
                : new NameFinder.Name(name.type(), start, end, name.probability());
    }

    /**
     * A product name without a link that the document also gives as a known AI model is that model: the same name
     * ("Gauss 3" in a headline the model rules do not read, "Gauss 3" in the body), or a short form of it, its
     * first or last part ("Qwen4" for "Qwen4-480B-A35B", "V4" for "DeepSeek-V4"). One name, one type per document.
     */
    static List<Entity> modelsAsModels(List<Entity> found) {
        List<Entity> models = found.stream()
                .filter(e -> e.type() == EntityType.AI_MODEL && e.canonical() != null).toList();
        if (models.isEmpty()) {
            return found;
        }
        List<Entity> out = new ArrayList<>(found.size());
        for (Entity e : found) {
            EntityRef model = null;
            if (e.type() == EntityType.PRODUCT && e.canonical() == null) {
                for (Entity m : models) {
                    String name = m.text();
                    if (name.equals(e.text()) || name.startsWith(e.text() + "-") || name.startsWith(e.text() + " ")
                            || name.endsWith("-" + e.text()) || name.endsWith(" " + e.text())) {
                        model = m.canonical();
                        break;
                    }
                }
            }
            out.add(model == null ? e : new Entity(EntityType.AI_MODEL, e.text(), e.start(), e.end(), model));
        }
        return out;
    }

    /**
     * Where the statistical finder found a name, it decides its extent and type over unlinked list matches and
     * rules that overlap it: the model sees the same list and capitalisation cues as features, and the sentence
     * around them, so it tells "Kestrel Silicon" from "Kestrel" and a place from a team better than a rule does
     * (measured by cross-validation: higher ORG and LOCATION F1 on WikiGold and SEC filings, news unchanged). Linked
     * companies (a CIK) and model names keep their place, except a one-word company name the finder reads as part of
     * a person's name ("Harrison Ford"), or as a person's surname the finder also found whole ("Tom Brady" ...
     * "Brady"). Where the finder agrees with a match on extent and type, the match
     * stays, with its link to a company or organisation. Rules still find what the finder misses.
     */
    static void yieldToStatistical(String text, List<Candidate> candidates) {
        List<Candidate> statistical = candidates.stream().filter(c -> c.priority() == STATISTICAL).toList();
        List<Candidate> drop = new ArrayList<>();
        List<Candidate> add = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.priority() == STATISTICAL || c.type() == EntityType.AI_MODEL) {
                continue;
            }
            // the finder agrees with the list or rule on extent and type: keep the match, it carries the link
            // ("Hugging Face" with its canonical id)
            boolean agreed = false;
            for (Candidate nf : statistical) {
                // a listed place the finder reads as an organisation on the same words ("the government of Buenos
                // Aires") stays a place, as the annotation conventions have it
                boolean listedPlace = c.type() == EntityType.LOCATION && nf.type() == EntityType.ORG;
                // and a name on a list the finder's features do not include ("Thoma Bravo", organizations-more.tsv)
                // keeps the list's type: the finder read it without knowing it (looked up only where it decides)
                // and so does a match whose last word says what it is ("Reka AI", "Harbor Point Ventures")
                if (nf.start() == c.start() && nf.end() == c.end() && (nf.type() == c.type() || listedPlace
                        || c.priority() == LISTED
                        && Gazetteer.bundled().listsOutsideFeatures(text.substring(c.start(), c.end()))
                        || typeByHead(text.substring(c.start(), c.end())) == c.type())) {
                    drop.add(nf);
                    agreed = true;
                }
            }
            if (agreed) {
                continue;
            }
            boolean linked = c.ref() != null && c.ref().cik() != null;
            // a one-word company name the finder reads as part of a person's name ("Harrison Ford") is the person,
            // and so is the surname alone where the finder also found the whole name ("Tom Brady" ... "Brady");
            // the finder reading the company name alone as a person ("Snowflake and Mistral AI") is not enough
            String word = text.substring(c.start(), c.end());
            boolean oneWord = word.indexOf(' ') < 0;
            boolean surname = linked && oneWord && statistical.stream().anyMatch(nf ->
                    nf.type() == EntityType.PERSON && nf.end() - nf.start() > word.length()
                            && text.substring(nf.start(), nf.end()).endsWith(" " + word));
            for (Candidate nf : statistical) {
                if (c.priority() == LISTED && !oneWord && c.start() <= nf.start() && nf.end() <= c.end()
                        && nf.end() - nf.start() < c.end() - c.start()) {
                    drop.add(nf); // part of a listed name: "New York Stock" in "New York Stock Exchange"
                    continue;
                }
                if (c.ref() != null && oneWord && nf.start() == c.start()
                        && (nf.type() == EntityType.PERSON || nf.type() == EntityType.ORG)) {
                    // "Microsoft President Brad Smith": the company, its office, then the person
                    int name = nf.end() > c.end() + 1 && text.charAt(c.end()) == ' '
                            ? nameAfterOffice(text.substring(c.end() + 1, nf.end()), LEADING_TITLES,
                            nf.type() == EntityType.ORG) : -1;
                    if (name > 0 && !drop.contains(nf)) {
                        drop.add(nf);
                        add.add(new Candidate(EntityType.PERSON, c.end() + 1 + name, nf.end(), null, false,
                                STATISTICAL));
                        break;
                    }
                }
                if (c.start() < nf.end() && nf.start() < c.end()
                        && (!linked || oneWord && nf.type() == EntityType.PERSON
                        && (nf.end() - nf.start() > c.end() - c.start() || surname))) {
                    drop.add(c);
                    break;
                }
            }
        }
        candidates.removeAll(drop);
        candidates.addAll(add);
    }

    private static final Pattern POSSESSIVE_NAME = Pattern.compile(
            "\\G ?['\u2019]s(?=$|[\\s]*[,.;:!?)\\n]| (?:in|on|at|and|or|but|to|for|from|by|of|as|was|became|becomes"
                    + "|said|says|announced|reported|opened|closed|which|who|that)\\b)");

    /**
     * Where a shop's or a firm's name that ends in "'s" ends ("Macy's", "Dillard's"), or -1: an unlisted one-word name
     * followed by "'s" that nothing follows but punctuation or a function word ("Macy's in 2006", "at Dillard's.") is
     * not a possessive (that would have a noun after it), so the "'s" is the name's. Listed companies are left alone:
     * "Apple's in talks" is Apple.
     */
    static int possessiveNameEnd(String text, Entity e) {
        if (e.type() != EntityType.ORG && e.type() != EntityType.PERSON || e.text().indexOf(' ') >= 0
                || isListedCompany(e) || e.end() + 2 > text.length()
                || "' \u2019".indexOf(text.charAt(e.end())) < 0) {
            return -1;
        }
        Matcher m = POSSESSIVE_NAME.matcher(text);
        return m.find(e.end()) && m.start() == e.end() ? m.end() : -1;
    }

    private static final Pattern FUNDING_ROUND = Pattern.compile("Series [A-Z]\\d?");
    /** A country's abbreviation before an institution's name: "(The) U.S. Federal Trade Commission". */
    private static final Pattern COUNTRY_BEFORE_ORG =
            Pattern.compile("(?:The )?(U\\.S\\.|US|U\\.K\\.|UK|EU|E\\.U\\.) (?=\\p{Lu})");

    /** Particles inside people's names: "von der Leyen", "bin Salman", "da Silva", "d'Orves". */
    private static final List<String> PARTICLES = List.of("van", "von", "de", "der", "den", "da", "di", "du", "del",
            "della", "dos", "das", "bin", "ibn", "al", "le", "la", "ter", "ten");
    private static final String PARTICLE = "(?:" + String.join("|", PARTICLES) + ")";
    private static final String SURNAME = "\\p{Lu}[\\p{L}'\u2019-]*";
    private static final Set<String> PARTICLE_WORDS = Set.copyOf(PARTICLES);
    /** Lower-case words that names hold in other languages: "Frankfurt am Main", "Banco do Brasil". */
    private static final Set<String> NAME_LINKS = with(PARTICLE_WORDS, Set.of("des", "do", "degli", "dei", "zu", "zum",
            "zur", "für", "und", "et", "y", "e", "les", "el", "alla", "am", "im", "sans", "sur", "en"));

    private static final Pattern PARTICLES_AND_NAME = Pattern.compile("\\G(?:(?: " + PARTICLE + ")+ | d['\u2019])"
            + SURNAME + "(?: d['\u2019]" + SURNAME + ")*");
    private static final Pattern NAME_AFTER_PARTICLE = Pattern.compile("\\G(?: " + PARTICLE + ")* " + SURNAME);
    private static final Pattern NAME_PARTICLE_AT_END = Pattern.compile(" " + PARTICLE + "$");

    /**
     * Person titles that never start an organisation's name (unlike "General" or "Major": "General Dynamics", "Major
     * League Baseball").
     */
    private static final Set<String> PERSON_ONLY_TITLES = Set.of("mr", "mrs", "ms", "dr", "prof", "professor", "sir",
            "dame", "captain", "capt", "colonel", "col", "lieutenant", "lt", "sergeant", "admiral", "senator",
            "sen", "governor", "gov", "judge", "pope", "chancellor", "reverend", "rev", "archbishop", "mayor",
            "shri", "shree", "smt");

    /**
     * An unlisted name the finder called an organisation that reads as a person's: a person's title, then one to
     * three capitalised words ("Colonel Baltasar Cárdenas"). (Names that merely start with a given name were tried
     * too: "Marlin Payments" and "Nike Dunk High" cost more than "Frank Kelly Freas" gained.)
     */
    static boolean readsAsPerson(String mention) {
        String[] words = mention.split(" ");
        if (words.length < 2 || words.length > 4
                || !PERSON_ONLY_TITLES.contains(titleKey(words[0]))) {
            return false;
        }
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) {
                return false;
            }
        }
        return typeByHead(mention) == null;
    }

    /** Titles that come before a name but are not part of it: "Captain Willem Janszoon", "Dr. Ada Mensah". */
    private static final Set<String> LEADING_TITLES = Set.of("mr", "mrs", "ms", "dr", "prof", "professor", "sir",
            "dame", "captain", "capt", "major", "general", "gen", "colonel", "col", "lieutenant", "lt", "sergeant",
            "admiral", "commander", "president", "senator", "sen", "governor", "gov", "judge", "justice", "king",
            "queen", "prince", "princess", "pope", "saint", "st", "chancellor", "premier", "minister", "secretary",
            "ceo", "cfo", "cto", "chairman", "chairwoman", "founder", "co-founder", "reverend", "rev", "bishop",
            "father", "sister", "brother", "coach", "mayor", "rep", "representative", "emperor", "empress",
            "archbishop", "cardinal", "lord", "lady", "prosecutor", "attorney", "ambassador", "envoy", "inspector",
            "detective", "superintendent", "constable", "dj", "chief", "executive", "officer", "vice", "deputy",
            "director", "managing", "chair", "chairperson", "commissioner", "spokesman", "spokeswoman",
            "spokesperson", "coo", "cio", "vp", "evp", "svp");

    /**
     * Offices that, before a given name, make the words after them a person's name even where the finder read the
     * whole as an organisation or a place ("General Manuel Belgrano", "Health Minister Celeste Macuácua"). Not the
     * titles that also start places and institutions ("St. Louis", "King's College", "Prince Edward Island").
     */
    private static final Set<String> OFFICES = with(without(LEADING_TITLES, Set.of("justice", "king", "queen",
            "prince", "princess", "pope", "saint", "st", "reverend", "rev", "bishop", "archbishop", "cardinal",
            "father", "sister", "brother", "emperor", "empress", "lord", "lady")),
            // a student's year, a priest's "Fr." and local offices, which only a given name after them makes titles
            // ("Senior Kory Lichtensteiger", "Fr Francisco Sousa", "County Coroner William McLaughlin"; not "Senior
            // Housing Properties Trust", "Junior Achievement")
            Set.of("senior", "seniors", "junior", "juniors", "sophomore", "sophomores", "freshman", "freshmen",
                    "fr", "coroner", "sheriff", "marshal", "treasurer", "comptroller", "auditor", "registrar"));
    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}\\p{Ll}+(?:['\u2019-]\\p{Lu}?\\p{Ll}+)*");

    /**
     * Where a person's name starts after the office before it, or -1: an office ("Prosecutor", "Attorney General"),
     * or a portfolio and its office ("Health Minister", "Prime Minister"), then two or three words in name case that
     * no head word makes an organisation or a place, the first a given name where {@code givenNameFirst}. One word
     * after an office word is too often the rest of a place's or a firm's name ("Newton Executive Park").
     */
    static int nameAfterOffice(String mention, Set<String> offices, boolean givenNameFirst) {
        String[] words = mention.split(" ");
        for (int first = 0; first <= 1 && first < words.length; first++) {
            int at = first;
            while (at < words.length && offices.contains(titleKey(words[at]))) {
                at++;
            }
            if (at == first || words.length - at < 2 || words.length - at > 3
                    || first == 1 && !NAME_WORD.matcher(words[0]).matches()
                    || givenNameFirst && !NameFeatures.Lexicon.bundled().firstNames.contains(words[at])) {
                continue;
            }
            for (int k = at; k < words.length; k++) {
                if (!NAME_WORD.matcher(words[k]).matches() || isHeadWord(words[k])) {
                    return -1;
                }
            }
            int offset = 0;
            for (int k = 0; k < at; k++) {
                offset += words[k].length() + 1;
            }
            return offset;
        }
        return -1;
    }

    /**
     * Whether an unlinked name the finder called an organisation reads as a person's: a given name, then one or two
     * words in name case that are not English words ("Frank Catalano", "Eustaquio Díaz Vélez"), where a word would
     * make it a company or a product ("Marlin Payments", "Verity Cloud", "Nike Dunk High"). A given name of two
     * letters is too often a word of another language ("El Bierzo").
     */
    static boolean readsAsPersonsName(String mention) {
        String[] words = mention.split(" ");
        if (words.length < 2 || words.length > 3 || words[0].length() < 3
                || !NameFeatures.Lexicon.bundled().firstNames.contains(words[0])
                || !NAME_WORD.matcher(words[0]).matches()) {
            return false;
        }
        for (int k = 1; k < words.length; k++) {
            if (!NAME_WORD.matcher(words[k]).matches() || isHeadWord(words[k])
                    || EnglishWords.contains(words[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHeadWord(String word) {
        String w = lower(word);
        return ORG_LAST_WORDS.contains(w) || LOCATION_LAST_WORDS.contains(w) || NameFeatures.ORG_HEADS.contains(w)
                || NameFeatures.LOC_HEADS.contains(w) || COMPANY_HEADS.contains(w);
    }

    /**
     * Last words of events, prizes and trophies ("Dutch Grand Prix", "Glastonbury Festival", "Stanley Cup", "Nobel
     * Prize", "Lakeshore Open", "Marlboro Masters"): none is an organisation, a person or a place, and a word of them
     * alone ("the Cup") names the same. Not "Games" ("Epic Games" is a company) nor "Championship" (a league may be
     * called one), nor "Series" and "Classic", which end products' names too.
     */
    private static final Set<String> EVENT_LAST_WORDS = Set.of("prix", "festival", "olympics", "olympiad", "awards",
            "award", "prize", "cup", "trophy", "parade", "tournament", "marathon", "expo", "regatta", "contest",
            "masters", "open", "championships", "invitational");
    /** Battles and sieges: "Battle of Loos", "Siege of Petersburg". */
    private static final Pattern BATTLE = Pattern.compile("(?:Battle|Siege|Sack|Relief) of \\p{Lu}.*");
    /** A year or edition right before a name: "the 1971 Pan American Games", "the 38th Games". */
    private static final Pattern EDITION_BEFORE = Pattern.compile("(?:^|\\s)(?:\\d{2,4}|\\d+(?:st|nd|rd|th)) $");

    /**
     * The names found, without events, prizes and trophies, which NewsIntel does not type: what ends in an event's
     * word ("Dutch Grand Prix", "Stanley Cup"), battles and sieges, wars named by English words ("Bangladesh
     * Liberation War"; not a surname: "Erenice War"), and games after their year ("the 1971 Pan American Games";
     * not "Epic Games", a company).
     */
    static List<Entity> withoutEvents(String text, List<Entity> found) {
        List<Entity> out = new ArrayList<>(found.size());
        for (Entity e : found) {
            String[] words = e.text().split(" ");
            String last = words[words.length - 1];
            boolean event = Character.isUpperCase(last.charAt(0)) && (EVENT_LAST_WORDS.contains(lower(last))
                    || BATTLE.matcher(e.text()).matches()
                    || last.equals("War") && words.length > 1 && EnglishWords.contains(lower(words[words.length - 2]))
                    || last.equals("Games") && EDITION_BEFORE.matcher(text.substring(Math.max(0, e.start() - 8),
                            e.start())).find());
            if (!event || isListedCompany(e)) {
                out.add(e);
            }
        }
        return out.size() == found.size() ? found : out;
    }

    /** A document about broadcasting: what makes a call sign's shape mean a station. */
    private static final Pattern BROADCASTING = Pattern.compile("(?i)\\b(?:radio|broadcast\\w*|airwaves)\\b"
            + "|\\b(?:FM|AM) (?:station|radio|band)");
    /**
     * A station's call sign, with the frequency before it that stations put in their names (an AM band's 531 to 1701
     * kHz or an FM band's "96.9", not a year): "6PR", "882 6PR", "3AW" (Australia), "WKRP", "KQED-FM" (United States,
     * four letters: three are too often other acronyms).
     */
    private static final Pattern CALL_SIGN = Pattern.compile("(?<![\\p{L}\\p{N}@#./-])"
            + "(?:(?:\\d{2,3}|1[0-7]\\d\\d)(?:\\.\\d)? )?"
            + "(\\d\\p{Lu}{2,3}|[KW]\\p{Lu}{3}(?:-(?:AM|FM|TV|DT|LP))?)(?![\\p{L}\\p{N}@#/-])");
    private static final Set<String> CURRENCY_CODES = java.util.Currency.getAvailableCurrencies().stream()
            .map(java.util.Currency::getCurrencyCode).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * Radio and television stations by their call signs, in a document about broadcasting ("6PR is owned by Fairfax
     * Media", "sister stations 3AW in Melbourne"): a token shaped like a call sign that no other name covers and that
     * is no English word in capitals ("WILL"), common acronym or currency code. Elsewhere such shapes are too often
     * other things ("2FA", "4WD", "WWDC").
     */
    static List<Entity> callSigns(String text, List<Entity> found) {
        if (!BROADCASTING.matcher(text).find()) {
            return found;
        }
        List<Entity> added = new ArrayList<>();
        Matcher m = CALL_SIGN.matcher(text);
        while (m.find()) {
            String sign = m.group(1);
            String base = sign.indexOf('-') > 0 ? sign.substring(0, sign.indexOf('-')) : sign;
            if (COMMON_ACRONYMS.contains(base) || EnglishWords.contains(base) || CURRENCY_CODES.contains(base)
                    || overlapsAny(found, m.start(), m.end())) { // the matcher's own matches never overlap
                continue;
            }
            added.add(new Entity(EntityType.ORG, m.group(), m.start(), m.end(), null));
        }
        return replaced(found, List.of(), added);
    }

    /**
     * Organisations with the capitalised "The" the text gives them mid-sentence ("supporting The Cult", "the drummer
     * of The Zutons", "in The Times Literary Supplement"): there "The" is part of the name, where a plain article
     * would be lower case. Not at the start of a sentence or after a colon, nor in a headline, where every word is
     * capitalised.
     */
    static List<Entity> withLeadingThe(String text, List<Sentence> sentences, List<Boolean> headlines,
            List<Entity> found) {
        List<Entity> out = null;
        int s = 0;
        for (int k = 0; k < found.size(); k++) {
            Entity e = found.get(k);
            int the = e.start() - 4;
            if (e.type() != EntityType.ORG || the < 1 || !text.startsWith("The ", the)
                    || Character.isLetterOrDigit(text.charAt(the - 1)) || k > 0 && found.get(k - 1).end() > the) {
                continue;
            }
            while (s < sentences.size() - 1 && sentences.get(s).end() <= the) {
                s++;
            }
            if (sentences.isEmpty() || headlines.get(s) || !wordBefore(text, sentences.get(s).start(), the)) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(found);
            }
            out.set(k, new Entity(e.type(), text.substring(the, e.end()), the, e.end(), e.canonical()));
        }
        return out == null ? found : out;
    }

    /** Whether a word comes before {@code at} in its sentence, and no colon or line break right before it. */
    private static boolean wordBefore(String text, int sentenceStart, int at) {
        int i = at - 1;
        while (i >= sentenceStart && Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\n') {
            i--;
        }
        if (i < sentenceStart || text.charAt(i) == ':' || text.charAt(i) == '\n') {
            return false;
        }
        for (; i >= sentenceStart; i--) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Nouns for groups of performers and publications, whose name can follow them: "the band Gigi". */
    private static final Pattern GROUP_NOUN_AND_NAME = Pattern.compile("(?<=\\p{Ll} )"
            + "(?:band|duo|trio|quartet|quintet|orchestra|ensemble|choir|newspaper|magazine|record label)\\s*,?\\s+"
            + "((?:The )?\\p{Lu}[\\p{L}\\p{N}'\u2019!-]*(?: (?:(?:of|the|&) )?\\p{Lu}[\\p{L}\\p{N}'\u2019!-]*){0,5})");

    /**
     * Names right after a noun for a band or a publication ("the band Gigi", "his current band, Gigi, was formed",
     * "the newspaper Le Monde") are organisations: found under another type, in parts, or not at all. A person's
     * name there is kept ("the band Tom Petty formed"), and so is a listed company.
     */
    static List<Entity> namedAfterGroupNoun(String text, List<Entity> found) {
        Matcher m = GROUP_NOUN_AND_NAME.matcher(text);
        List<Entity> out = found;
        while (m.find()) {
            int start = m.start(1);
            int end = m.end(1);
            String name = m.group(1);
            if (name.endsWith("'s") || name.endsWith("\u2019s")) {
                end -= 2; // "the band Gigi's": the possessive is no part of the name
                name = name.substring(0, name.length() - 2);
            }
            if (name.isEmpty() || readsAsPersonsName(name)) {
                continue;
            }
            Entity same = null;
            for (Entity e : out) {
                if (e.start() == start && e.end() == end) {
                    same = e;
                }
            }
            if (same != null) {
                if (same.type() != EntityType.ORG && same.canonical() == null) {
                    out = new ArrayList<>(out);
                    out.set(out.indexOf(same), new Entity(EntityType.ORG, name, start, end, null));
                }
                continue;
            }
            List<Entity> parts = partsInside(out, start, end, e -> e.canonical() != null);
            if (parts != null) {
                out = replaced(out, parts, List.of(new Entity(EntityType.ORG, name, start, end, null)));
            }
        }
        return out;
    }

    /**
     * "the TAB", "the ACLU": an acronym after "the" followed by punctuation, a function word or a verb in the past,
     * not by a noun it would qualify ("the HDCP copy protection", "the CD cover").
     */
    /** Words of a document about sport. */
    private static final Set<String> SPORT_WORDS = Set.of("game", "games", "season", "coach", "coached", "playoff",
            "playoffs", "inning", "innings", "quarterback", "touchdown", "touchdowns", "kickoff", "halftime", "roster",
            "stadium", "pitcher", "goalkeeper", "goalie", "striker", "league", "nfl", "nba", "mlb", "nhl", "mls",
            "premiership", "rugby", "cricket", "football", "baseball", "basketball", "hockey", "soccer");

    /**
     * A document about sport: one of its words, or a score ("lost 10-7", "Bolton 1-2 Liverpool"). A scan of the
     * words rather than a pattern: it runs on every document, and an alternation of words tried at every position
     * cost about 0.4 ms on a 9 kB article.
     */
    static boolean aboutSport(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                int j = i + 1;
                while (j < n && Character.isLetter(text.charAt(j))) {
                    j++;
                }
                if (j - i >= 3 && j - i <= 12 && (i == 0 || !Character.isDigit(text.charAt(i - 1)))
                        && (j == n || !Character.isDigit(text.charAt(j)))
                        && SPORT_WORDS.contains(text.substring(i, j).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                i = j;
            } else {
                if ((c == '-' || c == '\u2013') && isScoreAt(text, i)) {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    /**
     * One to three digits on either side of the dash at {@code dash}, and no more digits, decimals, times, dates or
     * ranges around them ("10-7" and "10-7." are scores; "1.5-2", "10-7.5", "12:30-1", "3/10-4" are not).
     */
    private static boolean isScoreAt(String text, int dash) {
        int from = dash;
        while (from > 0 && Character.isDigit(text.charAt(from - 1))) {
            from--;
        }
        int to = dash + 1;
        while (to < text.length() && Character.isDigit(text.charAt(to))) {
            to++;
        }
        return dash - from >= 1 && dash - from <= 3 && to - dash - 1 >= 1 && to - dash - 1 <= 3
                && (from == 0 || ":/-".indexOf(text.charAt(from - 1)) < 0
                        && !(text.charAt(from - 1) == '.' && from > 1 && Character.isDigit(text.charAt(from - 2))))
                && (to == text.length() || ":/-".indexOf(text.charAt(to)) < 0
                        && !(text.charAt(to) == '.' && to + 1 < text.length()
                                && Character.isDigit(text.charAt(to + 1))));
    }

    private static final Pattern TEAM_NICKNAME = teamNicknamePattern();

    private static Pattern teamNicknamePattern() {
        List<String> names = new ArrayList<>();
        try (java.io.InputStream in = CompanyDirectory.resource("/dev/newsintel/enrich/entities/team-nicknames.txt")) {
            for (String[] row : CompanyDirectory.rows(CompanyDirectory.reader(in))) {
                names.add(Pattern.quote(row[0].strip()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not read the bundled team nicknames", e);
        }
        names.sort(Comparator.comparingInt(String::length).reversed()); // "Red Sox" before a shorter name
        // the look-ahead turns most positions away at their first character, before the alternatives are tried
        return Pattern.compile("(?=[\\p{Lu}\\d])(?<![\\p{L}\\p{N}@#'\u2019-])(?:" + String.join("|", names)
                + ")(?![\\p{L}\\p{N}'\u2019-])");
    }

    /**
     * A team's nickname alone is the team in a document about sport ("the Pirates lost 10-7", "Jets coach Rex
     * Ryan", "Twins? Vikings?"), where the finder left it or read a person or a place; with the place the finder
     * found right before it, the two are one team ("Dallas" + "Cowboys"). Not where a longer name holds it ("Red
     * Wings" inside "Detroit Red Wings" found whole) nor outside sport ("the Saints of the church", "Senators
     * voted").
     */
    static List<Entity> teamNicknames(String text, List<Entity> found) {
        if (!aboutSport(text)) {
            return found;
        }
        Matcher m = TEAM_NICKNAME.matcher(text);
        if (!m.find()) {
            return found;
        }
        List<Entity> out = found;
        do {
            int start = m.start();
            int end = m.end();
            Entity before = null;
            Entity same = null;
            boolean held = false;
            for (Entity e : out) {
                if (e.start() == start && e.end() == end) {
                    same = e;
                } else if (e.start() < end && start < e.end()) {
                    held = true; // part of a longer name, or holding part of one
                } else if (e.end() + 1 == start && text.charAt(e.end()) == ' '
                        && (e.type() == EntityType.LOCATION || e.type() == EntityType.ORG && e.canonical() == null)) {
                    before = e;
                }
            }
            if (held || same != null && (same.type() == EntityType.ORG || same.canonical() != null)) {
                continue;
            }
            List<Entity> removed = new ArrayList<>(2);
            if (same != null) {
                removed.add(same);
            }
            if (before != null) {
                removed.add(before);
                start = before.start();
            }
            out = replaced(out, removed, List.of(new Entity(EntityType.ORG, text.substring(start, end), start, end,
                    null)));
        } while (m.find());
        return out;
    }

    private static final String SCORE = "(?<![\\d.:/-])\\d{1,3}\\s*[-\u2013]\\s*\\d{1,3}(?![\\d.:/-])";
    /** What a team does, right after its name: "Lancashire beat Somerset", "Bolton 1-2", "Waikato coach". */
    private static final Pattern TEAM_AFTER = Pattern.compile("\\s*(?:" + SCORE + "|(?:beat|beats|defeated|"
            + "defeat|defeats|edged|thrashed|routed|drew|lost|won|hosted|host|hosts|outscored|coach|captain|manager|"
            + "striker|quarterback|goalkeeper)\\b)");
    /** What is done to a team, right before its name: "beat Somerset", "1-2 Liverpool", "a win over Ankara". */
    private static final Pattern TEAM_BEFORE = Pattern.compile("(?:\\b(?:beat|beats|beating|defeated|defeating|"
            + "against|versus|vs\\.?|v|outscoring|outscored|hosted|hosts|joined from|signed from|signed for|"
            + "(?:win|victory|lead) over)\\s+(?:the\\s+)?|" + SCORE + "\\s+)$");

    /** Countries, whose national sides CoNLL's convention leaves places ("Japan beat Syria 2-1"). */
    private static final Set<String> COUNTRIES = countries();

    private static Set<String> countries() {
        Set<String> out = new HashSet<>(Set.of("USA", "US", "U.S.", "UK", "England", "Scotland", "Wales",
                "Northern Ireland", "Ireland", "Korea", "South Korea", "North Korea", "Russia", "Iran", "Syria"));
        for (String code : Locale.getISOCountries()) {
            out.add(Locale.of("", code).getDisplayCountry(Locale.ENGLISH));
        }
        return Set.copyOf(out);
    }

    /**
     * A place's name that plays, in a document about sport, is its team (CoNLL's convention): "Lancashire beat
     * Somerset", "Bolton 1-2 Liverpool", "a 25-21 set win over Ankara", "Waikato coach Hemi Parata". Only where
     * the words around it say so ("born in Ankara" stays a place), and not a country: CoNLL leaves national sides
     * places.
     */
    static List<Entity> teamsByPlace(String text, List<Entity> found) {
        if (!aboutSport(text)) {
            return found;
        }
        List<Entity> out = null;
        for (int i = 0; i < found.size(); i++) {
            Entity e = found.get(i);
            if (e.type() != EntityType.LOCATION || isListedCompany(e)
                    || COUNTRIES.contains(e.text())) {
                continue;
            }
            boolean plays = TEAM_AFTER.matcher(text).region(e.end(), Math.min(text.length(), e.end() + 40))
                    .lookingAt()
                    || TEAM_BEFORE.matcher(text).region(Math.max(0, e.start() - 40), e.start())
                    .useTransparentBounds(true).find();
            if (plays) {
                if (out == null) {
                    out = new ArrayList<>(found);
                }
                out.set(i, new Entity(EntityType.ORG, e.text(), e.start(), e.end(), null));
            }
        }
        return out == null ? found : out;
    }

    /** Words of a document about music. */
    private static final Set<String> MUSIC_WORDS = Set.of("band", "bands", "album", "albums", "songs", "singles",
            "guitarist", "bassist", "drummer", "vocalist", "vocals", "singer", "frontman", "songwriter", "toured",
            "touring", "gig", "gigs", "concert", "concerts", "discography", "ep", "lp");

    /**
     * A document about music: two of its words ("band", "album", "toured"...), since one alone is often
     * something else ("a frequency band", "a photo album").
     */
    static boolean aboutMusic(String text) {
        return hasWords(text, MUSIC_WORDS, 2);
    }

    /** Whether {@code needed} words of the text, in any case, are in {@code words}. A scan, not a pattern. */
    private static boolean hasWords(String text, Set<String> words, int needed) {
        int hits = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && Character.isLetter(text.charAt(j))) {
                j++;
            }
            if (j - i >= 2 && j - i <= 12 && words.contains(text.substring(i, j).toLowerCase(Locale.ROOT))
                    && ++hits == needed) {
                return true;
            }
            i = j;
        }
        return false;
    }

    /** A list of bands: "bands like New Order, Interpol or Joy Division". */
    private static final Pattern BANDS_LIKE = Pattern.compile("(?<![\\p{L}-])bands\\s*,?\\s+(?:like|such as|"
            + "including|as diverse as)\\s+(?=[\\p{Lu}\\d])");
    /** A band named as a record's maker: "a compilation album by The Triffids". */
    private static final Pattern RECORD_BY = Pattern.compile("(?<![\\p{L}-])(?:album|albums|single|EP|LP|record)"
            + " by\\s+(?=The \\p{Lu})");
    /**
     * In a document about music, acts a band toured with ("supporting The Cult", "supported on this tour by X") and
     * lists of acts that may hold people too.
     */
    private static final Pattern TOURED_WITH = Pattern.compile("(?<![\\p{L}-])(?:supporting|supported"
            + " (?:\\p{Ll}+ ){0,3}by|toured (?:\\p{Ll}+ ){0,2}with|touring with|on tour with|opened for|opening for|"
            // lists that mix bands and people: "producing credits include", "bands and artists such as"
            + "credits (?:also )?include|(?:bands|groups) and (?:\\p{Ll}+ )?(?:artists|musicians|singers),? (?:like|"
            + "such as|including)|(?:artists|musicians|singers) and bands,? (?:like|such as|including))"
            + "\\s+(?=[\\p{Lu}\\d])");
    /**
     * In a document about music, record labels: "signed to independent label Food", "19 albums for Decca", "signed
     * as a solo artist to Deltasonic".
     */
    private static final Pattern LABEL = Pattern.compile("(?<![\\p{L}-])(?:label|(?:albums?|singles?|records?|"
            + "recorded) for|signed (?:as (?:\\p{Ll}+ ){1,3})?(?:to|with))\\s+(?=[\\p{Lu}\\d])");

    /**
     * Bands and labels by the words around them, which the finder, reading a band's name as a person's or a
     * place's ("Linkin Park", "Madina Lake") or not at all ("The Cult"), misses: the items of a list of bands, a
     * band a record is by, and in a document about music an act one toured with and a label. An act there whose
     * name starts with a given name is left as found ("supporting Julian Cope"), and so is a label's of two words
     * or more that does ("recorded for John Peel"); so is a listed company.
     */
    static List<Entity> musicActs(String text, List<Entity> found) {
        List<Entity> out = found;
        // the patterns start with a look-behind, which a plain search for their words spares on most documents
        if (text.contains("bands")) {
            // "bands, including Rudy Vallee's": a band named by its leader's possessive is the leader's
            out = actsAfter(text, out, BANDS_LIKE, name -> name.endsWith("'s") || name.endsWith("\u2019s"));
        }
        if (text.contains(" by The ")) {
            out = actsAfter(text, out, RECORD_BY, name -> false);
        }
        if (aboutMusic(text)) {
            out = actsAfter(text, out, TOURED_WITH, name -> !name.startsWith("The ") && startsWithGivenName(name));
            // a label's name of one word may be a given name ("Decca"), a person's has two ("John Peel")
            out = actsAfter(text, out, LABEL, name -> name.indexOf(' ') > 0 && startsWithGivenName(name));
        }
        return out;
    }

    private static boolean startsWithGivenName(String name) {
        return NameFeatures.Lexicon.bundled().firstNames.contains(name.split(" ", 2)[0]);
    }

    private static final Pattern POSSESSIVE_AFTER = Pattern.compile(" ?['\u2019]s(?![\\p{L}\\p{N}])");

    private static String withoutPossessive(String name) {
        return name.endsWith("'s") || name.endsWith("\u2019s") ? name.substring(0, name.length() - 2) : name;
    }

    /**
     * Makes the names listed right after each match of {@code cue} organisations, but for those {@code person}
     * says name people (it reads the item with its possessive, if any).
     */
    private static List<Entity> actsAfter(String text, List<Entity> found, Pattern cue,
                                          java.util.function.Predicate<String> person) {
        return actsAfter(text, found, cue, at -> true, person);
    }

    /** As above, for the cues at which {@code cueHolds} (given where the cue starts) holds. */
    private static List<Entity> actsAfter(String text, List<Entity> found, Pattern cue,
                                          java.util.function.IntPredicate cueHolds,
                                          java.util.function.Predicate<String> person) {
        Matcher m = cue.matcher(text);
        List<Entity> out = found;
        while (m.find()) {
            if (!cueHolds.test(m.start())) {
                continue;
            }
            Matcher item = FIRST_LIST_ITEM.matcher(text).region(m.end(), text.length());
            while (item.find()) {
                String name = withoutPossessive(item.group(1));
                // the possessive as written, or as a tokenized text gives it ("Rudy Vallee 's")
                String read = POSSESSIVE_AFTER.matcher(text).region(item.end(1), text.length()).lookingAt()
                        ? name + "'s" : item.group(1);
                if (!name.equals("The") && !person.test(read)) {
                    out = asOrganisation(text, out, item.start(1), item.start(1) + name.length());
                }
                item.usePattern(NEXT_LIST_ITEM);
            }
        }
        return out;
    }

    /** A team one plays for: "played professionally for the Rochester Jeffersons", "signed with the Bears". */
    private static final Pattern PLAYED_FOR = Pattern.compile("(?<![\\p{L}-])(?:(?:played|plays|playing|pitched|"
            + "signed|re-signed|starred) (?:\\p{Ll}+ )?(?:for|with)|joined|traded to|drafted by|loaned to|"
            + "transferred to) the\\s+(?=\\p{Lu})");

    /**
     * Teams by the words before them in a document about sport ("He played professionally for the Rochester
     * Jeffersons and Buffalo Bisons"): the names after "played for the", "signed with the", "drafted by the"...
     */
    static List<Entity> teamsPlayedFor(String text, List<Entity> found) {
        if (!aboutSport(text)) {
            return found;
        }
        return actsAfter(text, found, PLAYED_FOR, name -> false); // after "the", no person's name
    }

    /**
     * Names listed before a plural noun for organisations are organisations ("The ISAP, ILPAP and ETHEL companies
     * belong to OASA"), but for places ("the Tokyo and Osaka banks") and nationalities ("the French and German
     * carriers").
     */
    static List<Entity> namesOfKind(String text, List<Entity> found) {
        if (!containsAny(text, KIND_NOUNS)) {
            return found;
        }
        Matcher m = NAMES_OF_KIND.matcher(text);
        List<Entity> out = found;
        while (m.find()) {
            Matcher item = ONE_WORD_NAME.matcher(text).region(m.start(1), m.end(1));
            while (item.find()) {
                int start = item.start();
                int end = item.end();
                boolean place = isPeopleOrCreed(item.group()) || LANGUAGES.contains(item.group())
                        || COUNTRIES.contains(item.group());
                for (Entity e : out) {
                    place |= e.start() == start && e.end() == end && e.type() == EntityType.LOCATION;
                }
                if (!place) {
                    out = asOrganisation(text, out, start, end);
                }
            }
        }
        return out;
    }

    /** A firm named by its partners: "Keefe, Bruyette & Woods", "Ellery, Voss & Kaplan LLP". */
    private static final Pattern PARTNERS_FIRM = Pattern.compile("(?<![\\p{L}\\p{N}&-])(\\p{Lu}[\\p{L}'\u2019-]+"
            + "(?: ?, \\p{Lu}[\\p{L}'\u2019-]+){1,4} & \\p{Lu}[\\p{L}'\u2019-]+(?: (?:LLP|LLC|L\\.L\\.P\\.|PC|P\\.C\\.))?)"
            + "(?![\\p{L}\\p{N}])");

    /**
     * A firm named by its partners, names before a last one after "&" ("Keefe, Bruyette & Woods, Inc.", "Ellery,
     * Voss & Kaplan LLP", "Sears, Roebuck & Co."), is one organisation, over the people and places read in it; a
     * legal form after a comma stays out, as in "Cinder Security", Inc. Not a list of places ("Paris, Rome & Oslo")
     * nor of words ("Marketing, Sales & Consulting").
     */
    static List<Entity> firmsOfPartners(String text, List<Entity> found) {
        if (!text.contains(" & ")) {
            return found;
        }
        Matcher m = PARTNERS_FIRM.matcher(text);
        List<Entity> out = found;
        while (m.find()) {
            int start = m.start(1);
            int end = m.end(1);
            String[] names = m.group(1).split(" ?, | & ");
            boolean places = true;
            int words = 0;
            for (String part : names) {
                places &= Gazetteer.bundled().lists(part, EntityType.LOCATION);
                words += EnglishWords.contains(part) ? 1 : 0;
            }
            if (places || words * 2 > names.length) {
                continue; // places, or a list of capitalised words ("Marketing, Sales, Consulting & Special")
            }
            List<Entity> parts = partsInside(out, start, end, e -> isListedCompany(e));
            if (parts != null) {
                out = replaced(out, parts, List.of(new Entity(EntityType.ORG, m.group(1), start, end, null)));
            }
        }
        return out;
    }

    /** A run of words in capitals: "KEYSTONE NATIONAL BANK", "BANK OF NEW YORK MELLON TRUST COMPANY". */
    private static final Pattern CAPITALS_RUN = Pattern.compile("(?<![\\p{L}\\p{N}&.'-])\\p{Lu}[\\p{Lu}\\p{N}&.'-]*"
            + "(?: \\p{Lu}[\\p{Lu}\\p{N}&.'-]*){1,7}(?![\\p{L}\\p{N}])");

    /**
     * An organisation's name written in capitals, as agreements write their parties, ending in an organisation's
     * head word ("KEYSTONE NATIONAL BANK", "EBERLY FAMILY TRUST", "U.S. BANK NATIONAL ASSOCIATION"), where the text
     * around it is mostly in lower case: in a clause written in capitals every run would look like one ("EACH OF
     * BORROWER AND BANK"). It replaces the parts read in it; a listed company of the same extent keeps its link.
     */
    static List<Entity> organisationsInCapitals(String text, List<Entity> found) {
        Matcher m = CAPITALS_RUN.matcher(text);
        List<Entity> out = found;
        while (m.find()) {
            String run = m.group();
            int start = m.start();
            // leading words that no name starts with: "THE", "BY", "BETWEEN"
            int space;
            while ((space = run.indexOf(' ')) > 0 && (NOT_NAME_WORDS.contains(lower(run.substring(0, space)))
                    || FUNCTION_WORDS.contains(lower(run.substring(0, space))))) {
                run = run.substring(space + 1);
                start += space + 1;
            }
            String last = lower(run.substring(run.lastIndexOf(' ') + 1));
            if (run.indexOf(' ') < 0 || !ORG_LAST_WORDS.contains(last) || LEGAL_SUFFIXES.contains(last)
                    || m.end() + 1 < text.length() && text.charAt(m.end()) == ' '
                            && Character.isUpperCase(text.charAt(m.end() + 1))
                    || !lowerCaseAround(text, m.start(), m.end())) {
                // a name with its legal form is the legal-form rule's ("NORTHWIND HOLDINGS, INC."), and one that
                // goes on in name case is another ("the EU AI Act")
                continue;
            }
            int end = start + run.length();
            List<Entity> parts = partsInside(out, start, end, e -> isListedCompany(e));
            if (parts != null) {
                out = replaced(out, parts, List.of(new Entity(EntityType.ORG, run, start, end, null)));
            }
        }
        return out;
    }

    private static final List<String> CLUB_LETTERS = List.of("FC", "F.C.", "AC ", "SC ", "CF ", "SV ", "FK ", "SK ",
            "VfB", "VfL", "TSV", "SpVgg");

    /** A club by the letters of its kind: "FC Hollfeld 1908", "1. FC Nürnberg", "AC Milan", "Harwick Town A.F.C.". */
    private static final Pattern CLUB = Pattern.compile("(?<![\\p{L}\\p{N}.])(?:(?:\\d\\. )?(?:FC|AFC|SC|AC|CF|SV|FK|SK|"
            + "VfB|VfL|TSV|SpVgg|F\\.C\\.)((?: \\p{Lu}[\\p{L}'\u2019.-]*){1,3})(?: (?:1[89]|20)\\d\\d)?"
            + "|\\p{Lu}[\\p{L}'\u2019-]*(?: \\p{Lu}[\\p{L}'\u2019-]*){0,3} (?:F\\.C\\.|A\\.F\\.C\\.|FC|AFC))"
            + "(?![\\p{L}\\p{N}])");

    private static boolean hasFunctionWord(String words) {
        for (String word : words.split(" ")) {
            if (FUNCTION_WORDS.contains(lower(word)) || NOT_NAME_WORDS.contains(lower(word))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A sports club named with the letters of its kind before or after the name ("FC Hollfeld 1908", "1. FC
     * Nürnberg", "Harwick Town A.F.C.") is one organisation, over the parts read in it, but not over words of an
     * office or English words after the letters ("FC Barcelona Chief Executive" is "FC Barcelona").
     */
    static List<Entity> clubsByKind(String text, List<Entity> found) {
        if (!containsAny(text, CLUB_LETTERS)) {
            return found;
        }
        Matcher m = CLUB.matcher(text);
        List<Entity> out = found;
        while (m.find()) {
            int end = m.end();
            if (m.start(1) >= 0) {
                // the name's words after the letters end at an office or an English word
                int at = m.start(1);
                int nameEnd = at;
                for (String word : m.group(1).substring(1).split(" ")) {
                    if (OFFICES.contains(titleKey(word)) || EnglishWords.contains(word) && nameEnd > at) {
                        break;
                    }
                    nameEnd += 1 + word.length();
                }
                if (nameEnd == at) {
                    continue;
                }
                end = nameEnd < m.end(1) ? nameEnd : m.end();
            } else if (hasFunctionWord(m.group())) {
                continue; // a title-case line: "Home Field For AFC"
            }
            List<Entity> parts = partsInside(out, m.start(), end, e -> isListedCompany(e));
            if (parts != null) {
                out = replaced(out, parts, List.of(new Entity(EntityType.ORG, text.substring(m.start(), end),
                        m.start(), end, null)));
            }
        }
        return out;
    }

    /** Words of a document about military units. */
    private static final Set<String> MILITARY_WORDS = Set.of("regiment", "regiments", "regimental", "brigade",
            "brigades", "battalion", "battalions", "infantry", "cavalry", "artillery", "squadron", "squadrons",
            "corps", "troops", "volunteers", "division", "divisions");

    /** A document about military units: two of its words, since one alone ("division", "corps") is often not. */
    static boolean aboutMilitaryUnits(String text) {
        return hasWords(text, MILITARY_WORDS, 2);
    }

    /**
     * A unit by its number alone, where a noun would have followed it otherwise ("The 139th was formed", "the
     * 139th fought"), and not a date ("on the 5th,", "the 1st of January"); or a number and a short abbreviation in
     * capitals ("the 62d NY, 93d PVI").
     */
    private static final Pattern UNIT_BY_NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])(?<!(?:[Oo]n|[Bb]y|of|"
            + "until|till|from|since|before|after) )(?:[Tt]he (\\d{1,3}(?:st|nd|rd|th|d))(?=\\s*[,;:)]|\\s*\\.(?!\\d)"
            + "|\\s+(?:was|were|had|has|is|along|and|then|fought|\\p{Ll}+ed)\\b)"
            + "|(\\d{1,3}(?:st|nd|rd|th|d) \\p{Lu}{2,4})(?![\\p{L}\\p{N}]))");

    private static final List<String> UNIT_KINDS = List.of("Battalion", "Regiment", "Brigade", "Division", "Corps",
            "Fleet", "Squadron", "Army", "Flotilla", "Infantry", "Cavalry", "Artillery", "Marines");

    /** Whether the text holds one of the strings: a plain search, far cheaper than a pattern tried everywhere. */
    private static boolean containsAny(String text, List<String> strings) {
        for (String s : strings) {
            if (text.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** A unit by its number and kind, anywhere: "1st Battalion", "4th Indian Division", "33rd Regiment of Foot". */
    private static final Pattern NUMBERED_UNIT = Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\d{1,3}(?:st|nd|rd|th|d)|First|"
            + "Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth)(?: \\p{Lu}[\\p{L}'\u2019-]*)"
            + "{0,3} (?:Battalion|Regiment|Brigade|Division|Corps|Fleet|Squadron|Army|Flotilla|Infantry|Cavalry|"
            + "Artillery|Marines)(?: of (?:Foot|Horse|Dragoons|Artillery|Marines))?(?![\\p{L}\\p{N}])");

    /**
     * Military units named by their number (WikiGold and CoNLL's convention makes them organisations): with their
     * kind anywhere ("the 1st Battalion", "4th Indian Division"), and alone or with a short abbreviation in a
     * document about them ("The 139th was transferred to the VI Corps", "included the 62d NY, 93d PVI and 98th PVI").
     */
    static List<Entity> militaryUnits(String text, List<Entity> found) {
        List<Entity> out = found;
        Matcher named = containsAny(text, UNIT_KINDS) ? NUMBERED_UNIT.matcher(text) : null;
        while (named != null && named.find()) {
            List<Entity> parts = partsInside(out, named.start(), named.end(), e -> isListedCompany(e));
            if (parts != null) {
                out = replaced(out, parts, List.of(new Entity(EntityType.ORG, named.group(), named.start(),
                        named.end(), null)));
            }
        }
        if (!aboutMilitaryUnits(text)) {
            return out;
        }
        Matcher m = UNIT_BY_NUMBER.matcher(text);
        while (m.find()) {
            int group = m.start(1) >= 0 ? 1 : 2;
            if (!overlapsAny(out, m.start(group), m.end(group))) {
                out = replaced(out, List.of(), List.of(new Entity(EntityType.ORG, m.group(group), m.start(group),
                        m.end(group), null)));
            }
        }
        return out;
    }

    /**
     * An organisation at {@code start..end}: the name found there retyped, or the names inside it replaced, unless
     * it is a listed company or a longer name holds it.
     */
    private static List<Entity> asOrganisation(String text, List<Entity> found, int start, int end) {
        for (int k = 0; k < found.size(); k++) {
            Entity e = found.get(k);
            if (e.start() == start && e.end() == end) {
                if (e.type() == EntityType.ORG || isListedCompany(e)) {
                    return found;
                }
                List<Entity> out = new ArrayList<>(found);
                out.set(k, new Entity(EntityType.ORG, e.text(), start, end, null));
                return out;
            }
        }
        List<Entity> parts = partsInside(found, start, end, EntityRecognizer::isListedCompany);
        return parts == null ? found
                : replaced(found, parts, List.of(new Entity(EntityType.ORG, text.substring(start, end), start, end,
                        null)));
    }

    private static final Pattern ACRONYM_AFTER_THE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])the (\\p{Lu}{2,6})(?![\\p{L}\\p{N}&.'\u2019-])(?=\\s*(?:[,.;:()!?\"]|$)"
            + "|\\s+(?:and|or|but|in|on|at|by|for|from|to|of|with|as|was|is|were|are|had|has|have|will|would|could"
            + "|said|says|which|who|that|\\p{Ll}+ed)\\b)");

    /**
     * Acronyms after "the" that nothing else explains are organisations ("purchased by the TAB", "the ACLU and her
     * parents"): common acronyms ("the GPU"), currency codes ("the USD"), names already found ("the UK") and English
     * words the text capitalises once for emphasis ("the WORLD stopped") are not, nor are words in text written in
     * capitals, where every word looks like an acronym.
     */
    static List<Entity> acronymsAfterThe(String text, List<Entity> found) {
        Matcher m = ACRONYM_AFTER_THE.matcher(text);
        List<Entity> added = new ArrayList<>();
        while (m.find()) {
            String acronym = m.group(1);
            if (COMMON_ACRONYMS.contains(acronym) || CURRENCY_CODES.contains(acronym)
                    || EnglishWords.contains(acronym) && !mentionedAgain(text, acronym, m.start(1))
                    || overlapsAny(found, m.start(1), m.end(1)) // the matcher's own matches never overlap
                    || !mostlyLowerCase(text, m.start() - 60, m.end() + 60)) {
                continue;
            }
            added.add(new Entity(EntityType.ORG, acronym, m.start(1), m.end(1), null));
        }
        return replaced(found, List.of(), added);
    }

    /** Whether a word in capitals occurs again in the text, as a word, other than at {@code at}. */
    private static boolean mentionedAgain(String text, String word, int at) {
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(text);
        while (m.find()) {
            if (m.start() != at) {
                return true;
            }
        }
        return false;
    }

    /** Whether half the letters or more in the 80 characters either side of a run, but not in it, are lower case. */
    private static boolean lowerCaseAround(String text, int start, int end) {
        Letters before = Letters.count(text, start - 80, start);
        Letters after = Letters.count(text, end, end + 80);
        int letters = before.all() + after.all();
        return letters > 0 && (before.lower() + after.lower()) * 2 >= letters;
    }

    /** Whether most letters between two offsets (clamped to the text) are lower case. */
    private static boolean mostlyLowerCase(String text, int from, int to) {
        Letters letters = Letters.count(text, from, to);
        return letters.lower() * 3 >= letters.all() * 2;
    }

    /** How many letters a stretch of text holds, and how many of them are lower case. */
    private record Letters(int all, int lower) {
        /** The letters between two offsets, clamped to the text. */
        static Letters count(String text, int from, int to) {
            int all = 0;
            int lower = 0;
            for (int i = Math.max(0, from); i < Math.min(text.length(), to); i++) {
                char c = text.charAt(i);
                if (Character.isLetter(c)) {
                    all++;
                    lower += Character.isLowerCase(c) ? 1 : 0;
                }
            }
            return new Letters(all, lower);
        }
    }

    private static final String LIST_ITEM_WORDS = "(?:The )?[\\p{Lu}\\p{N}][\\p{L}\\p{N}'\u2019!-]*"
            + "(?: (?:(?:of|on|the|&) )?\\p{Lu}[\\p{L}\\p{N}'\u2019!-]*){0,3}";
    private static final String LIST_ITEM = "(" + LIST_ITEM_WORDS + ")";
    private static final String LIST_SEPARATOR = "\\s*(?:[,/]\\s*(?:(?:and|or|&)\\s+)?|(?:and|or|&)\\s+)";
    /** One more item of a list, after what came before it: ", Telemundo", " / Pearl", " and Weather Report". */
    private static final Pattern NEXT_LIST_ITEM = Pattern.compile("\\G" + LIST_SEPARATOR + LIST_ITEM);
    /** The first item of a list, where it starts. */
    private static final Pattern FIRST_LIST_ITEM = Pattern.compile("\\G" + LIST_ITEM);

    /** One-word names listed before a plural noun for organisations: "The ISAP, ILPAP and ETHEL companies". */
    private static final List<String> KIND_NOUNS = List.of("companies", "firms", "corporations", "banks",
            "carriers", "airlines", "networks", "agencies", "parties", "unions", "clubs", "newspapers", "magazines",
            "broadcasters", "labels");
    private static final Pattern NAMES_OF_KIND = Pattern.compile("(?<![\\p{L}\\p{N}'\u2019&-])(?:The )?"
            + "(\\p{Lu}[\\p{L}\\p{N}'\u2019-]*(?:" + LIST_SEPARATOR + "\\p{Lu}[\\p{L}\\p{N}'\u2019-]*){1,6}) "
            + "(?:" + String.join("|", KIND_NOUNS) + ")(?![\\p{L}\\p{N}])");

    /**
     * Plural nouns for kinds of organisation: "such as" lists instances after them, "and other" before them. Those
     * before which one-word names are listed, and more.
     */
    private static final Set<String> ORGANISATION_KIND_WORDS = with(Set.copyOf(KIND_NOUNS), Set.of("lenders",
            "insurers", "retailers", "supermarkets", "pharmacies", "chains", "automakers", "carmakers",
            "manufacturers", "publishers", "publications", "journals", "channels", "stations", "studios", "teams",
            "universities", "colleges", "charities", "organisations", "organizations", "institutions", "associations",
            "federations", "leagues", "startups", "start-ups", "outlets"));
    private static final String ORGANISATION_KINDS = String.join("|", ORGANISATION_KIND_WORDS);
    /** A cue for a list of instances; the kind's noun before it is checked apart, which is much cheaper. */
    private static final Pattern SUCH_AS = Pattern.compile("(?<![\\p{L}-])(?:like|such as|including)\\s+"
            + "(?=[\\p{Lu}\\d])");
    private static final Pattern AND_OTHER_KIND = Pattern.compile("(?<![\\p{L}\\p{N}'\u2019&-])(" + LIST_ITEM_WORDS
            + "(?:" + LIST_SEPARATOR + LIST_ITEM_WORDS + "){0,6}) ?,? and (?:many |several |numerous |various |some )?"
            + "other (?:" + ORGANISATION_KINDS + ")(?![\\p{L}\\p{N}])");

    /**
     * Instances of a kind of organisation, named as such (Hearst's patterns): the names listed after "companies such
     * as", "pharmacies including", "clubs like" ("Pharmacies including Shoppers Drug Mart and London Drugs") and
     * before "and other publications" ("Poetry London, The Australian, Antipodes and many other publications") are
     * organisations, whatever else they were read as, but for people's names ("retailers such as John Lewis" is left
     * to the other rules) and listed companies, already linked.
     */
    static List<Entity> instancesOfKinds(String text, List<Entity> found) {
        List<Entity> out = found;
        if (containsAny(text, SUCH_AS_WORDS)) {
            out = actsAfter(text, out, SUCH_AS, at -> ORGANISATION_KIND_WORDS.contains(lower(wordBefore(text, at))),
                    name -> name.endsWith("'s") || noInstance(name));
        }
        if (text.contains(" other ")) {
            Matcher m = AND_OTHER_KIND.matcher(text);
            while (m.find()) {
                Matcher item = FIRST_LIST_ITEM.matcher(text).region(m.start(1), m.end(1));
                while (item.find()) {
                    String name = item.group(1);
                    if (!name.equals("The") && !FUNCTION_WORDS.contains(lower(name)) && !noInstance(name)) {
                        out = asOrganisation(text, out, item.start(1), item.end(1));
                    }
                    item.usePattern(NEXT_LIST_ITEM);
                }
            }
        }
        return out;
    }

    private static final List<String> SUCH_AS_WORDS = List.of(" like ", "such as", "including");

    /** A listed item that is no instance of the kind: a person's name, a letter, a legal form ("Bank, N.A."). */
    private static boolean noInstance(String name) {
        return readsAsPersonsName(name) || name.length() < 2 || LEGAL_FORMS.contains(lower(name));
    }

    /** The word before a position, past spaces and a comma: "banks" before ", including". */
    private static String wordBefore(String text, int at) {
        int end = at;
        while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ',')) {
            end--;
        }
        int start = end;
        while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '-')) {
            start--;
        }
        return text.substring(start, end);
    }

    /** The English names of languages, which are nationalities too ("German", "Japanese"), given names or not. */
    private static final Set<String> LANGUAGES = java.util.Arrays.stream(Locale.getISOLanguages())
            .map(code -> Locale.of(code).getDisplayLanguage(Locale.ENGLISH))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Pattern ONE_WORD_NAME = Pattern.compile("\\p{Lu}[\\p{L}\\p{N}'\u2019-]*");

    private static final Pattern LIST_GAP_END = Pattern.compile("\\G" + LIST_SEPARATOR + "$");
    /** What may follow a list's last item: punctuation, a lower-case word or the end. */
    private static final Pattern AFTER_LAST_ITEM = Pattern.compile("\\G(?:\\s*[.;:)!?]|\\s+\\p{Ll}|\\s*$)");

    /**
     * Completes lists of organisations: in "Telemundo , Univision , MUN2 , A3 and MTV" or "Nikki Beach / Pearl /
     * Hardrock", where at least two organisations were found, one after the other, and the list has three items or
     * more, the capitalised items between them, and one last item after "and", are organisations too. A list that
     * mixes organisations with people or places ("Chick Corea , Yes , Gentle Giant") is left as it is.
     */
    static List<Entity> listsCompleted(String text, List<Entity> found) {
        List<Entity> added = new ArrayList<>();
        int k = 0;
        while (k < found.size()) {
            int last = k;
            List<int[]> items = new ArrayList<>();
            while (last + 1 < found.size() && found.get(last).type() == EntityType.ORG
                    && found.get(last + 1).type() == EntityType.ORG
                    && listGap(text, found.get(last).end(), found.get(last + 1).start(), items)) {
                last++;
            }
            if (last > k) {
                Matcher tail = NEXT_LIST_ITEM.matcher(text).region(found.get(last).end(), text.length());
                if (tail.lookingAt() && tail.group().matches("(?s).*\\b(?:and|or|&)\\s.*")
                        && !overlapsAny(found, tail.start(1), tail.end(1))
                        && AFTER_LAST_ITEM.matcher(text).region(tail.end(), text.length()).lookingAt()) {
                    items.add(new int[] {tail.start(1), tail.end(1)});
                }
                if (last - k + 1 + items.size() >= 3) {
                    for (int[] item : items) {
                        String name = text.substring(item[0], item[1]);
                        if (!FUNCTION_WORDS.contains(lower(name)) && !COMMON_ACRONYMS.contains(name)
                                && !LEGAL_FORMS.contains(lower(name))) { // "Ocotillo Resources, LLC and ..."
                            added.add(new Entity(EntityType.ORG, name, item[0], item[1], null));
                        }
                    }
                }
            }
            k = last + 1;
        }
        return replaced(found, List.of(), added);
    }

    /**
     * Completes lists of people: where the finder found at least two people in a list of three names or more ("Max
     * Carey, Kiki Cuyler, Rabbit Maranville, and Pie Traynor"; "Moses Mendelssohn, Gotthold Ephraim Lessing, Friedrich
     * Schlegel"), and most of its names are people, the other names it called organisations are people too if they
     * could be a person's: two or three words in name case, no organisation's or place's word, the last no English
     * word, and no listed company. A list with a place or a product in it is left as it is.
     */
    static List<Entity> peopleListed(String text, List<Entity> found) {
        List<Entity> out = found;
        int k = 0;
        while (k < found.size()) {
            int last = k;
            while (last + 1 < found.size() && found.get(last).end() < found.get(last + 1).start()
                    && LIST_GAP_END.matcher(text).region(found.get(last).end(), found.get(last + 1).start())
                    .lookingAt()) {
                last++;
            }
            int people = 0;
            List<Integer> others = new ArrayList<>();
            boolean mixed = false;
            for (int i = k; i <= last; i++) {
                Entity e = found.get(i);
                if (e.type() == EntityType.PERSON) {
                    people++;
                } else if (e.type() == EntityType.ORG && !isListedCompany(e) && couldBePersonsName(e.text())) {
                    others.add(i);
                } else {
                    mixed = true;
                }
            }
            if (!mixed && people >= 2 && people > others.size() && !others.isEmpty()) {
                out = new ArrayList<>(out);
                for (int i : others) {
                    Entity e = found.get(i);
                    out.set(i, new Entity(EntityType.PERSON, e.text(), e.start(), e.end(), null));
                }
            }
            k = last + 1;
        }
        return out;
    }

    private static boolean couldBePersonsName(String mention) {
        String[] words = mention.split(" ");
        if (words.length < 2 || words.length > 3 || EnglishWords.contains(words[words.length - 1])) {
            return false;
        }
        for (String word : words) {
            if (!NAME_WORD.matcher(word).matches() || isHeadWord(word)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text between two names is list separators and capitalised items alone; adds those items. */
    private static boolean listGap(String text, int from, int to, List<int[]> items) {
        List<int[]> gapItems = new ArrayList<>();
        Matcher item = NEXT_LIST_ITEM.matcher(text).region(from, to);
        int at = from;
        while (item.find() && item.start() == at) {
            gapItems.add(new int[] {item.start(1), item.end(1)});
            at = item.end();
        }
        if (!LIST_GAP_END.matcher(text).region(at, to).lookingAt()) {
            return false;
        }
        items.addAll(gapItems);
        return true;
    }

    /** Head nouns of institutions, whose names go on with "of ...", "on ...", "for ...". */
    private static final String INSTITUTION_HEADS = "Council|Department|Ministry|University|Panel|Committee|Parliament"
            + "|Organization|Organisation"
            + "|Bank|Court|Association|Office|Commission|Institute|Agency|Authority|Board|Bureau|Federation|League"
            + "|Society|Academy|College|School|Museum|Division|Service|Administration|Tribunal|Assembly|Senate"
            + "|Chamber|Foundation|Directorate|Secretariat|Inspectorate|Ombudsman|Conference";
    private static final String NOT_A_DATE = "(?!(?:" + String.join("|", calendarNames()) + ")\\b)";
    private static final String CAPITALISED_WORD = "\\p{Lu}[\\p{L}\\p{N}.'\u2019&-]*";
    /** "Research Council of Norway", "Intergovernmental Panel on Climate Change", "U.S. Department of Commerce". */
    private static final Pattern INSTITUTION_OF = Pattern.compile("(?<![\\p{L}\\p{N}.'\u2019-])((?:"
            + CAPITALISED_WORD + " ){0,4}(?:" + INSTITUTION_HEADS + ")) (?:of|on|for) (?:the )?(" + NOT_A_DATE
            + CAPITALISED_WORD + "(?: " + NOT_A_DATE + CAPITALISED_WORD + "){0,4})(?![\\p{L}\\p{N}])");
    /** Heads whose name may end in one English word: "Department of Commerce", not "Board of Directors". */
    private static final Set<String> HEADS_OF_A_FIELD = Set.of("Department", "Ministry", "Office", "Bureau",
            "Agency", "Institute", "Academy", "University", "College", "School", "Museum", "Secretariat",
            "Directorate", "Inspectorate", "Council", "Commission");

    /**
     * How many characters of a capitalised run are leading function words, prepositions or other words that start
     * no name, with the space after each ("In Pro Football ..." → 3, "Under Council of ..." → 6); the last word
     * always stays.
     */
    private static int leadingFunctionWords(String run) {
        int skipped = 0;
        int space;
        while ((space = run.indexOf(' ', skipped)) > skipped) {
            String word = lower(run.substring(skipped, space));
            if (!FUNCTION_WORDS.contains(word) && !NOT_NAME_WORDS.contains(word)
                    && !LEADING_PREPOSITIONS.contains(word)) {
                break;
            }
            skipped = space + 1;
        }
        return skipped;
    }

    /** "College Football Hall of Fame", "Rock and Roll Hall of Fame"; not "Hall of Famer Bill McKechnie". */
    private static final Pattern HALL_OF_FAME = Pattern.compile("(?<![\\p{L}\\p{N}.'\u2019-])((?:"
            + CAPITALISED_WORD + " (?:(?:and|&) )?){1,4})Hall of Fame(?![\\p{L}\\p{N}])");

    /**
     * A hall of fame with its field before it is an organisation (CoNLL's convention, and WikiGold's), where the
     * finder found its parts ("College Football" and "Fame") or nothing. Leading function words are no part of it
     * ("In Pro Football Hall of Fame").
     */
    static List<Entity> hallsOfFame(String text, List<Entity> found) {
        Matcher m = HALL_OF_FAME.matcher(text);
        List<Entity> out = found;
        while (m.find()) {
            int start = m.start(1);
            String words = m.group(1);
            int sentence = lastSentenceStart(words); // "... in Canton. Hockey Hall of Fame"
            start += sentence;
            words = words.substring(sentence);
            int skipped = leadingFunctionWords(words);
            words = words.substring(skipped);
            start += skipped;
            if (words.isEmpty() || !Character.isUpperCase(words.charAt(0))) {
                continue; // only function words before it: "the Hall of Fame"
            }
            int end = m.end();
            List<Entity> parts = partsInside(out, start, end, e -> false);
            if (parts != null) {
                out = replaced(out, parts, List.of(new Entity(EntityType.ORG, text.substring(start, end), start, end,
                        null)));
            }
        }
        return out;
    }

    /**
     * Names of institutions that go on with "of", "on" or "for" and a capitalised name ("the Research Council of
     * Norway", "the Intergovernmental Panel on Climate Change") are one organisation, where the finder found the
     * parts, a part or nothing. Leading words of the run that are function words ("Under Council of Europe rules")
     * are no part of it, and a listed company inside keeps its own mention ("Bank of America" stays linked). One
     * English word after the preposition names a field only after heads such as Department or Ministry ("Department of
     * Commerce"); elsewhere it is a body or a defined term ("the Board of Directors").
     */
    static List<Entity> institutionsOfPlaces(String text, List<Entity> found) {
        Matcher m = INSTITUTION_OF.matcher(text);
        List<Entity> out = hallsOfFame(text, found);
        while (m.find()) {
            int start = m.start(1);
            String head = m.group(1);
            int sentence = lastSentenceStart(head); // "... in Norway. The Research Council of ..."
            start += sentence;
            head = head.substring(sentence);
            int skipped = leadingFunctionWords(head);
            head = head.substring(skipped);
            start += skipped;
            int end = m.end(2);
            String field = m.group(2);
            int fieldStop = sentenceEnd(field);
            if (fieldStop >= 0) { // "the Research Council of Norway. He joined ...": the name ends with its sentence
                end = m.start(2) + fieldStop;
                field = field.substring(0, fieldStop);
            }
            if (field.indexOf(' ') < 0 && EnglishWords.contains(field)
                    && !HEADS_OF_A_FIELD.contains(head.substring(head.lastIndexOf(' ') + 1))) {
                continue; // "the Board of Directors", "Bank for Borrower's benefit": a body or a defined term
            }
            end = moreFields(text, out, m.start(2), end);
            List<Entity> parts = partsInside(out, start, end,
                    EntityRecognizer::isListedCompany);
            if (parts != null) {
                out = replaced(out, parts, List.of(new Entity(EntityType.ORG, text.substring(start, end), start, end,
                        null)));
            }
        }
        return out;
    }

    /**
     * Where in a run of capitalised words a sentence ends: the index of the first full stop that is no abbreviation's
     * ("Norway. He" → 6; not in "U.S. Department" or "St. Andrews"), or -1.
     */
    private static int sentenceEnd(String words) {
        int at = 0;
        for (String word : words.split(" ", -1)) {
            if (word.length() > 1 && word.endsWith(".") && !abbreviation(word)) {
                return at + word.length() - 1;
            }
            at += word.length() + 1;
        }
        return -1;
    }

    /** Where the last sentence starts in a run of capitalised words: after each stop {@link #sentenceEnd} finds. */
    private static int lastSentenceStart(String words) {
        int start = 0;
        int stop;
        while ((stop = sentenceEnd(words.substring(start))) >= 0) {
            start += stop + 2; // the full stop and the space after it
        }
        return start;
    }

    /** A word whose full stop is its own: "U.S.", "St.", "Mt."; not "UK." or "Sea." at a sentence's end. */
    private static boolean abbreviation(String word) {
        return word.indexOf('.') < word.length() - 1
                || word.length() <= 3 && word.substring(1, word.length() - 1).chars().allMatch(Character::isLowerCase);
    }

    private static final String FIELD = "\\p{Lu}[\\p{L}'\u2019-]*(?: \\p{Lu}[\\p{L}'\u2019-]*){0,2}";
    /** More fields of an institution, listed: " and Mines", ", Mines and Water". */
    private static final Pattern AND_FIELDS = Pattern.compile("\\G(?: ?, " + FIELD + ")*(?: ?,)? and " + FIELD
            + "(?![\\p{L}\\p{N}])");
    /** A field of the field: " of the Sea" after "Exploration". */
    private static final Pattern FIELD_OF_FIELD = Pattern.compile("\\G (?:of|for)(?: the)? " + FIELD
            + "(?![\\p{L}\\p{N}])");

    /**
     * Where an institution's name ends that goes on after its first field with more fields, all English words: "the
     * Department of Natural Resources and Mines", "Department of Natural Resources, Mines and Water", "the Council
     * for European Security and Cooperation", "the International Council for the Exploration of the Sea". A name
     * ("the Department of Justice and Apple", "the University of Oslo and Bergen"), a person or a listed company is
     * no field, and a place is none after "and"; after a field that is an institution itself, "of" goes on with
     * that institution's name.
     */
    private static int moreFields(String text, List<Entity> found, int fields, int end) {
        for (int step = 0; step < 3; step++) {
            Matcher and = AND_FIELDS.matcher(text).region(end, text.length());
            Matcher of = FIELD_OF_FIELD.matcher(text).region(end, text.length());
            boolean listed = and.lookingAt();
            Matcher more = listed ? and : !namesInstitution(text.substring(fields, end)) && of.lookingAt() ? of : null;
            if (more == null || !fieldsOnly(more.group(), found, end, more.end(), listed)) {
                return end;
            }
            end = more.end();
        }
        return end;
    }

    private static final Set<String> INSTITUTION_HEAD_WORDS = Set.of(INSTITUTION_HEADS.split("\\|"));

    /**
     * Whether the words name an institution themselves, so that an "of" after them goes on with theirs: "the
     * Accounting Principles Board of the American Institute of Certified Public Accountants" is two.
     */
    private static boolean namesInstitution(String words) {
        for (String word : words.split(" ")) {
            if (INSTITUTION_HEAD_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean fieldsOnly(String words, List<Entity> found, int start, int end, boolean noPlace) {
        for (String word : words.split("[\\s,]+")) {
            if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))
                    && (!EnglishWords.contains(word) || FUNCTION_WORDS.contains(lower(word)))) { // "and The Times"
                return false;
            }
        }
        for (Entity e : found) {
            if (e.start() < end && start < e.end() && (e.type() == EntityType.PERSON || isListedCompany(e)
                    || noPlace && e.type() == EntityType.LOCATION)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The names found, without titles of works, which NewsIntel does not type: a name the text defines as one
     * ("Darkness Death Doom is the sixth album by Runemagick", "Blue Winds Dancing is the story of ..."), wherever
     * the document uses it, and a name right after a work's noun ("the 1999 film, American Beauty", "the song
     * Gloomy Sunday"), unless it reads as a person's ("the film Tom Cruise made") or links to a listed company. A
     * name after a work's noun is dropped there only: bands give albums their own name.
     */
    static List<Entity> withoutWorks(String text, List<Entity> found) {
        Matcher definition = WORK_DEFINITION.matcher(text);
        Matcher before = WORK_BEFORE.matcher(text);
        Set<String> works = new HashSet<>();
        for (Entity e : found) {
            if (e.canonical() == null && definition.find(e.end())) {
                works.add(e.text());
            }
        }
        List<Entity> out = new ArrayList<>(found.size());
        for (Entity e : found) {
            boolean kept = isListedCompany(e)
                    || e.type() != EntityType.ORG && e.type() != EntityType.PERSON && e.type() != EntityType.LOCATION
                    || e.type() == EntityType.PERSON && readsAsPersonsName(e.text());
            if (kept || !works.contains(e.text())
                    && !before.region(Math.max(0, e.start() - 40), e.start()).find()) {
                out.add(e);
            }
        }
        return out.size() == found.size() ? found : out;
    }

    /**
     * Tidies statistical names with what their words say: a person's name does not start with a title ("Major
     * Saturnino Castro" is "Saturnino Castro") nor end in "Hotel" or "River" (an organisation, a place); a name split
     * at a middle initial ("Richard A." + "Lupoff") is one name.
     */
    static List<Entity> tidy(String text, List<Entity> found) {
        List<Entity> out = new ArrayList<>(found.size());
        for (int k = 0; k < found.size(); k++) {
            Entity e = found.get(k);
            if (e.type() == EntityType.ORG || e.type() == EntityType.LOCATION) {
                e = withoutTrailingOffice(text, e);
            }
            if (e.type() == EntityType.ORG && !isListedCompany(e) && readsAsPerson(e.text())) {
                e = new Entity(EntityType.PERSON, e.text(), e.start(), e.end(), null);
            }
            if (e.type() == EntityType.ORG && e.canonical() == null && readsAsPersonsName(e.text())) {
                e = new Entity(EntityType.PERSON, e.text(), e.start(), e.end(), null);
            }
            if ((e.type() == EntityType.ORG || e.type() == EntityType.LOCATION) && e.canonical() == null) {
                int name = nameAfterOffice(e.text(), OFFICES, true);
                if (name > 0) {
                    e = new Entity(EntityType.PERSON, e.text().substring(name), e.start() + name, e.end(), null);
                }
            }
            if (FUNDING_ROUND.matcher(e.text()).matches()) {
                continue; // "Series E funding": a round, not a name
            }
            if ((e.type() == EntityType.PERSON || e.type() == EntityType.ORG) && e.canonical() == null
                    && PLACE_BEFORE.matcher(text).region(Math.max(0, e.start() - 40), e.start()).find()
                    || e.type() == EntityType.PERSON && isPlaceBeforeItsRegion(text, e)) {
                e = new Entity(EntityType.LOCATION, e.text(), e.start(), e.end(), null);
            }
            String key = titleKey(e.text());
            if (e.type() == EntityType.PERSON && NAME_SUFFIXES.contains(key) || e.type() != EntityType.LOCATION
                    && e.canonical() == null && (LEGAL_SUFFIXES.contains(key) || DOTTED_LEGAL_FORMS.contains(key)
                            || key.equals("a/s"))) {
                continue; // "Esq.", "Ltd.", "A/S" alone: what follows a name, not one
            }
            if (e.type() == EntityType.ORG && !isListedCompany(e)) {
                Matcher country = COUNTRY_BEFORE_ORG.matcher(e.text());
                if (country.lookingAt() && isOffice(e.text().substring(country.end()))) {
                    // "U.S. Rep.", "U.S. Attorney": the country, then an office, which is no name
                    int at = e.start() + country.start(1);
                    out.add(new Entity(EntityType.LOCATION, country.group(1), at, at + country.group(1).length(),
                            null));
                    continue;
                }
                if (country.lookingAt() && typeByHead(e.text().substring(country.end())) == EntityType.ORG) {
                    // "The U.S. Federal Trade Commission": the country, then the agency
                    int at = e.start() + country.start(1);
                    out.add(new Entity(EntityType.LOCATION, country.group(1), at, at + country.group(1).length(),
                            null));
                    e = new Entity(EntityType.ORG, e.text().substring(country.end()), e.start() + country.end(),
                            e.end(), e.canonical());
                }
            }
            int possessiveName = possessiveNameEnd(text, e);
            if (possessiveName > 0) {
                out.add(new Entity(EntityType.ORG, text.substring(e.start(), possessiveName), e.start(),
                        possessiveName, null));
                continue;
            }
            int joiner = e.type() == EntityType.ORG && e.canonical() == null ? twoCompaniesJoinedAt(e.text()) : -1;
            if (joiner > 0) {
                // "BofA Securities and Mizuho Securities", "its stake in Riverbend Media to Apollo": two names
                int second = e.text().indexOf(' ', joiner + 1) + 1;
                out.add(new Entity(EntityType.ORG, e.text().substring(0, joiner), e.start(), e.start() + joiner, null));
                out.add(new Entity(EntityType.ORG, e.text().substring(second), e.start() + second, e.end(), null));
                continue;
            }
            if ((e.type() == EntityType.PERSON || e.type() == EntityType.LOCATION) && e.canonical() == null
                    && readsAsTeam(e.text())) {
                out.add(new Entity(EntityType.ORG, e.text(), e.start(), e.end(), null));
                continue;
            }
            if (e.type() == EntityType.ORG && e.canonical() == null && readsAsProduct(e.text())) {
                out.add(new Entity(EntityType.PRODUCT, e.text(), e.start(), e.end(), null));
                continue;
            }
            if (e.type() == EntityType.ORG || e.type() == EntityType.LOCATION) {
                EntityType byHead = isListedCompany(e) ? null : typeByHead(e.text());
                out.add(byHead == null || byHead == e.type() ? e
                        : new Entity(byHead, e.text(), e.start(), e.end(), byHead == EntityType.ORG ? e.canonical()
                                : null));
                continue;
            }
            if (e.type() != EntityType.PERSON) {
                out.add(e);
                continue;
            }
            int start = e.start();
            int end = e.end();
            if (end < text.length() && text.charAt(end) == '.' && endsInAnInitial(text, start, end)) {
                end++; // "Richard A" + ".": the tokenizer split the initial's full stop off
            }
            // "Alexandria Ocasio" + "-Cortez": a double-barrelled surname the tokenizer split at its hyphen
            while (k + 1 < found.size() && found.get(k + 1).start() == end && hyphenBeforeCapital(text, end)) {
                end = found.get(k + 1).end();
                k++;
            }
            if (hyphenBeforeCapital(text, end) && (k + 1 >= found.size() || found.get(k + 1).start() > end)) {
                // "Haidar Abdel" + an unclaimed "-Shafi": the rest of the surname
                int wordEnd = end + 1;
                while (wordEnd < text.length() && Character.isLetter(text.charAt(wordEnd))) {
                    wordEnd++;
                }
                if (wordEnd > end + 2 && (wordEnd == text.length() || !Character.isLetterOrDigit(text.charAt(wordEnd))
                        && text.charAt(wordEnd) != '-')) {
                    end = wordEnd;
                }
            }
            // "Richard A." + "Lupoff"; also a one-word surname read alone as a place or an unlisted organisation
            // ("Olivia C." + "Redmond")
            if (k + 1 < found.size() && (found.get(k + 1).type() == EntityType.PERSON
                    || found.get(k + 1).text().indexOf(' ') < 0 && !isListedCompany(found.get(k + 1)))
                    && text.substring(start, end).matches(".*\\b\\p{Lu}\\.") && found.get(k + 1).start() == end + 1
                    && text.charAt(end) == ' ') {
                end = found.get(k + 1).end();
                k++;
            } else if (text.substring(start, end).matches(".*\\s\\p{Lu}\\.") && end + 1 < text.length()
                    && text.charAt(end) == ' ' && Character.isUpperCase(text.charAt(end + 1))
                    && (k + 1 >= found.size() || found.get(k + 1).start() > end + 1)) {
                // "James W." + an unclaimed capitalised word: the surname after the middle initial
                int wordEnd = end + 1;
                while (wordEnd < text.length() && (Character.isLetter(text.charAt(wordEnd))
                        || text.charAt(wordEnd) == '-')) {
                    wordEnd++;
                }
                if (wordEnd > end + 2) {
                    end = wordEnd;
                }
            }
            // "Ursula" + " von der Leyen", "Mohammed" + " bin Salman", "Vincent van" + " Gogh"
            Matcher particles = end + 2 < text.length() && text.charAt(end) == ' '
                    ? (NAME_PARTICLE_AT_END.matcher(text).region(start, end).find() ? NAME_AFTER_PARTICLE
                    : PARTICLES_AND_NAME).matcher(text) : null;
            if (particles != null && particles.find(end) && particles.start() == end) {
                end = particles.end();
                while (k + 1 < found.size() && found.get(k + 1).start() < end) {
                    end = Math.max(end, found.get(k + 1).end()); // a piece of the same name, found on its own
                    k++;
                }
            }
            // leading titles
            String mention = text.substring(start, end);
            int space;
            while ((space = mention.indexOf(' ')) > 0 && LEADING_TITLES.contains(
                    titleKey(mention.substring(0, space)))) {
                start += space + 1;
                mention = text.substring(start, end);
            }
            int afterPortfolio = nameAfterOffice(mention, LEADING_TITLES, false);
            if (afterPortfolio > 0) {
                start += afterPortfolio; // "Justice Minister Pieter De Smedt"
                mention = text.substring(start, end);
            }
            if (mention.indexOf(' ') < 0 && OFFICES.contains(titleKey(mention))) {
                continue; // "Minister" alone: an office, no name
            }
            String last = lower(mention.substring(mention.lastIndexOf(' ') + 1));
            EntityType type = e.type();
            EntityRef ref = e.canonical();
            if (mention.indexOf(' ') > 0 && (NameFeatures.ORG_HEADS.contains(last) || COMPANY_HEADS.contains(last)
                    || ORG_LAST_WORDS.contains(last) || namesAnAiCompany(mention))) {
                type = EntityType.ORG;
            } else if (mention.indexOf(' ') > 0 && NameFeatures.LOC_HEADS.contains(last)) {
                type = EntityType.LOCATION;
            } else if (type == EntityType.PERSON && ref == null && madeOfWords(mention)) {
                if (OFFICES.contains(last)) {
                    continue; // "Chief Operating Officer" read as a name: an office
                }
                type = EntityType.ORG; // "Tangerine Dream", "Velvet Revolver": a band's name, not a person's
            }
            if (mention.isBlank()) {
                continue;
            }
            out.add(start == e.start() && end == e.end() && type == e.type() ? e
                    : new Entity(type, mention, start, end, ref));
        }
        return out;
    }

    /** A hyphen at {@code at} and a capital letter after it: where a double-barrelled surname goes on. */
    private static boolean hyphenBeforeCapital(String text, int at) {
        return at + 1 < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '\u2010')
                && Character.isUpperCase(text.charAt(at + 1));
    }

    /** Words just before a name that say it is a place: "the town of Coleman", "50 miles northwest of Orlando". */
    private static final Pattern PLACE_BEFORE = Pattern.compile("(?i)(?:\\b(?:town|city|village|hamlet|suburb|"
            + "county|province|state|region|district|municipality|island|port) of|\\b(?:north|south|east|"
            + "west|north-?east|north-?west|south-?east|south-?west)(?:ern)? of|\\b(?:kilometres|kilometers|km|miles|"
            + "mi) (?:\\S+ )?(?:from|of)|\\b(?:near|outside|suburbs of|outskirts of)) $");

    private static final Set<String> NAME_SUFFIXES = Set.of("esq", "jr", "sr", "phd", "md");
    private static final Pattern REGION_AFTER = Pattern.compile("\\G ?, (\\p{Lu}[\\p{L}.]*(?: \\p{Lu}[\\p{L}.]*)?)"
            + "(?=\\s*[,.;:)]|\\s+\\d|\\s+(?:and|or|in|on|at|where|which)\\b|$)");

    /**
     * A "person" the finder found right before a comma and a listed place ("Rochester, New York", "Boulder,
     * Colorado") is the town of that state or country.
     */
    private static boolean isPlaceBeforeItsRegion(String text, Entity e) {
        Matcher m = REGION_AFTER.matcher(text);
        if (!m.find(e.end())) {
            return false;
        }
        return Gazetteer.bundled().lists(m.group(1), EntityType.LOCATION);
    }

    /** Institutions named after a person: the person's name, then one of these words. */
    private static final Set<String> INSTITUTION_WORDS = Set.of("institute", "foundation", "center", "centre",
            "school", "university", "college", "museum", "hospital", "trust", "fund", "society", "library",
            "academy", "initiative");
    private static final Pattern INSTITUTION_AFTER_NAME = Pattern.compile(
            "\\G (\\p{Lu}\\p{Ll}+)(?![\\p{L}\\p{N}-])(?: (?:for|of) (?:the )?\\p{Lu}[\\p{L}\\p{N}&.'-]*(?: (?:and |& )?\\p{Lu}[\\p{L}\\p{N}&.'-]*)*)?");

    /**
     * A person's name followed by "Institute", "Foundation" and kin is an institution named after that person, and
     * its name runs on over "for ..." or "of ..." ("Emil Touma Institute for Palestinian Studies", "Allen Institute
     * for AI", "Nelson Mandela Foundation"): one organisation, where the finder saw a person and, often, a second
     * name after "for".
     */
    static List<Entity> namedForPeople(String text, List<Entity> found) {
        List<Entity> out = new ArrayList<>(found.size());
        boolean changed = false;
        for (int k = 0; k < found.size(); k++) {
            Entity e = found.get(k);
            Matcher m = e.type() == EntityType.PERSON ? INSTITUTION_AFTER_NAME.matcher(text) : null;
            if (m == null || !m.find(e.end()) || !INSTITUTION_WORDS.contains(lower(m.group(1)))) {
                out.add(e);
                continue;
            }
            int end = m.end();
            out.add(new Entity(EntityType.ORG, text.substring(e.start(), end), e.start(), end, null));
            while (k + 1 < found.size() && found.get(k + 1).start() < end) {
                k++; // a name inside the institution's ("Palestinian Studies") is part of it
            }
            changed = true;
        }
        return changed ? out : found;
    }

    /** What a definition says a name is: "Bilje is a village", "Crazyhead were an English band". */
    private static final java.util.Map<String, EntityType> DEFINING_NOUNS = definingNouns();

    private static java.util.Map<String, EntityType> definingNouns() {
        java.util.Map<String, EntityType> nouns = new java.util.HashMap<>();
        for (String w : List.of("village", "town", "city", "municipality", "hamlet", "suburb", "neighbourhood",
                "neighborhood", "barrio", "commune", "borough", "township", "settlement", "river", "lake", "island",
                "mountain", "country", "capital", "province", "county", "state", "region", "parish", "district",
                "airport", "station", "railway station", "prison", "cave", "stadium", "castle", "bridge")) {
            nouns.put(w, EntityType.LOCATION);
        }
        for (String w : List.of("company", "corporation", "firm", "manufacturer", "maker", "retailer", "airline",
                "bank", "lender", "insurer", "startup", "start-up", "conglomerate", "subsidiary", "band",
                "duo", "trio", "club", "team", "charity", "organisation", "organization", "party", "newspaper",
                "magazine", "label", "publisher", "broadcaster", "agency", "foundation", "university", "college",
                "orchestra", "choir", "league", "association", "federation", "radio station", "television station",
                "television network", "radio network", "restaurant", "chain", "school", "school district",
                "institute", "denomination", "regiment", "brigade", "legislature")) {
            nouns.put(w, EntityType.ORG);
        }
        for (String w : List.of("singer", "actor", "actress", "politician", "footballer", "cricketer", "painter",
                "composer", "musician", "rapper", "poet", "novelist", "writer", "journalist", "businessman",
                "businesswoman", "entrepreneur", "economist", "lawyer", "scientist", "physicist", "chemist",
                "mathematician", "philosopher", "historian", "architect", "sculptor", "photographer", "songwriter",
                "guitarist", "drummer", "pianist", "athlete", "swimmer", "boxer", "wrestler", "cyclist", "pitcher",
                "founder", "co-founder", "daughter", "son", "wife", "husband", "author", "activist", "inventor",
                "engineer")) {
            nouns.put(w, EntityType.PERSON);
        }
        return java.util.Map.copyOf(nouns);
    }

    /**
     * A copula or an apposition and what follows a name: an aside in brackets ("Alexander Gradsky (born 1949) is"),
     * then "is", "was", "are" or "were", or a comma ("Kraken Ocean, a Norwegian start-up,"), an article and up to
     * four describing words that are no preposition or connective, then one of the defining nouns, where the noun
     * phrase ends ("a village and ...", "a band from ...", not "a company director").
     */
    private static final Pattern DEFINITION = definition(DEFINING_NOUNS.keySet());

    /** Titles of works, which NewsIntel does not type: "Darkness Death Doom is the sixth album by Runemagick". */
    private static final Set<String> WORK_NOUNS = Set.of("album", "albums", "song", "single", "film", "movie",
            "novel", "book", "poem", "opera", "musical", "painting", "documentary", "sitcom", "soundtrack", "mixtape",
            "story", "short story", "play", "video game", "television series", "tv series");
    private static final Pattern WORK_DEFINITION = definition(WORK_NOUNS);
    /**
     * A work's noun just before a name: "the 1999 film, American Beauty", "the song Gloomy Sunday". Not the nouns
     * that are verbs or adjectives too ("Ottawa play Glasgow Stags", "book Delta flights", "a single Google search").
     */
    private static final Pattern WORK_BEFORE = Pattern.compile("\\b(?:" + String.join("|", WORK_NOUNS.stream()
            .filter(noun -> !Set.of("play", "book", "single", "story", "painting").contains(noun)).toList())
            + ")\\s*[,:]?\\s*[\"\u201c]?\\s*$");

    private static Pattern definition(java.util.Collection<String> nouns) {
        return Pattern.compile("\\G(?:(?:\\s*\\([^()]{0,200}\\))?\\s+(?:is|was|are|were)"
                + "|\\s*,) (?:a|an|the) (?:(?!(?:of|in|on|at|for|from|with|by|that|which|who|whose|to|and|or|but)\\b)"
                + "[\\p{L}\\p{N}-]+ ){0,4}?(" + String.join("|", nouns.stream()
                        .sorted(Comparator.comparingInt(String::length).reversed()).toList()) + ")"
                + "(?=\\s*(?:[,.;:()]|$)|\\s+(?:of|in|on|at|for|from|with|by|that|which|who|whose|and|or|based|founded"
                + "|formed|located|headquartered|known|near|since|owned|operated|listed|led|established|created"
                + "|situated|active)\\b)");
    }

    /**
     * What only an organisation is or has after its name: "Caloi was founded in 1898", "... is headquartered in",
     * "Caloi's US subsidiary", "Acme's chief executive".
     */
    private static final Pattern ORGANISATION_CUE = Pattern.compile("(?:\\s+(?:was|is|were|had been|has been)"
            + "\\s+(?:co-)?(?:founded|established|incorporated|headquartered)\\b|\\s*['\u2019]s\\s+(?:\\p{L}+\\s+)?"
            + "(?:subsidiary|subsidiaries|headquarters|shareholders|stockholders|chief executive|CEO|board of "
            + "directors)\\b)");

    /**
     * A name the text defines ("Bilje is a village and municipality", "Crazyhead were an English band", "Liberace
     * was an American pianist", "Kraken Ocean, a Norwegian start-up,") or says what only an organisation is or has
     * ("Caloi was founded in 1898") is that, wherever the document uses it: a definition outweighs the finder's
     * reading of the name alone. Linked names keep their type (the lists and their rules decide them), and so do
     * single English words, which agreements capitalise as defined terms ("the Borrower is a corporation"). It runs
     * before and after the document's names spread to their other mentions, so that a definition also holds where a
     * person's surname would otherwise spread ("Luigi Caloi" ... "Caloi was founded").
     */
    static List<Entity> definedAs(String text, List<Entity> found) {
        java.util.Map<String, EntityType> defined = new java.util.HashMap<>();
        Matcher definition = DEFINITION.matcher(text);
        Matcher organisationCue = ORGANISATION_CUE.matcher(text);
        for (Entity e : found) {
            if (e.canonical() != null || e.type() == EntityType.AI_MODEL || e.type() == EntityType.PRODUCT
                    || e.text().indexOf(' ') < 0 && EnglishWords.contains(e.text())) {
                continue; // a capitalised word ("Borrower is a Delaware corporation") is a defined term, no name
            }
            EntityType type = definition.find(e.end()) ? DEFINING_NOUNS.get(definition.group(1))
                    : organisationCue.region(e.end(), text.length()).lookingAt() ? EntityType.ORG
                    : null;
            if (type != null) {
                defined.merge(e.text(), type, (a, b) -> a == b ? a : null);
            }
        }
        defined.values().removeIf(java.util.Objects::isNull);
        if (defined.isEmpty()) {
            return found;
        }
        List<Entity> out = new ArrayList<>(found.size());
        boolean changed = false;
        for (Entity e : found) {
            EntityType type = e.canonical() == null ? defined.get(e.text()) : null;
            changed |= type != null && type != e.type();
            out.add(type == null || type == e.type() ? e : new Entity(type, e.text(), e.start(), e.end(), null));
        }
        return changed ? out : found;
    }

    /** Small words a name may hold between its capitalised words: "30 Seconds to Mars", "League of Rights". */
    private static final Set<String> NAME_JOINERS = Set.of("of", "the", "and", "for", "to", "in", "on", "de", "del",
            "della", "du", "des", "la", "le", "van", "von", "der", "den", "da", "di", "y", "&", "-", ".");

    /** Another name in brackets after a defined name: "(or Thirty Seconds to Mars)", "(Cyrillic: Ервеник)". */
    private static final Pattern OTHER_NAME = Pattern.compile("\\s*\\(\\s*(?:or|also|aka|formerly|[\\p{L} ]{2,30}\\s*:)"
            + "\\s+([^():;,]{2,80}?)\\s*\\)");

    /**
     * A sentence that opens with a name and defines it ("30 Seconds to Mars (or Thirty Seconds to Mars) is an
     * alternative rock band", "Ervenik (Serbian Cyrillic: ...) is a village", "Oleg Mikhaylovich Gazmanov is a
     * Russian singer") names what it defines, even where neither the lists nor the finder found the name or found
     * only part of it: reference works and profiles open that way, and the rest of the document then uses the name
     * (it spreads to its other mentions like any other). The name is the run of capitalised words, numbers and the
     * small words between them that starts the sentence (without the sentence's "The"), up to the copula or an aside
     * in brackets, and another name given in that aside ("or ...", "Cyrillic: ...") is the same. A single English
     * word is no such name ("Borrower is a Delaware corporation" defines a term), and a listed name, or a name that
     * reaches beyond the run, is left to the lists and their rules.
     */
    static List<Entity> definedSubjects(String text, List<List<NameTokens.NameToken>> sentenceTokens,
                                        List<Entity> found) {
        Matcher definition = DEFINITION.matcher(text);
        Matcher aside = OTHER_NAME.matcher(text);
        List<Entity> out = null;
        for (List<NameTokens.NameToken> tokens : sentenceTokens) {
            int first = !tokens.isEmpty() && tokens.get(0).text().equals("The") ? 1 : 0;
            int end = first;
            int lastName = -1;
            while (end < tokens.size() && end - first < 10) {
                NameTokens.NameToken t = tokens.get(end);
                boolean possessive = t.text().equals("s") && end > first && tokens.get(end - 1).text().equals("'")
                        && !t.spaceBefore();
                if (t.isAlnum() && t.isCapitalized() || possessive) {
                    lastName = end;
                } else if (end == first || !(NAME_JOINERS.contains(t.text()) || t.text().equals("'"))) {
                    break;
                }
                end++;
            }
            if (lastName < first) {
                continue;
            }
            NameTokens.NameToken head = tokens.get(first);
            int start = head.start();
            int stop = tokens.get(lastName).end();
            String name = text.substring(start, stop);
            if (FUNCTION_WORDS.contains(lower(head.text())) || NOT_NAME_WORDS.contains(lower(head.text()))
                    || PERSON_TITLES.contains(lower(head.text())) || isPeopleOrCreed(name)
                    || lastName == first && EnglishWords.contains(lower(name))
                    || !definition.find(stop)) {
                continue;
            }
            EntityType type = DEFINING_NOUNS.get(definition.group(1));
            List<Entity> current = out == null ? found : out;
            // a name of the same extent is definedAs's to retype
            List<Entity> parts = partsInside(current, start, stop, e -> e.canonical() != null);
            if (parts == null) {
                continue;
            }
            List<Entity> named = new ArrayList<>(2);
            named.add(new Entity(type, name, start, stop, null));
            // the aside lies after the name, so only names beyond it can overlap it
            if (aside.region(stop, text.length()).lookingAt() && Character.isLetter(aside.group(1).charAt(0))
                    && !Character.isLowerCase(aside.group(1).charAt(0))
                    && !overlapsAny(current, aside.start(1), aside.end(1))) {
                named.add(new Entity(type, aside.group(1), aside.start(1), aside.end(1), null));
            }
            out = replaced(current, parts, named);
        }
        return out == null ? found : out;
    }

    /** Last words that make a name an organisation whatever else it holds: "Montreal Hockey Club". */
    private static final Set<String> ORG_LAST_WORDS = Set.of("club", "association", "party", "authority",
            "university", "college", "institute", "school", "academy", "council", "committee", "commission",
            "agency", "department", "ministry", "federation", "league", "team", "band", "orchestra", "records",
            "airlines", "airways", "corporation", "company", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "limited",
            "llc", "plc", "gmbh", "radio", "hotel", "foundation", "society", "bank", "brigade", "regiment",
            "battalion", "squadron", "corps", "choir", "ensemble", "publishing", "broadcasting", "police", "army",
            "navy", "museum", "group", "holdings", "partners", "ventures", "labs", "studios", "magazine", "newspaper",
            "center", "centre", "mall", "pbc", "llp", "lp", "ag", "nv", "n.v.", "bv", "b.v.", "s.a.", "s.p.a.",
            "oyj", "associates", "consultants", "consultancy", "design");
    /** Last words that make a name a place: "Niger River", "Chittoor District". */
    private static final Set<String> LOCATION_LAST_WORDS = Set.of("river", "lake", "mountain", "mountains",
            "island", "islands", "county", "province", "street", "avenue", "road", "valley", "bay", "sea", "ocean",
            "desert", "peninsula", "district", "region", "coast", "gulf", "strait", "canyon", "creek", "harbour",
            "harbor", "square", "hills", "falls", "beach", "forest", "township", "parish", "prefecture", "oblast",
            "plateau", "ave", "boulevard", "blvd", "highway", "stadium", "arena", "oval");
    /** Districts that are bodies, not areas: "Dover Area School District", "Metropolitan Water District". */
    private static final Set<String> DISTRICT_BODIES = Set.of("school", "water", "fire", "sanitation", "utility",
            "utilities", "irrigation", "transit", "library", "hospital", "park", "parks", "sewer", "conservation");
    /** First words that make a name an organisation when "of" or "for" follows: "University of London". */
    private static final Set<String> ORG_FIRST_WORDS = Set.of("university", "ministry", "department", "bank",
            "museum", "institute", "college", "academy", "school", "society", "association", "federation", "league",
            "council", "committee", "commission", "office", "bureau", "board", "church", "order", "house", "court");
    /** First words of places: "Lake Chad", "Mount Kenya". */
    private static final Set<String> LOCATION_FIRST_WORDS = Set.of("lake", "mount", "mt", "river", "isle", "cape",
            "gulf", "strait", "sea");

    /**
     * The type a name's head words give it, or null when they say nothing: an organisation ends in "Club" or
     * "Ministry" or starts "University of"; a place ends in "River" or "County" or starts "Lake" or "Mount".
     * Only names of several words: "Club" alone is no name.
     */
    static EntityType typeByHead(String mention) {
        String[] words = mention.split(" ");
        if (words.length < 2) {
            return null;
        }
        String last = lower(words[words.length - 1]);
        String first = lower(words[0]);
        if (ORG_LAST_WORDS.contains(last) || namesAnAiCompany(mention)
                || last.equals("district") && DISTRICT_BODIES.contains(lower(words[words.length - 2]))) {
            return EntityType.ORG;
        }
        if (LOCATION_LAST_WORDS.contains(last)) {
            return EntityType.LOCATION;
        }
        if (words.length >= 3 && (words[1].equals("of") || words[1].equals("for")) && ORG_FIRST_WORDS.contains(first)) {
            return EntityType.ORG;
        }
        if (LOCATION_FIRST_WORDS.contains(first.replace(".", ""))) {
            return EntityType.LOCATION;
        }
        return null;
    }

    /**
     * One name, one type per document: a person's surname alone later on ("Huang said") is that person, and a name
     * found once (by any source) is the same kind of name where it recurs and nothing else claimed it.
     */
    private List<Entity> propagate(String text, List<Entity> found) {
        found = companyShortNamesAreCompanies(found);
        java.util.Map<String, EntityType> names = new java.util.HashMap<>();
        java.util.Map<String, EntityRef> refs = new java.util.HashMap<>();
        Set<String> conflicting = new HashSet<>();
        for (Entity e : found) {
            if (e.type() != EntityType.PERSON && !((e.canonical() == null || e.canonical().cik() == null
                    && gazetteer.longest(NameTokens.tokenize(e.text()), 0) == null)
                    && (e.type() == EntityType.ORG || e.type() == EntityType.LOCATION))) {
                continue; // listed names are matched everywhere already, with their context rules
            }
            List<String> keys = new ArrayList<>(2);
            int space = e.text().lastIndexOf(' ');
            if (e.type() == EntityType.PERSON) {
                // only names that read as a person's: a given name first ("Alexander Gradsky" → "Gradsky"), or
                // words that are all names and no English words ("Dewa Budjana" → "Budjana")
                int first = e.text().indexOf(' ');
                if (space < 0 || space - first > 12 || !firstNames.contains(e.text().substring(0, first))
                        && !allNameWords(e.text())) {
                    continue;
                }
                keys.add(e.text());
                keys.add(e.text().substring(space + 1));
            } else if (space > 0) {
                keys.add(e.text()); // several words: a name, not a capitalised common word
                String shortName = e.type() == EntityType.ORG ? shortNameOf(e.text()) : null;
                if (shortName != null) {
                    keys.add(shortName);
                }
                String acronym = acronymAfter(text, e);
                if (acronym != null) {
                    keys.add(acronym); // "West Australian Football League ( WAFL )": WAFL is the league
                }
            }
            for (String key : keys) {
                if (key.length() < 3 || !Character.isUpperCase(key.charAt(0))
                        && !(Character.isDigit(key.charAt(0)) && key.indexOf(' ') > 0) // "30 Seconds to Mars"
                        || NOT_NAME_WORDS.contains(lower(key))
                        || PERSON_TITLES.contains(lower(key))) {
                    continue;
                }
                EntityType previous = names.putIfAbsent(key, e.type());
                if (previous != null && previous != e.type()) {
                    conflicting.add(key);
                }
                if (e.canonical() != null) {
                    refs.putIfAbsent(key, e.canonical());
                }
            }
        }
        names.keySet().removeAll(conflicting);
        if (names.isEmpty()) {
            return found;
        }
        found = surnamesArePersons(found, names);
        List<Entity> added = new ArrayList<>();
        for (java.util.Map.Entry<String, EntityType> n : names.entrySet()) {
            String key = n.getKey();
            int at = text.indexOf(key);
            while (at >= 0) {
                int end = at + key.length();
                boolean bounded = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))
                        && text.charAt(at - 1) != '@')
                        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
                if (bounded && !capitalisedWordAround(text, at, end) && !overlapsAny(added, at, end)) {
                    if (key.indexOf(' ') > 0) {
                        found = withoutPartsOf(found, at, end); // "Venus" read alone inside "42 Lanterns to Venus"
                    }
                    if (!overlapsAny(found, at, end)) {
                        added.add(new Entity(n.getValue(), key, at, end,
                                n.getValue() == EntityType.PERSON ? null : refs.get(key)));
                    }
                }
                at = text.indexOf(key, end);
            }
        }
        if (added.isEmpty()) {
            return found;
        }
        List<Entity> all = new ArrayList<>(found.size() + added.size());
        all.addAll(found);
        all.addAll(added);
        all.sort(Comparator.comparingInt(Entity::start));
        return all;
    }

    /**
     * An unlisted company's name without its legal form and descriptors, where two words or more remain, is that
     * company wherever the document uses it: "Chesapeake Harbor Bancorp, Inc." ... "Chesapeake Harbor will merge",
     * "Prescott Lane LLP" ... "Prescott Lane furnished a letter", where the finder had read a place or a person.
     */
    private List<Entity> companyShortNamesAreCompanies(List<Entity> found) {
        Set<String> shortNames = new HashSet<>();
        for (Entity e : found) {
            if (e.type() == EntityType.ORG && !isListedCompany(e)) {
                String shortName = multiWordShortNameOf(e.text());
                if (shortName != null) {
                    shortNames.add(lower(shortName)); // "CHESAPEAKE HARBOR BANCORP" on a cover page
                }
            }
        }
        if (shortNames.isEmpty()) {
            return found;
        }
        List<Entity> out = new ArrayList<>(found.size());
        for (Entity e : found) {
            boolean misread = (e.type() == EntityType.PERSON || e.type() == EntityType.LOCATION)
                    && e.canonical() == null && shortNames.contains(lower(e.text()));
            out.add(misread ? new Entity(EntityType.ORG, e.text(), e.start(), e.end(), null) : e);
        }
        return out;
    }

    /** "Chesapeake Harbor Bancorp, Inc." → "Chesapeake Harbor"; null unless two capitalised words or more remain. */
    String multiWordShortNameOf(String name) {
        String[] words = name.split(" ");
        int n = words.length;
        while (n > 0 && (words[n - 1].equals(",") || LEGAL_FORMS.contains(titleKey(strip(words[n - 1])))
                || DROPPED_DESCRIPTORS.contains(titleKey(strip(words[n - 1]))))) {
            n--;
        }
        if (n < 2 || n == words.length) {
            return null;
        }
        for (int k = 0; k < n; k++) {
            if (!Character.isUpperCase(words[k].charAt(0)) || words[k].endsWith(",")) {
                return null;
            }
        }
        String shortName = String.join(" ", java.util.Arrays.copyOf(words, n));
        List<NameTokens.NameToken> tokens = NameTokens.tokenize(shortName);
        TokenTrie.Match<Gazetteer.Entry> listed = gazetteer.longest(tokens, 0);
        return listed != null && listed.length() == tokens.size() ? null : shortName; // "New York Holdings"
    }

    private static String strip(String word) {
        return word.endsWith(",") ? word.substring(0, word.length() - 1) : word;
    }

    /**
     * Where an organisation's name read as one is two, joined by " and " or " to ", or -1: the first of two words or
     * more ending in a company's head word or legal form ("BofA Securities", "Veldhuis Process Automation B.V."), with
     * no "of" in it ("Ministry of Energy and Energy Industries" is one name); after "and" another such name, after
     * "to" any name ("Riverbend Media to Apollo": no company is called that).
     */
    static int twoCompaniesJoinedAt(String mention) {
        for (String joiner : List.of(" and ", " to ")) {
            int at = mention.indexOf(joiner);
            if (at < 0 || mention.indexOf(joiner, at + 1) >= 0) {
                continue;
            }
            String first = mention.substring(0, at);
            String second = mention.substring(at + joiner.length());
            if (first.indexOf(' ') < 0 || first.contains(" of ") || !endsInCompanyHead(first)
                    || second.isEmpty() || !Character.isUpperCase(second.charAt(0))
                    || joiner.equals(" and ") && (second.indexOf(' ') < 0 || !endsInCompanyHead(second))) {
                continue;
            }
            return at;
        }
        return -1;
    }

    /**
     * An organisation's name without the office words that end it where a name follows: "OpenAI Chief" before
     * "Executive Lena Marsh" is OpenAI, and "Chief Executive Lena Marsh" the person after it.
     */
    static Entity withoutTrailingOffice(String text, Entity e) {
        if (e.end() + 1 >= text.length() || text.charAt(e.end()) != ' '
                || !Character.isUpperCase(text.charAt(e.end() + 1))) {
            return e;
        }
        String mention = e.text();
        int end = mention.length();
        int space;
        while ((space = mention.lastIndexOf(' ', end - 1)) > 0 && OFFICES.contains(titleKey(mention.substring(
                space + 1, end)))) {
            end = space;
        }
        return end == mention.length() ? e : new Entity(e.type(), mention.substring(0, end), e.start(),
                e.start() + end, e.canonical());
    }

    /** "Reka AI", "Moonshot AI": a name, ending in "AI", that no adjective before it makes a kind of AI. */
    private static boolean namesAnAiCompany(String mention) {
        String[] words = mention.split(" ");
        return words.length >= 2 && words[words.length - 1].equals("AI")
                && !AI_ADJECTIVE.matcher(lower(words[words.length - 2])).matches();
    }

    private static boolean endsInCompanyHead(String name) {
        String last = titleKey(strip(name.substring(name.lastIndexOf(' ') + 1)));
        return LEGAL_FORMS.contains(last) || COMPANY_HEADS.contains(last) || ORG_LAST_WORDS.contains(last)
                || NameFeatures.ORG_HEADS.contains(last) || DROPPED_DESCRIPTORS.contains(last);
    }

    /**
     * A listed place and one capitalised plural is a team, an organisation: "Rochester Jeffersons", "Chicago
     * Blackhawks", "Buffalo Bisons", where the finder read a place or a person. Not plurals that name places or events
     * ("Palm Springs", "Florida Keys", "Tokyo Olympics").
     */
    static boolean readsAsTeam(String mention) {
        int space = mention.lastIndexOf(' ');
        if (space < 0) {
            return false;
        }
        String last = mention.substring(space + 1);
        if (!TEAM_NAME.matcher(last).matches() || NOT_TEAMS.contains(lower(last))
                || NameFeatures.LOC_HEADS.contains(lower(last))) {
            return false;
        }
        return Gazetteer.bundled().lists(mention.substring(0, space), EntityType.LOCATION);
    }

    private static final Pattern TEAM_NAME = Pattern.compile("\\p{Lu}\\p{Ll}+[^s]s");
    private static final Set<String> NOT_TEAMS = Set.of("springs", "heights", "falls", "hills", "islands", "isles",
            "keys", "lakes", "plains", "woods", "gardens", "meadows", "rapids", "shoals", "sands", "downs", "flats",
            "highlands", "lowlands", "mountains", "rocks", "narrows", "olympics", "games", "championships", "series",
            "awards", "talks", "accords", "protests", "elections", "riots", "floods", "wars", "times", "news",
            "airlines", "airways", "motors", "industries", "systems", "holdings", "partners", "instruments",
            "communications", "networks", "studios", "labs", "ventures", "records", "securities", "brothers");

    /** Legal forms at the end of a company's name, as {@link #titleKey} gives them. */
    private static final Set<String> LEGAL_FORMS = Set.of("inc", "corp", "corporation", "co", "ltd", "limited", "llc",
            "llp", "lp", "plc", "pbc", "ag", "nv", "bv", "sa", "spa", "gmbh", "oyj", "se", "incorporated");

    private static final Pattern DEMONYM = Pattern.compile(".*(?:an|ish|ese|ic|i)");
    private static final Pattern ACRONYM_WORD = Pattern.compile("\\p{Lu}{2,5}");

    /**
     * The short name a news story uses after the full one: the first word of an unlisted company name of two or three
     * words that ends in a descriptor ("Merlion Digital", "Quarry Data Systems"), or null. Not a given name ("Morgan
     * Capital"), a demonym ("American Software"), a listed name or a short word, which stand for other things alone;
     * an acronym is a short name ("CSX Transportation" is "CSX"), unless it is a common one or a currency's code.
     */
    String shortNameOf(String name) {
        String[] words = name.split(" ");
        if (words.length < 2 || words.length > 3 || !DROPPED_DESCRIPTORS.contains(lower(words[words.length - 1]))) {
            return null;
        }
        String first = words[0];
        boolean acronym = ACRONYM_WORD.matcher(first).matches() && !COMMON_ACRONYMS.contains(first)
                && !CURRENCY_CODES.contains(first) && !EnglishWords.contains(first); // "CSX Transportation"
        if (!acronym && (first.length() < 4 || !NAME_WORD.matcher(first).matches())
                || NOT_NAME_WORDS.contains(lower(first))
                || firstNames.contains(first) || DEMONYM.matcher(lower(first)).matches()
                || gazetteer.longest(NameTokens.tokenize(first), 0) != null
                || words.length == 3 && !DROPPED_DESCRIPTORS.contains(lower(words[1]))) {
            return null;
        }
        return first;
    }

    /** Whether the name from {@code start} to {@code end} ends in a capital letter standing alone ("Richard A"). */
    private static boolean endsInAnInitial(String text, int start, int end) {
        return end - start >= 2 && Character.getType(text.charAt(end - 1)) == Character.UPPERCASE_LETTER
                && " \t\n\u000B\f\r".indexOf(text.charAt(end - 2)) >= 0;
    }

    /** A name linked to a company on the SEC list (it has a CIK): its type and link are not second-guessed. */
    private static boolean isListedCompany(Entity e) {
        return e.canonical() != null && e.canonical().cik() != null;
    }

    /**
     * A single word read as an organisation or a place that is the surname of a person the document names in full
     * ("Manuel Belgrano ... Belgrano's encampment") is that person: one name, one type per document. Listed companies
     * keep their type ("Michael Dell ... Dell said"), and so does a word that also stands in a longer name of a place
     * or an organisation in the document ("Circuit Park Zandvoort ... the town of Zandvoort", where the finder had
     * read "Park Zandvoort" as a person).
     */
    private static List<Entity> surnamesArePersons(List<Entity> found, java.util.Map<String, EntityType> names) {
        Set<String> inPlaceOrOrgNames = new HashSet<>();
        for (Entity e : found) {
            if ((e.type() == EntityType.ORG || e.type() == EntityType.LOCATION) && e.text().indexOf(' ') > 0) {
                inPlaceOrOrgNames.addAll(List.of(e.text().split(" ")));
            }
        }
        List<Entity> out = null;
        for (int i = 0; i < found.size(); i++) {
            Entity e = found.get(i);
            if ((e.type() == EntityType.ORG
                    || e.type() == EntityType.LOCATION && !inPlaceOrOrgNames.contains(e.text()))
                    && e.text().indexOf(' ') < 0 && !isListedCompany(e)
                    && names.get(e.text()) == EntityType.PERSON) {
                if (out == null) {
                    out = new ArrayList<>(found);
                }
                out.set(i, new Entity(EntityType.PERSON, e.text(), e.start(), e.end(), null));
            }
        }
        return out == null ? found : out;
    }

    private static final Pattern PARENTHESISED_ACRONYM = Pattern.compile("\\G\\s*\\(\\s*(\\p{Lu}[\\p{Lu}&]{1,7})\\s*\\)");

    /**
     * The acronym given in parentheses right after a name, when it is made of the initials of the name's capitalised
     * words ("Football Association of Wales ( FAW )"), else null.
     */
    static String acronymAfter(String text, Entity e) {
        Matcher m = PARENTHESISED_ACRONYM.matcher(text);
        if (!m.find(e.end())) {
            return null;
        }
        String acronym = m.group(1).replace("&", "");
        StringBuilder initials = new StringBuilder();
        for (String word : e.text().split("[ -]")) {
            if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
                initials.append(word.charAt(0));
            }
        }
        return initials.toString().equals(acronym) ? m.group(1) : null;
    }

    /** "Smith Barney", "Mr Smith": the word right before or after is capitalised, so this is part of another name. */
    private static boolean capitalisedWordAround(String text, int start, int end) {
        if (end + 1 < text.length() && text.charAt(end) == ' ' && Character.isUpperCase(text.charAt(end + 1))) {
            return true;
        }
        if (start >= 2 && text.charAt(start - 1) == ' ') {
            int k = start - 2;
            while (k >= 0 && Character.isLetter(text.charAt(k))) {
                k--;
            }
            return k + 1 < start - 1 && Character.isUpperCase(text.charAt(k + 1))
                    && !(k < 0 || text.charAt(k) == '\n' || k >= 1 && text.charAt(k) == ' ' && ".!?".indexOf(
                    text.charAt(k - 1)) >= 0);
        }
        return false;
    }

    /** Two or three words in name case, none an English word or a head word: "Dewa Budjana", not "Perth Glory". */
    /**
     * Whether a name is two or three capitalised English words, none a given name ("Tangerine Dream", "Black
     * Pepper"): in the annotated corpora such names are organisations, places or titles, almost never people.
     */
    private static boolean madeOfWords(String mention) {
        return twoOrThreeNameWords(mention, word -> word.indexOf('-') < 0 && word.indexOf('\'') < 0
                && EnglishWords.contains(word) && !NameFeatures.Lexicon.bundled().firstNames.contains(word));
    }

    /** Whether a mention is two or three capitalised words ({@link #NAME_WORD}), each of them {@code such}. */
    private static boolean twoOrThreeNameWords(String mention, java.util.function.Predicate<String> such) {
        String[] words = mention.split(" ");
        if (words.length < 2 || words.length > 3) {
            return false;
        }
        for (String word : words) {
            if (!NAME_WORD.matcher(word).matches() || !such.test(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allNameWords(String mention) {
        return twoOrThreeNameWords(mention, word -> !EnglishWords.contains(word) && !isHeadWord(word));
    }

    /**
     * The entities without those that lie inside {@code start..end}, a longer name of the document, where that
     * is all that overlaps it and none of them is a linked company.
     */
    /** The entities without {@code removed} and with {@code added}, in text order; the same list if neither has any. */
    private static List<Entity> replaced(List<Entity> entities, List<Entity> removed, List<Entity> added) {
        if (removed.isEmpty() && added.isEmpty()) {
            return entities;
        }
        List<Entity> out = new ArrayList<>(entities);
        out.removeAll(removed);
        out.addAll(added);
        out.sort(Comparator.comparingInt(Entity::start));
        return out;
    }

    private static List<Entity> withoutPartsOf(List<Entity> entities, int start, int end) {
        List<Entity> parts = partsInside(entities, start, end,
                EntityRecognizer::isListedCompany);
        if (parts == null || parts.isEmpty()) {
            return entities;
        }
        List<Entity> out = new ArrayList<>(entities);
        out.removeAll(parts);
        return out;
    }

    /**
     * The entities that overlap {@code start..end}, or null where one of them may not give way to a name there:
     * it reaches beyond it, it has the same extent, or {@code stays} says so (a linked name).
     */
    private static List<Entity> partsInside(List<Entity> entities, int start, int end,
                                            java.util.function.Predicate<Entity> stays) {
        List<Entity> parts = new ArrayList<>();
        for (Entity e : entities) {
            if (e.start() < end && start < e.end()) {
                if (e.start() < start || e.end() > end || e.end() - e.start() == end - start || stays.test(e)) {
                    return null;
                }
                parts.add(e);
            }
        }
        return parts;
    }

    private static boolean overlapsAny(List<Entity> entities, int start, int end) {
        for (Entity e : entities) {
            if (e.start() < end && start < e.end()) {
                return true;
            }
        }
        return false;
    }

    /** A capitalised word after the first, outside every mention found so far: a name no list or rule knows. */
    private static boolean hasUnexplainedCapital(Sentence sentence, List<Candidate> found) {
        List<dev.newsintel.enrich.nlp.Token> tokens = sentence.tokens();
        for (int i = 1; i < tokens.size(); i++) {
            dev.newsintel.enrich.nlp.Token t = tokens.get(i);
            if (!NameFinder.nameLike(t.text())) {
                continue;
            }
            boolean covered = false;
            for (Candidate c : found) {
                if (c.start() <= t.start() && t.end() <= c.end()) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                return true;
            }
        }
        return false;
    }

    /** Links a name the statistical finder found: an ORG whose text is a known company name. */
    private EntityRef link(EntityType type, String mention) {
        if (type != EntityType.ORG) {
            return null;
        }
        String m = mention.endsWith("'s") || mention.endsWith("\u2019s") ? mention.substring(0, mention.length() - 2)
                : mention;
        List<CompanyDirectory.Alias> aliases = companies.lookup(m);
        if (!aliases.isEmpty()) {
            return CompanyDirectory.best(aliases).company().ref();
        }
        return null;
    }

    private void tickers(String text, List<Candidate> out, Set<String> supported) {
        for (Pattern p : List.of(DOLLAR_TICKER, EXCHANGE_TICKER)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                Company c = companies.byTicker(m.group(1));
                if (c != null) {
                    out.add(new Candidate(EntityType.ORG, m.start(1), m.end(1), c.ref(), false, 0));
                    supported.add(c.ref().id());
                }
            }
        }
    }

    /** Upper-case tickers outside ticker contexts: "(NVDA)" after the name, or where the company is named. */
    private void bareTickers(String text, AnalyzedText analyzed, List<Candidate> out, Set<String> supported) {
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}$:])([A-Z]{2,5})(?![\\p{L}\\p{N}])").matcher(text);
        while (m.find()) {
            Company c = companies.byTicker(m.group(1));
            if (c == null) {
                continue;
            }
            int s = m.start(1);
            boolean taken = out.stream().anyMatch(x -> x.start() <= s && s < x.end());
            if (taken) {
                continue;
            }
            boolean parenthesised = s > 0 && text.charAt(s - 1) == '(' && m.end(1) < text.length()
                    && text.charAt(m.end(1)) == ')';
            if (supported.contains(c.ref().id()) || parenthesised && hasCompanyBefore(out, c, s)) {
                out.add(new Candidate(EntityType.ORG, s, m.end(1), c.ref(), false, 1));
            }
        }
    }

    private static boolean hasCompanyBefore(List<Candidate> out, Company c, int offset) {
        for (Candidate x : out) {
            if (x.ref() != null && c.ref().id().equals(x.ref().id()) && x.end() <= offset && offset - x.end() < 40) {
                return true;
            }
        }
        return false;
    }

    /** Words before a social platform's name written as a word: "on twitter", "via twitter", "my twitter". */
    private static final Set<String> PLATFORM_BEFORE = Set.of("on", "via", "off", "from", "to", "in", "my", "your",
            "his", "her", "our", "their", "the", "join", "joined", "follow", "using");

    /** A social platform on the lists whose name is also a word, after a word that says it is the platform. */
    private boolean isPlatform(List<NameTokens.NameToken> tokens, int at) {
        if (!gazetteer.isPlatformName(tokens.get(at).key())) {
            return false;
        }
        NameTokens.NameToken prev = previousWord(tokens, at);
        return prev != null && PLATFORM_BEFORE.contains(prev.key());
    }

    /**
     * A listed organisation's or a well-known company's one-word name written in lower case, as posts write them ("on
     * facebook", "netflix and chill"): four letters or more, no English word in lower case ("target", "apple" are
     * words) unless the lists mark it a social platform ("on twitter"), not part of a web address, a handle or a
     * hashtag ("facebook.com", "@netflix", "#skype").
     */
    private void lowerCaseBrands(String text, List<NameTokens.NameToken> tokens, List<Candidate> out) {
        for (int i = 0; i < tokens.size(); i++) {
            NameTokens.NameToken t = tokens.get(i);
            if (!t.isLower() || t.text().length() < 4 || !t.text().chars().allMatch(Character::isLowerCase)
                    || EnglishWords.contains(t.text()) && !isPlatform(tokens, i)) {
                continue;
            }
            if (insideAddress(text, t)) {
                continue;
            }
            List<NameTokens.NameToken> one = List.of(t);
            TokenTrie.Match<CompanyDirectory.Alias> company = companies.longestName(one, 0);
            TokenTrie.Match<Gazetteer.Entry> listed = gazetteer.longest(one, 0);
            EntityRef ref = null;
            if (company != null) {
                // only companies people write about that way, not "inhibitor" of Inhibitor Therapeutics
                CompanyDirectory.Alias alias = CompanyDirectory.best(company.values());
                ref = alias.tokens() == 1 && (alias.curated()
                        || alias.company().rank() < CompanyDirectory.NEWSWORTHY_RANK) ? alias.company().ref() : null;
            }
            if (ref == null && listed != null) {
                Gazetteer.Entry entry = pickEntry(listed.values());
                ref = entry.type() == EntityType.ORG && !entry.caseExact() ? entry.ref() : null;
            }
            if (ref != null) {
                out.add(new Candidate(EntityType.ORG, t.start(), t.end(), ref, false, LISTED));
            }
        }
    }

    private void gazetteerMatches(List<NameTokens.NameToken> tokens, boolean headline, List<Candidate> out,
                                  Set<String> supported) {
        int i = 0;
        while (i < tokens.size()) {
            NameTokens.NameToken t = tokens.get(i);
            if (!t.isAlnum() || t.isLower() && !Character.isDigit(t.text().charAt(0))) {
                if (!(t.isLower() && t.text().length() > 1 && Character.isUpperCase(lastChar(t.text())))) {
                    // lowercase words start no name, except "iPhone"/"xAI"-style ones checked below
                    if (!hasInnerCapital(t.text())) {
                        i++;
                        continue;
                    }
                }
            }
            TokenTrie.Match<CompanyDirectory.Alias> company = companies.longestName(tokens, i);
            TokenTrie.Match<Gazetteer.Entry> listed = gazetteer.longest(tokens, i);
            int companyLength = company == null ? 0 : validLength(tokens, i, company.length(),
                    CompanyDirectory.best(company.values()));
            int listedLength = listed == null ? 0 : listed.length();
            Gazetteer.Entry entry = listed == null ? null : pickEntry(listed.values());
            if (entry != null && !shapeOk(tokens, i, listedLength, entry.caseExact(), entry.name())) {
                listedLength = 0;
            }
            if (entry != null && entry.type() == EntityType.AI_MODEL) {
                int modelEnd = modelEnd(tokens, i + listedLength);
                boolean versioned = modelEnd > i + listedLength;
                if (entry.orgToo() && !versioned) {
                    // "DeepSeek" alone is the company: use its ORG line when the lists have one
                    Gazetteer.Entry org = listed.values().stream().filter(x -> x.type() == EntityType.ORG)
                            .findFirst().orElse(null);
                    if (org != null) {
                        entry = org;
                    } else {
                        listedLength = 0;
                    }
                } else if (listedLength > 0) {
                    if (!versioned && nextIsCapitalizedName(tokens, i + listedLength)) {
                        listedLength = 0; // "Claude Shannon"
                    } else {
                        String name = joined(tokens, i, modelEnd);
                        out.add(new Candidate(EntityType.AI_MODEL, tokens.get(i).start(),
                                tokens.get(modelEnd - 1).end(),
                                new EntityRef("model:" + Gazetteer.slug(name), name, null, null), false, 2));
                        i = modelEnd;
                        continue;
                    }
                }
            }
            if (companyLength > 0 && companyLength >= listedLength && !headline
                    && continuesIntoLongerName(tokens, i + companyLength, true)) {
                companyLength = 0; // "Apple Bank", "Amazon River Authority": another organisation or a place
            }
            // (a sentence's first word may be capitalised for grammar's sake only: "Yesterday Capital One said")
            if (companyLength > 0 && !headline && (i > 1 || i == 1 && !EnglishWords.contains(tokens.get(0).text()))
                    && tokens.get(i - 1).isAlnum()
                    && tokens.get(i - 1).isCapitalized() && !JOINERS.contains(tokens.get(i - 1).key())
                    && (NameFeatures.ORG_HEADS.contains(tokens.get(i).key())
                    || COMPANY_HEADS.contains(tokens.get(i).key()))) {
                companyLength = 0; // "Granite Shore Bancorp, Inc." is not "The Bancorp, Inc.": the end of a longer name
            }
            if (companyLength > 0 && companyLength >= listedLength) {
                CompanyDirectory.Alias alias = CompanyDirectory.best(company.values());
                int end = i + companyLength;
                // "NVIDIA Corp.", "Apple Inc": keep the legal suffix in the mention
                while (end < tokens.size() && LEGAL_SUFFIXES.contains(tokens.get(end).key())
                        && tokens.get(end).isCapitalized()) {
                    end++;
                    if (end < tokens.size() && tokens.get(end).text().equals(".") && !tokens.get(end).spaceBefore()) {
                        end++;
                    }
                }
                if (end < tokens.size() && tokens.get(end).text().equals(".") && !tokens.get(end).spaceBefore()
                        && LEGAL_SUFFIXES.contains(tokens.get(end - 1).key()) && end > i + 1) {
                    end++; // "Corp." keeps its dot
                }
                boolean weak = companyLength == 1 && !alias.legal() || companyLength == 1 && alias.tokens() == 1;
                boolean needsSupport = acronymLike(tokens, i, companyLength, alias);
                if (weak) {
                    Decision d = weakDecision(tokens, i, end, headline);
                    if (d == Decision.REJECT) {
                        i++;
                        continue;
                    }
                    needsSupport |= d == Decision.NEEDS_SUPPORT
                            || companyLength == 1 && !alias.curated() && namesPersonOrPlace(tokens.get(i).text());
                }
                EntityRef ref = alias.company().ref();
                if (!needsSupport) {
                    supported.add(ref.id());
                }
                out.add(new Candidate(EntityType.ORG, tokens.get(i).start(), tokens.get(end - 1).end(), ref,
                        needsSupport, 1));
                i = end;
                continue;
            }
            if (listedLength > 0) {
                int end = i + listedLength;
                if ((entry.type() == EntityType.LOCATION || entry.type() == EntityType.ORG) && !headline
                        && continuesIntoLongerName(tokens, end, false)) {
                    i++; // "Silicon Valley Bank", "Federal Reserve Board": a longer name the list does not know
                    continue;
                }
                boolean single = listedLength == 1 && !entry.caseExact();
                if (single) {
                    Decision d = weakDecision(tokens, i, end, headline);
                    if (d == Decision.REJECT || d == Decision.NEEDS_SUPPORT && entry.type() == EntityType.ORG
                            && entry.ref() == null) {
                        i++;
                        continue;
                    }
                }
                EntityRef ref = entry.ref();
                if (entry.type() == EntityType.ORG) {
                    // an organisation that files with the SEC under another name still links
                    List<CompanyDirectory.Alias> filer = companies.lookup(entry.name());
                    if (!filer.isEmpty()) {
                        ref = CompanyDirectory.best(filer).company().ref();
                    }
                }
                out.add(new Candidate(entry.type(), tokens.get(i).start(), tokens.get(end - 1).end(), ref, false,
                        LISTED));
                i = end;
                continue;
            }
            i++;
        }
    }

    private static char lastChar(String s) {
        return s.charAt(s.length() - 1);
    }

    private static boolean hasInnerCapital(String s) {
        for (int i = 1; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static Gazetteer.Entry pickEntry(List<Gazetteer.Entry> entries) {
        // a name on two lists: a model family beats its maker's ORG line only with a version (decided by the caller)
        for (Gazetteer.Entry e : entries) {
            if (e.type() == EntityType.AI_MODEL) {
                return e;
            }
        }
        return entries.get(0);
    }

    /** The length of a company-name match whose shape is right, or 0. */
    private int validLength(List<NameTokens.NameToken> tokens, int from, int length, CompanyDirectory.Alias alias) {
        if (alias.name().chars().noneMatch(Character::isLetter)) {
            return 0; // "111" (from "111, Inc.") is a number in text
        }
        if (!shapeOk(tokens, from, length, alias.curated() && Gazetteer.caseExact(alias.name()), alias.name())) {
            return 0;
        }
        return length;
    }

    /**
     * "NEWS", "HP", "3M": a short upper-case word no curated alias vouches for may be an acronym or a unit, so it
     * names the company only where the document names it unambiguously too ("3M (NYSE: MMM)", "HP Inc.").
     */
    private static boolean acronymLike(List<NameTokens.NameToken> tokens, int from, int length,
                                       CompanyDirectory.Alias alias) {
        NameTokens.NameToken first = tokens.get(from);
        return length == 1 && first.isAllCaps() && first.text().length() <= 4 && !alias.curated();
    }

    /** Capitalised like a name: every word capitalised but joiners, or the exact case for case-exact names. */
    private static boolean shapeOk(List<NameTokens.NameToken> tokens, int from, int length, boolean caseExact,
                                   String name) {
        if (caseExact) {
            String mention = joinedRaw(tokens, from, from + length).replace(" ", "");
            return mention.equals(name.replace(" ", ""));
        }
        for (int k = from; k < from + length; k++) {
            NameTokens.NameToken t = tokens.get(k);
            if (!t.isAlnum()) {
                continue;
            }
            if (!t.isCapitalized() && !(k > from && JOINERS.contains(t.key())) && !(k > from && t.key().equals("com"))) {
                return false;
            }
        }
        return true;
    }

    private enum Decision { ACCEPT, NEEDS_SUPPORT, REJECT }

    /**
     * A one-word company name that is no English word, no given name and no listed place ("Broadcom", "Qualcomm",
     * "CrowdStrike"), unlike "Snowflake", "Micron", "Morgan" or "Jordan".
     */
    private boolean isCoinedName(String word) {
        if (word.length() < 4 || EnglishWords.contains(word) || firstNames.contains(word)
                || Character.isUpperCase(word.charAt(word.length() - 1))) {
            return false; // ("ABC", "IBM": all capitals are acronyms, which have rules of their own)
        }
        return !listedAsPlaceOrPerson(word);
    }

    /** Whether the lists hold a word (one token) as a place or a person. */
    private boolean listedAsPlaceOrPerson(String word) {
        TokenTrie.Match<Gazetteer.Entry> listed = gazetteer.longest(NameTokens.tokenize(word), 0);
        return listed != null && listed.values().stream()
                .anyMatch(e -> e.type() == EntityType.LOCATION || e.type() == EntityType.PERSON);
    }

    /**
     * Whether a word is a listed given name used as one (its word cluster is one of names) or a listed place or
     * person: a company the SEC list names so ("Lindsay Corp", "Dave Inc.") is meant by the word alone only where the
     * document names it unambiguously too. Hand-written short names ("Meta", "Dell") keep the context rules alone.
     */
    private boolean namesPersonOrPlace(String word) {
        if (firstNames.contains(word)) {
            return NameClusters.holds(lower(word)); // "Lindsay", "Dave"; not "Nike" or "Shell", used as brands
        }
        return listedAsPlaceOrPerson(word);
    }

    private static final Set<String> SCALES = Set.of("degrees", "degree", "\u00b0");

    /** Context rules for a one-word name that may also be a word. */
    private Decision weakDecision(List<NameTokens.NameToken> tokens, int from, int end, boolean headline) {
        NameTokens.NameToken prev = previousWord(tokens, from);
        NameTokens.NameToken next = end < tokens.size() ? tokens.get(end) : null;
        if (prev != null && DETERMINERS.contains(prev.key()) && prev.isLower()) {
            return Decision.REJECT; // "the Amazon", "an Apple"
        }
        if (next != null && next.text().equals("-") && !next.spaceBefore() && end + 1 < tokens.size()
                && tokens.get(end + 1).isLower()) {
            return Decision.REJECT; // "Meta-analysis"
        }
        if (next != null && (next.text().equals("'") || next.text().equals("\u2019")) && end + 1 < tokens.size()
                && tokens.get(end + 1).key().equals("t")) {
            return Decision.REJECT; // "Can't", "Won't": a contraction, not a possessive
        }
        if (prev != null && (SCALES.contains(prev.key()) && end == from + 1
                || PARTICLE_WORDS.contains(prev.key()) && prev.isLower())) {
            return Decision.REJECT; // "40 degrees Celsius", "van der Linde": a scale, a surname
        }
        if (isTimeZone(tokens, from, end)) {
            return Decision.REJECT; // "12:00 noon Eastern time": Eastern Co. is not meant
        }
        if (end == from + 1 && CALENDAR_WORDS.contains(tokens.get(from).text())) {
            return Decision.REJECT; // "in Nov. 1994": a month, not NOV Inc.
        }
        boolean sentenceStart = prev == null;
        if (next != null && next.isAlnum() && next.isCapitalized() && !FREE_FOLLOWERS.contains(next.key())
                && !COMMON_ACRONYMS.contains(next.text()) && !headline && !isKnownName(tokens, end)) {
            return Decision.REJECT; // "Amazon River", "Apple Watch", "Southern California"
        }
        if (!sentenceStart && prev.isAlnum() && prev.isCapitalized() && !headline
                && !PERSON_TITLES.contains(prev.key()) && !JOINERS.contains(prev.key())) {
            return Decision.REJECT; // "Bank Meta", part of a longer capitalised name
        }
        if (sentenceStart && !headline && end == from + 1 && isCoinedName(tokens.get(from).text())) {
            return Decision.ACCEPT; // "Broadcom jumped": a coined name is capitalised for itself, not for the sentence
        }
        if (sentenceStart || headline) {
            String cue = next == null ? "" : next.key();
            return COMPANY_CUES.contains(cue) && !headline ? Decision.ACCEPT : Decision.NEEDS_SUPPORT;
        }
        return Decision.ACCEPT;
    }

    /**
     * True when a listed name at {@code [.., end)} runs on into more capitalised words, so that it is only part of a
     * longer name ("Silicon Valley Bank"). With {@code headWordsOnly}, only when that run ends in a word that names
     * an organisation or a place ("Bank", "River"): a company name followed by its product stays a company.
     */
    private boolean continuesIntoLongerName(List<NameTokens.NameToken> tokens, int end, boolean headWordsOnly) {
        if (end >= tokens.size()) {
            return false;
        }
        NameTokens.NameToken next = tokens.get(end);
        if (!next.isAlnum() || !Character.isUpperCase(next.text().charAt(0)) || !next.spaceBefore()
                || FREE_FOLLOWERS.contains(next.key()) || LEGAL_SUFFIXES.contains(next.key())
                || PERSON_TITLES.contains(next.key()) || NOT_NAME_WORDS.contains(next.key())) {
            return false;
        }
        if (!headWordsOnly) {
            return !isKnownName(tokens, end);
        }
        int k = end;
        while (k < tokens.size() && tokens.get(k).isAlnum() && Character.isUpperCase(tokens.get(k).text().charAt(0))
                && k - end < 4) {
            k++;
        }
        String last = tokens.get(k - 1).key();
        return NameFeatures.ORG_HEADS.contains(last) && !LEGAL_SUFFIXES.contains(last)
                || NameFeatures.LOC_HEADS.contains(last);
    }

    private boolean isKnownName(List<NameTokens.NameToken> tokens, int at) {
        TokenTrie.Match<Gazetteer.Entry> listed = gazetteer.longest(tokens, at);
        return listed != null || companies.longestName(tokens, at) != null;
    }

    /** Months and weekdays in title case, whole and abbreviated ("Nov", "Sept", "Tue"). */
    private static final Set<String> CALENDAR_WORDS = calendarWords();

    private static Set<String> calendarWords() {
        Set<String> words = new HashSet<>(Set.of("Sept", "Tues", "Thur", "Thurs"));
        for (String name : calendarNames()) {
            words.add(name);
            words.add(name.substring(0, 3));
        }
        return Set.copyOf(words);
    }

    /** The English names of the months and weekdays: "January", "Monday". */
    private static List<String> calendarNames() {
        List<String> names = new ArrayList<>(19);
        for (java.time.Month month : java.time.Month.values()) {
            names.add(month.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH));
        }
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            names.add(day.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH));
        }
        return names;
    }

    /** Whether the name at {@code from} is a time zone's region: "Eastern time", "Pacific Standard Time". */
    private static boolean isTimeZone(List<NameTokens.NameToken> tokens, int from, int end) {
        if (end != from + 1 || !TIME_ZONE_REGIONS.contains(capitalised(tokens.get(from).key()))) {
            return false;
        }
        int next = end < tokens.size() && Set.of("standard", "daylight").contains(tokens.get(end).key()) ? end + 1
                : end;
        return next < tokens.size() && tokens.get(next).key().equals("time");
    }

    /** Whether the tokens before {@code at} are a clause's enumerator alone: "(b)", "ii)", "(12)". */
    private static boolean onlyEnumeratorBefore(List<NameTokens.NameToken> tokens, int at) {
        if (at < 2 || at > 3 || !tokens.get(at - 1).text().equals(")")) {
            return false;
        }
        NameTokens.NameToken label = tokens.get(at - 2);
        return label.isAlnum() && label.text().length() <= 4 && (at == 2 || tokens.get(0).text().equals("("));
    }

    private static NameTokens.NameToken previousWord(List<NameTokens.NameToken> tokens, int from) {
        if (onlyAddressBefore(tokens, from)) {
            return null; // "@anne Can I ...", "RT @nvidia: Today ...": the post's sentence starts here
        }
        if (onlyEnumeratorBefore(tokens, from)) {
            return null; // "(b) On the Funding Date": the clause's sentence starts here
        }
        for (int k = from - 1; k >= 0; k--) {
            NameTokens.NameToken t = tokens.get(k);
            if (t.isAlnum()) {
                return t;
            }
            if (!t.text().equals("\"") && !t.text().equals("'") && !t.text().equals("\u201c")) {
                return k == 0 || ".:;!?*-•–—#>|".contains(t.text()) ? null : t;
            }
        }
        return null;
    }

    /** True when only handles ("@anne"), "RT" and colons come before token {@code from}, as posts begin. */
    private static boolean onlyAddressBefore(List<NameTokens.NameToken> tokens, int from) {
        boolean handle = false;
        for (int k = 0; k < from; k++) {
            NameTokens.NameToken t = tokens.get(k);
            if (t.text().equals("@") && k + 1 < from && !tokens.get(k + 1).spaceBefore()) {
                handle = true;
                k++; // the handle's name
                while (k + 1 < from && !tokens.get(k + 1).spaceBefore()) {
                    k++; // "@anne_b": the rest of it
                }
            } else if (!t.text().equals("RT") && !t.text().equals(":")) {
                return false;
            }
        }
        return handle;
    }

    /** A headline or list heading: at least four words, nearly all capitalised. */
    private static boolean isHeadline(List<NameTokens.NameToken> tokens) {
        int words = 0;
        int capitalised = 0;
        for (NameTokens.NameToken t : tokens) {
            if (t.isAlnum() && Character.isLetter(t.text().charAt(0))) {
                words++;
                if (t.isCapitalized() || t.text().length() <= 3) {
                    capitalised++;
                }
            }
        }
        return words >= 4 && capitalised >= words * 0.85;
    }

    private static boolean nextIsCapitalizedName(List<NameTokens.NameToken> tokens, int at) {
        return at < tokens.size() && tokens.get(at).isAlnum() && tokens.get(at).isCapitalized()
                && Character.isLetter(tokens.get(at).text().charAt(0))
                && !MODEL_VARIANTS.contains(tokens.get(at).key());
    }

    /** The end (exclusive) of a model name whose family ends at {@code at}: versions and variants. */
    private static int modelEnd(List<NameTokens.NameToken> tokens, int at) {
        int k = at;
        while (k < tokens.size()) {
            NameTokens.NameToken t = tokens.get(k);
            if ((t.text().equals("-") || t.text().equals(".")) && !t.spaceBefore() && k + 1 < tokens.size()
                    && !tokens.get(k + 1).spaceBefore() && tokens.get(k + 1).isAlnum()
                    && (VERSIONISH.matcher(tokens.get(k + 1).text()).matches()
                    || MODEL_VARIANTS.contains(tokens.get(k + 1).key()) || t.text().equals("-")
                    && tokens.get(k + 1).isAllCaps())) {
                k += 2;
                continue;
            }
            if (t.isAlnum() && (VERSIONISH.matcher(t.text()).matches() && !isYear(t.text())
                    || MODEL_VARIANTS.contains(t.key()) && (t.isCapitalized() || t.key().equals("mini"))
                    && t.key().length() > 1)) {
                k++;
                continue;
            }
            break;
        }
        return k;
    }

    private static boolean isYear(String s) {
        return s.length() == 4 && (s.startsWith("19") || s.startsWith("20")) && s.chars().allMatch(Character::isDigit);
    }

    private static String joined(List<NameTokens.NameToken> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            NameTokens.NameToken t = tokens.get(k);
            if (k > from && t.spaceBefore()) {
                sb.append(' ');
            }
            sb.append(t.text());
        }
        return sb.toString();
    }

    private static String joinedRaw(List<NameTokens.NameToken> tokens, int from, int to) {
        return joined(tokens, from, to);
    }

    private static final Pattern GLUED_VERSION = Pattern.compile("([a-z]+)(\\d[\\w.]*)");
    private static final Pattern MODEL_WORD = Pattern.compile("(?i)\\b(models?|llms?)\\b");
    /**
     * "Model" in the sense of a product's generation, not an AI model: "twice as fast as the model it replaces",
     * "the previous model", "last year's model". A sentence with only this sense says nothing of AI models: a
     * switch, a laptop or a car with a version ("Halo 3") stays a product.
     */
    private static final Pattern PRODUCT_GENERATION_MODEL = Pattern.compile("(?i)\\b(?:the\\s+models?\\s+(?:it|they)"
            + "\\s+(?:replaces?|succeeds?)|(?:previous|prior|older|outgoing|earlier|last\\s+year's)\\s+models?)\\b");

    /**
     * Licences that open weights are released under, whose names carry a version like a model's ("under Apache 2.0",
     * "GPL 3", "CC BY 4.0", "MPL 2.0"): no model.
     */
    private static final Set<String> LICENCES = Set.of("apache", "gpl", "lgpl", "agpl", "mpl", "epl", "bsd", "cc",
            "cddl", "eupl", "mit", "openrail", "creativeml");

    /** A legal form in name case or capitals, or "plc", which companies write in lower case. */
    private static boolean isLegalSuffix(NameTokens.NameToken token) {
        return LEGAL_SUFFIXES.contains(token.key()) && (token.isCapitalized() || token.text().equals("plc"));
    }

    /** Legal forms written with full stops: "S.A.", "N.V.", "L.L.C.", "S.p.A.", "N.A." (a national association). */
    private static final Set<String> DOTTED_LEGAL_FORMS = Set.of("sa", "nv", "bv", "spa", "llc", "lp", "plc", "ag",
            "sas", "sarl", "srl", "na");

    /**
     * Where a legal form written in capitals with full stops ends ("S.A." is four tokens: S . A .), after its last
     * letter, or -1: letters of one or two, each followed right away by a full stop.
     */
    private static int dottedSuffixEnd(List<NameTokens.NameToken> tokens, int at) {
        if (at >= tokens.size() || !Character.isUpperCase(tokens.get(at).text().charAt(0))) {
            return -1;
        }
        StringBuilder letters = new StringBuilder();
        int k = at;
        while (k + 1 < tokens.size() && tokens.get(k).isAlnum() && tokens.get(k).text().length() <= 2
                && (k == at || !tokens.get(k).spaceBefore()) && tokens.get(k + 1).text().equals(".")
                && !tokens.get(k + 1).spaceBefore()) {
            letters.append(tokens.get(k).key());
            k += 2;
        }
        // the last full stop is left for the caller, which takes a full stop right after a suffix
        return k - at >= 4 && DOTTED_LEGAL_FORMS.contains(letters.toString()) ? k - 1 : -1;
    }

    /**
     * Names no list knows, by their shape: a capitalised name with a legal suffix ("Cinder Security, Inc.") is an
     * ORG; in a sentence about a model, a capitalised name with a version ("Gauss 3", "AFM-3", "Qwen4-480B") is an
     * AI_MODEL.
     */
    private void patterns(Sentence sentence, List<NameTokens.NameToken> tokens, List<Candidate> out) {
        boolean aboutModels = MODEL_WORD.matcher(sentence.text()).find()
                && MODEL_WORD.matcher(PRODUCT_GENERATION_MODEL.matcher(sentence.text()).replaceAll("")).find();
        boolean headline = isHeadline(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            NameTokens.NameToken t = tokens.get(i);
            if (!t.isAlnum() || !Character.isUpperCase(t.text().charAt(0))) {
                continue;
            }
            // Capitalised words + legal suffix
            int k = i;
            while (k < tokens.size() && k - i < 6 && tokens.get(k).isAlnum()
                    && Character.isUpperCase(tokens.get(k).text().charAt(0))
                    && !LEGAL_SUFFIXES.contains(tokens.get(k).key()) && dottedSuffixEnd(tokens, k) < 0) {
                k++;
            }
            int suffixAt = k < tokens.size() && tokens.get(k).text().equals(",") ? k + 1 : k;
            int dotted = dottedSuffixEnd(tokens, suffixAt);
            if (k > i && suffixAt < tokens.size() && (dotted > 0 || isLegalSuffix(tokens.get(suffixAt)))
                    && !NOT_NAME_WORDS.contains(t.key())) {
                int end = dotted > 0 ? dotted : suffixAt + 1;
                if (end < tokens.size() && tokens.get(end).text().equals(".") && !tokens.get(end).spaceBefore()) {
                    end++;
                }
                // a second legal form right after the first: "Solvane Holdings Limited"
                if (suffixAt == k && end < tokens.size() && isLegalSuffix(tokens.get(end))) {
                    end++;
                    if (end < tokens.size() && tokens.get(end).text().equals(".")
                            && !tokens.get(end).spaceBefore()) {
                        end++;
                    }
                }
                String name = joined(tokens, i, end);
                List<CompanyDirectory.Alias> known = companies.lookup(name);
                EntityRef ref = known.isEmpty() ? new EntityRef("org:" + Gazetteer.slug(joined(tokens, i, k)),
                        joined(tokens, i, k), null, null) : CompanyDirectory.best(known).company().ref();
                // The suffix belongs to the name without a comma ("Pittston Coal Terminal Corporation"); after one
                // it is an apposition the mention leaves out ("Cinder Security", Inc.), as the SEC-filings NER
                // corpus annotates legal names.
                int mentionEnd = suffixAt > k ? k : end;
                out.add(new Candidate(EntityType.ORG, tokens.get(i).start(), tokens.get(mentionEnd - 1).end(), ref,
                        false, RULE));
                i = end - 1;
                continue;
            }
            // Capitalised words named as an organisation by their last word or by what follows: "Silvermark
            // Photonics", "Harbor Point Ventures"; "Kernwerk, a Berlin start-up"; "Maple Vision, which makes"
            int orgEnd = headline ? i : organisationEnd(tokens, i);
            if (orgEnd > i && i == 0 && orgEnd >= tokens.size() - 1) {
                orgEnd = i; // the whole line: a heading ("Ethical AI"), not a name in a sentence
            }
            if (orgEnd > i) {
                String name = joined(tokens, i, orgEnd);
                List<CompanyDirectory.Alias> known = companies.lookup(name);
                EntityRef ref = known.isEmpty() ? new EntityRef("org:" + Gazetteer.slug(name), name, null, null)
                        : CompanyDirectory.best(known).company().ref();
                out.add(new Candidate(EntityType.ORG, tokens.get(i).start(), tokens.get(orgEnd - 1).end(), ref, false,
                        RULE));
                i = orgEnd - 1;
                continue;
            }
            if (!aboutModels) {
                continue;
            }
            // A model family glued to its version: "Qwen4", "Llama3"
            Matcher glued = GLUED_VERSION.matcher(t.key());
            boolean familyGlued = glued.matches() && gazetteer.longest(List.of(new NameTokens.NameToken(
                    glued.group(1), glued.group(1), 0, 0, true)), 0) != null;
            int nameEnd = i + 1;
            if (!familyGlued) {
                // Name [Name] + version: "Gauss 3", "AFM-3", "Command R9"
                while (nameEnd < tokens.size() && nameEnd - i < 3 && tokens.get(nameEnd).isAlnum()
                        && Character.isUpperCase(tokens.get(nameEnd).text().charAt(0))
                        && !VERSIONISH.matcher(tokens.get(nameEnd).text()).matches()) {
                    nameEnd++;
                }
                if (NOT_NAME_WORDS.contains(t.key()) || LICENCES.contains(t.key())
                        || isKnownName(tokens, i) && !modelFamilyAt(tokens, i)) {
                    continue;
                }
            }
            int end = modelEnd(tokens, nameEnd);
            boolean hasVersion = false;
            for (int v = nameEnd; v < end; v++) {
                if (tokens.get(v).isAlnum() && Character.isDigit(lastDigitChar(tokens.get(v).text()))) {
                    hasVersion = true;
                }
            }
            if (familyGlued || hasVersion) {
                String name = joined(tokens, i, end);
                out.add(new Candidate(EntityType.AI_MODEL, tokens.get(i).start(), tokens.get(end - 1).end(),
                        new EntityRef("model:" + Gazetteer.slug(name), name, null, null), false, 5));
                i = end - 1;
            }
        }
    }

    /** Last words of company names beyond the legal and institutional ones. */
    private static final Set<String> COMPANY_HEADS = Set.of("robotics", "photonics", "semiconductor",
            "semiconductors", "biosciences", "bio", "biologics", "genomics", "analytics", "ventures", "capital",
            "labs", "systems", "technologies", "therapeutics", "pharma", "pharmaceuticals", "networks", "aerospace",
            "motors", "logistics", "holdings", "partners", "insurance", "studios", "microsystems", "electronics",
            "mining", "minerals", "university", "institute", "foundation", "association", "college", "bancorp",
            "brothers", "bros", "securities");
    /**
     * Last words of a company's name that its short name drops: "Kestrel Silicon" is "Kestrel" on second mention.
     * The company heads, but not those of institutions ("Stanford University" is not "Stanford"), nor "Motors" and
     * "Brothers", whose first word alone is often a common one ("General Motors", "Warner Bros").
     */
    private static final Set<String> DROPPED_DESCRIPTORS = with(without(COMPANY_HEADS, Set.of("university",
            "institute", "foundation", "association", "college", "motors", "brothers", "bros")), Set.of("technology",
            "inc", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "group", "silicon",
            "digital", "cloud", "data", "software", "ai", "energy", "media", "security", "health", "foods",
            "instruments", "dynamics", "industries", "solutions", "computing", "transportation"));
    /** Words before "AI" that make a kind of AI, not a company: adjectives and a few nouns used as them. */
    private static final Pattern AI_ADJECTIVE = Pattern.compile(".*(al|ive|ble|ic|ous|ful|ed|ing|ent|ant|ary|ory)"
            + "|open|enterprise|sovereign|edge|cloud|frontier|general|narrow|strong|weak|physical|embodied|the|of|"
            + "for|and|in|on|with|at|by");
    /** What an appositive after a name says about it: "Kernwerk, a Berlin start-up". */
    private static final Pattern ORG_APPOSITIVE = Pattern.compile("^,\\s+(?:(?:a|an|the)\\s+(?:[\\p{L}\\p{N}.'-]+\\s+){0,6}?"
            + "(?:start-?up|company|firm|maker|developer|provider|manufacturer|supplier|operator|lender|bank|insurer|"
            + "retailer|chipmaker|unicorn|group|business|vendor|platform|lab|laboratory)\\b|(?:which|that|whose)\\s+"
            + "(?:makes|builds|develops|sells|operates|provides|offers|runs|designs|software|app|platform|products)\\b)");

    /**
     * The end of an organisation's name starting at {@code i}: two to five capitalised words whose last names an
     * organisation ("Harbor Point Ventures", "Silvermark Photonics"), or capitalised words followed by an
     * appositive that says so ("Kernwerk, a Berlin start-up"); {@code i} when neither.
     */
    private int organisationEnd(List<NameTokens.NameToken> tokens, int i) {
        NameTokens.NameToken first = tokens.get(i);
        if (NOT_NAME_WORDS.contains(first.key()) || first.isAllCaps() && first.text().length() > 1
                && i + 1 < tokens.size() && tokens.get(i + 1).isAllCaps()) {
            return i; // all-capital runs are headings, not names
        }
        int k = i;
        while (k < tokens.size() && k - i < 5 && tokens.get(k).isAlnum()
                && Character.isUpperCase(tokens.get(k).text().charAt(0)) && tokens.get(k).spaceBefore() == (k == i
                ? tokens.get(k).spaceBefore() : true)) {
            k++;
        }
        if (k == i) {
            return i;
        }
        String last = tokens.get(k - 1).key();
        if (k - i >= 2 && COMPANY_HEADS.contains(last)) {
            return k;
        }
        if (k - i >= 2 && last.equals("ai") && !AI_ADJECTIVE.matcher(tokens.get(k - 2).key()).matches()) {
            return k; // "Tandem Health AI", "Moonshot AI"; not "Generative AI", "Ethical AI", "Open AI"
        }
        if (k < tokens.size() && tokens.get(k).text().equals(",") && k - i <= 3) {
            int from = tokens.get(k).start();
            int to = Math.min(tokens.get(tokens.size() - 1).end(), from + 120);
            String rest = restText(tokens, k, to);
            if (ORG_APPOSITIVE.matcher(rest).find() && !isKnownName(tokens, i)) {
                return k;
            }
        }
        return i;
    }

    private static String restText(List<NameTokens.NameToken> tokens, int from, int toOffset) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < tokens.size() && tokens.get(k).end() <= toOffset; k++) {
            if (k > from && tokens.get(k).spaceBefore()) {
                sb.append(' ');
            }
            sb.append(tokens.get(k).text());
        }
        return sb.toString();
    }

    private static char lastDigitChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return 'x';
    }

    private boolean modelFamilyAt(List<NameTokens.NameToken> tokens, int at) {
        TokenTrie.Match<Gazetteer.Entry> m = gazetteer.longest(tokens, at);
        return m != null && m.values().stream().anyMatch(e -> e.type() == EntityType.AI_MODEL);
    }

    /**
     * A post that writes names in lower case: of its words after the first, at most one in five is capitalised
     * (words after a full stop, colon or quote, handles and hashtags aside), so a capital tells nothing there.
     */
    static boolean writesNamesInLowerCase(List<NameTokens.NameToken> tokens) {
        int words = 0;
        int capitalised = 0;
        for (int i = 1; i < tokens.size(); i++) {
            NameTokens.NameToken t = tokens.get(i);
            String before = tokens.get(i - 1).text();
            if (!Character.isLetter(t.text().charAt(0)) || ".!?:\"@#".contains(before)) {
                continue;
            }
            words++;
            if (Character.isUpperCase(t.text().charAt(0)) && !t.isAllCaps()) {
                capitalised++;
            }
        }
        return words >= 3 && capitalised * 5 <= words;
    }

    /**
     * The 256-size word clusters where at least a fifth of the words are given names (which gather surnames too:
     * "rodriguez", "collins"): a lower-case word there reads as part of a person's name.
     */
    private static final class NameClusters {
        /** Where the 256-size clusters stand among a word's clusters (64, 256, 1,024 in word-clusters.tsv). */
        private static final int SIZE_256 = 1;
        static final boolean[] OF_256 = WordClusterFeatures.Clusters.bundled().holding(
                word -> NameFeatures.Lexicon.bundled().firstNames.contains(capitalised(word)), SIZE_256, 0.2);

        static boolean holds(String word) {
            short[] ids = WordClusterFeatures.Clusters.bundled().of(word);
            return ids != null && ids[SIZE_256] < OF_256.length && OF_256[ids[SIZE_256]];
        }
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /**
     * People's names written in lower case, as posts write them ("omg justin bieber is here", "with sarah and
     * brittany"): a given name of four letters or more that is no English word ("mark", "rose" are) and whose word
     * cluster is one of names, and the surname after it when that is no English word and reads as a name too;
     * not part of a web address, a handle or a hashtag.
     */
    private void lowerCasePeople(String text, List<NameTokens.NameToken> tokens, List<Candidate> out) {
        for (int i = 0; i < tokens.size(); i++) {
            NameTokens.NameToken t = tokens.get(i);
            if (t.text().length() < 4 || !isLowerCaseWord(t) || !firstNames.contains(capitalised(t.text()))
                    || EnglishWords.contains(t.text()) || !NameClusters.holds(t.text()) || insideAddress(text, t)) {
                continue;
            }
            int end = i + 1;
            if (end < tokens.size()) {
                NameTokens.NameToken next = tokens.get(end);
                if (next.spaceBefore() && next.text().length() >= 3 && isLowerCaseWord(next)
                        && !EnglishWords.contains(next.text()) && NameClusters.holds(next.text())
                        && !insideAddress(text, next)) {
                    end++;
                }
            }
            out.add(new Candidate(EntityType.PERSON, t.start(), tokens.get(end - 1).end(), null, false, 8));
            i = end - 1;
        }
    }

    private static boolean isLowerCaseWord(NameTokens.NameToken t) {
        return t.text().chars().allMatch(Character::isLowerCase);
    }

    /** Part of a web address, a handle or a hashtag: "facebook.com", "@netflix", "#skype", "justin_fan". */
    private static boolean insideAddress(String text, NameTokens.NameToken t) {
        char before = t.start() > 0 ? text.charAt(t.start() - 1) : ' ';
        char after = t.end() < text.length() ? text.charAt(t.end()) : ' ';
        return "@#/.:_-".indexOf(before) >= 0 || (after == '.' || after == '/' || after == '_' || after == '@')
                && t.end() + 1 < text.length() && Character.isLetterOrDigit(text.charAt(t.end() + 1));
    }

    /** People: "CEO Jensen Huang", "Jensen Huang, Nvidia's chief executive", "said Bryan Catanzaro". */
    private void people(String text, List<NameTokens.NameToken> tokens, List<Candidate> out) {
        for (int i = 0; i < tokens.size(); i++) {
            int end = nameEnd(tokens, i);
            if (end - i < 2) {
                continue;
            }
            NameTokens.NameToken prev = i > 0 ? tokens.get(i - 1) : null;
            if (prev != null && prev.text().equals(".") && i > 1) {
                prev = tokens.get(i - 2); // "Mr. Smith"
            }
            boolean titled = prev != null && (PERSON_TITLES.contains(prev.key()) || SPEECH_VERBS.contains(prev.key()));
            // "Microsoft President Brad Smith said": the name, a given name and more, starts after the office
            for (int k = end - 3; k > i; k--) {
                if (LEADING_TITLES.contains(tokens.get(k).key()) && firstNames.contains(tokens.get(k + 1).text())) {
                    i = k + 1;
                    titled = true;
                    break;
                }
            }
            boolean appositive = false;
            if (end < tokens.size()) {
                NameTokens.NameToken next = tokens.get(end);
                if (SPEECH_VERBS.contains(next.key())) {
                    appositive = true;
                } else if (next.text().equals(",")) {
                    for (int k = end + 1; k < Math.min(tokens.size(), end + 7); k++) {
                        if (PERSON_TITLES.contains(tokens.get(k).key())) {
                            appositive = true;
                            break;
                        }
                        if (tokens.get(k).text().equals(",")) {
                            break;
                        }
                    }
                }
            }
            if (titled || appositive) {
                out.add(new Candidate(EntityType.PERSON, tokens.get(i).start(), tokens.get(end - 1).end(), null,
                        false, 3));
                i = end - 1;
            }
        }
    }

    /** The end of a run of two or three capitalised words that could be a person's name. */
    private int nameEnd(List<NameTokens.NameToken> tokens, int i) {
        int k = i;
        int words = 0;
        while (k < tokens.size() && words < 4) {
            NameTokens.NameToken t = tokens.get(k);
            if (t.isAlnum() && Character.isUpperCase(t.text().charAt(0)) && !t.isAllCaps()
                    && !NOT_NAME_WORDS.contains(t.key()) && t.text().length() > 1) {
                if (words > 0 || gazetteer.longest(tokens, k) == null || gazetteer.longest(tokens, k).values().get(0)
                        .type() == EntityType.PERSON) {
                    k++;
                    words++;
                    continue;
                }
            }
            break;
        }
        if (words < 2) {
            return i;
        }
        String last = tokens.get(k - 1).key();
        if (COMPANY_HEADS.contains(last) || NameFeatures.ORG_HEADS.contains(last) || NameFeatures.LOC_HEADS.contains(last)) {
            return i; // "Amberwave Semiconductor said": an organisation, not a person
        }
        // a company or listed name inside is not a person
        for (int j = i; j < k; j++) {
            TokenTrie.Match<CompanyDirectory.Alias> c = companies.longestName(tokens, j);
            if (c != null && c.length() > 1) {
                return i;
            }
            TokenTrie.Match<Gazetteer.Entry> g = gazetteer.longest(tokens, j);
            if (g != null) {
                return i;
            }
        }
        return k;
    }

    /** Orders the candidates, drops overlaps (the more trusted source wins) and builds the entities. */
    private static List<Entity> resolve(String text, List<Candidate> candidates) {
        // A company's unit by its legal name, the company's name and more capitalised words ("Morgan Stanley Senior
        // Funding, Inc.", "Goldman Sachs Bank USA"), is one organisation linked to the company.
        for (Candidate unit : List.copyOf(candidates)) {
            if (unit.priority() != RULE || unit.type() != EntityType.ORG) {
                continue;
            }
            for (Candidate company : List.copyOf(candidates)) {
                if (company.ref() != null && company.ref().cik() != null && company.priority() < RULE
                        && company.start() == unit.start() && company.end() < unit.end()
                        && onlyCapitalisedOutside(text, unit, List.of(company))) {
                    candidates.remove(company);
                    candidates.remove(unit);
                    candidates.add(new Candidate(EntityType.ORG, unit.start(), unit.end(),
                            unit.ref() != null && unit.ref().cik() != null ? unit.ref() : company.ref(), false,
                            company.priority()));
                    break;
                }
                // a listed name that is the end of a longer one by its shape ("Bellhaven Bancorp, Inc." holds "The
                // Bancorp, Inc."'s name): capitalised words before it, one a name ("Rival Nvidia Corp." is Nvidia)
                if (company.ref() != null && company.ref().cik() != null && company.priority() < RULE
                        && unit.start() < company.start() && company.start() < unit.end()
                        && namesBefore(text, unit.start(), company.start())) {
                    candidates.remove(company);
                }
            }
        }
        // A statistical name that extends a list or rule match with capitalised words only ("Federal Reserve" in
        // "FEDERAL RESERVE BANK") is the longer name: it replaces what it contains.
        List<Candidate> statistical = candidates.stream().filter(c -> c.priority() == STATISTICAL).toList();
        for (Candidate nf : statistical) {
            List<Candidate> inside = new ArrayList<>();
            for (Candidate c : candidates) {
                if (c != nf && c.priority() != STATISTICAL && nf.start() <= c.start() && c.end() <= nf.end()
                        && (nf.end() - nf.start()) > (c.end() - c.start())) {
                    inside.add(c);
                }
            }
            boolean linked = inside.stream().anyMatch(c -> c.ref() != null && c.ref().cik() != null);
            if (!inside.isEmpty() && !linked && onlyCapitalisedOutside(text, nf, inside)) {
                candidates.removeAll(inside);
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::priority)
                .thenComparingInt(c -> -(c.end() - c.start()))
                .thenComparingInt(Candidate::start));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            boolean overlaps = false;
            for (Candidate k : kept) {
                if (c.start() < k.end() && k.start() < c.end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        List<Entity> out = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            String mention = text.substring(c.start(), c.end());
            if (mention.isBlank()) {
                continue;
            }
            out.add(new Entity(c.type(), mention, c.start(), c.end(), c.ref()));
        }
        return out;
    }

    /**
     * Whether the words from {@code from} to {@code to} are capitalised, one of them at least a name that is no
     * English word ("Bellhaven", "Chesapeake Harbor"; not "Rival").
     */
    private static boolean namesBefore(String text, int from, int to) {
        boolean name = false;
        for (NameTokens.NameToken t : NameTokens.tokenize(text, from, to)) {
            if (!t.isAlnum()) {
                continue;
            }
            if (!Character.isUpperCase(t.text().charAt(0)) || NOT_NAME_WORDS.contains(t.key())) {
                return false;
            }
            name |= !EnglishWords.contains(t.text());
        }
        return name;
    }

    private static boolean onlyCapitalisedOutside(String text, Candidate outer, List<Candidate> inside) {
        boolean extraWord = false;
        for (NameTokens.NameToken t : NameTokens.tokenize(text, outer.start(), outer.end())) {
            boolean covered = false;
            for (Candidate c : inside) {
                if (c.start() <= t.start() && t.end() <= c.end()) {
                    covered = true;
                    break;
                }
            }
            if (!covered && t.isAlnum()) {
                if (!Character.isUpperCase(t.text().charAt(0)) || COMMON_ACRONYMS.contains(t.text())
                        || COMMON_ACRONYMS.contains(t.text() + "s")) {
                    return false;
                }
                extraWord = true;
            }
        }
        return extraWord; // "AMD." is still AMD
    }

    private static Set<String> without(Set<String> words, Set<String> removed) {
        Set<String> out = new HashSet<>(words);
        out.removeAll(removed);
        return Set.copyOf(out);
    }

    private static Set<String> with(Set<String> words, Set<String> added) {
        Set<String> out = new HashSet<>(words);
        out.addAll(added);
        return Set.copyOf(out);
    }

    /** A title or suffix as the lists hold it: lower case, without its full stops ("Sen." → "sen"). */
    private static String titleKey(String word) {
        return lower(word).replace(".", "");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
