package io.referralrules.json;

import io.referralrules.api.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * One named fixture per kind of syntax mistake a hand-edited file or a broken export makes: each is reported at
 * {@code $} with its line and column and the kind of mistake in our words, never the parser's message (which quotes the
 * text around the mistake).
 */
@DisplayName("JSON syntax mistakes: where, and what kind, in our words")
class JsonSyntaxMistakesTest {

    static Stream<Arguments> mistakes() {
        return Stream.of(
                arguments("a file cut short", "{\"schemaVersion\": 1,",
                        "at line 1, column 21: the document ends before it is complete"),
                arguments("a word without quotes", "{\"schemaVersion\": yes}",
                        "at line 1, column 19: a word that is not a JSON value (text needs double quotes)"),
                arguments("NaN as a number", "{\"schemaVersion\": NaN}",
                        "at line 1, column 22: NaN and Infinity are not JSON numbers"),
                arguments("minus infinity as a number", "{\"schemaVersion\": -Infinity}",
                        "at line 1, column 28: NaN and Infinity are not JSON numbers"),
                arguments("a tab inside a string", "{\"schemaVersion\": 1, \"customer\": {\"id\": \"C\t1\"}}",
                        "at line 1, column 43: a control character inside a string (it must be escaped)"),
                arguments("an escape JSON does not have", "{\"schemaVersion\": 1, \"customer\": {\"id\": \"C\\q1\"}}",
                        "at line 1, column 44: a backslash escape that JSON does not have"),
                arguments("a unicode escape with a letter that is not hex", "{\"schemaVersion\": 1, \"customer\": {\"id\": \"C\\u12G4\"}}",
                        "at line 1, column 47: a backslash escape that JSON does not have"),
                arguments("a bracket closing the wrong thing", "{\"schemaVersion\": 1, \"sales\": [}",
                        "at line 1, column 32: a closing bracket that does not match the opening one"),
                arguments("a number with a leading zero", "{\"schemaVersion\": 01}",
                        "at line 1, column 20: a malformed number"),
                arguments("a number ending in a point", "{\"schemaVersion\": 1.}",
                        "at line 1, column 20: a malformed number"),
                arguments("a number with a plus sign", "{\"schemaVersion\": +1}",
                        "at line 1, column 20: a malformed number"),
                arguments("two values without a comma", "{\"schemaVersion\": 1 \"sales\": []}",
                        "at line 1, column 21: a missing comma (or closing bracket) between values"),
                arguments("a key without quotes", "{schemaVersion: 1}",
                        "at line 1, column 2: a key without double quotes, or a comma before a closing brace"),
                arguments("a comma before the closing brace", "{\"schemaVersion\": 1,}",
                        "at line 1, column 21: a key without double quotes, or a comma before a closing brace"),
                arguments("a key without its colon", "{\"schemaVersion\" 1}",
                        "at line 1, column 18: a missing colon after a key"),
                arguments("a key without its value", "{\"schemaVersion\": }",
                        "at line 1, column 19: a missing value"),
                arguments("a control character between values", "{\"schemaVersion\":\u0001 1}",
                        "at line 1, column 19: an unexpected character"),
                arguments("a second document after the first", "{\"schemaVersion\": 1}\n{\"schemaVersion\": 1}",
                        "at line 2, column 1: more content after the end of the document"),
                arguments("a number longer than the reader takes", "{\"schemaVersion\": " + "1".repeat(1_001) + "}",
                        "at line 1, column 1020: a number longer than 1000 characters"),
                arguments("a string longer than the reader takes", "{\"schemaVersion\": 1, \"customer\": {\"id\": \""
                                + "i".repeat(com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_STRING_LEN + 1) + "\"}}",
                        "at line 1, column 20000044: a string longer than 20000000 characters"),
                arguments("a key longer than the reader takes", "{\"" + "k".repeat(50_001) + "\": 1}",
                        "at line 1, column 50005: a key longer than 50000 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aSyntaxMistakeIsNamedWithItsPlace(String shape, String json, String problem) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readSnapshot(json, "c.json"));

        assertThat(e).as(shape).isNotNull();
        assertThat(e.path()).isEqualTo("$");
        assertThat(e).hasMessage("c.json: $ is not valid JSON " + problem);
    }

    @Test
    void aKeyGivenTwiceDeepInsideIsNamedByItsFullPath() {
        String json = "{\"schemaVersion\": 1, \"customer\": {\"id\": \"C-1\", \"type\": \"BUSINESS\", \"ownerId\": \"rep-1\"}, "
                + "\"sales\": [{\"id\": \"S-1\", \"date\": \"2026-01-05\", \"amount\": 1}, {\"id\": \"S-2\", \"id\": \"S-3\"}]}";

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readSnapshot(json, "c.json"));

        assertThat(e.path()).isEqualTo("$.sales[1].id");
        assertThat(e.problem()).endsWith(": a key given twice in one object");
    }

    @Test
    void aRepeatedKeyThatIsNotAPlainWordIsNamedByItsPosition() {
        String json = "{\"schemaVersion\": 1, \"customer\": {\"id\": \"C-1\", \"type\": \"BUSINESS\", \"ownerId\": \"rep-1\", "
                + "\"attributes\": {\"industry\": \"banking\", \"notes on Jane Roe\": \"a\", \"notes on Jane Roe\": \"b\"}}}";

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readSnapshot(json, "c.json"));

        assertThat(e.path()).isEqualTo("$.customer.attributes.<key 3>");
        assertThat(e.getMessage()).doesNotContain("Jane");
    }
}
