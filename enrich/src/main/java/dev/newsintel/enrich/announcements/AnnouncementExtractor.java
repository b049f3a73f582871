package dev.newsintel.enrich.announcements;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newsintel.enrich.entities.Company;
import dev.newsintel.enrich.entities.CompanyDirectory;
import dev.newsintel.enrich.entities.KnownNames;
import dev.newsintel.enrich.nlp.AnalyzedText;
import dev.newsintel.enrich.nlp.Sentence;
import dev.newsintel.enrich.quantities.Currencies;
import dev.newsintel.enrich.quantities.NumberParser;
import dev.newsintel.enrich.stories.CompanyKey;
import dev.newsintel.events.AiModel;
import dev.newsintel.events.Announcement;
import dev.newsintel.events.AnnouncementType;
import dev.newsintel.events.Entity;
import dev.newsintel.events.EntityRef;
import dev.newsintel.events.EntityType;
import dev.newsintel.events.Evidence;
import dev.newsintel.events.Filing;
import dev.newsintel.events.Money;
import dev.newsintel.events.Quantity;
import dev.newsintel.events.QuantityKind;

/**
 * Reads typed announcements from a document: a classifier over sentences (trigger patterns per type, checked
 * against the entities and quantities of the sentence: who, how much, over what period, which model), then one
 * announcement per distinct fact per document: sentences that repeat a fact merge into it, and sentences that only
 * add to it ("The model has 128 billion parameters" after the release sentence) fill its missing fields. Filings
 * add one announcement per 8-K item. Stateless and thread-safe.
 */
public final class AnnouncementExtractor {
    /** Merged facts look this many sentences ahead for details about "the model" or "it". */
    private static final int FOLLOW_UP_SENTENCES = 3;

    private static final Pattern QUESTION_OR_CONDITIONAL = Pattern.compile(
            "(?i)(\\?\\s*$|^\\s*(if|whether|should|could|would|what|how|why|when|does|do|is|are|can)\\b)");
    private static final Pattern INVEST_VERB = Pattern.compile("(?i)\\b(invest(s|ed|ing)?|will spend|to spend|plans? to"
            + " spend|spending|commit(s|ted|ting)?|pledg(e|es|ed|ing)|pour(s|ed|ing)?|allocat(e|es|ed|ing))\\b");
    private static final Pattern INVEST_NOUN = Pattern.compile("(?i)\\b(investment|capital expenditures?|capex|"
            + "commitment)\\b");
    private static final Pattern FUNDING = Pattern.compile("(?i)\\b(rais(e|es|ed|ing)|funding round|round of "
            + "funding|series [a-h]\\b|seed round|financing round|secured .{0,30}funding)\\b");
    private static final Pattern ACQUISITION = Pattern.compile("(?i)\\b(acquir(e|es|ed|ing)|acquisition of|to buy|"
            + "buys|bought|takeover of|take over|merg(e|es|ed|er) with|purchase of|agreed to purchase)\\b");
    private static final Pattern PAYS_FOR = Pattern.compile(
            "(?i)\\b(pays?|paid|paying)\\b(?:[^.;]|\\.(?=\\d)){1,60}?\\bfor\\s+(the\\s+)?");
    /** What may follow a company that is the whole object of a purchase: the clause ends or goes on. */
    private static final Pattern WHOLE_OBJECT = Pattern.compile("\\s*([,.;:(\u2014\u2013]|$|(as|in|to|and|after|"
            + "which|that|on|with|amid|while|from|including|plus|its|it)\\b)");
    /** A clause that dates an earlier event by the time since: "four weeks after", "a year since", "shortly after". */
    private static final Pattern RECALLED = Pattern.compile("(?i)\\b((\\d+|a|an|one|two|three|four|five|six|seven|"
            + "eight|nine|ten|eleven|twelve|several|a few|few|some)\\s+(days?|weeks?|months?|years?)|shortly|soon|"
            + "just|only|days|weeks|months|years)\\s+(after|since)\\b");
    private static final Pattern CLAUSE_END = Pattern.compile(",(?!\\d)|[;:\u2014\u2013]|\\s-\\s");
    private static final Pattern PASSIVE_ACQUISITION = Pattern.compile("(?i)\\b(acquired|bought|purchased) by\\b");
    private static final Pattern LED_ROUND = Pattern.compile("(?i)\\bled (a|an|the)\\b.{0,60}\\b(round|series [a-h]|"
            + "seed|financing)\\b.{0,10}\\b(in|for|of)\\b");
    private static final Pattern NOT_FUNDING = Pattern.compile("(?i)\\brais(e|es|ed|ing) (its|the|their|our)\\b.{0,40}"
            + "\\b(guidance|forecast|outlook|dividend|prices?|target|estimate)");
    private static final Pattern NOT_EARNINGS = Pattern.compile("(?i)\\b(analysts? (expect|estimate|forecast|"
            + "project)|consensus|expected to report|are expected|is expected|will report|reports? .{0,40} on "
            + "(monday|tuesday|wednesday|thursday|friday)|preview|ahead of)\\b");
    private static final Pattern PARTNERSHIP_NOUN = Pattern.compile("(?i)\\b(announced|formed|signed|struck|"
            + "reached|inked|entered into|launched|unveiled|expanded)\\b.{0,40}\\b(partnership|collaboration|"
            + "alliance|agreement|deal|pact|joint venture)\\b");
    private static final Pattern NOT_PARTNERSHIP = Pattern.compile("(?i)\\b(merger|plan of merger|acquisition "
            + "agreement|purchase agreement|credit agreement|loan agreement|indenture|underwriting agreement|"
            + "employment agreement|separation agreement|severance|lease agreement|settlement agreement)\\b");
    private static final Pattern PARTNERSHIP = Pattern.compile("(?i)\\b(partner(s|ed|ing)? with|partnership with|"
            + "partnership between|collaborat(e|es|ed|ing|ion) with|team(s|ed)? up with|alliance with|joint venture|"
            + "(signed|struck|reached|inked) (an? )?(multi-year |strategic |long-term )?(agreement|deal|pact) with)\\b");
    private static final Pattern RELEASE = Pattern.compile("(?i)\\b(releas(e|es|ed|ing)|launch(es|ed|ing)?|"
            + "unveil(s|ed|ing)?|introduc(e|es|ed|ing)|debut(s|ed)?|roll(s|ed)? out|open-sourc(es|ed|ing)|"
            + "made available|makes available|ship(s|ped)|announc(e|es|ed)|rolled out|rolling out|unveiling|"
            + "available (today|now)|ma(de|kes|king)\\b(?=[^.;]{0,120}\\bavailable\\b))\\b");
    private static final Pattern PRODUCT_WORDS = Pattern.compile("(?i)\\b(chip|chips|gpu|gpus|processor|device|"
            + "platform|service|product|system|server|phone|laptop|app|software|supercomputer|accelerator)\\b");
    private static final Pattern EARNINGS = Pattern.compile("(?i)\\b(revenue|revenues|net income|earnings|net "
            + "sales|quarterly results|(quarter|fiscal|annual) results|profit|earnings per share|operating income|"
            + "reported .{0,40}quarter|guidance)\\b");
    private static final Pattern EXECUTIVE = Pattern.compile("(?i)\\b(appoint(s|ed|ment)?|nam(ed|es) .{0,40}"
            + "(chief|ceo|cfo|cto|coo|president|chair|director|officer|head)|resign(s|ed|ation)?|step(s|ped)? down|"
            + "retir(e|es|ed|ement)|succeed(s|ed)?|successor|promot(ed|es)|to replace|will join .{0,40} as|"
            + "hired .{0,40} as|depart(s|ed|ure))\\b");
    private static final Pattern EXECUTIVE_ROLE = Pattern.compile("(?i)\\b(chief|ceo|cfo|cto|coo|president|"
            + "chairman|chairwoman|chair|director|officer|executive|head of|board)\\b");
    private static final Pattern REGULATORY = Pattern.compile("(?i)\\b(antitrust|regulators?|regulatory (approval|"
            + "probe|review|scrutiny)|fined|a fine|fines|penalty|lawsuit|sued|sues|investigation into|probe into|"
            + "settle(d|s|ment)|export (controls|restrictions|licen[cs]es?)|banned|ban on|approved by|cleared by|"
            + "charged by|consent decree|injunction)\\b");
    private static final Pattern NOT_REGULATORY_ACTION = Pattern.compile("(?i)\\b(fil(e|es|ed|ing)\\b[^.;]{0,60}?"
            + "\\bwith\\b[^.;]{0,30}?\\bregulators?|(pending|subject to|awaiting|await|requires?|needs?)\\b[^.;]{0,30}?"
            + "\\b(approvals?|review|clearance)\\b([^.;]{0,12}?\\b(from|by)\\b[^.;]{0,20}?\\bregulators?)?)");
    private static final Pattern OPEN_WEIGHTS = Pattern.compile("(?i)\\b(open[- ]weights?|open[- ]source|"
            + "openly (available|released)|open (large language |language |ai |foundation )?models?|weights "
            + "(are|were) (published|released|available))\\b");
    private static final Pattern CLOSED_WEIGHTS = Pattern.compile("(?i)\\b(closed[- ](weights?|source)|"
            + "proprietary model)\\b");
    private static final Pattern MODEL_REFERENCE = Pattern.compile("(?i)\\b(the (new )?model|it|its|the "
            + "(new )?(llm|system)|this model)\\b");
    private static final Pattern MODALITIES = Pattern.compile("(?i)\\b(text|images?|audio|video|speech|code)\\b");
    private static final Pattern MULTIMODAL = Pattern.compile("(?i)\\b(multimodal|multi-modal|modalit(y|ies)|"
            + "inputs?|accepts?)\\b");

    private static final Map<String, AnnouncementType> ITEM_TYPES = Map.ofEntries(
            Map.entry("1.01", AnnouncementType.MATERIAL_AGREEMENT),
            Map.entry("1.02", AnnouncementType.MATERIAL_AGREEMENT),
            Map.entry("2.01", AnnouncementType.ACQUISITION),
            Map.entry("2.02", AnnouncementType.EARNINGS),
            Map.entry("5.02", AnnouncementType.EXECUTIVE_CHANGE),
            Map.entry("3.01", AnnouncementType.REGULATORY));
    /** Items that are only exhibits or housekeeping: no announcement of their own. */
    private static final Set<String> SILENT_ITEMS = Set.of("9.01");
    private static final Pattern ITEM_NUMBER = Pattern.compile("\\d{1,2}\\.\\d{2}");

    /**
     * Verbs and phrases that open a reported clause: "X reported that Y will invest", "according to X, Y plans to",
     * "X said Y ...". The announcer is the subject of the innermost clause, not the outlet or person reporting it.
     */
    private static final Pattern REPORTING = Pattern.compile("(?i)\\b(?:according to\\b[^,;:]{1,120}[,;:]|"
            + "(?:reported|reports|reporting|report|said|says|say|saying|announced|announces|announcing|stated|states|"
            + "noted|notes|wrote|writes|writing|believes|believed|confirmed|confirms|revealed|reveals|learned|learnt|"
            + "claimed|claims|suggested|suggests|added|explained|cited|citing|told\\s+[^,;]{1,40}?)\\b(?:\\s+that\\b)?)");
    /** Between a release verb and its model: a comparison or a list of others, not the released thing. */
    private static final Pattern NOT_THE_RELEASED = Pattern.compile("(?i)[;:]|\\b(than|like|such as|compared|"
            + "comparable|versus|vs|rivals?|against|including|similar|beats?|outperform\\w*|instead of|competitors?|"
            + "alternative|based on|built on|fine-tuned|powered by|uses|using|run|runs|running)\\b");
    /** From a model to a release verb after it: "Nemotron 3 Super, released Tuesday", "Gemma 4 is now available". */
    private static final Pattern RELEASED_AFTER = Pattern.compile("(?i)^\\s*(?:,[^,;:]{0,60},\\s*)?"
            + "(?:,?\\s*(?:which|that)\\s+[^,;:]{0,40}?\\s+|\\s*(?:is|was|are)\\s+(?:a|an|the)\\s+[^,;:]{0,80}\\b(?:models?|"
            + "llms?|systems?|versions?|family)\\s+)?(?:(?:is|was|were|are|has been|have been|will be|gets|got|being|"
            + "now|officially|generally|also|today|publicly|quietly|finally)\\s+)*$");

    private final CompanyDirectory companies;
    private final KnownNames known;

    public AnnouncementExtractor(CompanyDirectory companies) {
        this(companies, KnownNames.bundled());
    }

    public AnnouncementExtractor(CompanyDirectory companies, KnownNames known) {
        this.companies = companies;
        this.known = known;
    }

    /** One fact being assembled from one or more sentences. */
    private static final class Fact {
        final AnnouncementType type;
        EntityRef company;
        Money amount;
        String period;
        EntityRef target;
        EntityRef counterparty;
        String modelName;
        Long parameters;
        Long activeParameters;
        Long contextTokens;
        Boolean openWeights;
        Set<String> modalities = new LinkedHashSet<>();
        String item;
        Evidence evidence;
        double confidence;
        int lastSentence;

        Fact(AnnouncementType type) {
            this.type = type;
        }
    }

    public List<Announcement> extract(AnalyzedText analyzed, List<Entity> entities, List<Quantity> quantities,
                                      DocumentContext context) {
        List<Fact> facts = new ArrayList<>();
        EntityRef dominant = dominantCompany(entities, context);
        int e = 0;
        int q = 0;
        Fact lastModel = null;
        for (Sentence s : analyzed.sentences()) {
            // entities and quantities of this sentence (both lists are in text order)
            while (e < entities.size() && entities.get(e).start() < s.start()) {
                e++;
            }
            int eEnd = e;
            while (eEnd < entities.size() && entities.get(eEnd).start() < s.end()) {
                eEnd++;
            }
            while (q < quantities.size() && quantities.get(q).start() < s.start()) {
                q++;
            }
            int qEnd = q;
            while (qEnd < quantities.size() && quantities.get(qEnd).start() < s.end()) {
                qEnd++;
            }
            List<Entity> se = entities.subList(e, eEnd);
            List<Quantity> sq = quantities.subList(q, qEnd);
            String text = s.text();
            if (text.length() < 12 || QUESTION_OR_CONDITIONAL.matcher(text).find()) {
                continue;
            }
            Sentence read = s;
            Matcher recalled = RECALLED.matcher(text);
            if (recalled.find()) {
                // "The release lands four weeks after NVIDIA pledged $26 billion, and ...": the clause recalls an
                // earlier event, which is not this document's news. The rules read the sentence without it (blanked,
                // so offsets hold), and its names and amounts take part in no fact.
                Matcher boundary = CLAUSE_END.matcher(text);
                int clauseEnd = boundary.find(recalled.end()) ? boundary.start() : text.length();
                char[] blanked = text.toCharArray();
                Arrays.fill(blanked, recalled.start(), clauseEnd, ' ');
                read = new Sentence(s.index(), s.start(), s.end(), new String(blanked), s.tokens());
                int from = s.start() + recalled.start();
                int to = s.start() + clauseEnd;
                se = se.stream().filter(x -> x.end() <= from || x.start() >= to).toList();
                sq = sq.stream().filter(x -> x.end() <= from || x.start() >= to).toList();
            }
            boolean modelHandled = false;
            Fact model = modelRelease(read, se, sq, dominant);
            Fact named;
            if (model != null) {
                lastModel = merge(facts, withEvidenceOf(s, model));
                modelHandled = true;
            } else if ((named = releaseOf(facts, se)) != null && hasParameterFacts(read, sq)) {
                // "Nemotron 3 Super has 128 billion parameters" after its release
                if (addModelDetails(named, read, sq)) {
                    named.lastSentence = s.index();
                    lastModel = named;
                    modelHandled = true;
                }
            } else if (lastModel != null && s.index() - lastModel.lastSentence <= FOLLOW_UP_SENTENCES
                    && se.stream().noneMatch(x -> x.type() == EntityType.AI_MODEL)
                    && MODEL_REFERENCE.matcher(read.text()).find()) {
                if (addModelDetails(lastModel, read, sq)) {
                    lastModel.lastSentence = s.index();
                    modelHandled = true;
                }
            }
            for (Fact f : classify(read, se, sq, dominant, modelHandled)) {
                merge(facts, withEvidenceOf(s, f));
            }
        }
        List<Announcement> out = new ArrayList<>();
        Filing filing = context.filing();
        if (filing != null && filing.form() != null && filing.form().toUpperCase(Locale.ROOT).startsWith("8-K")) {
            out.addAll(itemAnnouncements(analyzed, entities, filing, context, facts));
        }
        for (Fact f : facts) {
            if (complete(f)) {
                out.add(toAnnouncement(f, context));
            }
        }
        return out;
    }

    /** The fact with the whole sentence as its evidence, where the rules read it with a recalled clause blanked. */
    private static Fact withEvidenceOf(Sentence s, Fact f) {
        if (f.evidence != null && f.evidence.start() == s.start() && !f.evidence.text().equals(s.text())) {
            f.evidence = new Evidence(s.text(), s.start(), s.end());
        }
        return f;
    }

    /** The company a document is mostly about: the filer, or the most mentioned linked company. */
    private EntityRef dominantCompany(List<Entity> entities, DocumentContext context) {
        if (context.filing() != null && context.filing().cik() != null) {
            EntityRef filer = filerRef(context.filing());
            if (filer != null) {
                return filer;
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        Map<String, EntityRef> refs = new HashMap<>();
        for (Entity x : entities) {
            if (x.type() == EntityType.ORG && x.canonical() != null && x.canonical().cik() != null) {
                counts.merge(x.canonical().id(), 1, Integer::sum);
                refs.putIfAbsent(x.canonical().id(), x.canonical());
            }
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            if (c.getValue() > bestCount) {
                best = c.getKey();
                bestCount = c.getValue();
            }
        }
        return best == null || bestCount < 2 ? null : refs.get(best);
    }

    /** The filer: by CIK, else by the registrant's name on the list, else the filing's own fields; null if none. */
    private EntityRef filerRef(Filing filing) {
        Company c = companies.byCik(filing.cik());
        if (c != null) {
            return c.ref();
        }
        if (filing.cik() == null && filing.company() != null && !filing.company().isBlank()) {
            List<CompanyDirectory.Alias> named = companies.lookup(filing.company().strip());
            if (named.isEmpty()) {
                // "QUALCOMM INCORPORATED" on a cover page, "QUALCOMM INC/DE" on the list: the name without its suffix
                named = companies.lookup(CompanyKey.normalizeName(filing.company()));
            }
            if (!named.isEmpty()) {
                return CompanyDirectory.best(named).company().ref();
            }
        }
        if (filing.cik() == null && (filing.company() == null || filing.company().isBlank())) {
            return null;
        }
        String name = filing.company() == null || filing.company().isBlank() ? "CIK " + filing.cik()
                : filing.company();
        String cik = filing.cik() != null && filing.cik().matches("\\d{1,10}") ? Company.padCik(filing.cik()) : null;
        return EntityRef.company(name, cik, filing.ticker());
    }

    // ---------------------------------------------------------------- model releases

    /**
     * A model release: a versioned model name that is the object of a release verb ("NVIDIA introduced Nemotron 3
     * Super", "Gemma 4 is now available"), not one compared with or listed beside it ("comparable to GPT-OSS",
     * "rivals such as DeepSeek R1"). The company is the model's maker when the lists know it, else the subject of the
     * release verb. Sentences that only give facts (parameters, context) add to a release found elsewhere.
     */
    private Fact modelRelease(Sentence s, List<Entity> se, List<Quantity> sq, EntityRef dominant) {
        String text = s.text();
        Matcher trigger = RELEASE.matcher(text);
        while (trigger.find()) {
            for (Entity model : se) {
                if (model.type() != EntityType.AI_MODEL || !validModelName(model, sq)) {
                    continue;
                }
                int mStart = model.start() - s.start();
                int mEnd = model.end() - s.start();
                boolean object = mStart >= trigger.end() && mStart - trigger.end() <= 100
                        && !NOT_THE_RELEASED.matcher(text.substring(trigger.end(), mStart)).find();
                boolean passive = mEnd <= trigger.start() && trigger.group().toLowerCase(Locale.ROOT)
                        .matches("(released|launched|unveiled|introduced|debuted|rolled out|rolling out|open-sourced"
                                + "|made available|available (today|now)|shipped|announced)")
                        && RELEASED_AFTER.matcher(text.substring(mEnd, trigger.start())).matches();
                if (!object && !passive) {
                    continue;
                }
                // "first Nemotron model in 2023" is history, not this release: the bare family name is not enough
                boolean versioned = !model.text().equalsIgnoreCase(familyOf(model.text()));
                boolean hasFacts = hasParameterFacts(s, sq);
                if (!versioned && !hasFacts) {
                    continue;
                }
                Fact f = new Fact(AnnouncementType.MODEL_RELEASE);
                f.modelName = model.canonical() != null ? model.canonical().name() : model.text();
                EntityRef maker = known.makerOf(f.modelName);
                EntityRef subject = subject(s, se, s.start() + Math.min(trigger.start(), mStart), dominant);
                f.company = maker != null ? maker : subject;
                f.evidence = new Evidence(text, s.start(), s.end());
                boolean makerSays = maker == null || subject != null && maker.id().equals(subject.id());
                f.confidence = 0.75 + (f.company != null ? 0.1 : 0) + (versioned ? 0.05 : 0) - (makerSays ? 0 : 0.1);
                f.lastSentence = s.index();
                addModelDetails(f, s, sq);
                return f;
            }
        }
        return null;
    }

    /** A model name is never an amount ("RMB 178.8") and has a letter. */
    private static boolean validModelName(Entity model, List<Quantity> sq) {
        for (Quantity q : sq) {
            if (q.start() < model.end() && model.start() < q.end() && q.kind() != QuantityKind.PARAMETERS
                    && q.kind() != QuantityKind.TOKENS) {
                return false;
            }
        }
        return model.text().chars().anyMatch(Character::isLetter);
    }

    /** The release already found for a model this sentence names, to add its facts to. */
    private static Fact releaseOf(List<Fact> facts, List<Entity> se) {
        for (Entity x : se) {
            if (x.type() != EntityType.AI_MODEL) {
                continue;
            }
            String name = x.canonical() != null ? x.canonical().name() : x.text();
            for (Fact f : facts) {
                if (f.type == AnnouncementType.MODEL_RELEASE && f.modelName.equalsIgnoreCase(name)) {
                    return f;
                }
            }
        }
        return null;
    }

    private static String familyOf(String modelName) {
        int cut = modelName.length();
        for (int i = 0; i < modelName.length(); i++) {
            char c = modelName.charAt(i);
            if (c == ' ' || c == '-' || Character.isDigit(c)) {
                cut = i;
                break;
            }
        }
        return modelName.substring(0, cut);
    }

    private static boolean hasParameterFacts(Sentence s, List<Quantity> sq) {
        for (Quantity q : sq) {
            if (q.kind() == QuantityKind.PARAMETERS || q.kind() == QuantityKind.TOKENS) {
                return true;
            }
        }
        return s.text().toLowerCase(Locale.ROOT).contains("parameter");
    }

    /** Reads parameter counts, context size, openness and modalities of a model from one sentence. */
    private static boolean addModelDetails(Fact f, Sentence s, List<Quantity> sq) {
        String text = s.text();
        String lower = text.toLowerCase(Locale.ROOT);
        boolean added = false;
        for (Quantity q : sq) {
            int at = q.start() - s.start();
            int endAt = q.end() - s.start();
            String after = lower.substring(endAt, Math.min(lower.length(), endAt + 30));
            String before = lower.substring(Math.max(0, at - 40), at);
            if (q.kind() == QuantityKind.PARAMETERS) {
                // "12 billion active parameters", "12 billion parameters are active", "activating only 12 billion"
                if (ACTIVE_WORD.matcher(lower).region(at, endAt).find()
                        || ACTIVE_AFTER.matcher(after).lookingAt()
                        || before.matches(".*activ\\w*\\W+(only\\W+)?$")) {
                    f.activeParameters = first(f.activeParameters, q.value());
                } else {
                    f.parameters = first(f.parameters, q.value());
                }
                added = true;
            } else if (q.kind() == QuantityKind.TOKENS) {
                f.contextTokens = first(f.contextTokens, q.value());
                added = true;
            }
        }
        if (lower.contains("parameter") || lower.contains("activ")) {
            // numbers the quantity grammar leaves unitless: "a total parameter count of 128 billion (with inference
            // activating only 12 billion)"
            for (NumberParser.FoundNumber n : NumberParser.findAll(text)) {
                if (n.value().compareTo(new BigDecimal("1000000")) < 0 || coveredBy(sq, s.start() + n.start())) {
                    continue;
                }
                String before = lower.substring(Math.max(0, n.start() - 45), n.start());
                String after = lower.substring(n.end(), Math.min(lower.length(), n.end() + 25));
                if (before.matches(".*activ\\w*\\W+(only\\W+)?(about\\W+)?$")
                        || ACTIVE_AFTER.matcher(after).lookingAt()) {
                    f.activeParameters = first(f.activeParameters, n.value());
                    added = true;
                } else if (before.matches(".*parameters?( count| size)?( of| at| is| reaches| totals?)?\\W+"
                        + "(about\\W+|roughly\\W+|nearly\\W+)?$") || after.matches("^\\W{0,3}(total|parameters).*")) {
                    f.parameters = first(f.parameters, n.value());
                    added = true;
                }
            }
        }
        if (OPEN_WEIGHTS.matcher(text).find()) {
            f.openWeights = f.openWeights == null ? Boolean.TRUE : f.openWeights;
            added = true;
        } else if (CLOSED_WEIGHTS.matcher(text).find()) {
            f.openWeights = f.openWeights == null ? Boolean.FALSE : f.openWeights;
            added = true;
        }
        if (MULTIMODAL.matcher(text).find()) {
            Matcher m = MODALITIES.matcher(text);
            while (m.find()) {
                String mod = m.group(1).toLowerCase(Locale.ROOT);
                f.modalities.add(mod.startsWith("image") ? "image" : mod);
                added = true;
            }
        }
        return added;
    }

    private static boolean coveredBy(List<Quantity> sq, int offset) {
        for (Quantity q : sq) {
            if (q.start() <= offset && offset < q.end()
                    && (q.kind() == QuantityKind.MONEY || q.kind() == QuantityKind.PARAMETERS
                    || q.kind() == QuantityKind.TOKENS)) {
                return true;
            }
        }
        return false;
    }

    private static Long first(Long current, BigDecimal value) {
        if (current != null) {
            return current;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            return value.longValue();
        }
    }

    // ---------------------------------------------------------------- other types

    private List<Fact> classify(Sentence s, List<Entity> se, List<Quantity> sq, EntityRef dominant,
                                boolean modelHandled) {
        List<Fact> out = new ArrayList<>(2);
        String text = s.text();
        Matcher m;
        // INVESTMENT: "NVIDIA will invest $26 billion", "Nvidia's $26 billion investment"
        if ((m = INVEST_VERB.matcher(text)).find() || (m = INVEST_NOUN.matcher(text)).find()) {
            int trigger = s.start() + m.start();
            EntityRef company = subjectBefore(s, se, trigger);
            boolean noun = INVEST_NOUN.matcher(m.group()).matches();
            if (company == null && !noun && startsWithPronoun(text)) {
                company = dominant;
            }
            Quantity amount = nearestMoney(sq, trigger, s.start() + m.end());
            if (company != null && amount != null && !FUNDING.matcher(text).find()) {
                Fact f = new Fact(AnnouncementType.INVESTMENT);
                f.company = company;
                f.amount = money(amount);
                f.period = period(s, sq);
                EntityRef target = objectAfter(se, s.start() + m.end(), company, EntityType.ORG);
                f.target = target != null && !target.id().startsWith("name:") ? target : null; // a known investee only
                f.evidence = new Evidence(text, s.start(), s.end());
                f.confidence = 0.7 + (noun ? 0 : 0.1) + (f.period != null ? 0.05 : 0) + (company.cik() != null ? 0.1
                        : 0);
                f.lastSentence = s.index();
                out.add(f);
            }
        }
        if ((m = FUNDING.matcher(text)).find() && !NOT_FUNDING.matcher(text).find()) {
            int trigger = s.start() + m.start();
            EntityRef company = subjectBefore(s, se, trigger);
            EntityRef leadInvestor = null;
            Matcher ledRound = LED_ROUND.matcher(text);
            if (ledRound.find()) {
                // "Brookline Ventures led a $40 million Series B in Tandem Health AI"
                EntityRef raiser = objectAfter(se, s.start() + ledRound.end(), null, EntityType.ORG);
                if (raiser != null) {
                    leadInvestor = subjectBefore(s, se, s.start() + ledRound.start());
                    company = raiser;
                }
            }
            Quantity amount = nearestMoney(sq, trigger, s.start() + m.end());
            if (company != null && amount != null) {
                Fact f = new Fact(AnnouncementType.FUNDING_ROUND);
                f.company = company;
                f.amount = money(amount);
                Matcher led = Pattern.compile("(?i)\\b(led by|from|backed by|including)\\b").matcher(text);
                if (led.find(m.end())) {
                    f.counterparty = objectAfter(se, s.start() + led.end(), company, EntityType.ORG);
                }
                if (leadInvestor != null && f.counterparty == null) {
                    f.counterparty = leadInvestor;
                }
                f.evidence = new Evidence(text, s.start(), s.end());
                f.confidence = 0.8 + (f.counterparty != null ? 0.1 : 0);
                f.lastSentence = s.index();
                out.add(f);
            }
        }
        if ((m = ACQUISITION.matcher(text)).find()) {
            int trigger = s.start() + m.start();
            EntityRef company = subjectBefore(s, se, trigger);
            EntityRef target = objectAfter(se, s.start() + m.end(), company, EntityType.ORG);
            Matcher passive = PASSIVE_ACQUISITION.matcher(text);
            if (passive.find()) {
                // "X has been acquired by Y": Y is the buyer
                EntityRef buyer = objectAfter(se, s.start() + passive.end(), null, EntityType.ORG);
                EntityRef acquired = subjectBefore(s, se, s.start() + passive.start());
                if (buyer != null && acquired != null) {
                    company = buyer;
                    target = acquired;
                }
            }
            if (company != null && target != null && !Objects.equals(company.id(), target.id())) {
                Quantity amount = nearestMoney(sq, s.start() + m.end(), s.end());
                out.add(acquisition(s, company, target, amount == null ? null : money(amount),
                        0.8 + (amount != null ? 0.1 : 0)));
            }
        }
        // "Qualcomm will pay $2.9bn in cash for Kestrel Silicon": a price paid for a company is its purchase. The
        // company must be the whole object ("for Microsoft's cloud", "for Kestrel shares" buy something else).
        if (out.stream().noneMatch(f -> f.type == AnnouncementType.ACQUISITION)
                && (m = PAYS_FOR.matcher(text)).find()) {
            int payStart = s.start() + m.start();
            int objectStart = s.start() + m.end();
            Entity bought = se.stream().filter(x -> x.start() == objectStart && x.type() == EntityType.ORG
                    && !known.isNewsOutlet(x.canonical())).findFirst().orElse(null);
            Quantity price = sq.stream().filter(q -> q.kind() == QuantityKind.MONEY && q.start() >= payStart
                    && q.end() <= objectStart).findFirst().orElse(null);
            EntityRef company = subjectBefore(s, se, payStart);
            if (bought != null && price != null && company != null
                    && WHOLE_OBJECT.matcher(text).region(bought.end() - s.start(), text.length()).lookingAt()) {
                EntityRef target = refOf(bought);
                if (!target.id().equals(company.id())) {
                    out.add(acquisition(s, company, target, money(price), 0.8));
                }
            }
        }
        // "entered into an agreement to acquire / to invest / a merger agreement / a credit agreement" is that deal,
        // not a partnership
        boolean otherDeal = out.stream().anyMatch(f -> f.type == AnnouncementType.ACQUISITION
                || f.type == AnnouncementType.INVESTMENT || f.type == AnnouncementType.FUNDING_ROUND)
                || NOT_PARTNERSHIP.matcher(text).find();
        if (!otherDeal && ((m = PARTNERSHIP.matcher(text)).find() || (m = PARTNERSHIP_NOUN.matcher(text)).find())) {
            int trigger = s.start() + m.start();
            // "A and B signed an agreement": the first-named party announces
            EntityRef company = firstOrgBefore(se, trigger);
            EntityRef other = objectAfter(se, s.start() + m.end(), company, EntityType.ORG);
            if (company != null && other == null) {
                // "A and B announced a partnership"
                other = secondOrgBefore(se, trigger, company);
            }
            if (company != null && other == null) {
                // "A entered into an agreement ... with B"
                Matcher with = Pattern.compile("(?i)\\bwith\\b").matcher(text);
                if (with.find(m.end() - s.start() > text.length() ? 0 : m.end())) {
                    other = objectAfter(se, s.start() + with.end(), company, EntityType.ORG);
                }
            }
            if (company != null && other != null) {
                Fact f = new Fact(AnnouncementType.PARTNERSHIP);
                f.company = company;
                f.counterparty = other;
                Quantity amount = nearestMoney(sq, trigger, s.end());
                f.amount = amount == null ? null : money(amount);
                f.evidence = new Evidence(text, s.start(), s.end());
                f.confidence = 0.8;
                f.lastSentence = s.index();
                out.add(f);
            }
        }
        if (!modelHandled && (m = launchTrigger(text)) != null) {
            // What is launched is the verb's object, close after it: "make Mistral's models available inside
            // Snowflake's Cortex AI service" makes the models available (Cortex AI is where); "announced a
            // partnership that will bring ... to its Cortex AI service" announces the partnership
            boolean announces = m.group().toLowerCase(Locale.ROOT).startsWith("announc");
            int productLimit = announces ? s.start() + m.end() + 60 : s.end();
            if (MAKE.matcher(m.group()).matches()) {
                Matcher available = AVAILABLE.matcher(text);
                if (available.find(m.end())) {
                    productLimit = s.start() + available.start();
                }
            }
            Entity product = null;
            for (Entity x : se) {
                if (x.type() == EntityType.PRODUCT && x.start() > s.start() + m.start() - 60
                        && x.start() < productLimit) {
                    product = x;
                    break;
                }
            }
            String named = product == null && PRODUCT_WORDS.matcher(text).find() ? namedAfter(text, m.end()) : null;
            boolean newThing = product != null || named != null || Pattern.compile("(?i)\\bnew\\b").matcher(text)
                    .find() && PRODUCT_WORDS.matcher(text).find();
            EntityRef company = subjectBefore(s, se, s.start() + m.start());
            boolean verb = !announces || product != null;
            if (company != null && newThing && verb) {
                Fact f = new Fact(AnnouncementType.PRODUCT_LAUNCH);
                f.company = company;
                f.target = product != null ? refOf(product)
                        : named != null ? new EntityRef("product:" + named.toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}]+", "-"), named, null, null) : null;
                f.evidence = new Evidence(text, s.start(), s.end());
                f.confidence = product != null ? 0.8 : 0.65;
                f.lastSentence = s.index();
                out.add(f);
            }
        }
        if ((m = EARNINGS.matcher(text)).find()) {
            EntityRef company = subjectBefore(s, se, s.start() + m.end() + 40);
            if (company == null && (startsWithPronoun(text) || se.stream().noneMatch(x -> x.type() == EntityType.ORG)
                    && Pattern.compile("^\\W*(total |net |quarterly |fiscal |annual )?(revenue|revenues|net income|"
                    + "earnings|net sales|operating income|diluted earnings per share)\\b", Pattern.CASE_INSENSITIVE)
                    .matcher(text).find())) {
                company = dominant; // "Revenue was $81.4 billion" in the company's own release
            }
            Quantity amount = nearestMoney(sq, s.start() + m.start(), s.start() + m.end());
            boolean reported = Pattern.compile("(?i)\\b(report(s|ed)?|post(s|ed)|announc(es|ed)|rose|fell|grew|"
                    + "increased|decreased|declined|jumped|was|were|totaled|came in|of)\\b").matcher(text).find();
            if (company != null && amount != null && reported && !INVEST_VERB.matcher(text).find()
                    && !NOT_EARNINGS.matcher(text).find()) {
                Fact f = new Fact(AnnouncementType.EARNINGS);
                f.company = company;
                f.amount = money(amount);
                f.evidence = new Evidence(text, s.start(), s.end());
                f.confidence = 0.75;
                f.lastSentence = s.index();
                out.add(f);
            }
        }
        if ((m = EXECUTIVE.matcher(text)).find() && EXECUTIVE_ROLE.matcher(text).find()) {
            boolean person = se.stream().anyMatch(x -> x.type() == EntityType.PERSON);
            EntityRef company = subjectBefore(s, se, s.end());
            if (company == null) {
                company = dominant;
            }
            if (person && company != null) {
                Fact f = new Fact(AnnouncementType.EXECUTIVE_CHANGE);
                f.company = company;
                Entity who = se.stream().filter(x -> x.type() == EntityType.PERSON).findFirst().orElseThrow();
                f.target = new EntityRef("person:" + who.text().toLowerCase(Locale.ROOT).replaceAll("\\W+", "-"),
                        who.text(), null, null);
                f.evidence = new Evidence(text, s.start(), s.end());
                f.confidence = 0.8;
                f.lastSentence = s.index();
                out.add(f);
            }
        }
        if ((m = regulatoryAction(text)) != null) {
            EntityRef company = firstFiler(se);
            if (company != null && company.cik() != null) {
                Fact f = new Fact(AnnouncementType.REGULATORY);
                f.company = company;
                Quantity amount = nearestMoney(sq, s.start() + m.start(), s.start() + m.end());
                f.amount = amount == null ? null : money(amount);
                f.evidence = new Evidence(text, s.start(), s.end());
                f.confidence = 0.7;
                f.lastSentence = s.index();
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The first regulatory word that is about a regulator's action, or null: regulators that only receive a filing
     * ("a filing the chipmaker made with US regulators") or whose approval is still to come ("pending approval from
     * regulators", "subject to regulatory approval") act on nothing yet.
     */
    private static Matcher regulatoryAction(String text) {
        List<int[]> passive = new ArrayList<>();
        Matcher not = NOT_REGULATORY_ACTION.matcher(text);
        while (not.find()) {
            passive.add(new int[] {not.start(), not.end()});
        }
        Matcher m = REGULATORY.matcher(text);
        while (m.find()) {
            int start = m.start();
            if (passive.stream().noneMatch(span -> span[0] <= start && start < span[1])) {
                return m;
            }
        }
        return null;
    }

    private static final Pattern NAMED_AFTER = Pattern.compile("^\\s+(?:the (?:general |broad )?availability of |"
            + "(?:its|a|an|the) (?:new |next-generation |latest )?)?((?:[A-Z][\\p{L}\\p{N}-]*|\\d[\\p{L}\\p{N}-]*)"
            + "(?: (?:[A-Z][\\p{L}\\p{N}-]*|\\d[\\p{L}\\p{N}-]*)){0,3})");

    /** A capitalised name right after a launch verb: "unveiled Silicon One G300", "availability of Forma Copilot". */
    private static String namedAfter(String text, int from) {
        Matcher m = NAMED_AFTER.matcher(text.substring(from));
        return m.find() ? m.group(1) : null;
    }

    private static boolean startsWithPronoun(String text) {
        return Pattern.compile("(?i)^\\W*(it|the company|the firm|the chipmaker|the group)\\b").matcher(text).find();
    }

    /**
     * The announcer of a trigger at {@code offset}: the linked company named last before it in the innermost
     * reported clause ("Wired reported that NVIDIA will invest": NVIDIA, not Wired), then in the clauses around it
     * ("NVIDIA announced it will invest": NVIDIA). Newsrooms and news agencies are skipped: they report
     * announcements.
     */
    private EntityRef subjectBefore(Sentence s, List<Entity> se, int offset) {
        String text = s.text();
        int limit = Math.max(0, Math.min(text.length(), offset - s.start()));
        List<int[]> boundaries = new ArrayList<>();
        Matcher m = REPORTING.matcher(text);
        m.region(0, limit);
        while (m.find()) {
            boundaries.add(new int[] {s.start() + m.start(), s.start() + m.end()});
        }
        int segmentEnd = offset;
        for (int b = boundaries.size() - 1; b >= -1; b--) {
            int segmentStart = b >= 0 ? boundaries.get(b)[1] : s.start();
            EntityRef found = lastCompanyIn(se, segmentStart, segmentEnd);
            if (found != null) {
                return found;
            }
            if (b >= 0) {
                segmentEnd = boundaries.get(b)[0];
            }
        }
        return null;
    }

    /** The linked company named last in [from, to), one with a CIK before one without; no newsrooms. */
    private EntityRef lastCompanyIn(List<Entity> se, int from, int to) {
        EntityRef best = null;
        for (Entity x : se) {
            if (x.start() >= to) {
                break;
            }
            if (x.start() < from || x.type() != EntityType.ORG || x.canonical() == null
                    || known.isNewsOutlet(x.canonical())) {
                continue;
            }
            if (best == null || x.canonical().cik() != null || best.cik() == null) {
                best = x.canonical();
            }
        }
        return best;
    }

    private EntityRef subject(Sentence sentence, List<Entity> se, int offset, EntityRef dominant) {
        EntityRef s = subjectBefore(sentence, se, offset);
        if (s != null) {
            return s;
        }
        for (Entity x : se) {
            if (x.type() == EntityType.ORG && x.canonical() != null && !known.isNewsOutlet(x.canonical())) {
                return x.canonical();
            }
        }
        return dominant;
    }

    private EntityRef firstOrgBefore(List<Entity> se, int offset) {
        for (Entity x : se) {
            if (x.start() >= offset) {
                break;
            }
            if (x.type() == EntityType.ORG && x.canonical() != null && !known.isNewsOutlet(x.canonical())) {
                return x.canonical();
            }
        }
        return null;
    }

    /** The first company in the sentence that files with the SEC (regulators and agencies do not). */
    private static EntityRef firstFiler(List<Entity> se) {
        for (Entity x : se) {
            if (x.type() == EntityType.ORG && x.canonical() != null && x.canonical().cik() != null) {
                return x.canonical();
            }
        }
        return null;
    }

    /** An ACQUISITION read from sentence {@code s} (its text as the rules read it). */
    private static Fact acquisition(Sentence s, EntityRef buyer, EntityRef target, Money amount, double confidence) {
        Fact f = new Fact(AnnouncementType.ACQUISITION);
        f.company = buyer;
        f.target = target;
        f.amount = amount;
        f.evidence = new Evidence(s.text(), s.start(), s.end());
        f.confidence = confidence;
        f.lastSentence = s.index();
        return f;
    }

    /** What a name links to: its canonical entry, else the name as written. */
    private static EntityRef refOf(Entity x) {
        return x.canonical() != null ? x.canonical() : new EntityRef(null, x.text(), null, null);
    }

    private EntityRef objectAfter(List<Entity> se, int offset, EntityRef not, EntityType type) {
        for (Entity x : se) {
            if (x.start() < offset || x.type() != type || known.isNewsOutlet(x.canonical())) {
                continue;
            }
            EntityRef ref = refOf(x);
            if (not == null || !ref.id().equals(not.id())) {
                return ref;
            }
        }
        return null;
    }

    private EntityRef secondOrgBefore(List<Entity> se, int offset, EntityRef not) {
        for (Entity x : se) {
            if (x.start() >= offset) {
                break;
            }
            if (x.type() == EntityType.ORG && !known.isNewsOutlet(x.canonical())) {
                EntityRef ref = refOf(x);
                if (!ref.id().equals(not.id())) {
                    return ref;
                }
            }
        }
        return null;
    }

    /** The money amount closest to a trigger: "$26 billion investment" (before) or "invest $26 billion" (after). */
    private static Quantity nearestMoney(List<Quantity> sq, int triggerStart, int triggerEnd) {
        Quantity best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Quantity q : sq) {
            if (q.kind() != QuantityKind.MONEY) {
                continue;
            }
            int distance = q.start() >= triggerEnd ? q.start() - triggerEnd : Math.max(0, triggerStart - q.end()) + 5;
            if (distance < bestDistance) {
                best = q;
                bestDistance = distance;
            }
        }
        return bestDistance <= 160 ? best : null;
    }

    /**
     * The span of time an investment is spread over ("over the next five years"): the sentence's first duration that
     * does not instead say when, relative to something else ("four weeks after it pledged $26 billion", "two years
     * ago").
     */
    private static String period(Sentence s, List<Quantity> sq) {
        for (Quantity q : sq) {
            if (q.kind() == QuantityKind.DURATION && q.normalized() != null) {
                int after = Math.min(Math.max(q.end() - s.start(), 0), s.text().length());
                if (!RELATIVE_TIME.matcher(s.text()).region(after, s.text().length()).lookingAt()) {
                    return q.normalized();
                }
            }
        }
        return null;
    }

    /**
     * The first launch verb of a sentence that reports a launch, not one that dates something by an earlier or later
     * launch ("deals signed since the product's launch", "ahead of its release").
     */
    private static Matcher launchTrigger(String text) {
        Matcher m = RELEASE.matcher(text);
        while (m.find()) {
            Matcher when = LAUNCH_AS_TIME.matcher(text).region(0, m.start());
            if (!when.find()) {
                return m;
            }
        }
        return null;
    }

    private static final Pattern ACTIVE_WORD = Pattern.compile("\\bactiv");
    /** After a number: "12 billion active", "... parameters are active", "35 billion of them active". */
    private static final Pattern ACTIVE_AFTER = Pattern.compile(
            "\\W{0,3}(?:(?:of\\s+(?:them|which|these|those)|are|is|were|being)\\W+)*activ(?:e|ated)\\b");
    private static final Pattern MAKE = Pattern.compile("(?i)ma(de|kes|king)");
    private static final Pattern AVAILABLE = Pattern.compile("(?i)\\bavailable\\b");

    private static final Pattern LAUNCH_AS_TIME = Pattern.compile("(?i)\\b(?:since|after|before|until|ahead\\s+of)"
            + "\\s+(?:(?:the|its|their|his|her|this|that)\\s+)?(?:[\\p{L}\\p{N}.&-]+['\u2019]s\\s+)?$");

    /** Words after a duration that make it a point in time relative to another, not a span: "... after", "... ago". */
    private static final Pattern RELATIVE_TIME = Pattern.compile(
            "(?i)\\s*(?:after|ago|before|later|earlier|since|prior|into|from\\s+now)\\b");

    private static Money money(Quantity q) {
        return new Money(q.value(), q.unit(), Currencies.toUsd(q.value(), q.unit()));
    }

    // ---------------------------------------------------------------- merging

    /** Adds a fact, or folds it into the one it repeats; returns the fact that holds it. */
    private static Fact merge(List<Fact> facts, Fact f) {
        for (Fact existing : facts) {
            if (existing.type == f.type && sameFact(existing, f)) {
                existing.amount = existing.amount == null ? f.amount : existing.amount;
                existing.period = existing.period == null ? f.period : existing.period;
                existing.target = existing.target == null ? f.target : existing.target;
                existing.counterparty = existing.counterparty == null ? f.counterparty : existing.counterparty;
                existing.parameters = existing.parameters == null ? f.parameters : existing.parameters;
                existing.activeParameters = existing.activeParameters == null ? f.activeParameters
                        : existing.activeParameters;
                existing.contextTokens = existing.contextTokens == null ? f.contextTokens : existing.contextTokens;
                existing.openWeights = existing.openWeights == null ? f.openWeights : existing.openWeights;
                existing.modalities.addAll(f.modalities);
                existing.company = existing.company == null ? f.company : existing.company;
                if (f.confidence > existing.confidence + 0.05) {
                    existing.evidence = f.evidence;
                }
                existing.confidence = Math.max(existing.confidence, f.confidence);
                existing.lastSentence = Math.max(existing.lastSentence, f.lastSentence);
                return existing;
            }
        }
        facts.add(f);
        return f;
    }

    private static boolean sameFact(Fact a, Fact b) {
        if (a.type == AnnouncementType.PARTNERSHIP && a.company != null && b.company != null && a.counterparty != null
                && b.counterparty != null && a.company.id().equals(b.counterparty.id())
                && a.counterparty.id().equals(b.company.id())) {
            return true; // the same partnership told from the other side
        }
        if (a.company != null && b.company != null && !a.company.id().equals(b.company.id())) {
            return false;
        }
        return switch (a.type) {
            case MODEL_RELEASE -> a.modelName.equalsIgnoreCase(b.modelName);
            // one results report per company per document: its figures (revenue, income, EPS) are one fact
            case EARNINGS -> a.company != null && b.company != null || a.amount == null || b.amount == null
                    || a.amount.value().compareTo(b.amount.value()) == 0;
            case INVESTMENT, FUNDING_ROUND -> a.amount == null || b.amount == null
                    || a.amount.value().compareTo(b.amount.value()) == 0 && a.amount.currency().equals(
                    b.amount.currency()) || sameUsd(a.amount, b.amount);
            case ACQUISITION -> a.target == null || b.target == null || a.target.id().equals(b.target.id());
            case PARTNERSHIP -> a.counterparty == null || b.counterparty == null
                    || a.counterparty.id().equals(b.counterparty.id());

            case PRODUCT_LAUNCH -> a.target == null || b.target == null || a.target.id().equals(b.target.id());
            case EXECUTIVE_CHANGE -> a.target == null || b.target == null || a.target.id().equals(b.target.id());
            default -> true;
        };
    }

    /** "$26 billion (about RMB 178.8 billion)": the same amount in two currencies. */
    private static boolean sameUsd(Money a, Money b) {
        if (a.usd() == null || b.usd() == null || a.currency().equals(b.currency())) {
            return false;
        }
        BigDecimal diff = a.usd().subtract(b.usd()).abs();
        return diff.compareTo(a.usd().abs().multiply(new BigDecimal("0.05"))) <= 0;
    }

    private static boolean complete(Fact f) {
        return switch (f.type) {
            case MODEL_RELEASE -> f.modelName != null && f.company != null;
            case INVESTMENT, FUNDING_ROUND, EARNINGS -> f.company != null && f.amount != null;
            default -> f.company != null;
        } && f.evidence != null && f.confidence >= 0.6;
    }

    private static Announcement toAnnouncement(Fact f, DocumentContext context) {
        AiModel model = f.type == AnnouncementType.MODEL_RELEASE
                ? new AiModel(f.modelName, f.parameters, f.activeParameters, f.contextTokens, f.openWeights,
                List.copyOf(f.modalities))
                : null;
        return new Announcement(Announcement.SCHEMA_VERSION,
                Announcement.idFor(context.documentId(), f.type, f.evidence.start(), f.evidence.end()), f.type,
                context.documentId(), f.company, f.amount, f.period, f.target, f.counterparty, model, f.item,
                f.evidence, Math.min(1.0, round(f.confidence)), context.publishedAt(), context.url(), context.title(),
                context.source(), null);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    // ---------------------------------------------------------------- 8-K items

    /**
     * One announcement per reportable 8-K item (9.01, exhibits only, has none). An item whose text already yielded
     * a typed announcement (an acquisition read from an 8.01 section) gives that announcement its item code instead
     * of a generic one.
     */
    private List<Announcement> itemAnnouncements(AnalyzedText analyzed, List<Entity> analyzedEntities, Filing filing,
                                                 DocumentContext context, List<Fact> facts) {
        List<Announcement> out = new ArrayList<>();
        EntityRef filer = filerRef(filing);
        if (filer == null || filer.cik() == null) {
            // No CIK and a name the list does not know: the company the text links most often, when there is one.
            EntityRef dominant = dominantCompany(analyzedEntities, new DocumentContext(context.documentId(),
                    context.title(), context.url(), context.source(), context.publishedAt(), null));
            filer = dominant != null ? dominant : filer;
        }
        if (filer == null) {
            return out; // an 8-K whose filer nobody can tell: its text facts still stand on their own
        }
        Set<String> items = new LinkedHashSet<>();
        for (String item : filing.items()) {
            items.add(item.strip());
        }
        for (Filing.FilingSection section : filing.sections()) {
            if (section.item() != null) {
                items.add(section.item().strip());
            }
        }
        for (String item : items) {
            if (!ITEM_NUMBER.matcher(item).matches() || SILENT_ITEMS.contains(item)) {
                continue; // exhibits ("EX-99.1") are not items
            }
            Filing.FilingSection section = filing.sections().stream()
                    .filter(sec -> item.equals(sec.item())).findFirst().orElse(null);
            AnnouncementType type = ITEM_TYPES.getOrDefault(item, AnnouncementType.MATERIAL_EVENT);
            if (section != null) {
                Fact typed = null;
                for (Fact f : facts) {
                    if (f.evidence != null && f.evidence.start() >= section.start() && f.evidence.end() <= section.end()
                            && (type == AnnouncementType.MATERIAL_EVENT || f.type == type)) {
                        typed = f;
                        break;
                    }
                }
                if (typed != null) {
                    typed.item = item;
                    // the filer reports its own items: a name read from the text ("111, Inc.") does not replace it
                    typed.company = typed.company == null || typed.company.cik() == null ? filer : typed.company;
                    continue;
                }
            }
            Evidence evidence = itemEvidence(analyzed, section, filing, item);
            if (evidence == null) {
                continue;
            }
            // The typed text facts of the same kind are this item's details: fold them in.
            Fact f = new Fact(type);
            f.company = filer;
            f.item = item;
            f.evidence = evidence;
            f.confidence = 0.95;
            for (java.util.Iterator<Fact> it = facts.iterator(); it.hasNext(); ) {
                Fact t = it.next();
                if (t.type == type && (t.company == null || t.company.id().equals(filer.id()))) {
                    f.amount = f.amount == null ? t.amount : f.amount;
                    f.target = f.target == null ? t.target : f.target;
                    f.counterparty = f.counterparty == null ? t.counterparty : f.counterparty;
                    it.remove();
                }
            }
            out.add(toAnnouncement(f, context));
        }
        return out;
    }

    private static Evidence itemEvidence(AnalyzedText analyzed, Filing.FilingSection section, Filing filing,
                                         String item) {
        String text = analyzed.text();
        if (section != null && section.end() <= text.length() && section.end() > section.start()) {
            for (Sentence s : analyzed.sentences()) {
                if (s.start() >= section.start() && s.end() <= section.end() && s.text().length() > 30
                        && !s.text().toLowerCase(Locale.ROOT).startsWith("item")) {
                    return new Evidence(s.text(), s.start(), s.end());
                }
            }
            String sectionText = text.substring(section.start(), section.end()).strip();
            if (!sectionText.isEmpty()) {
                int start = text.indexOf(sectionText, section.start());
                return new Evidence(sectionText, start, start + sectionText.length());
            }
        }
        // No section offsets: the first sentence naming the item, else the first sentence of the document.
        for (Sentence s : analyzed.sentences()) {
            if (s.text().contains(item)) {
                return new Evidence(s.text(), s.start(), s.end());
            }
        }
        if (!analyzed.sentences().isEmpty()) {
            Sentence s = analyzed.sentences().get(0);
            return new Evidence(s.text(), s.start(), s.end());
        }
        return null;
    }
}
