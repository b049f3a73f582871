package dev.newsintel.events;

/** Kinds of named entities found in text. */
public enum EntityType {
    ORG, PERSON, LOCATION, AI_MODEL, PRODUCT
}
