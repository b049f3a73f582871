package dev.newsintel.enrich.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates pages and filings write, in the forms they write them, as an {@link Instant}: ISO 8601 with or
 * without offset or time, RFC 1123 ({@code Tue, 10 Mar 2026 09:30:00 GMT}), written-out dates ({@code March 12,
 * 2026}, {@code 12 March 2026}), numeric dates ({@code 2026/03/12}), compact EDGAR timestamps. A date without a
 * time is the start of that day in UTC; a time without an offset is UTC.
 */
public final class Dates {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*"
                    + "(Z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT)?)?");
    private static final Pattern SLASHED_YMD = Pattern.compile("\\b(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})\\b");
    private static final Pattern SLASHED_MDY = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?:(\\d{2})(\\d{2})(\\d{2}))?$");
    private static final String MONTHS = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
            + "aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b"
                    + "(?:,?\\s+(?:at\\s+)?(\\d{1,2}):(\\d{2})\\s*([ap]\\.?m\\.?)?\\s*([A-Z]{2,4})?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTHS + ",?\\s+(\\d{4})\\b"
                    + "(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([A-Z]{2,4}|[+-]\\d{4})?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, ZoneId> ZONES = Map.<String, ZoneId>of(
            "UTC", ZoneOffset.UTC, "GMT", ZoneOffset.UTC,
            // A standard/daylight abbreviation names an offset; a bare "ET" names the zone, whichever applies.
            "EST", ZoneOffset.ofHours(-5), "EDT", ZoneOffset.ofHours(-4),
            "ET", ZoneId.of("America/New_York"), "PST", ZoneOffset.ofHours(-8),
            "PDT", ZoneOffset.ofHours(-7), "PT", ZoneId.of("America/Los_Angeles"),
            "CET", ZoneOffset.ofHours(1), "BST", ZoneOffset.ofHours(1));
    /** Plausibility window: nothing before the web, nothing far in the future. */
    private static final int MIN_YEAR = 1990;
    private static final int MAX_YEAR = 2100;

    private Dates() {
    }

    /** The instant a date string means, or null when it is not a date. */
    public static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        if (s.isEmpty() || s.length() > 200) {
            return null;
        }
        try {
            Instant result = parseIso(s);
            if (result == null) {
                result = parseRfc1123(s);
            }
            if (result == null) {
                result = parseCompact(s);
            }
            if (result == null) {
                result = parseWritten(s);
            }
            if (result == null) {
                result = parseSlashed(s);
            }
            return plausible(result) ? result : null;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** A date found anywhere in a longer text (a dateline, a byline): the first one, or null. */
    public static Instant find(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.length() > 400 ? text.substring(0, 400) : text;
        try {
            Matcher iso = ISO.matcher(s);
            if (iso.find()) {
                Instant i = fromIso(iso);
                if (plausible(i)) {
                    return i;
                }
            }
            Instant written = parseWritten(s);
            if (plausible(written)) {
                return written;
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static boolean plausible(Instant i) {
        if (i == null) {
            return false;
        }
        int year = i.atZone(ZoneOffset.UTC).getYear();
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    private static Instant parseIso(String s) {
        Matcher m = ISO.matcher(s);
        if (!m.lookingAt()) {
            return null;
        }
        return fromIso(m);
    }

    private static Instant fromIso(Matcher m) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        if (m.group(4) == null) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        int nanos = 0;
        if (m.group(7) != null) {
            String f = (m.group(7) + "000000000").substring(0, 9);
            nanos = Integer.parseInt(f);
        }
        LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
        String zone = m.group(8);
        ZoneOffset offset = ZoneOffset.UTC;
        if (zone != null && (zone.startsWith("+") || zone.startsWith("-"))) {
            String z = zone.replace(":", "");
            int hours = Integer.parseInt(z.substring(1, 3));
            int minutes = z.length() >= 5 ? Integer.parseInt(z.substring(3, 5)) : 0;
            int sign = zone.startsWith("-") ? -1 : 1;
            offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        return LocalDateTime.of(date, time).toInstant(offset);
    }

    private static Instant parseRfc1123(String s) {
        if (s.length() < 20 || !Character.isLetter(s.charAt(0)) || s.indexOf(',') != 3) {
            return null;
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant parseCompact(String s) {
        Matcher m = COMPACT.matcher(s);
        if (!m.matches()) {
            return null;
        }
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        if (m.group(4) == null) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return LocalDateTime.of(date, LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                Integer.parseInt(m.group(6)))).toInstant(ZoneOffset.UTC);
    }

    private static Instant parseWritten(String s) {
        Matcher mdy = MONTH_DAY_YEAR.matcher(s);
        Matcher dmy = DAY_MONTH_YEAR.matcher(s);
        boolean hasMdy = mdy.find();
        boolean hasDmy = dmy.find();
        if (hasMdy && (!hasDmy || mdy.start() <= dmy.start())) {
            LocalDate date = LocalDate.of(Integer.parseInt(mdy.group(3)), month(mdy.group(1)),
                    Integer.parseInt(mdy.group(2)));
            if (mdy.group(4) == null) {
                return date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            int hour = Integer.parseInt(mdy.group(4));
            String ampm = mdy.group(6);
            if (ampm != null) {
                boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
                hour = hour % 12 + (pm ? 12 : 0);
            }
            LocalDateTime local = LocalDateTime.of(date, LocalTime.of(hour, Integer.parseInt(mdy.group(5))));
            return local.atZone(zone(mdy.group(7))).toInstant();
        }
        if (hasDmy) {
            LocalDate date = LocalDate.of(Integer.parseInt(dmy.group(3)), month(dmy.group(2)),
                    Integer.parseInt(dmy.group(1)));
            if (dmy.group(4) == null) {
                return date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            LocalDateTime local = LocalDateTime.of(date, LocalTime.of(Integer.parseInt(dmy.group(4)),
                    Integer.parseInt(dmy.group(5)), dmy.group(6) == null ? 0 : Integer.parseInt(dmy.group(6))));
            String zone = dmy.group(7);
            if (zone != null && (zone.startsWith("+") || zone.startsWith("-"))) {
                return OffsetDateTime.of(local, ZoneOffset.of(zone.substring(0, 3) + ":" + zone.substring(3)))
                        .toInstant();
            }
            return local.atZone(zone(zone)).toInstant();
        }
        return null;
    }

    private static Instant parseSlashed(String s) {
        Matcher ymd = SLASHED_YMD.matcher(s);
        if (ymd.find()) {
            return LocalDate.of(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)),
                    Integer.parseInt(ymd.group(3))).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        Matcher mdy = SLASHED_MDY.matcher(s);
        if (mdy.find()) {
            return LocalDate.of(Integer.parseInt(mdy.group(3)), Integer.parseInt(mdy.group(1)),
                    Integer.parseInt(mdy.group(2))).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return null;
    }

    private static ZoneId zone(String abbreviation) {
        if (abbreviation == null) {
            return ZoneOffset.UTC;
        }
        return ZONES.getOrDefault(abbreviation.toUpperCase(Locale.ROOT), ZoneOffset.UTC);
    }

    private static int month(String name) {
        return switch (name.toLowerCase(Locale.ROOT).substring(0, 3)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            case "dec" -> 12;
            default -> throw new DateTimeException("Not a month: " + name);
        };
    }
}
