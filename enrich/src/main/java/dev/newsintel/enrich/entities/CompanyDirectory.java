package dev.newsintel.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.newsintel.events.EntityType;

/**
 * The companies NewsIntel can link to: every SEC filer with a ticker (the project's own compact list, built by
 * {@code ./newsintel build-companies} from the SEC's {@code company_tickers.json}), each with the names derived from
 * its title ({@link CompanyNames}) and the hand-written well-known aliases ({@code company-aliases.tsv}).
 * Immutable and thread-safe once built.
 */
public final class CompanyDirectory {
    static final String COMPANIES_RESOURCE = "/dev/newsintel/enrich/entities/companies.tsv";
    static final String ALIASES_RESOURCE = "/dev/newsintel/enrich/entities/company-aliases.tsv";
    static final String EVERYDAY_NAMES_RESOURCE = "/dev/newsintel/enrich/entities/company-everyday-names.tsv";

    private static volatile CompanyDirectory bundled;

    private final Map<String, Company> byCik;
    private final Map<String, Company> byTicker;
    private final TokenTrie<Alias> names = new TokenTrie<>();
    /**
     * Everyday names ("Verizon" of Verizon Communications), kept apart: they link mentions, but the name finder's
     * list feature reads only {@link #names}, the lists it was trained with.
     */
    private final TokenTrie<Alias> everydayNames = new TokenTrie<>();

    /**
     * A name a company goes by.
     *
     * @param curated true for the hand-written aliases (preferred over derived ones on a tie)
     * @param legal   true for the SEC title itself (with or without its legal suffix)
     */
    public record Alias(Company company, String name, boolean curated, boolean legal, int tokens) {
    }

    public CompanyDirectory(Collection<Company> companies, Map<String, List<String>> curatedAliases) {
        this(companies, curatedAliases, Map.of());
    }

    /**
     * @param curatedAliases  hand-written aliases by CIK ({@code company-aliases.tsv})
     * @param everydayAliases hand-reviewed everyday one-word names by CIK ({@code company-everyday-names.tsv}): they
     *                        link, but are not in the name finder's list feature
     */
    public CompanyDirectory(Collection<Company> companies, Map<String, List<String>> curatedAliases,
                            Map<String, List<String>> everydayAliases) {
        Map<String, Company> cik = new LinkedHashMap<>();
        Map<String, Company> ticker = new HashMap<>();
        for (Company c : companies) {
            cik.putIfAbsent(c.cik(), c);
            for (String t : c.tickers()) {
                ticker.putIfAbsent(t.toUpperCase(Locale.ROOT), c);
            }
            List<String> aliases = CompanyNames.aliases(c.name());
            for (int i = 0; i < aliases.size(); i++) {
                String a = aliases.get(i);
                List<String> keys = NameTokens.keys(a);
                names.add(keys, new Alias(c, a, false, i < 2 || keys.size() > 1, keys.size()));
            }
            // multi-word everyday names ("Capital One") that are no listed place ("Palo Alto" of Palo Alto
            // Networks); one-word ones are places and surnames too often ("Hartford", "Mueller") to take
            // unreviewed: those come from the reviewed list below
            for (String a : c.rank() < NEWSWORTHY_RANK ? CompanyNames.everydayNames(c.name()) : List.<String>of()) {
                if (a.indexOf(' ') > 0 && !aliases.contains(a)
                        && !Gazetteer.bundled().lists(a, EntityType.LOCATION)) {
                    List<String> keys = NameTokens.keys(a);
                    everydayNames.add(keys, new Alias(c, a, false, false, keys.size()));
                }
            }
        }
        addHandWritten(curatedAliases, cik, names);
        addHandWritten(everydayAliases, cik, everydayNames);
        this.byCik = Map.copyOf(cik);
        this.byTicker = Map.copyOf(ticker);
    }

    /** Adds hand-written aliases by CIK (curated: preferred on a tie) to {@code trie}; unknown CIKs are skipped. */
    private static void addHandWritten(Map<String, List<String>> aliases, Map<String, Company> cik,
                                       TokenTrie<Alias> trie) {
        for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
            Company c = cik.get(e.getKey());
            if (c == null) {
                continue;
            }
            for (String a : e.getValue()) {
                List<String> keys = NameTokens.keys(a);
                trie.add(keys, new Alias(c, a, true, false, keys.size()));
            }
        }
    }

    /**
     * Companies this high in the SEC list (ordered by market value) are those news calls by their everyday names;
     * lower down, "Digital Media" of Digital Media Solutions or "Inhibitor" of Inhibitor Therapeutics are words.
     */
    static final int NEWSWORTHY_RANK = 1500;



    /** The directory built from the bundled company list and aliases, loaded once. */
    public static CompanyDirectory bundled() {
        CompanyDirectory d = bundled;
        if (d == null) {
            synchronized (CompanyDirectory.class) {
                d = bundled;
                if (d == null) {
                    try (InputStream companies = resource(COMPANIES_RESOURCE)) {
                        d = new CompanyDirectory(readCompanies(reader(companies)), bundledAliases(),
                                bundledAliases(EVERYDAY_NAMES_RESOURCE));
                    } catch (IOException e) {
                        throw new UncheckedIOException("Could not read the bundled company list", e);
                    }
                    bundled = d;
                }
            }
        }
        return d;
    }

    /** A directory of the companies in an SEC {@code company_tickers.json}, with the bundled curated aliases. */
    public static CompanyDirectory fromSecTickers(Path companyTickersJson) throws IOException {
        return new CompanyDirectory(CompanyListBuilder.read(companyTickersJson), bundledAliases(),
                bundledAliases(EVERYDAY_NAMES_RESOURCE));
    }

    static Map<String, List<String>> bundledAliases() throws IOException {
        return bundledAliases(ALIASES_RESOURCE);
    }

    private static Map<String, List<String>> bundledAliases(String resource) throws IOException {
        try (InputStream in = resource(resource)) {
            Map<String, List<String>> aliases = new LinkedHashMap<>();
            for (String[] row : rows(reader(in))) {
                if (row.length >= 2) {
                    aliases.computeIfAbsent(Company.padCik(row[1]), k -> new ArrayList<>()).add(row[0]);
                }
            }
            return aliases;
        }
    }

    /** Reads the project's company list: {@code cik <TAB> name <TAB> tickers (comma-separated)}. */
    static List<Company> readCompanies(Reader reader) throws IOException {
        List<Company> out = new ArrayList<>();
        for (String[] row : rows(reader)) {
            if (row.length < 2) {
                continue;
            }
            List<String> tickers = row.length > 2 && !row[2].isBlank() ? List.of(row[2].split(",")) : List.of();
            out.add(new Company(Company.padCik(row[0]), row[1], tickers, out.size()));
        }
        return out;
    }

    /** Tab-separated rows, skipping blank lines and {@code #} comments. */
    static List<String[]> rows(Reader reader) throws IOException {
        List<String[]> rows = new ArrayList<>();
        BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            rows.add(line.split("\t", -1));
        }
        return rows;
    }

    static InputStream resource(String name) throws IOException {
        InputStream in = CompanyDirectory.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("Missing resource " + name);
        }
        return in;
    }

    static Reader reader(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    public int size() {
        return byCik.size();
    }

    /** The company with this CIK, or null (also for null or a string that is not a CIK). */
    public Company byCik(String cik) {
        if (cik == null || !cik.strip().matches("\\d{1,10}")) {
            return null;
        }
        return byCik.get(Company.padCik(cik));
    }

    /** The company with this ticker, any share class ("GOOG" and "GOOGL" are both Alphabet). */
    public Company byTicker(String ticker) {
        return ticker == null ? null : byTicker.get(ticker.toUpperCase(Locale.ROOT).replace('.', '-'));
    }

    /** The longest company name starting at token {@code from}, or null. */
    TokenTrie.Match<Alias> longestName(List<NameTokens.NameToken> tokens, int from) {
        TokenTrie.Match<Alias> name = names.longest(tokens, from);
        TokenTrie.Match<Alias> everyday = everydayNames.longest(tokens, from);
        return everyday != null && (name == null || everyday.length() > name.length()) ? everyday : name;
    }

    /** The longest name from the company list and the curated aliases only: the name finder's list feature. */
    TokenTrie.Match<Alias> longestListedName(List<NameTokens.NameToken> tokens, int from) {
        return names.longest(tokens, from);
    }

    /** Companies whose name (any alias, everyday names too) is exactly {@code phrase}. */
    public List<Alias> lookup(String phrase) {
        List<String> keys = NameTokens.keys(phrase);
        List<Alias> found = names.get(keys);
        return found.isEmpty() ? everydayNames.get(keys) : found;
    }

    /** Among aliases of one matched name, the one to link: curated first, then the legal name, then the largest. */
    public static Alias best(List<Alias> candidates) {
        Alias best = null;
        for (Alias a : candidates) {
            if (best == null || score(a) > score(best)) {
                best = a;
            }
        }
        return best;
    }

    private static long score(Alias a) {
        return (a.curated() ? 4_000_000L : 0) + (a.legal() ? 2_000_000L : 0) - a.company().rank();
    }

    /** For the build command: writes a company list in the project's format. */
    static void write(List<Company> companies, Path out, String provenance) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : provenance.split("\n")) {
            sb.append("# ").append(line).append('\n');
        }
        for (Company c : companies) {
            sb.append(Long.parseLong(c.cik())).append('\t').append(c.name().replace('\t', ' ')).append('\t')
                    .append(String.join(",", c.tickers())).append('\n');
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
    }
}
