package dev.newsintel.enrich.stories;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.newsintel.events.EntityRef;

/**
 * Compares companies however a document or a rule names them: by CIK, by ticker, or by name without legal
 * suffixes ("NVIDIA CORP", "Nvidia Corporation" and "Nvidia" are one company).
 */
public final class CompanyKey {
    private static final Set<String> LEGAL_SUFFIXES = Set.of("inc", "incorporated", "corp", "corporation", "co",
            "company", "ltd", "limited", "llc", "plc", "sa", "ag", "nv", "se", "lp", "llp", "gmbh", "bv", "oyj",
            "ab", "asa", "spa", "the");

    private CompanyKey() {
    }

    /**
     * The key stories group a company by: its normalised name. Names, not CIKs, because the same company is linked
     * in one outlet's text and not in another's; a linked reference's canonical name normalises like the plain one.
     */
    public static String of(EntityRef company) {
        String name = normalizeName(company.name());
        if (!name.isEmpty()) {
            return name;
        }
        return company.cik() != null ? "cik:" + stripZeros(company.cik()) : company.id();
    }

    /**
     * True when a rule's entry (a ticker, a CIK, or a name) designates the company.
     */
    public static boolean matches(String entry, EntityRef company) {
        if (entry == null || entry.isBlank() || company == null) {
            return false;
        }
        String e = entry.strip();
        if (e.chars().allMatch(Character::isDigit)) {
            return company.cik() != null && stripZeros(company.cik()).equals(stripZeros(e));
        }
        if (company.ticker() != null && company.ticker().equalsIgnoreCase(e)) {
            return true;
        }
        String name = normalizeName(e);
        return !name.isEmpty() && name.equals(normalizeName(company.name()));
    }

    /** Lower case, accents and punctuation removed, "&" as "and", trailing legal suffixes dropped. */
    public static String normalizeName(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace("&", " and ")
                .replaceAll("\\b(\\p{L})\\.(?=\\p{L}\\b)", "$1"); // "S.A." is "SA", "U.S." is "US"
        List<String> words = Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
        int end = words.size();
        while (end > 1 && LEGAL_SUFFIXES.contains(words.get(end - 1))) {
            end--;
        }
        int start = words.size() > 1 && words.get(0).equals("the") ? 1 : 0;
        return String.join(" ", words.subList(Math.min(start, end), end));
    }

    private static String stripZeros(String cik) {
        String digits = cik.strip().replaceFirst("^0+", "");
        return digits.isEmpty() ? "0" : digits;
    }
}
