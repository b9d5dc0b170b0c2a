package io.referralrules.json.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Named mutations of a valid JSON document, for generated tests of every reader of the JSON contract (snapshots, book
 * entries, decision records, policy files). Each {@link Mutation} has a name that says what was done where (for
 * failure messages) and the mutated document as bytes, since some mutations (an invalid UTF-8 byte, a truncation
 * inside a character) cannot be written as a Java string.
 *
 * <pre>{@code
 * Seed seed = Seed.fromSystemProperty();
 * SplittableRandom random = seed.random();
 * String valid = JsonMutations.withPlantedFreeText(Files.readString(example));
 * for (int i = 0; i < 2000; i++) {
 *     Mutation m = JsonMutations.next(valid, random);
 *     // read m.bytes(); on failure report m.name() and seed.rerun()
 * }
 * }</pre>
 *
 * Every {@link Kind} is covered: each scalar turned into every other JSON type, strings with spaces around them, enum
 * names with a space or in lower case, dates in other shapes and out of range, numbers that do not fit or are not
 * numbers, long decimals, duplicate, unknown and removed keys, truncation at a random byte, a garbage byte, an invalid
 * UTF-8 byte sequence, deep nesting and a huge string. The same seed gives the same mutations.
 *
 * <p>Documents are expected to hold personal data only in free-text fields ({@link #FREE_TEXT_FIELDS} and the values
 * of {@code attributes}); {@link #withPlantedFreeText(String)} puts {@link #PLANTED_NAME} and {@link #PLANTED_EMAIL}
 * there, and {@link #mentionsPlanted(String)} tells whether a message repeats them. Mutations never move a value
 * from one field to another, so a planted value stays in a free-text field (or is cut by a truncation).
 */
public final class JsonMutations {
    /** A person's name planted in free-text fields; no message may repeat it. */
    public static final String PLANTED_NAME = "Zo\u00eb Quintana-Marsh";
    /** An e-mail address planted in free-text fields; no message may repeat it. */
    public static final String PLANTED_EMAIL = "zoe.quintana@example.org";
    /** The contract's free-text fields (besides the values of {@code attributes}). */
    public static final Set<String> FREE_TEXT_FIELDS = Set.of("displayName", "problemSolved", "description", "question", "name");

    /** The kinds of mutation. */
    public enum Kind {
        /** A value replaced by a value of every other JSON type: {@code true, 42, 1.5, null, [], {}, "text"}. */
        TYPE,
        /** A string with a space (or tab, or line end) before or after it. */
        SPACES,
        /** An enum name with a space around it, in lower case or capitalised. */
        ENUM,
        /** A date in another shape ({@code " 2026-06-05"}, {@code "2026-06-05T23:59:59"}, {@code "2026-6-5"}) or at or past the ends of the range. */
        DATE,
        /** A number that does not fit ({@code 4294967297}, {@code 1E+999999999}, {@code 1e400}), {@code -0}, NaN-ish text, many digits. */
        NUMBER,
        /** A key written twice in one object. */
        DUPLICATE_KEY,
        /** A key the contract does not know. */
        UNKNOWN_KEY,
        /** A key left out (required or not). */
        REMOVED_KEY,
        /** The document cut at a random byte. */
        TRUNCATION,
        /** A random byte replaced by, or inserted as, a garbage byte. */
        GARBAGE_BYTE,
        /** An invalid UTF-8 byte sequence inserted, mostly inside a string. */
        INVALID_UTF8,
        /** A value replaced by arrays or objects nested thousands deep. */
        DEEP_NESTING,
        /** A string value replaced by a huge string (50,000 to 300,000 characters). */
        HUGE_STRING
    }

    /**
     * One mutated document.
     *
     * @param kind  the kind of mutation
     * @param name  what was done where, e.g. {@code DATE "2026-6-5" at $.sales[0].date}; never holds planted values
     * @param bytes the mutated document (mostly UTF-8; some mutations break the encoding on purpose)
     */
    public record Mutation(Kind kind, String name, byte[] bytes) {
        /** The document as text, decoded leniently (invalid bytes become U+FFFD), for readers that take a string. */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** Whether the bytes are valid UTF-8. */
        public boolean validUtf8() {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final ObjectMapper TREE = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final List<String> OTHER_TYPES = List.of("true", "42", "1.5", "null", "[]", "{}", "\"text\"", "\"42\"", "false", "0");
    private static final List<String> DATES = List.of(" 2026-06-05", "2026-06-05 ", "2026-06-05T23:59:59", "2026-6-5",
            "0001-01-01", "+999999999-12-31", "-999999999-01-01", "3000-01-01", "1899-12-31", "1900-01-01", "2999-12-31",
            "2026-02-29", "2028-02-29", "20260605", "2026-06-05Z", "", "2026-06-31", "2026-00-10", "10000-01-01");
    private static final List<String> NUMBERS = List.of("4294967297", "1E+999999999", "-0", "1e400", "-1e400", "1e-400",
            "NaN", "\"NaN\"", "Infinity", "-Infinity", "\"1e3\"", "12345678901234567890.12", "99.50", "0.10", "2147483647",
            "2147483648", "-2147483649", "9223372036854775808", "-1", "0", "1.0", "1e2", "1E+2", "0.00000000001",
            "123456789012345678901234567890123.5", "1.12345678901", "007", "1.", ".5", "+1", "0x10", "1_000");
    private static final List<String> UNKNOWN_KEYS = List.of("colour", "ID", "Id", "id ", " id", "extra", "customerId",
            "schemaversion", "date2", "__proto__", "");
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xFE},
            new byte[]{(byte) 0xC3}, new byte[]{(byte) 0x80}, new byte[]{(byte) 0xC0, (byte) 0xAF},
            new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[]{(byte) 0xE2, (byte) 0x82}, new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
    private static final byte[] GARBAGE = {'{', '}', '[', ']', ',', ':', '"', '\\', 'x', '0', ' ', '-', '/', 0, 7, 0x1F, 0x7F};
    private static final Pattern ENUM_NAME = Pattern.compile("[A-Z][A-Z_]*[A-Z]");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private JsonMutations() {
    }

    /** One mutation of every {@link Kind}, each at a random place of the document. */
    public static List<Mutation> of(String validDocument, SplittableRandom random) {
        List<Mutation> all = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            all.add(next(validDocument, kind, random));
        }
        return all;
    }

    /** One mutation of a random kind at a random place. */
    public static Mutation next(String validDocument, SplittableRandom random) {
        Kind[] kinds = Kind.values();
        return next(validDocument, kinds[random.nextInt(kinds.length)], random);
    }

    /** One mutation of the given kind at a random place. */
    public static Mutation next(String validDocument, Kind kind, SplittableRandom random) {
        byte[] original = validDocument.getBytes(StandardCharsets.UTF_8);
        return switch (kind) {
            case TRUNCATION -> {
                int at = random.nextInt(original.length);
                yield new Mutation(kind, "TRUNCATION at byte " + at + " of " + original.length, Arrays.copyOf(original, at));
            }
            case GARBAGE_BYTE -> {
                int at = random.nextInt(original.length);
                byte b = GARBAGE[random.nextInt(GARBAGE.length)];
                boolean insert = random.nextBoolean();
                yield new Mutation(kind, "GARBAGE_BYTE 0x" + hex(b) + (insert ? " inserted" : " replacing the byte") + " at byte " + at,
                        insert ? insert(original, at, new byte[]{b}) : replace(original, at, b));
            }
            case INVALID_UTF8 -> {
                byte[] bad = INVALID_UTF8.get(random.nextInt(INVALID_UTF8.size()));
                int at = insideAString(original, random);
                yield new Mutation(kind, "INVALID_UTF8 " + hex(bad) + " inserted at byte " + at, insert(original, at, bad));
            }
            default -> treeMutation(validDocument, kind, random);
        };
    }

    /**
     * The document with {@link #PLANTED_NAME} and {@link #PLANTED_EMAIL} (alternately, and once both together) in
     * every free-text field and every value of {@code attributes}.
     */
    public static String withPlantedFreeText(String validDocument) {
        JsonNode root = parse(validDocument);
        plant(root, false, new int[1]);
        return render(root, null);
    }

    /** Whether the text repeats a planted name or e-mail address (or a telling part of them). */
    public static boolean mentionsPlanted(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("quintana") || lower.contains("example.org");
    }

    private static void plant(JsonNode node, boolean inAttributes, int[] count) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> keys = new ArrayList<>();
            while (fields.hasNext()) {
                keys.add(fields.next().getKey());
            }
            for (String key : keys) {
                JsonNode child = object.get(key);
                if ((inAttributes || FREE_TEXT_FIELDS.contains(key)) && child.isTextual()) {
                    object.put(key, planted(count[0]++));
                } else {
                    plant(child, key.equals("attributes"), count);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> plant(element, false, count));
        }
    }

    private static String planted(int n) {
        return switch (n % 3) {
            case 0 -> PLANTED_NAME;
            case 1 -> PLANTED_EMAIL;
            default -> PLANTED_NAME + " <" + PLANTED_EMAIL + ">";
        };
    }

    /** A place to put a value: the object or array holding it, the key or index, and the JSON path. */
    private record Slot(JsonNode parent, String key, int index, String path) {
        JsonNode value() {
            return parent instanceof ObjectNode o ? o.get(key) : parent.get(index);
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    /** Text written as it is into the document. */
    private record Raw(String text) {
    }

    private static Mutation treeMutation(String validDocument, Kind kind, SplittableRandom random) {
        JsonNode root = parse(validDocument);
        List<Slot> slots = new ArrayList<>();
        slots(root, "$", slots);
        List<ObjectNode> objects = new ArrayList<>();
        objects(root, objects);
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("the document to mutate must be a non-empty JSON object or array");
        }
        switch (kind) {
            case TYPE -> {
                Slot slot = any(slots, random);
                String value = pick(OTHER_TYPES, random);
                return replaced(kind, root, slot, value, value);
            }
            case SPACES -> {
                Slot slot = pick(slots, s -> s.value().isTextual(), random);
                String text = slot.value().isTextual() ? slot.value().asText() : "x";
                String spaced = switch (random.nextInt(4)) {
                    case 0 -> " " + text;
                    case 1 -> text + " ";
                    case 2 -> "\t" + text;
                    default -> text + "\n";
                };
                return replaced(kind, root, slot, quote(spaced), "with spaces");
            }
            case ENUM -> {
                Slot slot = pick(slots, s -> s.value().isTextual() && ENUM_NAME.matcher(s.value().asText()).matches(), random);
                String name = slot.value().isTextual() ? slot.value().asText() : "NPS";
                String changed = switch (random.nextInt(4)) {
                    case 0 -> name + " ";
                    case 1 -> " " + name;
                    case 2 -> name.toLowerCase(Locale.ROOT);
                    default -> name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
                };
                return replaced(kind, root, slot, quote(changed), quote(changed));
            }
            case DATE -> {
                Slot slot = pick(slots, s -> s.value().isTextual() && DATE.matcher(s.value().asText()).matches(), random);
                String date = quote(pick(DATES, random));
                return replaced(kind, root, slot, date, date);
            }
            case NUMBER -> {
                Slot slot = pick(slots, s -> s.value().isNumber(), random);
                String number = pick(NUMBERS, random);
                return replaced(kind, root, slot, number, number);
            }
            case DEEP_NESTING -> {
                Slot slot = any(slots, random);
                int depth = 500 + random.nextInt(19_500);
                boolean arrays = random.nextBoolean();
                String nested = arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                return replaced(kind, root, slot, nested, (arrays ? "arrays " : "objects ") + depth + " deep");
            }
            case HUGE_STRING -> {
                Slot slot = pick(slots, s -> s.value().isTextual(), random);
                int length = 50_000 + random.nextInt(250_001);
                return replaced(kind, root, slot, quote("y".repeat(length)), "a string of " + length + " characters");
            }
            case DUPLICATE_KEY -> {
                ObjectNode object = pick(objects, o -> !o.isEmpty(), random);
                if (object == null || object.isEmpty()) {
                    return new Mutation(kind, "DUPLICATE_KEY of an empty document", "{\"a\": 1, \"a\": 1}".getBytes(StandardCharsets.UTF_8));
                }
                List<String> keys = new ArrayList<>();
                object.fieldNames().forEachRemaining(keys::add);
                String key = pick(keys, random);
                boolean same = random.nextBoolean();
                Duplicate duplicate = new Duplicate(object, key, same ? object.get(key) : TextNode.valueOf("other"));
                return new Mutation(kind, "DUPLICATE_KEY " + key + (same ? " with the same value" : " with another value"),
                        render(root, duplicate).getBytes(StandardCharsets.UTF_8));
            }
            case UNKNOWN_KEY -> {
                ObjectNode object = objects.isEmpty() ? null : pick(objects, random);
                if (object == null) {
                    return new Mutation(kind, "UNKNOWN_KEY in a document that is no object", "{\"colour\": 1}".getBytes(StandardCharsets.UTF_8));
                }
                String key = pick(UNKNOWN_KEYS, random);
                if (object.has(key)) {
                    key = key + "_unknown";
                }
                object.put(key, random.nextBoolean() ? TextNode.valueOf("x") : TREE.getNodeFactory().numberNode(1));
                return new Mutation(kind, "UNKNOWN_KEY '" + key + "'", render(root, null).getBytes(StandardCharsets.UTF_8));
            }
            case REMOVED_KEY -> {
                ObjectNode object = pick(objects, o -> !o.isEmpty(), random);
                if (object == null || object.isEmpty()) {
                    return new Mutation(kind, "REMOVED_KEY of an empty document", "".getBytes(StandardCharsets.UTF_8));
                }
                List<String> keys = new ArrayList<>();
                object.fieldNames().forEachRemaining(keys::add);
                String key = pick(keys, random);
                object.remove(key);
                return new Mutation(kind, "REMOVED_KEY " + key, render(root, null).getBytes(StandardCharsets.UTF_8));
            }
            default -> throw new IllegalArgumentException("not a tree mutation: " + kind);
        }
    }

    private static Mutation replaced(Kind kind, JsonNode root, Slot slot, String raw, String shown) {
        String where;
        String text;
        if (slot == null) {
            where = "$";
            text = raw;
        } else {
            where = slot.path();
            slot.set(new POJONode(new Raw(raw)));
            text = render(root, null);
        }
        return new Mutation(kind, kind + " " + shown + " at " + where, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void slots(JsonNode node, String path, List<Slot> out) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(key -> {
                String at = path + "." + key;
                out.add(new Slot(object, key, -1, at));
                slots(object.get(key), at, out);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String at = path + "[" + i + "]";
                out.add(new Slot(array, null, i, at));
                slots(array.get(i), at, out);
            }
        }
    }

    private static void objects(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode object) {
            out.add(object);
        }
        node.forEach(child -> objects(child, out));
    }

    private static Slot any(List<Slot> slots, SplittableRandom random) {
        return slots.get(random.nextInt(slots.size()));
    }

    /** A random element that matches, or (one time in eight, or when none does) any element. */
    private static <T> T pick(List<T> from, java.util.function.Predicate<T> wanted, SplittableRandom random) {
        List<T> matching = from.stream().filter(t -> t != null && wanted.test(t)).toList();
        if (matching.isEmpty() || random.nextInt(8) == 0) {
            return from.isEmpty() ? null : from.get(random.nextInt(from.size()));
        }
        return matching.get(random.nextInt(matching.size()));
    }

    private static <T> T pick(List<T> from, SplittableRandom random) {
        return from.get(random.nextInt(from.size()));
    }

    /** A byte offset just after a quote (so mostly inside a string), or anywhere one time in four. */
    private static int insideAString(byte[] bytes, SplittableRandom random) {
        List<Integer> quotes = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '"') {
                quotes.add(i + 1);
            }
        }
        if (quotes.isEmpty() || random.nextInt(4) == 0) {
            return random.nextInt(bytes.length + 1);
        }
        return quotes.get(random.nextInt(quotes.size()));
    }

    private static JsonNode parse(String json) {
        try {
            return TREE.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid JSON document to mutate: " + e.getOriginalMessage(), e);
        }
    }

    /** A key written a second time, right after the first. */
    private record Duplicate(ObjectNode in, String key, JsonNode value) {
    }

    /** Writes the tree as indented JSON, raw values as they are, numbers as they were read. */
    private static String render(JsonNode root, Duplicate duplicate) {
        StringBuilder out = new StringBuilder();
        render(root, duplicate, out, "");
        return out.append('\n').toString();
    }

    private static void render(JsonNode node, Duplicate duplicate, StringBuilder out, String indent) {
        if (node instanceof POJONode pojo && pojo.getPojo() instanceof Raw raw) {
            out.append(raw.text());
        } else if (node instanceof ObjectNode object) {
            if (object.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            String inner = indent + "  ";
            boolean first = true;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                first = field(out, inner, field.getKey(), field.getValue(), duplicate, first);
                if (duplicate != null && duplicate.in() == object && duplicate.key().equals(field.getKey())) {
                    first = field(out, inner, field.getKey(), duplicate.value(), duplicate, first);
                }
            }
            out.append('\n').append(indent).append('}');
        } else if (node instanceof ArrayNode array) {
            if (array.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            String inner = indent + "  ";
            for (int i = 0; i < array.size(); i++) {
                out.append(i == 0 ? "" : ",\n").append(inner);
                render(array.get(i), duplicate, out, inner);
            }
            out.append('\n').append(indent).append(']');
        } else if (node.isTextual()) {
            out.append(quote(node.asText()));
        } else {
            out.append(node.toString());
        }
    }

    private static boolean field(StringBuilder out, String indent, String key, JsonNode value, Duplicate duplicate, boolean first) {
        out.append(first ? "" : ",\n").append(indent).append(quote(key)).append(": ");
        render(value, duplicate, out, indent);
        return false;
    }

    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
        out.write(bytes, 0, at);
        out.write(inserted, 0, inserted.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] replace(byte[] bytes, int at, byte b) {
        byte[] copy = bytes.clone();
        copy[at] = b;
        return copy;
    }

    private static String hex(byte b) {
        return String.format("%02X", b & 0xFF);
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(out.length() == 0 ? "" : " ").append(hex(b));
        }
        return out.toString();
    }
}
