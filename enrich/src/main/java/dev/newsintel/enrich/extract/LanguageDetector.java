package dev.newsintel.enrich.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of a text as an ISO 639-1 code, with Apache OpenNLP's language-detection model (103 languages,
 * character n-grams). Only the first {@value #SAMPLE_CHARS} characters are read: enough for a reliable answer,
 * and it keeps the cost per document constant. A text too short to tell gives the language the page declared.
 *
 * <p>The model costs about a millisecond per call whatever the text, so the unambiguous cases are decided first
 * from cheap evidence ({@link QuickLanguage}: the writing system, the most frequent function words); the model
 * decides the rest.
 */
public final class LanguageDetector {
    private static final int SAMPLE_CHARS = 1500;
    private static final int MIN_LETTERS = 40;
    private static final double MIN_CONFIDENCE = 0.2;
    private static final String MODEL = "/langdetect-183.bin";
    private static final Map<String, String> ISO3_TO_ISO1 = new HashMap<>();

    static {
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                ISO3_TO_ISO1.put(Locale.of(iso1).getISO3Language(), iso1);
            } catch (java.util.MissingResourceException e) {
                // a code without a three-letter form: nothing to map
            }
        }
        // OpenNLP uses a few ISO 639-3 codes that are not Java's: macrolanguages and variants.
        ISO3_TO_ISO1.put("cmn", "zh");
        ISO3_TO_ISO1.put("zho", "zh");
        ISO3_TO_ISO1.put("pes", "fa");
        ISO3_TO_ISO1.put("zsm", "ms");
        ISO3_TO_ISO1.put("nob", "nb");
        ISO3_TO_ISO1.put("nno", "nn");
        ISO3_TO_ISO1.put("lvs", "lv");
        ISO3_TO_ISO1.put("ekk", "et");
        ISO3_TO_ISO1.put("swh", "sw");
        ISO3_TO_ISO1.put("arb", "ar");
        ISO3_TO_ISO1.put("azj", "az");
        ISO3_TO_ISO1.put("uzn", "uz");
        ISO3_TO_ISO1.put("khk", "mn");
        ISO3_TO_ISO1.put("plt", "mg");
        ISO3_TO_ISO1.put("gug", "gn");
        ISO3_TO_ISO1.put("ydd", "yi");
    }

    /** Loaded once, on first use; thread-safe (the ME detector keeps no state between calls). */
    private static final class Holder {
        static final LanguageDetectorME DETECTOR = load();

        private static LanguageDetectorME load() {
            try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL)) {
                if (in == null) {
                    return null;
                }
                return new LanguageDetectorME(new LanguageDetectorModel(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot load the OpenNLP language model " + MODEL, e);
            }
        }
    }

    private LanguageDetector() {
    }

    /**
     * @param declared the language the document declares (ISO 639-1), used when the text is too short or the model
     *                 is unsure; may be null
     */
    public static String detect(String text, String declared) {
        if (text == null) {
            return declared;
        }
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        int letters = 0;
        for (int i = 0; i < sample.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(sample.charAt(i))) {
                letters++;
            }
        }
        if (letters < MIN_LETTERS) {
            return declared;
        }
        String quick = QuickLanguage.detect(sample);
        if (quick != null) {
            return quick;
        }
        LanguageDetectorME detector = Holder.DETECTOR;
        if (detector == null) {
            return declared;
        }
        Language best = detector.predictLanguage(sample);
        if (best == null || best.getConfidence() < MIN_CONFIDENCE && declared != null) {
            return declared;
        }
        String code = toIso639_1(best.getLang());
        return code == null ? declared : code;
    }

    /** ISO 639-3 (or 639-2) to ISO 639-1; null when the language has no two-letter code. */
    public static String toIso639_1(String iso3) {
        if (iso3 == null) {
            return null;
        }
        String code = iso3.toLowerCase(Locale.ROOT);
        if (code.length() == 2) {
            return code;
        }
        return ISO3_TO_ISO1.get(code);
    }
}
