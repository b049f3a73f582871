package dev.newsintel.ingest.edgar;

/** Central Index Keys: EDGAR's company numbers, written with ten digits. */
public final class Ciks {
    private Ciks() {
    }

    /** {@code 1045810} or {@code CIK0001045810} to {@code 0001045810}. */
    public static String pad(String cik) {
        String digits = cik.trim();
        if (digits.regionMatches(true, 0, "CIK", 0, 3)) {
            digits = digits.substring(3);
        }
        if (!digits.matches("\\d{1,10}")) {
            throw new IllegalArgumentException("Not a CIK (1 to 10 digits): " + cik);
        }
        return "0".repeat(10 - digits.length()) + digits;
    }

    public static boolean isCik(String text) {
        String t = text.trim();
        if (t.regionMatches(true, 0, "CIK", 0, 3)) {
            t = t.substring(3);
        }
        return t.matches("\\d{1,10}");
    }
}
