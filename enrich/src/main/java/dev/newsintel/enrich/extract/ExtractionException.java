package dev.newsintel.enrich.extract;

import dev.newsintel.enrich.EnrichmentException;

/** A document that cannot be extracted (empty, binary, undecodable); the message says why, for the dead letter. */
public class ExtractionException extends EnrichmentException {
    private static final long serialVersionUID = 1L;

    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
