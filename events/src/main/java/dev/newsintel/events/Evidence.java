package dev.newsintel.events;

/** The sentence an announcement was read from, with its offsets into the document's text. */
public record Evidence(String text, int start, int end) {
    public Evidence {
        Validation.requireText(text, "Evidence.text");
        Validation.requireSpan(start, end, "Evidence");
    }
}
