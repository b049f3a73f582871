package dev.newsintel.enrich.extract;

import java.util.Map;

import dev.newsintel.events.RawDocument;

public final class FilingExtractor {
    private final ExtractionLimits limits;

    public FilingExtractor(ExtractionLimits limits) {
        this.limits = limits;
    }

    Extraction fromSubmission(String body, RawDocument raw) {
        return new Extraction(null, body, null, null, null, null, null, Map.of());
    }

    Extraction fromHtml(String body, RawDocument raw) {
        return new Extraction(null, body, null, null, null, null, null, Map.of());
    }

    Extraction fromText(String body, RawDocument raw) {
        return new Extraction(null, body, null, null, null, null, null, Map.of());
    }
}
