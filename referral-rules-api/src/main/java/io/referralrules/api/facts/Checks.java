package io.referralrules.api.facts;

import io.referralrules.api.InvalidInputException;
import io.referralrules.api.Limits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Argument checks shared by the fact records; every message names the record, the field and, for ids, dates, enum
 * names and numbers, the bad value. Free text (names, descriptions, questions, attribute values) is never repeated:
 * the message says what is wrong with it instead.
 */
final class Checks {
    private Checks() {
    }

    static String id(String type, String id) {
        if (id == null || id.isBlank()) {
            throw invalid(type, "id", "must not be blank, was " + quote(id));
        }
        return id;
    }

    static <T> T required(String type, String id, String field, T value) {
        if (value == null) {
            throw invalid(type, field, "must not be null (id=" + shown(id) + ")");
        }
        return value;
    }

    static String optionalRef(String type, String id, String field, String value) {
        if (value != null && value.isBlank()) {
            throw invalid(type, field, "must be null or non-blank, was " + quote(value) + " (id=" + shown(id) + ")");
        }
        return value;
    }

    static int range(String type, String id, String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(type, field, "must be between " + min + " and " + max + ", was " + value + " (id=" + shown(id) + ")");
        }
        return value;
    }

    /** A required date within {@link Limits#EARLIEST_DATE} and {@link Limits#LATEST_DATE}. */
    static LocalDate date(String type, String id, String field, LocalDate value) {
        required(type, id, field, value);
        return optionalDate(type, id, field, value);
    }

    /** A date that may be {@code null}, and otherwise within {@link Limits#EARLIEST_DATE} and {@link Limits#LATEST_DATE}. */
    static LocalDate optionalDate(String type, String id, String field, LocalDate value) {
        if (value != null && (value.isBefore(Limits.EARLIEST_DATE) || value.isAfter(Limits.LATEST_DATE))) {
            throw invalid(type, field, "must be between " + Limits.EARLIEST_DATE + " and " + Limits.LATEST_DATE
                    + ", was " + value + " (id=" + shown(id) + ")");
        }
        return value;
    }

    /**
     * A required amount of zero or more, with at most {@link Limits#MAX_AMOUNT_INTEGER_DIGITS} digits before the
     * decimal point and {@link Limits#MAX_AMOUNT_FRACTION_DIGITS} after it, as written (its scale is kept: 99.50 stays
     * 99.50). One written with an exponent above its digits (1.5E+3) is returned as the whole number (1500).
     */
    static BigDecimal amount(String type, String id, String field, BigDecimal value) {
        required(type, id, field, value);
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > Limits.MAX_AMOUNT_INTEGER_DIGITS || value.scale() > Limits.MAX_AMOUNT_FRACTION_DIGITS) {
            String shown = value.toString();
            throw invalid(type, field, "must have at most " + Limits.MAX_AMOUNT_INTEGER_DIGITS
                    + " digits before the decimal point and " + Limits.MAX_AMOUNT_FRACTION_DIGITS + " after it, was "
                    + (shown.length() <= 40 ? shown : "a number of " + value.precision() + " digits") + " (id=" + shown(id) + ")");
        }
        nonNegative(type, id, field, value);
        // 1.5E+3 is 1500: kept as the whole number, so it is written (plainly) and read back as the same value
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    static BigDecimal nonNegative(String type, String id, String field, BigDecimal value) {
        required(type, id, field, value);
        if (value.signum() < 0) {
            throw invalid(type, field, "must not be negative, was " + value + " (id=" + shown(id) + ")");
        }
        return value;
    }

    static LocalDate notBefore(String type, String id, String field, LocalDate value, String otherField, LocalDate other) {
        if (value != null && value.isBefore(other)) {
            throw invalid(type, field, "must not be before " + otherField + " (" + other + "), was " + value + " (id=" + shown(id) + ")");
        }
        return value;
    }

    /** An {@link InvalidInputException} whose path is the field, so the JSON reader can prefix the object's path. */
    static InvalidInputException invalid(String type, String field, String problem) {
        return new InvalidInputException(type + "." + field + " " + problem, field, problem);
    }

    /** Free text that must not be blank; the message never repeats it. */
    static String nonBlankText(String type, String id, String field, String value) {
        required(type, id, field, value);
        if (value.isBlank()) {
            throw invalid(type, field, "must not be blank (id=" + shown(id) + ")");
        }
        return value;
    }

    static String quote(String s) {
        return s == null ? "null" : "'" + shown(s) + "'";
    }

    /** The most characters of an id a message repeats. */
    private static final int SHOWN = 64;

    /**
     * An id as messages show it: whole up to {@value #SHOWN} characters, else its start and its length, so a message
     * stays a line however long the id.
     */
    static String shown(String id) {
        return id == null || id.length() <= SHOWN ? id : id.substring(0, SHOWN) + "... (" + id.length() + " characters)";
    }

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * A key (of {@code attributes}) as messages show it: itself when it is a plain word of letters, digits, {@code _}
     * and {@code -}, else {@code <key>}, since a key that is not a plain word may be free text.
     */
    static String key(String key) {
        return key != null && PLAIN_KEY.matcher(key).matches() ? key : "<key>";
    }
}
