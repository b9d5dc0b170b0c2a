package io.referralrules.json;

import io.referralrules.api.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** One named fixture per shape of bad JSON; each message names the source, the JSON path and the problem. */
@DisplayName("Bad JSON: the path and the problem, never Jackson's internals")
class BadJsonTest {
    private static final String CUSTOMER = "\"customer\": {\"id\": \"C-1\", \"type\": \"BUSINESS\", \"ownerId\": \"rep-1\"}";

    private static String snapshot(String more) {
        return "{\"schemaVersion\": 1, " + CUSTOMER + (more.isEmpty() ? "" : ", " + more) + "}";
    }

    static Stream<Arguments> badSnapshots() {
        return Stream.of(
                arguments("wrong type", snapshot("\"sales\": [{\"id\": \"S-1\", \"date\": \"2026-01-05\", \"amount\": \"lots\"}]"),
                        "$.sales[0].amount", "c.json: $.sales[0].amount must be a number, was \"lots\""),
                arguments("number as a string", snapshot("\"surveyScores\": [{\"id\": \"N-1\", \"date\": \"2026-01-05\", \"type\": \"NPS\", \"score\": \"9\"}]"),
                        "$.surveyScores[0].score", "c.json: $.surveyScores[0].score must be a whole number, was \"9\""),
                arguments("missing id", snapshot("\"sales\": [{\"date\": \"2026-01-05\", \"amount\": 10}]"),
                        "$.sales[0].id", "c.json: $.sales[0].id must not be blank, was null"),
                arguments("missing number", snapshot("\"surveyScores\": [{\"id\": \"N-1\", \"date\": \"2026-01-05\", \"type\": \"NPS\"}]"),
                        "$.surveyScores[0].score", "c.json: $.surveyScores[0].score is missing; it must be a whole number"),
                arguments("malformed date", snapshot("\"sales\": [{\"id\": \"S-1\", \"date\": \"2026-13-01\", \"amount\": 10}]"),
                        "$.sales[0].date", "c.json: $.sales[0].date must be a date (yyyy-mm-dd), was \"2026-13-01\""),
                arguments("date in another format", snapshot("\"asks\": [{\"id\": \"A-1\", \"date\": \"05/01/2026\", \"type\": \"INTRODUCTION\"}]"),
                        "$.asks[0].date", "c.json: $.asks[0].date must be a date (yyyy-mm-dd), was \"05/01/2026\""),
                arguments("unknown enum name", snapshot("\"asks\": [{\"id\": \"A-1\", \"date\": \"2026-01-05\", \"type\": \"REFERRAL\"}]"),
                        "$.asks[0].type", "c.json: $.asks[0].type must be one of [INTRODUCTION, NAMES_ONLY], was \"REFERRAL\""),
                arguments("unknown field", snapshot("\"sales\": [{\"id\": \"S-1\", \"date\": \"2026-01-05\", \"amount\": 10, \"colour\": \"red\"}]"),
                        "$.sales[0].colour", "c.json: $.sales[0].colour is not a known field (known here: amount, date, id, problemSolved)"),
                arguments("unknown top-level field", snapshot("\"orders\": []"),
                        "$.orders", null),
                arguments("object where a list belongs", snapshot("\"sales\": {\"id\": \"S-1\"}"),
                        "$.sales", "c.json: $.sales must be an array, was an object"),
                arguments("impossible value", snapshot("\"serviceInteractions\": [{\"id\": \"SI-1\", \"date\": \"2026-01-05\", \"satisfaction\": 7, \"status\": \"OPEN\"}]"),
                        "$.serviceInteractions[0].satisfaction", "c.json: $.serviceInteractions[0].satisfaction must be between 1 and 5, was 7 (id=SI-1)"),
                arguments("duplicate fact id", snapshot("\"sales\": [{\"id\": \"S-1\", \"date\": \"2026-01-05\", \"amount\": 1}, {\"id\": \"S-1\", \"date\": \"2026-01-06\", \"amount\": 2}]"),
                        "$.sales[1].id", "c.json: $.sales[1].id duplicates 'S-1' of sales[0]"),
                arguments("reference to an unknown fact", snapshot("\"followUps\": [{\"id\": \"F-1\", \"date\": \"2026-01-05\", \"introductionId\": \"I-9\", \"type\": \"THANK_REFERRER\"}]"),
                        "$.followUps[0].introductionId", "c.json: $.followUps[0].introductionId refers to unknown introduction 'I-9' (id=F-1)"),
                arguments("a reference to a huge unknown id", snapshot("\"followUps\": [{\"id\": \"F-1\", \"date\": \"2026-01-05\", \"introductionId\": \""
                                + "I".repeat(100_000) + "\", \"type\": \"THANK_REFERRER\"}]"),
                        "$.followUps[0].introductionId", "c.json: $.followUps[0].introductionId refers to unknown introduction '"
                                + "I".repeat(64) + "... (100000 characters)' (id=F-1)"),
                arguments("nesting deeper than the parser allows", snapshot("\"sales\": " + "[".repeat(5_000) + "]".repeat(5_000)),
                        "$", "c.json: $ is not valid JSON at line 1, column " /* the first bracket too deep */ + (snapshot("").length() + 11 + com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_DEPTH)
                                + ": values nested more than " + com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_DEPTH + " deep"),
                arguments("missing customer", "{\"schemaVersion\": 1}",
                        "$.customer", "c.json: $.customer must not be null"),
                arguments("customer without an owner", "{\"schemaVersion\": 1, \"customer\": {\"id\": \"C-1\", \"type\": \"BUSINESS\"}}",
                        "$.customer.ownerId", "c.json: $.customer.ownerId must not be null (id=C-1)"),
                arguments("missing schema version", "{" + CUSTOMER + "}",
                        "$.schemaVersion", "c.json: $.schemaVersion is missing; this reader understands 1"),
                arguments("future schema version", "{\"schemaVersion\": 2, " + CUSTOMER + "}",
                        "$.schemaVersion", "c.json: $.schemaVersion must be 1 (the version this reader understands), was 2"),
                arguments("truncated file", "{\"schemaVersion\": 1, \"customer\": {\"id\": \"C-1\",",
                        "$", null),
                arguments("not JSON", "schemaVersion = 1",
                        "$", null),
                arguments("repeated key", "{\"schemaVersion\": 1, \"schemaVersion\": 1, " + CUSTOMER + "}",
                        "$.schemaVersion", "c.json: $.schemaVersion is not valid JSON at line 1, column 37: a key given twice in one object"),
                arguments("an array instead of an object", "[1, 2]",
                        "$", "c.json: $ must be a JSON object, was an array"),
                arguments("empty file", "",
                        "$", "c.json: $ is empty; expected a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSnapshots")
    void aBadSnapshotIsRejectedWithItsPath(String shape, String json, String path, String message) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readSnapshot(json, "c.json"));

        assertThat(e).as(shape).isNotNull();
        assertThat(e.path()).isEqualTo(path);
        assertThat(e.getMessage()).startsWith("c.json: " + path + " ").doesNotContain("com.fasterxml", "jackson", "Jackson");
        if (message != null) {
            assertThat(e).hasMessage(message);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSnapshots")
    void theSameMistakesInsideADecisionRecordNameTheirFullPath(String shape, String json, String path, String message) {
        if (!path.startsWith("$.") || path.equals("$.schemaVersion")) {
            return;   // document-level problems are the record's own
        }
        String unversioned = json.replaceFirst("\"schemaVersion\": 1,?\\s*", "");
        String record = "{\"schemaVersion\": 1, \"snapshot\": " + unversioned + "}";

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readRecord(record, "r.json"));

        assertThat(e).as(shape).isNotNull();
        assertThat(e.path()).isEqualTo("$.snapshot" + path.substring(1));
    }
}
