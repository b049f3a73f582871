package dev.newsintel.enrich;

/** A document that cannot be enriched; the reason goes with it to the dead-letter topic. */
public class EnrichmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EnrichmentException(String message) {
        super(message);
    }

    public EnrichmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
