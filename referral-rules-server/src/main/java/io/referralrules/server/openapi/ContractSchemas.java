package io.referralrules.server.openapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contract's published JSON Schemas, read from the {@code referral-rules-json} jar
 * ({@code io/referralrules/json/schema/*.schema.json}, the bytes of {@code docs/schema}), by component name.
 */
final class ContractSchemas {
    /** Where the json jar keeps the schemas. */
    static final String RESOURCE_DIRECTORY = "io/referralrules/json/schema/";

    /** Component name to schema file: the bodies of the {@code /v1} operations. */
    static final Map<String, String> BODIES = bodies();

    private static final ObjectMapper READER = new ObjectMapper()
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private ContractSchemas() {
    }

    private static Map<String, String> bodies() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Snapshot", "snapshot.schema.json");
        files.put("Assessment", "assessment.schema.json");
        files.put("Decision", "decision.schema.json");
        files.put("DecisionRecord", "decision-record.schema.json");
        files.put("ReplayResult", "replay.schema.json");
        return Collections.unmodifiableMap(files);
    }

    /**
     * The schemas the json jar on this class path holds, by component name; a schema it does not hold (an older json jar
     * may hold fewer than BODIES names) is left out, and its bodies are described without one.
     */
    static Map<String, PublishedSchema> load(ClassLoader loader) {
        Map<String, PublishedSchema> found = new LinkedHashMap<>();
        BODIES.forEach((component, file) -> {
            JsonNode document = read(loader, file);
            if (document != null) {
                found.put(component, new PublishedSchema(file, document));
            }
        });
        return found;
    }

    /** The schema file as published, or null if the json jar has none by that name. */
    static JsonNode read(ClassLoader loader, String file) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE_DIRECTORY + file)) {
            return in == null ? null : READER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the published schema " + RESOURCE_DIRECTORY + file, e);
        }
    }
}
