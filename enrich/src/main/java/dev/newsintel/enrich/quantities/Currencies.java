package dev.newsintel.enrich.quantities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Currency vocabulary: symbols, ISO 4217 codes and English currency names, each resolved to an ISO code, plus the
 * reference rates used for {@code Money.usd}.
 *
 * <p>Resolution choices for ambiguous forms (documented in docs/enrichment.md): an unqualified {@code $} or
 * "dollar" is USD; {@code ¥} is JPY ("yuan", "RMB" and "CN¥" are CNY); "pound(s)" is GBP unless qualified
 * (Egyptian, Lebanese); "franc(s)" without "Swiss" is CHF; Bitcoin uses the de-facto code XBT.
 */
public final class Currencies {
    /** Date of the reference rates below. */
    public static final LocalDate RATES_DATE = LocalDate.of(2025, 1, 2);

    /**
     * Units of currency per one US dollar: approximate mid-market reference rates of {@link #RATES_DATE}. They serve
     * ranking and filtering ("investments over $1B"), not accounting; currencies missing here get no USD value.
     */
    private static final Map<String, BigDecimal> PER_USD = Map.ofEntries(
            Map.entry("USD", new BigDecimal("1")),
            Map.entry("EUR", new BigDecimal("0.966")),
            Map.entry("GBP", new BigDecimal("0.804")),
            Map.entry("JPY", new BigDecimal("157.2")),
            Map.entry("CNY", new BigDecimal("7.30")),
            Map.entry("CAD", new BigDecimal("1.44")),
            Map.entry("AUD", new BigDecimal("1.61")),
            Map.entry("CHF", new BigDecimal("0.907")),
            Map.entry("INR", new BigDecimal("85.7")),
            Map.entry("HKD", new BigDecimal("7.77")),
            Map.entry("KRW", new BigDecimal("1470")),
            Map.entry("SGD", new BigDecimal("1.365")),
            Map.entry("TWD", new BigDecimal("32.9")),
            Map.entry("NZD", new BigDecimal("1.78")),
            Map.entry("SEK", new BigDecimal("11.05")),
            Map.entry("NOK", new BigDecimal("11.35")),
            Map.entry("DKK", new BigDecimal("7.20")),
            Map.entry("MXN", new BigDecimal("20.6")),
            Map.entry("BRL", new BigDecimal("6.18")),
            Map.entry("ZAR", new BigDecimal("18.8")),
            Map.entry("ILS", new BigDecimal("3.65")),
            Map.entry("SAR", new BigDecimal("3.75")),
            Map.entry("AED", new BigDecimal("3.6725")),
            Map.entry("QAR", new BigDecimal("3.64")),
            Map.entry("KWD", new BigDecimal("0.308")),
            Map.entry("MYR", new BigDecimal("4.47")),
            Map.entry("THB", new BigDecimal("34.3")),
            Map.entry("IDR", new BigDecimal("16200")),
            Map.entry("PLN", new BigDecimal("4.13")),
            Map.entry("TRY", new BigDecimal("35.4")));

    /** Active ISO 4217 codes (and XBT), recognised next to a number. */
    static final Set<String> ISO_CODES = Set.of(
            "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD",
            "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY",
            "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP",
            "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR",
            "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT",
            "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR",
            "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK",
            "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD",
            "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY",
            "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XOF",
            "XPF", "YER", "ZAR", "ZMW", "ZWL", "XBT");

    /** Codes that are also English words; only the upper-case form right next to a number counts. */
    static final Set<String> WORD_LIKE_CODES = Set.of("ALL", "BOB", "CUP", "MOP", "PEN", "TOP", "TRY", "GEL", "SOS",
            "PAB", "RON", "NAD", "MAD", "BAM");

    /** Codes common enough that their lower-case form ("usd", "rmb") is unambiguous next to a number. */
    static final Set<String> LOWERCASE_CODES = Set.of("USD", "EUR", "GBP", "CNY", "JPY", "INR", "CAD", "AUD", "CHF",
            "HKD", "NZD", "SGD", "MXN", "KRW", "BTC", "RMB", "XBT");

    /** Symbols, resolved without a letter prefix. */
    static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("$", "USD"), Map.entry("€", "EUR"), Map.entry("£", "GBP"), Map.entry("¥", "JPY"),
            Map.entry("￥", "JPY"), Map.entry("₹", "INR"), Map.entry("₩", "KRW"), Map.entry("₽", "RUB"),
            Map.entry("₺", "TRY"), Map.entry("₪", "ILS"), Map.entry("₫", "VND"), Map.entry("₱", "PHP"),
            Map.entry("₦", "NGN"), Map.entry("₡", "CRC"), Map.entry("₾", "GEL"), Map.entry("₭", "LAK"),
            Map.entry("₴", "UAH"), Map.entry("₸", "KZT"), Map.entry("₿", "XBT"), Map.entry("฿", "THB"),
            Map.entry("ரூ", "LKR"), Map.entry("₨", "PKR"));

    /** Letter prefixes of {@code $} (and {@code ¥}): "US$", "C$", "HK$", "NT$", "CN¥". Lower-case keys. */
    static final Map<String, String> DOLLAR_PREFIXES = Map.ofEntries(
            Map.entry("us", "USD"), Map.entry("u.s.", "USD"), Map.entry("u.s", "USD"), Map.entry("usd", "USD"),
            Map.entry("c", "CAD"), Map.entry("ca", "CAD"), Map.entry("can", "CAD"), Map.entry("cad", "CAD"),
            Map.entry("a", "AUD"), Map.entry("au", "AUD"), Map.entry("aud", "AUD"),
            Map.entry("hk", "HKD"), Map.entry("hkd", "HKD"), Map.entry("nz", "NZD"), Map.entry("nzd", "NZD"),
            Map.entry("s", "SGD"), Map.entry("sg", "SGD"), Map.entry("sgd", "SGD"), Map.entry("nt", "TWD"),
            Map.entry("r", "BRL"), Map.entry("mx", "MXN"), Map.entry("mxn", "MXN"), Map.entry("cn", "CNY"),
            Map.entry("rmb", "CNY"));

    /**
     * Currency words that several countries use, each with the countries' words (names, demonyms, capitals) that say
     * which one a text means, and the currency taken when it names none of them (null: no amount is read, since
     * "500 dinars" alone could be a Kuwaiti dinar worth 3 dollars or an Iraqi one worth a thousandth of that). Read
     * by {@link #resolve}.
     */
    private static final Map<String, Ambiguous> AMBIGUOUS = buildAmbiguous();

    private record Ambiguous(String fallback, Map<String, String> byCountryWord) {
    }

    private static Map<String, Ambiguous> buildAmbiguous() {
        Map<String, Ambiguous> m = new HashMap<>();
        ambiguous(m, null, List.of("dinar", "dinars"), "Kuwait KWD", "Kuwaiti KWD", "Iraq IQD", "Iraqi IQD",
                "Baghdad IQD", "Jordan JOD", "Jordanian JOD", "Amman JOD", "Bahrain BHD", "Bahraini BHD",
                "Algeria DZD", "Algerian DZD", "Tunisia TND", "Tunisian TND", "Libya LYD", "Libyan LYD",
                "Serbia RSD", "Serbian RSD", "Belgrade RSD");
        ambiguous(m, "AED", List.of("dirham", "dirhams"), "Morocco MAD", "Moroccan MAD", "Rabat MAD",
                "Casablanca MAD");
        ambiguous(m, "SAR", List.of("riyal", "riyals"), "Qatar QAR", "Qatari QAR", "Doha QAR", "Oman OMR",
                "Omani OMR", "Yemen YER", "Yemeni YER");
        ambiguous(m, "IRR", List.of("rial", "rials"), "Oman OMR", "Omani OMR", "Muscat OMR", "Yemen YER",
                "Yemeni YER");
        ambiguous(m, "GBP", List.of("pound", "pounds"), "Egypt EGP", "Egyptian EGP", "Cairo EGP", "Lebanon LBP",
                "Lebanese LBP", "Beirut LBP", "Syria SYP", "Syrian SYP", "Sudan SDG", "Sudanese SDG");
        ambiguous(m, null, List.of("peso", "pesos"), "Mexico MXN", "Mexican MXN", "Philippines PHP",
                "Philippine PHP", "Filipino PHP", "Manila PHP", "Argentina ARS", "Argentine ARS", "Argentina's ARS",
                "Chile CLP", "Chilean CLP", "Colombia COP", "Colombian COP", "Uruguay UYU", "Uruguayan UYU",
                "Dominican DOP", "Cuba CUP", "Cuban CUP");
        ambiguous(m, "INR", List.of("rupee", "rupees"), "Pakistan PKR", "Pakistani PKR", "Karachi PKR",
                "Islamabad PKR", "Sri Lanka LKR", "Sri Lankan LKR", "Colombo LKR", "Nepal NPR", "Nepali NPR",
                "Nepalese NPR", "Mauritius MUR", "Mauritian MUR", "Seychelles SCR");
        ambiguous(m, null, List.of("shilling", "shillings"), "Kenya KES", "Kenyan KES", "Nairobi KES",
                "Uganda UGX", "Ugandan UGX", "Kampala UGX", "Tanzania TZS", "Tanzanian TZS", "Somalia SOS",
                "Somali SOS");
        ambiguous(m, null, List.of("krone", "kroner"), "Denmark DKK", "Danish DKK", "Copenhagen DKK",
                "Norway NOK", "Norwegian NOK", "Oslo NOK");
        ambiguous(m, "SEK", List.of("krona", "kronor"), "Iceland ISK", "Icelandic ISK", "Reykjavik ISK");
        ambiguous(m, "CHF", List.of("franc", "francs"), "Rwanda RWF", "Rwandan RWF", "Congo CDF",
                "Congolese CDF", "Guinea GNF", "Guinean GNF", "Burundi BIF", "Djibouti DJF");
        ambiguous(m, "KRW", List.of("won"), "North Korea KPW", "North Korean KPW", "Pyongyang KPW");
        ambiguous(m, null, List.of("manat", "manats"), "Azerbaijan AZN", "Azerbaijani AZN", "Baku AZN",
                "Turkmenistan TMT", "Turkmen TMT");
        ambiguous(m, null, List.of("kwacha"), "Malawi MWK", "Malawian MWK", "Zambia ZMW", "Zambian ZMW");
        ambiguous(m, "RON", List.of("leu", "lei"), "Moldova MDL", "Moldovan MDL", "Chisinau MDL");
        return Map.copyOf(m);
    }

    private static void ambiguous(Map<String, Ambiguous> m, String fallback, List<String> words, String... cues) {
        Map<String, String> byWord = new HashMap<>();
        for (String cue : cues) {
            int space = cue.lastIndexOf(' ');
            byWord.put(cue.substring(0, space), cue.substring(space + 1));
        }
        for (String w : words) {
            m.put(w, new Ambiguous(fallback, Map.copyOf(byWord)));
        }
    }

    /** The names of {@code currency-names.txt} that are a currency's own word, taken only in lower case. */
    static final Set<String> LOWER_CASE_ONLY;

    /**
     * Currency names as they follow (or, for a few, precede) a number, longest first when matched. Lower-case.
     * Plural and singular forms are listed; "pence", "cents" and kin are handled as hundredths. The hand-written
     * names below choose for the ambiguous ones ("pound", "franc", "dollar"); the rest of the world's currencies
     * come from {@code currency-names.txt} (CLDR's English names: "Kenyan shillings", "forints").
     */
    static final Map<String, String> NAMES;

    static {
        Map<String, String> names = new HashMap<>(buildNames());
        Set<String> lowerCaseOnly = new HashSet<>();
        for (String[] row : currencyNames()) {
            if (names.putIfAbsent(row[1], row[0]) == null && "word".equals(row[2])) {
                lowerCaseOnly.add(row[1]);
            }
        }
        for (String shared : AMBIGUOUS.keySet()) {
            names.putIfAbsent(shared, ""); // a name to match, whose currency resolve() reads from the text
        }
        NAMES = Map.copyOf(names);
        LOWER_CASE_ONLY = Set.copyOf(lowerCaseOnly);
    }

    /** Minor units: one hundredth of the currency. */
    static final Map<String, String> MINOR_NAMES = Map.ofEntries(
            Map.entry("cent", "USD"), Map.entry("cents", "USD"), Map.entry("c", "USD"), Map.entry("penny", "USD"),
            Map.entry("pennies", "USD"), Map.entry("pence", "GBP"), Map.entry("p", "GBP"),
            Map.entry("sen", "MYR"), Map.entry("sens", "MYR"), Map.entry("mao", "CNY"));

    private static Map<String, String> buildNames() {
        Map<String, String> m = new HashMap<>();
        put(m, "USD", "dollar", "dollars", "us dollar", "us dollars", "u.s. dollar", "u.s. dollars", "usd dollars",
                "american dollar", "american dollars", "united states dollar", "united states dollars", "bucks",
                "buck");
        put(m, "CAD", "canadian dollar", "canadian dollars");
        put(m, "AUD", "australian dollar", "australian dollars");
        put(m, "HKD", "hong kong dollar", "hong kong dollars", "hk dollars");
        put(m, "NZD", "new zealand dollar", "new zealand dollars");
        put(m, "SGD", "singapore dollar", "singapore dollars");
        put(m, "TWD", "taiwan dollar", "taiwan dollars", "new taiwan dollars");
        put(m, "EUR", "euro", "euros");
        put(m, "GBP", "pound", "pounds", "pound sterling", "pounds sterling", "sterling", "british pound",
                "british pounds", "quid");
        put(m, "EGP", "egyptian pound", "egyptian pounds", "egyptianpound", "egyptianpounds");
        put(m, "LBP", "lebanese pound", "lebanese pounds");
        put(m, "JPY", "yen", "japanese yen");
        put(m, "CNY", "yuan", "chinese yuan", "renminbi", "rmb", "kuai");
        put(m, "INR", "rupee", "rupees", "indian rupee", "indian rupees", "lakh rupees", "crore rupees");
        put(m, "PKR", "pakistani rupee", "pakistani rupees");
        put(m, "LKR", "sri lankan rupee", "sri lankan rupees");
        put(m, "CHF", "swiss franc", "swiss francs", "franc", "francs");
        put(m, "FIM", "finnish markka", "finnish markkaa", "markka", "markkaa");
        put(m, "ESP", "peseta", "pesetas", "spanish pesetas");
        put(m, "NLG", "dutch guilder", "dutch guilders", "guilder", "guilders", "netherlands guilders");
        put(m, "DEM", "deutsche mark", "deutsche marks", "deutschmark", "deutschmarks", "d-marks");
        put(m, "KWD", "kuwaiti dinar", "kuwaiti dinars");
        put(m, "QAR", "qatari riyal", "qatari riyals");
        put(m, "SAR", "saudi riyal", "saudi riyals", "saudiriyal", "saudiriyals", "riyal", "riyals");
        put(m, "IRR", "iranian rial", "iranian rials", "rial", "rials");
        put(m, "MYR", "ringgit", "ringgits", "malaysian ringgit", "malaysian ringgits", "malaysia ringgit",
                "malaysia ringgits");
        put(m, "MNT", "tugrik", "tugriks", "tögrög", "mongolian tugrik");
        put(m, "TRY", "lira", "turkish lira", "turkish liras");
        put(m, "KRW", "korean won", "south korean won", "won");
        put(m, "RUB", "ruble", "rubles", "rouble", "roubles");
        put(m, "MXN", "mexican peso", "mexican pesos");
        put(m, "PHP", "philippine peso", "philippine pesos");
        put(m, "BRL", "real", "reais", "brazilian real", "brazilian reais");
        put(m, "ZAR", "rand", "south african rand");
        put(m, "SEK", "swedish krona", "swedish kronor");
        put(m, "NOK", "norwegian krone", "norwegian kroner");
        put(m, "DKK", "danish krone", "danish kroner");
        put(m, "PLN", "zloty", "zlotys", "polish zloty");
        put(m, "ILS", "shekel", "shekels", "new shekels", "israeli shekels");
        put(m, "THB", "baht", "thai baht");
        put(m, "VND", "vietnamese dong");
        put(m, "IDR", "rupiah", "indonesian rupiah");
        put(m, "NGN", "naira", "nigerian naira");
        put(m, "XBT", "bitcoin", "bitcoins", "btc");
        return Map.copyOf(m);
    }

    /** Rows of code, lower-case name and kind ("name" or "word") of the bundled CLDR currency names. */
    private static List<String[]> currencyNames() {
        String resource = "/dev/newsintel/enrich/quantities/currency-names.txt";
        try (InputStream in = Currencies.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t");
                if (row.length != 3) {
                    throw new IllegalStateException(resource + ": expected code, name and kind in \"" + line + "\"");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    private static void put(Map<String, String> m, String code, String... names) {
        for (String n : names) {
            m.put(n, code);
        }
    }

    /** How far before an amount a country's word still says which currency a shared word means. */
    private static final int COUNTRY_WINDOW = 600;

    /**
     * The currency a found name means in {@code text}: its own code, or for a word several countries use ("dinars",
     * "pesos", "pounds"), the currency of the country the text names last before the amount (within a few
     * sentences), else the word's usual currency, else null.
     */
    static String resolve(String name, String text, int at) {
        Ambiguous a = AMBIGUOUS.get(name);
        if (a == null) {
            return NAMES.get(name);
        }
        String code = a.fallback();
        int best = -1;
        int from = Math.max(0, at - COUNTRY_WINDOW);
        for (Map.Entry<String, String> cue : a.byCountryWord().entrySet()) {
            int i = text.lastIndexOf(cue.getKey(), at);
            while (i >= from && !wholeWord(text, i, cue.getKey().length())) {
                i = i == 0 ? -1 : text.lastIndexOf(cue.getKey(), i - 1);
            }
            if (i >= from && i > best) {
                best = i;
                code = cue.getValue();
            }
        }
        return code;
    }

    private static boolean wholeWord(String text, int i, int length) {
        int end = i + length;
        return (i == 0 || !Character.isLetter(text.charAt(i - 1)))
                && (end >= text.length() || !Character.isLetter(text.charAt(end)) || text.startsWith("'s", end));
    }

    /** Names allowed before a number ("ringgit 42", "RMB 178.8 billion"). */
    static final Set<String> PREFIX_NAMES = Set.of("ringgit", "malaysian ringgit", "malaysia ringgits",
            "malaysia ringgit", "malaysian ringgits", "ringgits", "rmb", "rs", "rs.", "rm", "renminbi", "yuan", "btc");

    static final Map<String, String> PREFIX_ABBREVIATIONS = Map.of("rs", "INR", "rs.", "INR", "rm", "MYR");

    /** Names, longest first, for the extractor's regular expressions. */
    static List<String> namesLongestFirst() {
        return NAMES.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();
    }

    private Currencies() {
    }

    /** The ISO code for a bare code found next to a number, or null. */
    static String code(String token) {
        String upper = token.toUpperCase(Locale.ROOT);
        if ("RMB".equals(upper)) {
            return "CNY";
        }
        if ("BTC".equals(upper)) {
            return "XBT";
        }
        if (!ISO_CODES.contains(upper)) {
            return null;
        }
        boolean isUpper = upper.equals(token);
        if (!isUpper && !LOWERCASE_CODES.contains(upper)) {
            return null;
        }
        return upper;
    }

    /** The amount in US dollars at the reference rate, or null when the currency has none. */
    public static BigDecimal toUsd(BigDecimal value, String currency) {
        BigDecimal perUsd = PER_USD.get(currency);
        if (perUsd == null || value == null) {
            return null;
        }
        if ("USD".equals(currency)) {
            return value;
        }
        BigDecimal usd = value.divide(perUsd, MathContext.DECIMAL64);
        // Whole dollars for large amounts; a converted value pretends to no more precision than the rate has.
        return usd.abs().compareTo(BigDecimal.valueOf(100)) >= 0
                ? usd.setScale(0, java.math.RoundingMode.HALF_EVEN)
                : usd.round(new MathContext(6)).stripTrailingZeros();
    }
}
