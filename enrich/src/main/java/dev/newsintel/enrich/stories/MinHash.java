package dev.newsintel.enrich.stories;

import java.util.Arrays;

/**
 * MinHash signatures of word shingles, and their locality-sensitive bands.
 *
 * <p>Text is lower-cased and split into words (runs of letters and digits); each run of {@code shingleWords} words
 * is one shingle. Two texts' signatures agree in each position with probability equal to the Jaccard similarity of
 * their shingle sets, so near-duplicates agree almost everywhere. Every hash here is explicit (FNV-1a and the
 * SplitMix64 finaliser) rather than {@code hashCode()}, so signatures are the same on every JVM and every version:
 * they are stored in the story index.
 */
public final class MinHash {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final int shingleWords;
    private final int maxTokens;
    private final long[] seeds;

    public MinHash(int hashes, int shingleWords, int maxTokens) {
        if (hashes < 1 || shingleWords < 1 || maxTokens < shingleWords) {
            throw new IllegalArgumentException("hashes and shingleWords must be positive, maxTokens >= shingleWords");
        }
        this.shingleWords = shingleWords;
        this.maxTokens = maxTokens;
        this.seeds = new long[hashes];
        long state = 0x5EED_0F_5709E5L;
        for (int i = 0; i < hashes; i++) {
            state += GOLDEN;
            seeds[i] = mix(state);
        }
    }

    public static MinHash of(StoryConfig config) {
        return new MinHash(config.hashes(), config.shingleWords(), config.maxTokens());
    }

    /** The distinct shingle hashes of a text; a text shorter than one shingle is one shingle of all its words. */
    public long[] shingles(String text) {
        long[] tokens = tokens(text == null ? "" : text);
        if (tokens.length == 0) {
            return new long[0];
        }
        int count = Math.max(1, tokens.length - shingleWords + 1);
        long[] shingles = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0;
            for (int j = i; j < Math.min(tokens.length, i + shingleWords); j++) {
                h = mix(h * GOLDEN + tokens[j]);
            }
            shingles[i] = h;
        }
        Arrays.sort(shingles);
        int distinct = 0;
        for (int i = 0; i < shingles.length; i++) {
            if (i == 0 || shingles[i] != shingles[i - 1]) {
                shingles[distinct++] = shingles[i];
            }
        }
        return Arrays.copyOf(shingles, distinct);
    }

    /**
     * The shingles of a text compared only with texts of the same scope: each hash is mixed with the scope's, so
     * texts of different scopes share no shingle (and no band), whatever their words. A null scope changes nothing.
     */
    public static long[] scoped(long[] shingles, String scope) {
        if (scope == null) {
            return shingles;
        }
        long salt = FNV_OFFSET;
        for (int i = 0; i < scope.length(); i++) {
            salt = (salt ^ scope.charAt(i)) * FNV_PRIME;
        }
        salt = mix(salt);
        long[] out = new long[shingles.length];
        for (int i = 0; i < shingles.length; i++) {
            out[i] = mix(shingles[i] ^ salt);
        }
        return out;
    }

    /** The signature of a set of shingle hashes: per hash function, the smallest hash of any shingle. */
    public long[] signature(long[] shingles) {
        long[] signature = new long[seeds.length];
        Arrays.fill(signature, Long.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < seeds.length; i++) {
                long h = mix(shingle ^ seeds[i]);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
    }

    /** The band keys of a signature: {@code band:<i>:<hash of the band's values>}. */
    public static String[] bands(long[] signature, int bands, int rowsPerBand) {
        if (signature.length < bands * rowsPerBand) {
            throw new IllegalArgumentException("Signature too short for " + bands + " x " + rowsPerBand);
        }
        String[] keys = new String[bands];
        for (int b = 0; b < bands; b++) {
            long h = b + 1;
            for (int r = 0; r < rowsPerBand; r++) {
                h = mix(h * GOLDEN + signature[b * rowsPerBand + r]);
            }
            keys[b] = "band:" + b + ":" + Long.toHexString(h);
        }
        return keys;
    }

    /**
     * One hash of a whole signature: equal for texts with the same shingles, and for different texts only when all
     * of their MinHash values agree (probability: their similarity to the power of the number of hash functions).
     */
    public static long fingerprint(long[] signature) {
        long h = signature.length;
        for (long value : signature) {
            h = mix(h * GOLDEN + value);
        }
        return h;
    }

    /** Estimated Jaccard similarity of the texts behind two signatures. */
    public static double similarity(long[] a, long[] b) {
        int same = 0;
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return n == 0 ? 0 : (double) same / n;
    }

    private long[] tokens(String text) {
        long[] tokens = new long[64];
        int count = 0;
        long h = FNV_OFFSET;
        boolean inWord = false;
        for (int i = 0; i < text.length() && count < maxTokens; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                int lower = Character.toLowerCase(cp);
                h = (h ^ lower) * FNV_PRIME;
                inWord = true;
            } else if (inWord) {
                if (count == tokens.length) {
                    tokens = Arrays.copyOf(tokens, tokens.length * 2);
                }
                tokens[count++] = h;
                h = FNV_OFFSET;
                inWord = false;
            }
        }
        if (inWord && count < maxTokens) {
            if (count == tokens.length) {
                tokens = Arrays.copyOf(tokens, tokens.length + 1);
            }
            tokens[count++] = h;
        }
        return Arrays.copyOf(tokens, count);
    }

    /** The SplitMix64 finaliser: a fast, well-distributed 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
