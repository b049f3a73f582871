package dev.newsintel.events;

import org.apache.kafka.common.errors.SerializationException;

/** The bytes of a record are not the event they claim to be: a poison record, for the dead-letter topic. */
public class EventFormatException extends SerializationException {
    private static final long serialVersionUID = 1L;

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
