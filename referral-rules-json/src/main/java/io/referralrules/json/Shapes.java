package io.referralrules.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final Pattern ONE_WORD = Pattern.compile("\\s*[-+0-9A-Za-z_.:/]{1,40}\\s*");

    private Shapes() {
    }

    /** Checks a document (or part of one) against a type; {@code path} is where it sits ({@code $}, {@code $.snapshot}). */
    static void check(String source, String path, JsonNode node, Type type) {
        check(source, new At(null, path, null, -1), node, type);
    }

    /**
     * Where a value sits, as a chain from the document's root; written out as a JSON path only when a message needs it,
     * so a valid document costs no path strings.
     */
    private record At(At parent, String text, String field, int index) {
        At field(String name) {
            return new At(this, null, name, -1);
        }

        At index(int i) {
            return new At(this, null, null, i);
        }

        At suffix(String written) {
            return new At(this, written, null, -1);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            write(out);
            return out.toString();
        }

        private void write(StringBuilder out) {
            if (parent != null) {
                parent.write(out);
            }
            if (text != null) {
                out.append(text);
            } else if (field != null) {
                out.append('.').append(field);
            } else {
                out.append('[').append(index).append(']');
            }
        }
    }

    /** A record component as the walk needs it; reflection runs once per record type, not per document. */
    private record Component(String name, Type type) {
    }

    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(c -> new Component(c.getName(), c.getGenericType()))
                    .toArray(Component[]::new);
        }
    };

    private static final ClassValue<Set<String>> NAMES = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            return type.isEnum() ? Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.toUnmodifiableSet())
                    : Arrays.stream(COMPONENTS.get(type)).map(Component::name).collect(Collectors.toUnmodifiableSet());
        }
    };

    private static void check(String source, At path, JsonNode node, Type type) {
        Class<?> raw = raw(type);
        if (node == null || node.isNull()) {
            if (raw.isPrimitive()) {
                throw invalid(source, path.toString(), node == null ? "is missing; it must be " + describe(raw) : "must be " + describe(raw) + ", was null");
            }
            return;
        }
        if (raw == String.class) {
            if (!node.isTextual()) {
                throw invalid(source, path.toString(), "must be a string, was " + kind(node));
            }
        } else if (raw == LocalDate.class) {
            if (!node.isTextual() || !isDay(node.textValue())) {
                throw invalid(source, path.toString(), "must be " + describe(raw) + ", was " + shown(node));
            }
        } else if (raw.isEnum()) {
            if (!node.isTextual() || !NAMES.get(raw).contains(node.textValue())) {
                throw invalid(source, path.toString(), "must be " + describe(raw) + ", was " + shown(node));
            }
        } else if (raw == int.class || raw == Integer.class) {
            if (!node.isIntegralNumber()) {
                throw invalid(source, path.toString(), "must be a whole number, was " + shown(node));
            }
            if (!node.canConvertToInt()) {
                throw invalid(source, path.toString(), "must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                        + ", was " + shown(node));
            }
        } else if (raw == long.class || raw == Long.class) {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw invalid(source, path.toString(), "must be a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE
                        + ", was " + shown(node));
            }
        } else if (raw == double.class || raw == Double.class || raw == BigDecimal.class) {
            if (!node.isNumber()) {
                throw invalid(source, path.toString(), "must be a number, was " + shown(node));
            }
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (!node.isBoolean()) {
                throw invalid(source, path.toString(), "must be true or false, was " + shown(node));
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            elements(source, path, node, type);
        } else if (Map.class.isAssignableFrom(raw)) {
            entries(source, path, node, type);
        } else if (raw.isRecord()) {
            fields(source, path, node, raw);
        }
    }

    private static void elements(String source, At path, JsonNode node, Type type) {
        if (!(node instanceof ArrayNode array)) {
            throw invalid(source, path.toString(), "must be an array, was " + shown(node));
        }
        Type element = argument(type, 0);
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item.isNull()) {
                throw invalid(source, path.index(i).toString(), "must not be null");
            }
            check(source, path.index(i), item, element);
        }
    }

    private static void entries(String source, At path, JsonNode node, Type type) {
        if (!(node instanceof ObjectNode object)) {
            throw invalid(source, path.toString(), "must be an object, was " + shown(node));
        }
        Type value = argument(type, 1);
        int position = 0;
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            position++;
            JsonNode item = entry.getValue();
            if (item.isTextual() && value == String.class) {
                continue; // the common case, a string attribute: nothing to check, no path to make
            }
            check(source, path.suffix(JsonText.key(entry.getKey(), position)), item, value);
        }
    }

    private static void fields(String source, At path, JsonNode node, Class<?> record) {
        if (!(node instanceof ObjectNode object)) {
            throw invalid(source, path.toString(), "must be an object, was " + shown(node));
        }
        Set<String> known = NAMES.get(record);
        int position = 0;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            position++;
            if (!known.contains(field.getKey())) {
                throw invalid(source, path.suffix(JsonText.key(field.getKey(), position)).toString(), "is not a known field (known here: "
                        + known.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
        }
        for (Component component : COMPONENTS.get(record)) {
            check(source, path.field(component.name()), object.get(component.name()), component.type());
        }
    }

    /** Whether the text is a day that exists, written {@code yyyy-mm-dd} with nothing around it. */
    static boolean isDay(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return false;
            }
        }
        try {
            LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10), Integer.parseInt(text, 8, 10, 10));
            return true;
        } catch (DateTimeException e) {
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
        return NAMES.get(record).stream().sorted().toList();
    }
}
