package io.referralrules.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.referralrules.json.JsonText.invalid;
import static io.referralrules.json.JsonText.kind;

/**
 * The typed walk the contract's readers make over a parsed document before binding it: every value must have exactly
 * the JSON type of the record component it fills, so Jackson's leniencies (a number or boolean read as a string, an
 * enum name trimmed, a date-time read as a date, a whole number wrapped around) never apply.
 *
 * <ul>
 *   <li>a string only a JSON string; a boolean only {@code true} or {@code false};</li>
 *   <li>an enum only its exact name, no trimming, no case folding;</li>
 *   <li>a date only a {@code "yyyy-mm-dd"} string of a day that exists, nothing around it, no time part;</li>
 *   <li>a whole number only an integral JSON number that fits the field ({@code 1.0} and {@code 1e2} are not);</li>
 *   <li>a decimal only a JSON number (kept as written; the API bounds its digits);</li>
 *   <li>an array only an array without {@code null} elements; an object only an object, without unknown keys.</li>
 * </ul>
 *
 * {@code null} and left-out values are left to the records (an optional field may be {@code null}; a required one is
 * reported by the record's own check), except for a whole number or boolean, which has no "absent" value.
 *
 * <p>Messages never repeat a value of a string field (it may be free text) and repeat a wrong value of another field
 * only when it looks like what the field holds (a number, or one word such as a misspelt enum name or date); otherwise
 * they name its JSON type.
 */
final class Shapes {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DAY_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern ONE_WORD = Pattern.compile("\\s*[-+0-9A-Za-z_.:/]{1,40}\\s*");

    private Shapes() {
    }

    /** Checks a document (or part of one) against a type; {@code path} is where it sits ({@code $}, {@code $.snapshot}). */
    static void check(String source, String path, JsonNode node, Type type) {
        Class<?> raw = raw(type);
        if (node == null || node.isNull()) {
            if (raw.isPrimitive()) {
                throw invalid(source, path, node == null ? "is missing; it must be " + describe(raw) : "must be " + describe(raw) + ", was null");
            }
            return;
        }
        if (raw == String.class) {
            if (!node.isTextual()) {
                throw invalid(source, path, "must be a string, was " + kind(node));
            }
        } else if (raw == LocalDate.class) {
            if (!node.isTextual() || !isDay(node.textValue())) {
                throw invalid(source, path, "must be " + describe(raw) + ", was " + shown(node));
            }
        } else if (raw.isEnum()) {
            if (!node.isTextual() || Arrays.stream(raw.getEnumConstants()).noneMatch(c -> ((Enum<?>) c).name().equals(node.textValue()))) {
                throw invalid(source, path, "must be " + describe(raw) + ", was " + shown(node));
            }
        } else if (raw == int.class || raw == Integer.class) {
            if (!node.isIntegralNumber()) {
                throw invalid(source, path, "must be a whole number, was " + shown(node));
            }
            if (!node.canConvertToInt()) {
                throw invalid(source, path, "must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                        + ", was " + shown(node));
            }
        } else if (raw == long.class || raw == Long.class) {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw invalid(source, path, "must be a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE
                        + ", was " + shown(node));
            }
        } else if (raw == double.class || raw == Double.class || raw == BigDecimal.class) {
            if (!node.isNumber()) {
                throw invalid(source, path, "must be a number, was " + shown(node));
            }
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (!node.isBoolean()) {
                throw invalid(source, path, "must be true or false, was " + shown(node));
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            elements(source, path, node, type);
        } else if (Map.class.isAssignableFrom(raw)) {
            entries(source, path, node, type);
        } else if (raw.isRecord()) {
            fields(source, path, node, raw);
        }
    }

    private static void elements(String source, String path, JsonNode node, Type type) {
        if (!(node instanceof ArrayNode array)) {
            throw invalid(source, path, "must be an array, was " + shown(node));
        }
        Type element = argument(type, 0);
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            if (array.get(i).isNull()) {
                throw invalid(source, at, "must not be null");
            }
            check(source, at, array.get(i), element);
        }
    }

    private static void entries(String source, String path, JsonNode node, Type type) {
        if (!(node instanceof ObjectNode object)) {
            throw invalid(source, path, "must be an object, was " + shown(node));
        }
        Type value = argument(type, 1);
        int position = 0;
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            position++;
            check(source, path + JsonText.key(entry.getKey(), position), entry.getValue(), value);
        }
    }

    private static void fields(String source, String path, JsonNode node, Class<?> record) {
        if (!(node instanceof ObjectNode object)) {
            throw invalid(source, path, "must be an object, was " + shown(node));
        }
        RecordComponent[] components = record.getRecordComponents();
        int position = 0;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            position++;
            if (Arrays.stream(components).noneMatch(c -> c.getName().equals(field.getKey()))) {
                throw invalid(source, path + JsonText.key(field.getKey(), position), "is not a known field (known here: "
                        + Arrays.stream(components).map(RecordComponent::getName).sorted().collect(Collectors.joining(", ")) + ")");
            }
        }
        for (RecordComponent component : components) {
            check(source, path + "." + component.getName(), object.get(component.getName()), component.getGenericType());
        }
    }

    static boolean isDay(String text) {
        if (!DAY_SHAPE.matcher(text).matches()) {
            return false;
        }
        try {
            LocalDate.parse(text, DAY);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * A wrong value as messages may show it: a number or boolean as written (shortened when long), a string only when
     * it is one word (a misspelt enum name, a date in another format, a number in quotes), otherwise its JSON type.
     */
    static String shown(JsonNode node) {
        if (node.isNumber()) {
            String text = node.isBigDecimal() ? node.decimalValue().toString() : node.asText();
            return text.length() <= 40 ? text : "a number of " + text.length() + " characters";
        }
        if (node.isBoolean() || node.isNull()) {
            return node.asText();
        }
        if (node.isTextual() && ONE_WORD.matcher(node.textValue()).matches()) {
            return "\"" + node.textValue() + "\"";
        }
        return kind(node);
    }

    static String describe(Class<?> type) {
        if (type == LocalDate.class) {
            return "a date (yyyy-mm-dd)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    static Class<?> raw(Type type) {
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return type instanceof Class<?> c ? c : Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** The record components' names, sorted, for "known here" lists. */
    static List<String> names(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).sorted().toList();
    }
}
