package io.referralrules.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import io.referralrules.api.InvalidInputException;

import java.util.Locale;

/** How the readers of this module word a problem: source, JSON path, what is wrong. */
final class JsonText {
    private JsonText() {
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
