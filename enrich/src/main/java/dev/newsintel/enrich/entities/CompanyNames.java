package dev.newsintel.enrich.entities;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives the names a company goes by from its SEC title, generically: "NVIDIA CORP" is also "NVIDIA", "Meta
 * Platforms, Inc." is "Meta Platforms", "AMAZON COM INC" is "Amazon.com" and "Amazon", "ALPHABET INC CLASS A" is
 * "Alphabet". Legal suffixes, share classes and the SEC's state markers ("/DE/") are stripped; nothing is
 * company-specific.
 */
public final class CompanyNames {
    private static final Pattern STATE_MARKER = Pattern.compile("\\s*[/\\\\][A-Z]{1,4}[/\\\\]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Legal forms and share-class words, compared without dots and case. */
    private static final Set<String> SUFFIXES = Set.of("inc", "incorporated", "corp", "corporation", "co", "company",
            "ltd", "limited", "plc", "llc", "lp", "sa", "ag", "nv", "se", "ab", "asa", "as", "spa", "sab", "de",
            "cv", "bv", "gmbh", "kgaa", "oyj", "holdings", "holding", "adr", "ads", "the", "trust", "class", "a",
            "b", "c", "common", "stock", "shares", "ordinary", "new", "group");

    private CompanyNames() {
    }

    /** The SEC title itself and the shorter names derived from it, longest first. */
    public static List<String> aliases(String title) {
        Set<String> out = new LinkedHashSet<>();
        out.add(title.strip());
        String cleaned = cleaned(title);
        out.add(cleaned);
        // every step of stripping is a name the company goes by: "Sony Group Corp" is "Sony Group" and "Sony"
        for (String step : stripSteps(cleaned)) {
            if (step.length() >= 2) {
                out.add(step);
            }
        }
        String core = stripSuffixes(cleaned);
        if (core.length() >= 2) {
            out.add(core);
            if (core.toLowerCase(Locale.ROOT).endsWith(" com")) {
                // "AMAZON COM": the SEC's spelling of "Amazon.com"
                String base = core.substring(0, core.length() - 4).strip();
                out.add(base + ".com");
                if (base.length() >= 2) {
                    out.add(base);
                }
            }
            if (core.contains(" & ")) {
                out.add(core.replace(" & ", " and "));
            }
        }
        if (core.toLowerCase(Locale.ROOT).startsWith("the ")) {
            out.add(core.substring(4));
        }
        return List.copyOf(out);
    }

    /** Descriptive last words a company's everyday name leaves out: "Verizon Communications" is "Verizon". */
    private static final Set<String> DESCRIPTORS = Set.of("communications", "networks", "global", "markets",
            "technology", "technologies", "financial", "services", "systems", "industries", "international",
            "brands", "enterprises", "solutions", "software", "therapeutics", "pharmaceuticals", "semiconductor",
            "energy", "resources", "entertainment", "platforms", "interactive", "digital", "worldwide");
    private static final Set<String> JOINERS = Set.of("&", "and", "of", "the", "de", "for");

    /**
     * The everyday names under the descriptive words at the end of a company's name, longest first: "DISCOVER
     * FINANCIAL SERVICES" gives "DISCOVER FINANCIAL" and "DISCOVER"; "Verizon Communications Inc." gives "Verizon".
     * Which of them link (several words and no listed place; one word only from a reviewed list) is the directory's
     * decision.
     */
    static List<String> everydayNames(String title) {
        String[] words = stripSuffixes(cleaned(title)).split(" ");
        List<String> out = new java.util.ArrayList<>();
        int end = words.length;
        while (end > 1 && DESCRIPTORS.contains(words[end - 1].toLowerCase(Locale.ROOT))
                && !JOINERS.contains(words[end - 2].toLowerCase(Locale.ROOT))) {
            end--;
            out.add(String.join(" ", java.util.Arrays.copyOfRange(words, 0, end)));
        }
        return out;
    }

    /** The title without its state markers ("QUALCOMM INC/DE" → "QUALCOMM INC") and commas, spaces single. */
    private static String cleaned(String title) {
        String cleaned = title.strip();
        String previous;
        do {
            previous = cleaned;
            cleaned = STATE_MARKER.matcher(cleaned).replaceAll("");
        } while (!cleaned.equals(previous));
        return SPACES.matcher(cleaned.replace(",", " ")).replaceAll(" ").strip();
    }

    private static List<String> stripSteps(String name) {
        List<String> steps = new java.util.ArrayList<>();
        String[] words = name.split(" ");
        for (int end = words.length - 1; end >= 1; end--) {
            String w = words[end].replace(".", "").replace("/", "").toLowerCase(Locale.ROOT);
            if (!SUFFIXES.contains(w) && !w.equals("&")) {
                break;
            }
            if (!words[end - 1].equals("&")) {
                steps.add(String.join(" ", java.util.Arrays.copyOfRange(words, 0, end)));
            }
        }
        return steps;
    }

    private static String stripSuffixes(String name) {
        String[] words = name.split(" ");
        int end = words.length;
        while (end > 1) {
            String w = words[end - 1].replace(".", "").replace("/", "").toLowerCase(Locale.ROOT);
            if (SUFFIXES.contains(w) || w.equals("&")) {
                end--;
            } else {
                break;
            }
        }
        // "Group" and "Holdings" are part of the name when they are all that is left besides one word
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < end; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(words[i]);
        }
        return sb.toString();
    }
}
