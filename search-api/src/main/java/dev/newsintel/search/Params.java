package dev.newsintel.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

/**
 * Checked access to a request's query parameters: every value is validated here, and a bad one becomes a 400 that
 * names the parameter, what was wrong and what is accepted. Unknown parameters are refused too, so a typo
 * ({@code compnay=...}) is reported instead of silently ignored.
 */
final class Params {
    static final int MAX_TEXT = 1000;
    static final int MAX_VALUES = 20;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");

    private final Context ctx;

    private Params(Context ctx) {
        this.ctx = ctx;
    }

    /** Refuses parameters outside {@code allowed}. */
    static Params of(Context ctx, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>(ctx.queryParamMap().keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new BadRequestResponse("Unknown parameter" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; accepted: " + String.join(", ", new TreeSet<>(allowed)));
        }
        for (var entry : ctx.queryParamMap().entrySet()) {
            if (entry.getValue().size() > MAX_VALUES) {
                throw new BadRequestResponse(entry.getKey() + " is given too often (at most " + MAX_VALUES + " values)");
            }
        }
        return new Params(ctx);
    }

    /** A single free-text value, at most {@code maxLength} characters, without control characters. */
    String text(String name, int maxLength) {
        List<String> values = ctx.queryParams(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new BadRequestResponse(name + " must be given once");
        }
        return checkText(name, values.get(0), maxLength);
    }

    static String checkText(String name, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new BadRequestResponse(name + " is too long (at most " + maxLength + " characters, was "
                    + value.length() + ")");
        }
        if (CONTROL.matcher(value).find()) {
            throw new BadRequestResponse(name + " must not contain control characters");
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Repeated ({@code a=1&a=2}) or comma-separated ({@code a=1,2}) values, each at most 200 characters. */
    List<String> list(String name) {
        Set<String> result = new LinkedHashSet<>();
        for (String value : ctx.queryParams(name)) {
            for (String part : value.split(",")) {
                String checked = checkText(name, part, 200);
                if (checked != null) {
                    result.add(checked);
                }
            }
        }
        if (result.size() > MAX_VALUES) {
            throw new BadRequestResponse(name + " has too many values (at most " + MAX_VALUES + ")");
        }
        return List.copyOf(result);
    }

    /** Values that must name constants of {@code type}, case-insensitively. */
    <E extends Enum<E>> List<E> enums(String name, Class<E> type) {
        List<E> result = new ArrayList<>();
        for (String value : list(name)) {
            result.add(enumValue(name, value, type));
        }
        return result;
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> accepted = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                accepted.add(constant.name());
            }
            throw new BadRequestResponse(name + " '" + abbreviate(value) + "' is not one of " + String.join(", ", accepted));
        }
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type, E fallback) {
        String value = text(name, 100);
        return value == null ? fallback : enumValue(name, value, type);
    }

    int integer(String name, int fallback, int min, int max) {
        String value = text(name, 20);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new BadRequestResponse(name + " must be between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(name + " must be an integer, was '" + abbreviate(value) + "'");
        }
    }

    /** A non-negative number; {@code 2.5e9} and {@code 2500000000} both work. */
    BigDecimal amount(String name) {
        String value = text(name, 40);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal parsed = new BigDecimal(value);
            if (parsed.signum() < 0) {
                throw new BadRequestResponse(name + " must not be negative, was " + value);
            }
            if (parsed.compareTo(new BigDecimal("1e18")) > 0) {
                throw new BadRequestResponse(name + " is too large (at most 1e18), was " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(name + " must be a number, was '" + abbreviate(value) + "'");
        }
    }

    Long count(String name) {
        BigDecimal value = amount(name);
        if (value == null) {
            return null;
        }
        try {
            return value.toBigIntegerExact().longValueExact();
        } catch (ArithmeticException e) {
            throw new BadRequestResponse(name + " must be a whole number, was " + value.toPlainString());
        }
    }

    Boolean bool(String name) {
        String value = text(name, 10);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> Boolean.TRUE;
            case "false", "no", "0" -> Boolean.FALSE;
            default -> throw new BadRequestResponse(name + " must be true or false, was '" + abbreviate(value) + "'");
        };
    }

    /**
     * An instant: {@code 2026-03-11T14:00:00Z} or a date ({@code 2026-03-11}, read as the start of that day in UTC,
     * or its end when {@code endOfDay}).
     */
    Instant instant(String name, boolean endOfDay) {
        String value = text(name, 40);
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                instant = endOfDay ? date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
                        : date.atStartOfDay().toInstant(ZoneOffset.UTC);
            } else {
                instant = Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse(name + " must be a date (2026-03-11) or an instant (2026-03-11T14:00:00Z), was '"
                    + abbreviate(value) + "'");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            // Elasticsearch reads four-digit years; "-1000000000-01-01T00:00:00Z" failed the whole query (a 500)
            throw new BadRequestResponse(name + " must lie between the years 1 and 9999, was '" + abbreviate(value)
                    + "'");
        }
        return instant;
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
