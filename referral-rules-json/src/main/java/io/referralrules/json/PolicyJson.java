package io.referralrules.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.SurveyReading;
import io.referralrules.api.facts.SurveyType;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static io.referralrules.json.JsonText.invalid;

/**
 * Reads and writes a {@link ReadinessPolicy} as JSON: one object whose keys are the policy's thresholds. A file
 * gives only the thresholds it changes; the others come from the base policy (usually the playbook's defaults), so a
 * tenant's file stays short and picks up new defaults.
 *
 * <pre>{@code
 * // tenants/acme.json:  { "askCoolDownDays": 120, "mandatoryTrustBuilders": ["SERVICE_QUALITY"] }
 * ReadinessPolicy acme = PolicyJson.read(Path.of("tenants/acme.json"), Playbook.EARNED_TRUST.defaults());
 * }</pre>
 *
 * Strict by design, since a typo in a threshold silently changes who gets asked: an unknown key (with a suggestion
 * when it looks like a typo), a value of the wrong type (a string or a fraction for a whole number, a name that is not
 * a trust builder), a missing value ({@code null}), a repeated key and an impossible value (a negative window, a
 * detractor cut-off at or above the promoter one) are each rejected with an {@link InvalidInputException} whose
 * message names the source and the JSON path, e.g. {@code tenants/acme.json: $.askCoolDownDays must not be negative,
 * was -5}. Values are checked as {@link ReferralJson} checks them (exact JSON types, exact enum names, whole numbers
 * that fit), day counts are at most {@link io.referralrules.api.Limits#MAX_POLICY_DAYS}, and a file is decoded as
 * UTF-8 strictly (a bad byte is reported with its offset and line).
 *
 * <p>The survey switches ({@code csatFeedback}, {@code cesFeedback}; see {@link ReadinessPolicy}) are off unless a file
 * turns them on: {@code true} for the industry reading (or the base policy's, when it has one), an object for a reading
 * of the tenant's own, in which a cut-off left out keeps the industry (or base) value, and {@code false} to turn a
 * base policy's switch off:
 *
 * <pre>{@code
 * { "csatFeedback": true, "cesFeedback": { "greenLightMin": 6 } }
 * }</pre>
 *
 * {@link #write} writes a switch only while it is on, as an object of both cut-offs after the last threshold, so a
 * policy with both off is written byte for byte as before the switches existed: the engine's policy hash (taken of
 * the same text) and the documents of such policies stay what they were.
 */
public final class PolicyJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // numbers as written, so a value too large for its field is reported as written (1E+400, not Infinity)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // a survey switch that is off (null) is left out, so a policy with both off is written as before them
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private PolicyJson() {
    }

    /**
     * Reads a policy file (UTF-8) on top of a base policy.
     *
     * @throws InvalidInputException if the file is not UTF-8 (naming the offset and line of the first bad byte) or not
     *                               a valid policy; the message names the file and the JSON path
     * @throws IOException           if the file cannot be read
     */
    public static ReadinessPolicy read(Path file, ReadinessPolicy base) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(base, "base");
        return parse(ReferralJson.decodeUtf8(Files.readAllBytes(file), file.toString()), file.toString(), base);
    }

    /**
     * Parses a policy from JSON text on top of a base policy.
     *
     * @param json   the JSON text
     * @param source what to call it in messages (a file name)
     * @param base   the thresholds the text does not give
     * @throws InvalidInputException if the text is not a valid policy
     */
    public static ReadinessPolicy parse(String json, String source, ReadinessPolicy base) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(base, "base");
        ObjectNode overrides = JsonText.object(MAPPER, json, source, " of thresholds");
        ObjectNode merged = MAPPER.valueToTree(base);
        Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
        int position = 0;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            position++;
            String key = field.getKey();
            if (!THRESHOLDS.containsKey(key)) {
                throw invalid(source, "$" + JsonText.key(key, position), "is not a policy threshold" + suggestion(key));
            }
            JsonNode defaultValue = merged.get(key);
            if (field.getValue().isNull()) {
                throw invalid(source, "$." + key, "must not be null; leave the key out to keep "
                        + (defaultValue == null ? "it off" : defaultValue));
            }
            SurveyType scale = SWITCHES.get(key);
            if (scale != null) {
                switchTo(merged, key, field.getValue(), scale, source);
                continue;
            }
            Shapes.check(source, "$." + key, field.getValue(), THRESHOLDS.get(key));
            merged.set(key, field.getValue());
        }
        try {
            return MAPPER.treeToValue(merged, ReadinessPolicy.class);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof InvalidInputException bad) {
                throw invalid(source, "$." + bad.path(), bad.problem());
            }
            throw invalid(source, "$", "is not a valid policy");
        } catch (JacksonException e) {
            // every value was checked against its threshold's type above; a safety net that never repeats a value
            throw invalid(source, "$", "is not a valid policy");
        }
    }

    /**
     * The policy as JSON, every threshold spelled out, trust builders in their natural order (the policy keeps them in
     * an EnumSet).
     */
    public static String write(ReadinessPolicy policy) {
        try {
            return MAPPER.writeValueAsString(Objects.requireNonNull(policy, "policy")) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write policy " + policy, e);
        }
    }

    /**
     * A survey switch as a file gives it: {@code true} (on, with the base policy's reading or the industry one),
     * {@code false} (off), or an object of cut-offs laid over that reading.
     */
    private static void switchTo(ObjectNode merged, String key, JsonNode value, SurveyType scale, String source) {
        if (value.isBoolean()) {
            if (!value.booleanValue()) {
                merged.remove(key);
            } else if (merged.get(key) == null) {
                merged.set(key, MAPPER.valueToTree(SurveyReading.industry(scale)));
            }
            return;
        }
        if (!value.isObject()) {
            throw invalid(source, "$." + key, "must be true, false or an object of greenLightMin and complaintMax, was "
                    + Shapes.shown(value));
        }
        ObjectNode reading = merged.get(key) instanceof ObjectNode base ? base.deepCopy()
                : MAPPER.valueToTree(SurveyReading.industry(scale));
        reading.setAll((ObjectNode) value);
        // checked once laid over the reading, so that a cut-off left out is not "missing"
        Shapes.check(source, "$." + key, reading, SurveyReading.class);
        merged.set(key, reading);
    }

    /** Each threshold's Java type, by name, for the typed check of the values a file gives. */
    private static final Map<String, Type> THRESHOLDS = Arrays.stream(ReadinessPolicy.class.getRecordComponents())
            .collect(Collectors.toUnmodifiableMap(RecordComponent::getName, RecordComponent::getGenericType));

    /** The thresholds' names in the record's order. */
    private static final List<String> NAMES = Arrays.stream(ReadinessPolicy.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    /** The survey switches, by name, with the scale each reads. */
    private static final Map<String, SurveyType> SWITCHES = Map.of("csatFeedback", SurveyType.CSAT,
            "cesFeedback", SurveyType.CES);

    private static String suggestion(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : NAMES) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= Math.max(2, key.length() / 4)) {
            return " (did you mean " + best + "?)";
        }
        return "; known thresholds: " + NAMES.stream().sorted().collect(Collectors.joining(", "));
    }

    /** Edit distance between two keys, for the typo suggestion. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
