package io.referralrules.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.Detail;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.ReadinessAssessment;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.referralrules.json.JsonText.invalid;

/**
 * The JSON contract: a customer snapshot in, an assessment or a decision record out, for CRMs that are not written in
 * Java (and for storing records). Every document carries {@code "schemaVersion": 1}; dates are ISO strings
 * ({@code "2026-06-15"}), enums their names, amounts plain numbers. The schemas are published in {@code docs/schema/}.
 *
 * <pre>{@code
 * CustomerSnapshot snapshot = ReferralJson.readSnapshot(Path.of("customer-C-1.json"));
 * ReadinessAssessment result = engine.assess(snapshot, LocalDate.of(2026, 6, 15));
 * String json = ReferralJson.writeAssessment(result);
 * }</pre>
 *
 * Reading is strict, and the same for every way in (a file, a string, a book entry as text or bytes, a record):
 * <ul>
 *   <li>files and bytes are decoded as UTF-8 strictly: a bad byte is reported with its offset and line, never
 *       replaced;</li>
 *   <li>exact types: a string field takes only a JSON string, a whole number only an integral JSON number that fits
 *       ({@code "schemaVersion": 4294967297} is not 1), a boolean only {@code true} or {@code false};</li>
 *   <li>no trimming or case folding: an enum is its exact name, a date exactly {@code yyyy-mm-dd} (no time, no
 *       spaces) of a day that exists;</li>
 *   <li>amounts are kept as written ({@code 99.50} stays {@code 99.50}), within the bound of
 *       {@link io.referralrules.api.Limits} (30 digits before the point, 10 after); dates within its years
 *       1900-2999; at most its number of facts per customer;</li>
 *   <li>an unknown field, a key given twice, a {@code null} list element, a missing or unsupported
 *       {@code schemaVersion}, a fact the API rejects (a missing id, a rating off the scale) and a truncated document
 *       are rejected too.</li>
 * </ul>
 * Each failure is an {@link InvalidInputException} whose message names the source, the JSON path and the problem,
 * e.g. {@code customer-C-1.json: $.sales[2].date must be a date (yyyy-mm-dd), was "2026-13-01"}. Messages never
 * repeat free text (a name, a description, an attribute): a wrong value is quoted only when it is a number or a
 * single word, a parse error says where and what kind of mistake it is ({@code is not valid JSON at line 2, column
 * 14: a word that is not a JSON value}), and a key that is not a plain word shows in a path as {@code <key N>}, its
 * position in its object. Lists of facts that a customer does not have may be left out; they read as empty.
 */
public final class ReferralJson {
    /** The version of the JSON contract this library reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // amounts keep their scale both ways: 18500 stays 18500, 99.50 stays 99.50
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private static final ObjectMapper COMPACT = MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);

    private ReferralJson() {
    }

    /**
     * Reads a snapshot document from a UTF-8 file; the file's name is the source in messages.
     *
     * @throws InvalidInputException if the file is not UTF-8 (naming the offset and line of the first bad byte) or not
     *                               a valid snapshot
     * @throws IOException           if the file cannot be read
     */
    public static CustomerSnapshot readSnapshot(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        return readSnapshot(decodeUtf8(Files.readAllBytes(file), file.toString()), file.toString());
    }

    /**
     * Reads a snapshot document.
     *
     * @param source what to call the document in messages (a file name, a request id)
     * @throws InvalidInputException if the document is not a valid snapshot
     */
    public static CustomerSnapshot readSnapshot(String json, String source) {
        ObjectNode root = document(json, source, true);
        withSnapshotDefaults(root);
        return bind(root, CustomerSnapshot.class, source);
    }

    /**
     * Reads one customer of a book (an element of a book file's {@code customers} array, or a line of an NDJSON book):
     * like {@link #readSnapshot(String, String)}, but {@code schemaVersion} may be left out, since the book carries it.
     */
    public static CustomerSnapshot readBookEntry(String json, String source) {
        ObjectNode root = document(json, source, false);
        withSnapshotDefaults(root);
        return bind(root, CustomerSnapshot.class, source);
    }

    /**
     * Reads one customer of a book given as its UTF-8 bytes (a line of an NDJSON book, without its line end): decoded
     * as strictly as {@link #decodeUtf8}, then read as {@link #readBookEntry(String, String)} reads text.
     *
     * @param utf8   the entry's bytes
     * @param source what to call the entry in messages, e.g. {@code book.ndjson:17}; offsets and lines of an encoding
     *               error count from the entry's first byte
     * @throws InvalidInputException if the bytes are not UTF-8 or the entry is not a valid snapshot
     */
    public static CustomerSnapshot readBookEntry(byte[] utf8, String source) {
        return readBookEntry(decodeUtf8(utf8, source), source);
    }

    /**
     * Decodes UTF-8 text strictly, as every reader of this module does: a byte that is not part of a valid UTF-8
     * sequence is never replaced, but reported as an {@link InvalidInputException} at {@code $}, e.g.
     * {@code book.ndjson:17: $ is not valid UTF-8: byte 0xE9 at offset 93 (line 1, column 94)} (the offset counts from
     * 0, the line and column from 1; the column counts bytes). For hosts that read bytes themselves (a book's lines,
     * a request body) and want the same rule.
     *
     * @param utf8   the bytes
     * @param source what to call them in messages
     * @return the text
     * @throws InvalidInputException if the bytes are not valid UTF-8
     */
    public static String decodeUtf8(byte[] utf8, String source) {
        return JsonText.utf8(utf8, source);
    }

    /** The customer id a book entry shows, even when the entry is otherwise invalid; empty when it shows none. */
    public static Optional<String> customerIdOf(String json) {
        Objects.requireNonNull(json, "json");
        try {
            JsonNode id = MAPPER.readTree(json).path("customer").path("id");
            return id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The snapshot on one line, without {@code schemaVersion} and without the lists of facts it does not have: an
     * NDJSON book entry.
     */
    public static String writeBookEntry(CustomerSnapshot snapshot) {
        ObjectNode tree = MAPPER.valueToTree(Objects.requireNonNull(snapshot, "snapshot"));
        List<String> empty = new ArrayList<>();
        tree.fields().forEachRemaining(f -> {
            if (f.getValue().isArray() && f.getValue().isEmpty()) {
                empty.add(f.getKey());
            }
        });
        tree.remove(empty);
        try {
            return COMPACT.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write snapshot " + snapshot.customer().id(), e);
        }
    }

    /**
     * The assessment as a document on one line, for NDJSON output. {@link AssessmentWriter} writes the same bytes
     * straight onto a writer, without a {@code String} per assessment.
     */
    public static String writeAssessmentLine(ReadinessAssessment assessment) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("schemaVersion", SCHEMA_VERSION);
        out.setAll((ObjectNode) MAPPER.valueToTree(Objects.requireNonNull(assessment, "assessment")));
        try {
            return COMPACT.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write assessment " + assessment.customerId(), e);
        }
    }

    /**
     * The decision part of the assessment as a document on one line, for NDJSON output of decisions only
     * ({@code docs/schema/decision.schema.json}): what {@link AssessmentWriter} writes at {@link Detail#DECISION}.
     */
    public static String writeDecisionLine(ReadinessAssessment assessment) {
        return written(assessment, false);
    }

    /** The decision part of the assessment as a document ({@code docs/schema/decision.schema.json}). */
    public static String writeDecision(ReadinessAssessment assessment) {
        return written(assessment, true) + "\n";
    }

    private static String written(ReadinessAssessment assessment, boolean indented) {
        Objects.requireNonNull(assessment, "assessment");
        StringWriter text = new StringWriter();
        try (AssessmentWriter writer = indented ? AssessmentWriter.indented(text, Detail.DECISION)
                : AssessmentWriter.lines(text, Detail.DECISION)) {
            writer.write(assessment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the decision of " + assessment.customerId(), e);
        }
        return text.toString();
    }

    /** The mapper the contract writes with (indented). */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The mapper the contract writes one-line documents with. */
    static ObjectMapper compactMapper() {
        return COMPACT;
    }

    /** The snapshot as a document. */
    public static String writeSnapshot(CustomerSnapshot snapshot) {
        return write(Objects.requireNonNull(snapshot, "snapshot"));
    }

    /** The assessment as a document. */
    public static String writeAssessment(ReadinessAssessment assessment) {
        return write(Objects.requireNonNull(assessment, "assessment"));
    }

    /** Reads an assessment document, such as one this class wrote. */
    public static ReadinessAssessment readAssessment(String json, String source) {
        ObjectNode root = document(json, source, true);
        return bind(root, ReadinessAssessment.class, source);
    }

    /** The decision record as a document: the assessment, the snapshot, the policy and the fingerprints. */
    public static String writeRecord(DecisionRecord record) {
        return write(Objects.requireNonNull(record, "record"));
    }

    /**
     * Reads a decision record document from a UTF-8 file, as strictly as {@link #readSnapshot(Path)}.
     *
     * @throws InvalidInputException if the file is not UTF-8 or not a valid decision record
     * @throws IOException           if the file cannot be read
     */
    public static DecisionRecord readRecord(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        return readRecord(decodeUtf8(Files.readAllBytes(file), file.toString()), file.toString());
    }

    /** Reads a decision record document, such as one this class wrote. */
    public static DecisionRecord readRecord(String json, String source) {
        ObjectNode root = document(json, source, true);
        if (root.get("snapshot") instanceof ObjectNode snapshot) {
            withSnapshotDefaults(snapshot);
        }
        return bind(root, DecisionRecord.class, source);
    }

    private static String write(Object value) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("schemaVersion", SCHEMA_VERSION);
        out.setAll((ObjectNode) MAPPER.valueToTree(value));
        try {
            return MAPPER.writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Parses the text, checks it is an object of our schema version (required or not), and returns it without the
     * version.
     */
    private static ObjectNode document(String json, String source, boolean versionRequired) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(source, "source");
        ObjectNode object = JsonText.object(MAPPER, json, source, "");
        JsonNode version = object.get("schemaVersion");
        if (version == null && !versionRequired) {
            return object;
        }
        if (version == null) {
            throw invalid(source, "$.schemaVersion", "is missing; this reader understands " + SCHEMA_VERSION);
        }
        // exactly 1: not 1.0, not "1", not 4294967297 (which an int conversion wraps around to 1)
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() != SCHEMA_VERSION) {
            throw invalid(source, "$.schemaVersion", "must be " + SCHEMA_VERSION + " (the version this reader understands), was "
                    + Shapes.shown(version));
        }
        object.remove("schemaVersion");
        return object;
    }

    /** A customer may leave out the lists of facts it does not have, and its attributes. */
    private static void withSnapshotDefaults(ObjectNode snapshot) {
        for (Component component : COMPONENTS.get(CustomerSnapshot.class)) {
            if (List.class.isAssignableFrom(component.type()) && !snapshot.has(component.name())) {
                snapshot.putArray(component.name());
            }
        }
        if (snapshot.get("customer") instanceof ObjectNode customer && !customer.has("attributes")) {
            customer.putObject("attributes");
        }
    }

    /**
     * An optional field left out reads as {@code null}, so the record's own validation decides whether that is allowed
     * (and names the field if not); a left-out number stays missing and is reported, never read as 0.
     */
    private static void absentAsNull(JsonNode node, Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : type instanceof Class<?> c ? c : Object.class;
        if (raw.isRecord() && node instanceof ObjectNode object) {
            for (Component component : COMPONENTS.get(raw)) {
                JsonNode child = object.get(component.name());
                if (child == null && !component.type().isPrimitive()) {
                    object.putNull(component.name());
                } else if (child != null) {
                    absentAsNull(child, component.genericType());
                }
            }
        } else if (Collection.class.isAssignableFrom(raw) && node instanceof ArrayNode array
                && type instanceof ParameterizedType p) {
            array.forEach(element -> absentAsNull(element, p.getActualTypeArguments()[0]));
        }
    }

    /** A record component as the readers need it; reflection is looked up once per record type, not per document. */
    private record Component(String name, Class<?> type, Type genericType) {
    }

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .map(c -> new Component(c.getName(), c.getType(), c.getGenericType())).toList();
        }
    };

    /**
     * Binds a document to a record type: first the typed walk ({@link Shapes}), which rejects every value of the wrong
     * JSON type with its path; then Jackson, on a tree whose every value already has the right type, so only the
     * records' own checks remain to fail (a blank id, a date out of range), reported with the path of the record.
     */
    private static <T> T bind(ObjectNode tree, Class<T> type, String source) {
        Shapes.check(source, "$", tree, type);
        absentAsNull(tree, type);
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (ValueInstantiationException e) {
            String at = path(e.getPath());
            Throwable cause = e.getCause();
            if (cause instanceof InvalidInputException bad) {
                throw invalid(source, join(at, bad.path()), bad.problem());
            }
            if (cause instanceof NullPointerException npe && npe.getMessage() != null && e.getType() != null
                    && Shapes.names(e.getType().getRawClass()).contains(npe.getMessage())) {
                throw invalid(source, join(at, npe.getMessage()), "must not be null");
            }
            throw invalid(source, at, "is not a valid " + Shapes.describe(e.getType() == null ? Object.class : e.getType().getRawClass())
                    .replaceFirst("^an? ", "") + " (" + (cause == null ? "rejected" : cause.getClass().getSimpleName()) + ")");
        } catch (JsonMappingException e) {
            // the walk leaves nothing of the wrong type; this is a safety net that never repeats the value
            throw invalid(source, path(e.getPath()), "cannot be read as " + Shapes.describe(targetOf(e)));
        } catch (JacksonException e) {
            throw invalid(source, "$", "cannot be read");
        }
    }

    private static Class<?> targetOf(JsonMappingException e) {
        return e instanceof MismatchedInputException m && m.getTargetType() != null ? m.getTargetType() : Object.class;
    }

    private static String join(String at, String field) {
        if (field.isEmpty()) {
            return at;
        }
        return field.startsWith("[") ? at + field : at + "." + field;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder("$");
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                out.append(JsonText.key(ref.getFieldName(), 0).replace("<key 0>", "<key>"));
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
