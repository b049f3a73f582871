package dev.newsintel.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import dev.newsintel.enrich.entities.CompanyNames;

/**
 * The words the {@link CorpusComposer} writes with: listed companies from the project's own company list
 * ({@code companies.tsv}, the SEC filers the entity linker knows), AI model families from the project's own list
 * ({@code ai-models.tsv}), and invented startups, people, outlets and phrases. Nothing here is real news.
 */
final class Vocabulary {
    private static final String ENTITIES = "/dev/newsintel/enrich/entities/";

    /** A listed company: SEC identity and the name newsrooms use ("Microsoft" for "MICROSOFT CORP"). */
    record ListedCompany(String cik, String secName, String ticker, String name) {
    }

    /** An AI model family and the company that makes it. */
    record ModelFamily(String family, String maker) {
    }

    final List<ListedCompany> companies;
    final List<ModelFamily> models;

    private Vocabulary(List<ListedCompany> companies, List<ModelFamily> models) {
        this.companies = companies;
        this.models = models;
    }

    /** The largest {@code size} operating companies of the bundled list (funds and trusts left out). */
    static Vocabulary bundled(int size) {
        List<ListedCompany> companies = new ArrayList<>();
        for (String line : lines("companies.tsv")) {
            String[] cols = line.split("\t");
            if (cols.length < 3 || cols[2].isBlank()) {
                continue;
            }
            String upper = cols[1].toUpperCase(Locale.ROOT);
            if (upper.matches(".*\\b(ETF|TRUST|FUND|PORTFOLIO|INDEX|ISHARES|SPDR|PROSHARES|DIREXION)\\b.*")) {
                continue;
            }
            List<String> aliases = CompanyNames.aliases(cols[1]);
            String core = aliases.get(aliases.size() - 1);
            for (String alias : aliases) {
                // the shortest alias that is still more than an acronym fragment
                if (alias.length() >= 3 && alias.length() < core.length() && !alias.endsWith(".com")) {
                    core = alias;
                }
            }
            if (core.length() < 3) {
                continue;
            }
            companies.add(new ListedCompany(cols[0], cols[1], cols[2].split(",")[0], display(core)));
            if (companies.size() == size) {
                break;
            }
        }
        List<ModelFamily> models = new ArrayList<>();
        for (String line : lines("ai-models.tsv")) {
            String[] cols = line.split("\t");
            // Families that are also their maker's name take a version anyway, which the composer always adds.
            if (cols.length >= 2 && !cols[1].isBlank() && cols[0].matches("[A-Z][A-Za-z-]{2,}")) {
                models.add(new ModelFamily(cols[0], cols[1]));
            }
        }
        if (companies.isEmpty() || models.isEmpty()) {
            throw new IllegalStateException("The bundled company or model list is empty");
        }
        return new Vocabulary(List.copyOf(companies), List.copyOf(models));
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Vocabulary.class.getResourceAsStream(ENTITIES + resource)) {
            if (in == null) {
                throw new IllegalStateException(ENTITIES + resource + " is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "MICROSOFT" becomes "Microsoft"; mixed-case names ("Apple", "eBay") stay as they are. */
    static String display(String name) {
        if (!name.equals(name.toUpperCase(Locale.ROOT))) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        for (String word : name.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            if (word.length() <= 3 && !word.equals("AND")) {
                out.append(word); // IBM, AMD, & ...
            } else {
                out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    // ----- invented names

    private static final String[] STARTUP_HEADS = {"Lumen", "Kestrel", "Orbit", "Quill", "Vanta", "Nimbus", "Helio",
            "Cobalt", "Tessel", "Arbor", "Halcyon", "Juniper", "Meridian", "Solace", "Zephyr", "Corvid", "Lattice",
            "Ember", "Fathom", "Granite", "Ionic", "Marlin", "Nova", "Pylon", "Quasar", "Rivet", "Sable", "Tundra",
            "Umbra", "Vireo", "Wren", "Xylem", "Yarrow", "Zenith", "Aster", "Beacon", "Cinder", "Delta", "Echo",
            "Flint", "Gossamer", "Harbor", "Indigo", "Jasper", "Kinetic", "Lyra", "Mosaic", "Nexus", "Onyx", "Prism"};
    private static final String[] STARTUP_TAILS = {"Robotics", "Labs", "AI", "Systems", "Networks", "Bio", "Security",
            "Compute", "Data", "Semiconductor", "Analytics", "Cloud", "Dynamics", "Photonics", "Software", "Energy"};
    private static final String[] FIRST = {"Dana", "Maria", "Kenji", "Amara", "Lucas", "Priya", "Tomasz", "Elena",
            "Samuel", "Aisha", "Felix", "Ingrid", "Rafael", "Mei", "Oliver", "Noor", "Hugo", "Leila", "Marcus",
            "Sofia", "Andre", "Yuki", "Daniel", "Chloe", "Viktor", "Hannah", "Omar", "Greta", "Ravi", "Julia"};
    private static final String[] LAST = {"Okafor", "Chen", "Tanaka", "Lindqvist", "Moreau", "Patel", "Nowak",
            "Rossi", "Adeyemi", "Kowalski", "Brandt", "Silva", "Haddad", "Novak", "Fischer", "Ibrahim", "Larsen",
            "Mendes", "Park", "Quinn", "Reyes", "Sato", "Thorne", "Vasquez", "Weber", "Young", "Zhou", "Bauer"};
    static final String[] ROLES = {"chief financial officer", "chief technology officer", "chief operating officer",
            "chief executive officer", "general counsel", "chief product officer", "head of research"};
    static final String[] FIELDS = {"AI data centers", "open-weight models", "chip manufacturing",
            "cloud infrastructure", "robotics research", "cybersecurity", "quantum computing", "edge computing",
            "semiconductor packaging", "autonomous driving", "networking equipment", "battery research"};
    static final String[] PRODUCTS = {"Atlas", "Beacon", "Cirrus", "Drift", "Forge", "Glide", "Halo", "Keystone",
            "Lumina", "Pulse", "Relay", "Spectra", "Vector", "Vantage", "Summit", "Horizon"};
    static final String[] PRODUCT_KINDS = {"AI accelerator", "developer platform", "security suite", "laptop",
            "data center switch", "coding assistant", "analytics service", "edge server"};
    static final String[] MODEL_VARIANTS = {"", " Pro", " Mini", " Ultra", " Super", " Flash", " Nano", " Max"};
    static final String[] SERIES = {"A", "B", "C", "D", "E"};
    static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
    static final String[] FIRMS = {"Harbor Research", "Northgate Capital", "Kessler Securities", "Alder Partners",
            "Bramwell Advisors", "Stonebridge Analytics", "Crestline Equity", "Marlow & Finch"};

    /** An invented, unlisted company: "Kestrel Robotics". */
    static String startup(Random random) {
        return STARTUP_HEADS[random.nextInt(STARTUP_HEADS.length)] + " "
                + STARTUP_TAILS[random.nextInt(STARTUP_TAILS.length)];
    }

    static String person(Random random) {
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }

    static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Outlets: name, host, and whether they publish wire copy as plain text. */
    record Outlet(String name, String host, int layout, boolean plainText) {
    }

    static final List<Outlet> OUTLETS = List.of(
            new Outlet("TechWire", "www.techwire.example", 0, false),
            new Outlet("MarketPulse", "www.marketpulse.example", 1, false),
            new Outlet("DevChronicle", "devchronicle.example", 2, false),
            new Outlet("The AI Ledger", "www.ailedger.example", 0, false),
            new Outlet("CloudBeat", "cloudbeat.example", 1, false),
            new Outlet("EuroTech Daily", "www.eurotech.example", 2, false),
            new Outlet("Silicon Courier", "www.siliconcourier.example", 0, false),
            new Outlet("Circuit Times", "circuittimes.example", 1, false),
            new Outlet("Global Newswire Service", "wire.gns.example", 0, true),
            new Outlet("Business Dispatch", "www.bizdispatch.example", 2, false),
            new Outlet("ByteReport", "bytereport.example", 1, false),
            new Outlet("Capital Street Journal", "www.capitalstreet.example", 0, true));
}
