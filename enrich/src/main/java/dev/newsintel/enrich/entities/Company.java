package dev.newsintel.enrich.entities;

import java.util.List;

import dev.newsintel.events.EntityRef;

/**
 * An SEC filer: its ten-digit CIK, its name as the SEC lists it, and its tickers with the primary share class first
 * (Alphabet: GOOGL, GOOG).
 *
 * @param rank position in the SEC list, which is ordered by market value: breaks ties between companies sharing an
 *             alias
 */
public record Company(String cik, String name, List<String> tickers, int rank) {
    public Company {
        tickers = List.copyOf(tickers);
    }

    public String primaryTicker() {
        return tickers.isEmpty() ? null : tickers.get(0);
    }

    public EntityRef ref() {
        return EntityRef.company(name, cik, primaryTicker());
    }

    /** A CIK written as the SEC does in URLs and ids: ten digits, zero-padded. */
    public static String padCik(String cik) {
        String digits = cik.strip();
        if (!digits.matches("\\d{1,10}")) {
            throw new IllegalArgumentException("Not a CIK: " + cik);
        }
        return "0".repeat(10 - digits.length()) + digits;
    }
}
