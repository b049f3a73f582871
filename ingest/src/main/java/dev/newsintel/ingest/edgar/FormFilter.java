package dev.newsintel.ingest.edgar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which form types to keep. A pattern is a form type ({@code 8-K}: also matches its amendment {@code 8-K/A}) or a
 * prefix ending in {@code *} ({@code 424B*}: 424B1 ... 424B8). Case and surrounding blanks do not matter.
 */
public final class FormFilter {
    /**
     * The default forms: current reports (8-K, and 6-K for foreign issuers), annual and quarterly reports,
     * registrations and prospectuses, proxies, and beneficial-ownership reports under both their old ({@code SC 13D})
     * and current ({@code SCHEDULE 13D}) names.
     */
    public static final List<String> DEFAULT_FORMS = List.of("8-K", "10-K", "10-Q", "6-K", "S-1", "424B*",
            "DEF 14A", "SC 13D", "SC 13G", "SCHEDULE 13D", "SCHEDULE 13G");

    private final List<String> patterns;

    private FormFilter(List<String> patterns) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("At least one form type is needed");
        }
        this.patterns = List.copyOf(patterns);
    }

    public static FormFilter of(List<String> patterns) {
        List<String> normalized = new ArrayList<>();
        for (String p : patterns) {
            if (p != null && !p.isBlank()) {
                normalized.add(normalize(p));
            }
        }
        return new FormFilter(normalized);
    }

    /** Comma-separated patterns, e.g. {@code "8-K, 10-K, 424B*"}. */
    public static FormFilter parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return of(DEFAULT_FORMS);
        }
        return of(Arrays.asList(commaSeparated.split(",")));
    }

    public boolean matches(String form) {
        if (form == null || form.isBlank()) {
            return false;
        }
        String f = normalize(form);
        for (String p : patterns) {
            if (p.endsWith("*") ? f.startsWith(p.substring(0, p.length() - 1)) : f.equals(p) || f.equals(p + "/A")) {
                return true;
            }
        }
        return false;
    }

    public List<String> patterns() {
        return patterns;
    }

    @Override
    public String toString() {
        return String.join(",", patterns);
    }

    private static String normalize(String form) {
        return form.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
