package dev.newsintel.enrich.entities;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsintel.events.Json;

/**
 * Builds the project's company list from a local copy of the SEC's public {@code company_tickers.json}
 * ({@code {"0": {"cik_str": 789019, "ticker": "MSFT", "title": "MICROSOFT CORP"}, ...}}): one line per CIK, its
 * tickers in the SEC's order (the first is the primary share class). Works offline; the file is public record.
 */
public final class CompanyListBuilder {
    private CompanyListBuilder() {
    }

    /** The companies of an SEC {@code company_tickers.json}, in the SEC's order. */
    public static List<Company> read(Path companyTickersJson) throws IOException {
        if (!Files.isRegularFile(companyTickersJson)) {
            throw new IOException("No such file: " + companyTickersJson);
        }
        JsonNode root = Json.MAPPER.readTree(companyTickersJson.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(companyTickersJson + " is not the SEC company_tickers.json (expected an object of "
                    + "{cik_str, ticker, title} entries)");
        }
        // Keys are "0", "1", ...: the SEC's ranking. Sort numerically, whatever order the JSON object has.
        TreeMap<Integer, JsonNode> ordered = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            int index;
            try {
                index = Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                throw new IOException("Unexpected key \"" + e.getKey() + "\" in " + companyTickersJson, ex);
            }
            ordered.put(index, e.getValue());
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> tickers = new LinkedHashMap<>();
        for (JsonNode entry : ordered.values()) {
            JsonNode cikNode = entry.get("cik_str");
            String title = entry.path("title").asText("").strip();
            String ticker = entry.path("ticker").asText("").strip();
            if (cikNode == null || title.isEmpty()) {
                continue;
            }
            String cik = Company.padCik(cikNode.asText());
            names.putIfAbsent(cik, title);
            if (!ticker.isEmpty()) {
                tickers.computeIfAbsent(cik, k -> new ArrayList<>()).add(ticker);
            }
        }
        List<Company> out = new ArrayList<>(names.size());
        for (Map.Entry<String, String> e : names.entrySet()) {
            out.add(new Company(e.getKey(), e.getValue(), tickers.getOrDefault(e.getKey(), List.of()), out.size()));
        }
        return out;
    }

    /** Reads {@code companyTickersJson} and writes the project's list to {@code out}; returns the company count. */
    public static int build(Path companyTickersJson, Path out) throws IOException {
        List<Company> companies = read(companyTickersJson);
        CompanyDirectory.write(companies, out, """
                NewsIntel company list: SEC filers with their CIK, SEC name and tickers (primary share class first).
                Built by `./newsintel build-companies --from company_tickers.json` from the SEC's public
                company_tickers.json (https://www.sec.gov/files/company_tickers.json), public record; see README.md.
                Columns: cik <TAB> name <TAB> tickers""");
        return companies.size();
    }
}
