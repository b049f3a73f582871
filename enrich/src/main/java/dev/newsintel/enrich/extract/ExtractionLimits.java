package dev.newsintel.enrich.extract;

/**
 * The work extraction is allowed to do on one document. Every bound is a size, never a time: the same input always
 * gives the same output, on any machine and under any load.
 *
 * @param maxInputBytes bytes of a body that are decoded and parsed; the rest is cut and the document flagged
 *                      {@code truncated} (a 50 MB page costs the same as an 8 MB one)
 * @param maxDepth      DOM depth the extractor descends to; text nested deeper still counts, as the text of its
 *                      ancestor at this depth (a 10,000-deep page costs the same as a 256-deep one)
 * @param maxTextChars  characters of clean text kept; longer texts are cut at a paragraph boundary
 */
public record ExtractionLimits(int maxInputBytes, int maxDepth, int maxTextChars) {
    /** 8 MiB of input (the ingest size policy), 256 levels, 2 M characters of text. */
    public static final ExtractionLimits DEFAULT = new ExtractionLimits(8 << 20, 256, 2 << 20);

    public ExtractionLimits {
        if (maxInputBytes < 1024 || maxDepth < 16 || maxTextChars < 1024) {
            throw new IllegalArgumentException("Extraction limits too small: " + maxInputBytes + " bytes, depth "
                    + maxDepth + ", " + maxTextChars + " chars");
        }
    }
}
