package io.referralrules.api.facts;

import io.referralrules.api.InvalidInputException;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Argument checks shared by the fact records; every message names the record, the field and the bad value. */
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
            throw invalid(type, field, "must not be null (id=" + id + ")");
        }
        return value;
    }

    static String optionalRef(String type, String id, String field, String value) {
        if (value != null && value.isBlank()) {
            throw invalid(type, field, "must be null or non-blank, was " + quote(value) + " (id=" + id + ")");
        }
        return value;
    }

    static int range(String type, String id, String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(type, field, "must be between " + min + " and " + max + ", was " + value + " (id=" + id + ")");
        }
        return value;
    }

    static BigDecimal nonNegative(String type, String id, String field, BigDecimal value) {
        required(type, id, field, value);
        if (value.signum() < 0) {
            throw invalid(type, field, "must not be negative, was " + value + " (id=" + id + ")");
        }
        return value;
    }

    static LocalDate notBefore(String type, String id, String field, LocalDate value, String otherField, LocalDate other) {
        if (value != null && value.isBefore(other)) {
            throw invalid(type, field, "must not be before " + otherField + " (" + other + "), was " + value + " (id=" + id + ")");
        }
        return value;
    }

    /** An {@link InvalidInputException} whose path is the field, so the JSON reader can prefix the object's path. */
    static InvalidInputException invalid(String type, String field, String problem) {
        return new InvalidInputException(type + "." + field + " " + problem, field, problem);
    }

    static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
