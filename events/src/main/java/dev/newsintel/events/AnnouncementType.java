package dev.newsintel.events;

/** What a company announced. 8-K items map onto these; {@link #MATERIAL_EVENT} keeps the items that map to none. */
public enum AnnouncementType {
    INVESTMENT,
    MODEL_RELEASE,
    ACQUISITION,
    PARTNERSHIP,
    FUNDING_ROUND,
    EARNINGS,
    EXECUTIVE_CHANGE,
    PRODUCT_LAUNCH,
    REGULATORY,
    /** Material definitive agreement (8-K item 1.01) and its termination (1.02). */
    MATERIAL_AGREEMENT,
    /** Any other 8-K item event; {@link Announcement#item()} holds the item code. */
    MATERIAL_EVENT
}
