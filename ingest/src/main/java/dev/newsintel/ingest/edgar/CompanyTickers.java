package dev.newsintel.ingest.edgar;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.events.Json;

/**
 * SEC's ticker map ({@code /files/company_tickers.json}: {@code {"0":{"cik_str":789019,"ticker":"MSFT",
 * "title":"MICROSOFT CORP"},...}}), used to turn a watchlist of tickers into CIKs.
 */
public final class CompanyTickers {
    /** A watchlist entry resolved to its company. */
    public record Company(String cik, String ticker, String title) {
    }

    private final Map<String, Company> byTicker;

    private CompanyTickers(Map<String, Company> byTicker) {
        this.byTicker = byTicker;
    }

    /**
     * @throws IllegalArgumentException when the JSON is not SEC's ticker map
     */
    public static CompanyTickers parse(byte[] json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed company_tickers.json: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("company_tickers.json is not a JSON object");
        }
        Map<String, Company> map = new HashMap<>();
        for (JsonNode entry : root) {
            String ticker = entry.path("ticker").asText(null);
            String cik = entry.path("cik_str").asText(null);
            if (ticker == null || cik == null || !Ciks.isCik(cik)) {
                continue;
            }
            // The first entry of a ticker wins: the file lists the primary share class first.
            map.putIfAbsent(normalize(ticker), new Company(Ciks.pad(cik), ticker.toUpperCase(Locale.ROOT),
                    entry.path("title").asText(null)));
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException("company_tickers.json lists no companies");
        }
        return new CompanyTickers(map);
    }

    public Company byTicker(String ticker) {
        return byTicker.get(normalize(ticker));
    }

    public int size() {
        return byTicker.size();
    }

    /**
     * Resolves a watchlist: CIKs as given (digits, optionally prefixed {@code CIK}), tickers through the map.
     *
     * @throws IllegalArgumentException naming every ticker that is not in the map
     */
    public List<Company> resolve(List<String> watchlist) {
        List<Company> companies = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String entry : watchlist) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            if (Ciks.isCik(e)) {
                companies.add(new Company(Ciks.pad(e), null, null));
                continue;
            }
            Company company = byTicker(e);
            if (company == null) {
                unknown.add(e);
            } else {
                companies.add(company);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown ticker(s) in the watchlist (not in SEC's company_tickers.json): "
                    + String.join(", ", unknown));
        }
        return companies;
    }

    /** A watchlist of CIKs only: no ticker map needed (names and tickers come from the submissions later). */
    public static List<Company> ciksOnly(List<String> watchlist) {
        List<Company> companies = new ArrayList<>();
        for (String entry : watchlist) {
            if (!entry.isBlank()) {
                if (!Ciks.isCik(entry)) {
                    throw new IllegalArgumentException("Not a CIK: " + entry);
                }
                companies.add(new Company(Ciks.pad(entry), null, null));
            }
        }
        return companies;
    }

    /** True when every entry is a CIK, so no ticker map is needed. */
    public static boolean allCiks(List<String> watchlist) {
        return watchlist.stream().map(String::trim).filter(s -> !s.isEmpty()).allMatch(Ciks::isCik);
    }

    private static String normalize(String ticker) {
        return ticker.trim().toUpperCase(Locale.ROOT).replace('.', '-');
    }
}
