package io.referralrules.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.referralrules.api.InvalidInputException;

import java.util.Locale;

/** How the readers of this module word a problem: source, JSON path, what is wrong. */
final class JsonText {
    private JsonText() {
    }

    /**
     * Parses text that must be one JSON object; anything else is an {@link InvalidInputException} at {@code $}.
     *
     * @param what what the object holds, for the messages (" of thresholds"), or ""
     */
    static ObjectNode object(ObjectMapper mapper, String json, String source, String what) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonEOFException e) {
            throw invalid(source, "$", "ends before the document is complete" + at(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw invalid(source, "$", "is not valid JSON: " + e.getOriginalMessage() + at(e.getLocation()));
        }
        if (root == null || root.isMissingNode()) {
            throw invalid(source, "$", "is empty; expected a JSON object" + what);
        }
        if (!(root instanceof ObjectNode object)) {
            throw invalid(source, "$", "must be a JSON object" + what + ", was " + kind(root));
        }
        return object;
    }

    /** "an array", "a string"…, for "must be a JSON object, was …". */
    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** " (line 3, column 5)", or nothing when the parser did not say. */
    static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    static InvalidInputException invalid(String source, String path, String problem) {
        return new InvalidInputException(source + ": " + path + " " + problem, path, problem);
    }
}
