package io.referralrules.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.referralrules.api.InvalidInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the readers of this module turn bytes into text and text into a tree, and word a problem: source, JSON path,
 * what is wrong. A parse error says where (line and column) and what kind of mistake it is, in our words: never the
 * parser's own message, which quotes the document's text.
 */
final class JsonText {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private JsonText() {
    }

    /**
     * Decodes UTF-8 strictly: the first byte that is not part of a valid UTF-8 sequence (a Latin-1 letter, a lone
     * continuation byte, an encoded surrogate, a sequence cut short at the end) is an {@link InvalidInputException} at
     * {@code $} naming the byte, its offset (counted from 0) and its line and column (counted from 1, the column in
     * bytes).
     */
    static String utf8(byte[] bytes, String source) {
        Objects.requireNonNull(bytes, "utf8");
        Objects.requireNonNull(source, "source");
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notUtf8(bytes, in.position(), source);
        }
        return out.flip().toString();
    }

    private static InvalidInputException notUtf8(byte[] bytes, int offset, String source) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return invalid(source, "$", String.format(Locale.ROOT, "is not valid UTF-8: byte 0x%02X at offset %d (line %d, column %d)",
                bytes[offset] & 0xFF, offset, line, offset - lineStart + 1));
    }

    /**
     * Parses text that must be one JSON object; anything else is an {@link InvalidInputException}: at {@code $}, or at
     * the repeated key for a key given twice.
     *
     * @param what what the object holds, for the messages (" of thresholds"), or ""
     */
    static ObjectNode object(ObjectMapper mapper, String json, String source, String what) {
        JsonNode root;
        try (JsonParser parser = mapper.createParser(json)) {
            try {
                root = mapper.readTree(parser);
                if (root != null && parser.nextToken() != null) {
                    throw invalid(source, "$", "is not valid JSON" + at(parser.currentTokenLocation())
                            + ": more content after the end of the document");
                }
            } catch (JsonProcessingException e) {
                throw notJson(source, e, parser);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // reading a string cannot fail
        }
        if (root == null || root.isMissingNode()) {
            throw invalid(source, "$", "is empty; expected a JSON object" + what);
        }
        if (!(root instanceof ObjectNode object)) {
            throw invalid(source, "$", "must be a JSON object" + what + ", was " + kind(root));
        }
        return object;
    }

    /** A parse error in our words: where it is and what kind of mistake, never the parser's message (it quotes the text). */
    static InvalidInputException notJson(String source, JsonProcessingException e, JsonParser parser) {
        String message = String.valueOf(e.getOriginalMessage());
        JsonLocation location = e.getLocation();
        if (location == null && parser != null) {
            location = parser.currentLocation();   // a limit (nesting, length) is reported without one
        }
        String where = at(location);
        if (message.startsWith("Duplicate field")) {
            return invalid(source, contextPath(e), "is not valid JSON" + where + ": a key given twice in one object");
        }
        return invalid(source, "$", "is not valid JSON" + where + ": " + mistake(e, message));
    }

    private static String mistake(JsonProcessingException e, String message) {
        if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
            return "the document ends before it is complete";
        }
        if (e instanceof StreamConstraintsException) {
            if (message.contains("nesting depth")) {
                return "values nested more than " + StreamReadConstraints.DEFAULT_MAX_DEPTH + " deep";
            }
            if (message.contains("Number value length") || message.contains("Number length")) {
                return "a number longer than " + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " characters";
            }
            if (message.contains("String value length")) {
                return "a string longer than " + StreamReadConstraints.DEFAULT_MAX_STRING_LEN + " characters";
            }
            if (message.contains("Name length")) {
                return "a key longer than " + StreamReadConstraints.DEFAULT_MAX_NAME_LEN + " characters";
            }
            return "a value beyond the reader's limits";
        }
        if (message.startsWith("Unrecognized token")) {
            return "a word that is not a JSON value (text needs double quotes)";
        }
        if (message.startsWith("Non-standard token") || message.contains("'NaN'") || message.contains("Infinity")) {
            return "NaN and Infinity are not JSON numbers";
        }
        if (message.startsWith("Illegal unquoted character")) {
            return "a control character inside a string (it must be escaped)";
        }
        if (message.startsWith("Unrecognized character escape") || message.contains("escape sequence")
                || message.contains("expected a hex-digit")) {
            return "a backslash escape that JSON does not have";
        }
        if (message.contains("Invalid UTF-8") || message.contains("Invalid UTF-32")) {
            return "bytes that are not UTF-8";
        }
        if (message.startsWith("Trailing token") || message.contains("trailing token")) {
            return "more content after the end of the document";
        }
        if (message.startsWith("Unexpected close marker")) {
            return "a closing bracket that does not match the opening one";
        }
        if (message.contains("Invalid numeric value") || message.contains("Leading zeroes") || message.contains("Decimal point")
                || message.contains("Exponent indicator") || message.contains("Invalid number") || message.contains("numeric")) {
            return "a malformed number";
        }
        if (message.contains("was expecting comma")) {
            return "a missing comma (or closing bracket) between values";
        }
        if (message.contains("was expecting double-quote to start field name")) {
            return "a key without double quotes, or a comma before a closing brace";
        }
        if (message.contains("was expecting a colon")) {
            return "a missing colon after a key";
        }
        if (message.contains("expected a value") || message.contains("expected a valid value")) {
            return "a missing value";
        }
        if (message.startsWith("Unexpected character") || message.startsWith("Illegal character")) {
            return "an unexpected character";
        }
        return "a malformed document";
    }

    /** The path of the value the parser was at when it stopped, e.g. {@code $.customer.id}. */
    private static String contextPath(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return "$";
        }
        return path(parser.getParsingContext());
    }

    private static String path(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "$";
        }
        String parent = path(context.getParent());
        if (context.inArray()) {
            return parent + "[" + Math.max(0, context.getCurrentIndex()) + "]";
        }
        String name = context.getCurrentName();
        return name == null ? parent : parent + key(name, context.getCurrentIndex() + 1);
    }

    /**
     * A key as a path shows it: {@code .name} when it is a plain word of letters, digits, {@code _} and {@code -};
     * otherwise {@code .<key N>}, its position in the object, since a key that is not a plain word may be free text.
     */
    static String key(String key, int position) {
        return PLAIN_KEY.matcher(key).matches() ? "." + key : ".<key " + position + ">";
    }

    /** "an array", "a string"…, for "must be a JSON object, was …". */
    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** " at line 3, column 5", or nothing when the parser did not say. */
    static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    static InvalidInputException invalid(String source, String path, String problem) {
        return new InvalidInputException(source + ": " + path + " " + problem, path, problem);
    }
}
