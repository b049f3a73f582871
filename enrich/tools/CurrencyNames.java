// Writes enrich/src/main/resources/dev/newsintel/enrich/quantities/currency-names.txt: the English names of the
// ISO 4217 currencies, from the Unicode CLDR data that the JDK carries (Unicode licence, permissive).
//
//   java enrich/tools/CurrencyNames.java enrich/src/main/resources/dev/newsintel/enrich/entities/english-words.txt \
//       > enrich/src/main/resources/dev/newsintel/enrich/quantities/currency-names.txt
//
// Run it with the JDK the project names in the README (the file records which one); CLDR's names change little.
// The hand-written names in Currencies.java still win where they choose ("pound" is GBP, "franc" CHF, "dollar" USD);
// this file gives the rest of the world's currencies their names ("40,000 Kenyan shillings", "1.2 billion forints").
//
// Kept: currencies with a minor unit (metals, funds and test codes have none), names without a bracket (those are
// earlier issues of a currency, "Afghan Afghani (1927–2002)") and the fund codes' names left out. Each name gives
// its lower-case form, its plural (on the last word: "kroner", "reais", "lei", else "-s"), and the same without
// accents or with "and" for "&". A last word is also kept alone ("word": "500 forints") when it names one currency
// only, has four letters or more, and is no English word in lower case ("dollar", "real", "mark" are left to the
// hand-written choices or not taken); the extractor takes those only written in lower case, so "the 1964 Leone
// film" is no money.
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

public class CurrencyNames {
    /** ISO 4217 fund codes: units of account, not money anyone is paid in. */
    private static final Set<String> FUNDS = Set.of("BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "USS", "UYI",
            "UYW", "XAD");

    private static final Map<String, List<String>> IRREGULAR_PLURALS = Map.ofEntries(
            Map.entry("krone", List.of("kroner")), Map.entry("krona", List.of("kronor")),
            Map.entry("króna", List.of("krónur")), Map.entry("lira", List.of("lire", "liras")),
            Map.entry("real", List.of("reais")), Map.entry("leu", List.of("lei")), Map.entry("lev", List.of("leva")),
            Map.entry("lek", List.of("lekë", "leke")), Map.entry("lats", List.of("lati")),
            Map.entry("litas", List.of("litai")), Map.entry("kroon", List.of("krooni")),
            Map.entry("markka", List.of("markkaa")), Map.entry("loti", List.of("maloti")),
            Map.entry("lilangeni", List.of("emalangeni")), Map.entry("metical", List.of("meticais")),
            Map.entry("colón", List.of("colones")), Map.entry("bolívar", List.of("bolívares")),
            Map.entry("sol", List.of("soles")), Map.entry("quetzal", List.of("quetzales")),
            Map.entry("guarani", List.of("guaranies", "guaranis")), Map.entry("kuna", List.of("kune", "kunas")),
            Map.entry("denar", List.of("denari", "denars")), Map.entry("zloty", List.of("zlotys", "zlotych")),
            Map.entry("koruna", List.of("korunas", "koruny")), Map.entry("hryvnia", List.of("hryvnias", "hryvni")),
            Map.entry("drachma", List.of("drachmas", "drachmae")));

    /** Words that stay the same in the plural. */
    private static final Set<String> INVARIANT = Set.of("yen", "yuan", "won", "rand", "naira", "baht", "kip",
            "taka", "tenge", "kwacha", "pula", "tala", "vatu", "kina", "rupiah", "ariary", "ouguiya", "rufiyaa", "birr",
            "nakfa", "dalasi", "dong", "som", "somoni", "ngultrum", "pataca", "paʻanga", "tugrik", "riel", "cedi");

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java CurrencyNames.java <english-words.txt>");
            System.exit(2);
        }
        Set<String> englishWords = new HashSet<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.startsWith("#")) {
                englishWords.add(line.strip());
            }
        }
        TreeMap<String, String> currencies = new TreeMap<>(); // lower-case name -> code
        TreeMap<String, Set<String>> lastWords = new TreeMap<>();
        for (Currency currency : Currency.getAvailableCurrencies()) {
            String code = currency.getCurrencyCode();
            String name = currency.getDisplayName(Locale.ENGLISH);
            if (currency.getDefaultFractionDigits() < 0 || FUNDS.contains(code) || name.contains("(")
                    || name.equalsIgnoreCase(code)) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            currencies.put(lower, code);
            lastWords.computeIfAbsent(lower.substring(lower.lastIndexOf(' ') + 1), k -> new TreeSet<>()).add(code);
        }
        TreeMap<String, String> names = new TreeMap<>();
        collect(currencies, names, false);
        collect(currencies, names, true);
        TreeMap<String, String> words = new TreeMap<>();
        TreeMap<String, String> ownWords = new TreeMap<>();
        lastWords.forEach((word, codes) -> {
            if (codes.size() == 1 && word.length() >= 4 && !englishWords.contains(plain(word))) {
                ownWords.put(word, codes.iterator().next());
            }
        });
        collect(ownWords, words, false);
        collect(ownWords, words, true);
        System.out.println("# English names of ISO 4217 currencies: code, lower-case name, and \"name\" (any case)");
        System.out.println("# or \"word\" (a currency's own word, taken in lower case only). From the Unicode CLDR");
        System.out.println("# data of the JDK " + Runtime.version().feature() + " (Unicode licence), written by"
                + " enrich/tools/CurrencyNames.java; see its header.");
        for (Map.Entry<String, String> e : names.entrySet()) {
            System.out.println(e.getValue() + "\t" + e.getKey() + "\tname");
        }
        for (Map.Entry<String, String> e : words.entrySet()) {
            System.out.println(e.getValue() + "\t" + e.getKey() + "\tword");
        }
    }

    /**
     * Adds each name's forms as written, or (second pass) without accents; a form already taken keeps its first
     * currency, so "krona" stays the Swedish krona and is not also the Icelandic "króna" without its accent.
     */
    private static void collect(Map<String, String> currencies, Map<String, String> into, boolean plain) {
        currencies.forEach((name, code) -> {
            for (String form : forms(name)) {
                into.putIfAbsent(plain ? plain(form) : form, code);
            }
        });
    }

    /** The name and its plural, each also with "and" for "&". */
    private static Set<String> forms(String name) {
        int space = name.lastIndexOf(' ');
        String head = name.substring(0, space + 1);
        String last = name.substring(space + 1);
        Set<String> lasts = new LinkedHashSet<>();
        lasts.add(last);
        if (IRREGULAR_PLURALS.containsKey(last)) {
            lasts.addAll(IRREGULAR_PLURALS.get(last));
        } else if (!INVARIANT.contains(last) && !last.endsWith("s")) {
            lasts.add(last + "s");
        }
        Set<String> forms = new LinkedHashSet<>();
        for (String l : lasts) {
            forms.add(head + l);
            forms.add((head + l).replace(" & ", " and "));
        }
        return forms;
    }

    /** Without accents: "córdoba" is also written "cordoba"; "paʻanga" "paanga". */
    private static String plain(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("ʻ", "");
    }
}
