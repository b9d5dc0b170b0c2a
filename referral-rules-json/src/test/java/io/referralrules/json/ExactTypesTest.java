package io.referralrules.json;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.ReadinessPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Issue 15, defect 4: a value is read only when it has exactly the type the contract gives it. No coercion of scalars,
 * no trimming or case folding of enum names, no date but {@code yyyy-mm-dd}, no whole number that does not fit, and
 * amounts kept exactly as written within the documented bound. One named fixture per shape.
 */
@DisplayName("Exact types: a value of another JSON type, an enum with a space, a date with a time, a number that does not fit")
class ExactTypesTest {
    private static final String CUSTOMER = "\"customer\": {\"id\": \"C-1\", \"type\": \"BUSINESS\", \"ownerId\": \"rep-1\"}";

    private static String snapshot(String more) {
        return "{\"schemaVersion\": 1, " + CUSTOMER + (more.isEmpty() ? "" : ", " + more) + "}";
    }

    private static String sale(String id, String date, String amount) {
        return snapshot("\"sales\": [{\"id\": " + id + ", \"date\": " + date + ", \"amount\": " + amount + "}]");
    }

    static Stream<Arguments> looseSnapshots() {
        return Stream.of(
                arguments("true for a string id", sale("true", "\"2026-06-05\"", "10"), "$.sales[0].id", "must be a string, was a boolean"),
                arguments("42 for a string id", sale("42", "\"2026-06-05\"", "10"), "$.sales[0].id", "must be a string, was a number"),
                arguments("1.5 for a string id", sale("1.5", "\"2026-06-05\"", "10"), "$.sales[0].id", "must be a string, was a number"),
                arguments("an array for a string id", sale("[]", "\"2026-06-05\"", "10"), "$.sales[0].id", "must be a string, was an array"),
                arguments("a number for the customer's id",
                        "{\"schemaVersion\": 1, \"customer\": {\"id\": 7, \"type\": \"BUSINESS\", \"ownerId\": \"rep-1\"}}",
                        "$.customer.id", "must be a string, was a number"),
                arguments("a boolean for a display name",
                        "{\"schemaVersion\": 1, \"customer\": {\"id\": \"C-1\", \"type\": \"BUSINESS\", \"ownerId\": \"rep-1\", \"displayName\": false}}",
                        "$.customer.displayName", "must be a string, was a boolean"),
                arguments("a number for an attribute",
                        "{\"schemaVersion\": 1, \"customer\": {\"id\": \"C-1\", \"type\": \"BUSINESS\", \"ownerId\": \"rep-1\", \"attributes\": {\"size\": 40}}}",
                        "$.customer.attributes.size", "must be a string, was a number"),
                arguments("an enum with a trailing space",
                        snapshot("\"asks\": [{\"id\": \"A-1\", \"date\": \"2026-06-05\", \"type\": \"INTRODUCTION \"}]"),
                        "$.asks[0].type", "must be one of [INTRODUCTION, NAMES_ONLY], was \"INTRODUCTION \""),
                arguments("an enum in lower case",
                        snapshot("\"asks\": [{\"id\": \"A-1\", \"date\": \"2026-06-05\", \"type\": \"introduction\"}]"),
                        "$.asks[0].type", "must be one of [INTRODUCTION, NAMES_ONLY], was \"introduction\""),
                arguments("an enum given as its index",
                        snapshot("\"asks\": [{\"id\": \"A-1\", \"date\": \"2026-06-05\", \"type\": 0}]"),
                        "$.asks[0].type", "must be one of [INTRODUCTION, NAMES_ONLY], was 0"),
                arguments("a date with a leading space", sale("\"S-1\"", "\" 2026-06-05\"", "10"),
                        "$.sales[0].date", "must be a date (yyyy-mm-dd), was \" 2026-06-05\""),
                arguments("a date with a time", sale("\"S-1\"", "\"2026-06-05T23:59:59\"", "10"),
                        "$.sales[0].date", "must be a date (yyyy-mm-dd), was \"2026-06-05T23:59:59\""),
                arguments("a date without leading zeros", sale("\"S-1\"", "\"2026-6-5\"", "10"),
                        "$.sales[0].date", "must be a date (yyyy-mm-dd), was \"2026-6-5\""),
                arguments("a date with a sign and nine digits", sale("\"S-1\"", "\"+999999999-12-31\"", "10"),
                        "$.sales[0].date", "must be a date (yyyy-mm-dd), was \"+999999999-12-31\""),
                arguments("a day the month does not have", sale("\"S-1\"", "\"2026-02-29\"", "10"),
                        "$.sales[0].date", "must be a date (yyyy-mm-dd), was \"2026-02-29\""),
                arguments("a date as a number", sale("\"S-1\"", "20260605", "10"),
                        "$.sales[0].date", "must be a date (yyyy-mm-dd), was 20260605"),
                arguments("an optional date with a time",
                        snapshot("\"complaints\": [{\"id\": \"CP-1\", \"date\": \"2026-06-05\", \"resolvedOn\": \"2026-06-06T00:00\"}]"),
                        "$.complaints[0].resolvedOn", "must be a date (yyyy-mm-dd), was \"2026-06-06T00:00\""),
                arguments("an amount as a string", sale("\"S-1\"", "\"2026-06-05\"", "\"10\""),
                        "$.sales[0].amount", "must be a number, was \"10\""),
                arguments("an amount of 1E+999999999", sale("\"S-1\"", "\"2026-06-05\"", "1E+999999999"),
                        "$.sales[0].amount", "must have at most 30 digits before the decimal point and 10 after it, was 1E+999999999 (id=S-1)"),
                arguments("an amount of 1e400", sale("\"S-1\"", "\"2026-06-05\"", "1e400"),
                        "$.sales[0].amount", "must have at most 30 digits before the decimal point and 10 after it, was 1E+400 (id=S-1)"),
                arguments("an amount with eleven decimals", sale("\"S-1\"", "\"2026-06-05\"", "0.00000000001"),
                        "$.sales[0].amount", "must have at most 30 digits before the decimal point and 10 after it, was 1E-11 (id=S-1)"),
                arguments("a score as a fraction",
                        snapshot("\"surveyScores\": [{\"id\": \"N-1\", \"date\": \"2026-06-05\", \"type\": \"NPS\", \"score\": 9.0}]"),
                        "$.surveyScores[0].score", "must be a whole number, was 9.0"),
                arguments("a score that does not fit an int",
                        snapshot("\"surveyScores\": [{\"id\": \"N-1\", \"date\": \"2026-06-05\", \"type\": \"NPS\", \"score\": 4294967305}]"),
                        "$.surveyScores[0].score", "must be a whole number between -2147483648 and 2147483647, was 4294967305"),
                arguments("a rating as a boolean",
                        snapshot("\"serviceInteractions\": [{\"id\": \"SI-1\", \"date\": \"2026-06-05\", \"satisfaction\": true, \"status\": \"OPEN\"}]"),
                        "$.serviceInteractions[0].satisfaction", "must be a whole number, was true"),
                arguments("a schema version that wraps around to 1",
                        "{\"schemaVersion\": 4294967297, " + CUSTOMER + "}",
                        "$.schemaVersion", "must be 1 (the version this reader understands), was 4294967297"),
                arguments("a schema version of 1.0",
                        "{\"schemaVersion\": 1.0, " + CUSTOMER + "}",
                        "$.schemaVersion", "must be 1 (the version this reader understands), was 1.0"),
                arguments("a schema version as a string",
                        "{\"schemaVersion\": \"1\", " + CUSTOMER + "}",
                        "$.schemaVersion", "must be 1 (the version this reader understands), was \"1\""),
                arguments("a schema version as an array",
                        "{\"schemaVersion\": [1], " + CUSTOMER + "}",
                        "$.schemaVersion", "must be 1 (the version this reader understands), was an array"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("looseSnapshots")
    void aSnapshotValueOfTheWrongShapeIsRejected(String shape, String json, String path, String problem) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readSnapshot(json, "c.json"));

        assertThat(e).as(shape).isNotNull();
        assertThat(e.path()).isEqualTo(path);
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e).hasMessage("c.json: " + path + " " + problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("looseSnapshots")
    void aBookEntryIsReadAsStrictly(String shape, String json, String path, String problem) {
        if (path.equals("$.schemaVersion")) {
            return;   // a book entry may leave the version out, but one it gives is checked as strictly
        }
        String entry = json.replaceFirst("\"schemaVersion\": 1, ", "");

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readBookEntry(entry, "b.ndjson:3"));

        assertThat(e).as(shape).isNotNull();
        assertThat(e).hasMessage("b.ndjson:3: " + path + " " + problem);
    }

    @Test
    void aBookEntrysOwnSchemaVersionIsCheckedExactly() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ReferralJson.readBookEntry("{\"schemaVersion\": 4294967297, " + CUSTOMER + "}", "b.ndjson:3"));

        assertThat(e).hasMessage("b.ndjson:3: $.schemaVersion must be 1 (the version this reader understands), was 4294967297");
    }

    @Test
    void amountsKeepEveryDigitAsWritten() {
        String json = snapshot("\"sales\": [{\"id\": \"S-1\", \"date\": \"2026-06-05\", \"amount\": 99.50},"
                + " {\"id\": \"S-2\", \"date\": \"2026-06-05\", \"amount\": 12345678901234567890.12},"
                + " {\"id\": \"S-3\", \"date\": \"2026-06-05\", \"amount\": 123456789012345678901234567890.0123456789},"
                + " {\"id\": \"S-4\", \"date\": \"2026-06-05\", \"amount\": 18500}]");

        CustomerSnapshot read = ReferralJson.readSnapshot(json, "c.json");

        assertThat(read.sales()).extracting(s -> s.amount().toPlainString())
                .containsExactly("99.50", "12345678901234567890.12", "123456789012345678901234567890.0123456789", "18500");
        CustomerSnapshot again = ReferralJson.readSnapshot(ReferralJson.writeSnapshot(read), "again.json");
        assertThat(again).isEqualTo(read);
        assertThat(ReferralJson.writeBookEntry(read)).contains("\"amount\":99.50", "\"amount\":12345678901234567890.12",
                "\"amount\":123456789012345678901234567890.0123456789", "\"amount\":18500");
        assertThat(ReferralJson.readBookEntry(ReferralJson.writeBookEntry(read), "line")).isEqualTo(read);
    }

    @Test
    void anAmountWrittenWithAnExponentWithinTheBoundReadsAsItsValue() {
        CustomerSnapshot read = ReferralJson.readSnapshot(sale("\"S-1\"", "\"2026-06-05\"", "1.5E+3"), "c.json");

        assertThat(read.sales().get(0).amount()).isEqualByComparingTo(new BigDecimal("1500"));
        assertThat(ReferralJson.readSnapshot(ReferralJson.writeSnapshot(read), "again.json")).isEqualTo(read);
    }

    static Stream<Arguments> looseResults() {
        return Stream.of(
                arguments("a stage with a trailing space", "\"stage\" : \"COOLING_DOWN\"", "\"stage\" : \"COOLING_DOWN \"",
                        "$.assessment.stage"),
                arguments("trustEarned as a string", "\"trustEarned\" : true", "\"trustEarned\" : \"true\"",
                        "$.assessment.trustEarned"),
                arguments("an assessment day with a time", "\"asOf\" : \"2026-06-15\"", "\"asOf\" : \"2026-06-15T00:00:00\"",
                        "$.assessment.asOf"),
                arguments("the met flag as a number", "\"met\" : true", "\"met\" : 1",
                        "$.assessment.trustBuilders[0].met"),
                arguments("a rule name as a number", "\"rule\" : \"Cool down after an ask\"", "\"rule\" : 12",
                        "$.assessment.stageReason.rule"),
                arguments("evidence holding a number", "\"evidence\" : [ \"A-1\" ]", "\"evidence\" : [ 1 ]",
                        "$.assessment.stageReason.evidence[0]"),
                arguments("a policy day count as a string", "\"askCoolDownDays\" : 90", "\"askCoolDownDays\" : \"90\"",
                        "$.policy.askCoolDownDays"),
                arguments("a policy day count that wraps around", "\"askCoolDownDays\" : 90", "\"askCoolDownDays\" : 4294967386",
                        "$.policy.askCoolDownDays"),
                arguments("a hash as a number", "\"policyHash\" : \"5d03f8bc1ff23063f1a3d2303b6fdf55bfc6361397a32124872884dc0fcba2f9\"", "\"policyHash\" : 7",
                        "$.policyHash"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("looseResults")
    void aDecisionRecordValueOfTheWrongShapeIsRejected(String shape, String valid, String loose, String path) throws IOException {
        String record = Files.readString(AssessmentWriterTest.EXAMPLES.resolve("decision-record.json"));
        assertThat(record).contains(valid);
        ReferralJson.readRecord(record, "r.json");

        String changed = record.replaceFirst(java.util.regex.Pattern.quote(valid), java.util.regex.Matcher.quoteReplacement(loose));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readRecord(changed, "r.json"));

        assertThat(e).as(shape).isNotNull();
        assertThat(e.path()).isEqualTo(path);
    }

    @Test
    void theDecisionRecordExampleReadsAndWritesBackToTheSameRecord() throws IOException {
        String text = Files.readString(AssessmentWriterTest.EXAMPLES.resolve("decision-record.json"));
        DecisionRecord record = ReferralJson.readRecord(text, "r.json");

        assertThat(ReferralJson.readRecord(ReferralJson.writeRecord(record), "again.json")).isEqualTo(record);
    }

    static Stream<Arguments> loosePolicies() {
        return Stream.of(
                arguments("a rating of 1e400", "{\"serviceMinAverageRating\": 1e400}", "$.serviceMinAverageRating",
                        "must be between 1.0 and 5.0, was Infinity"),
                arguments("a rating as a string", "{\"serviceMinAverageRating\": \"4.5\"}", "$.serviceMinAverageRating",
                        "must be a number, was \"4.5\""),
                arguments("a day count that wraps around to 90", "{\"askCoolDownDays\": 4294967386}", "$.askCoolDownDays",
                        "must be a whole number between -2147483648 and 2147483647, was 4294967386"),
                arguments("a trust builder with a trailing space", "{\"mandatoryTrustBuilders\": [\"RECIPROCITY \"]}",
                        "$.mandatoryTrustBuilders[0]",
                        "must be one of [SERVICE_QUALITY, PROACTIVE_CARE, EXTRA_VALUE, RECIPROCITY, RELATIONSHIP], was \"RECIPROCITY \""),
                arguments("a trust builder in lower case", "{\"mandatoryTrustBuilders\": [\"reciprocity\"]}",
                        "$.mandatoryTrustBuilders[0]",
                        "must be one of [SERVICE_QUALITY, PROACTIVE_CARE, EXTRA_VALUE, RECIPROCITY, RELATIONSHIP], was \"reciprocity\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loosePolicies")
    void aPolicyValueOfTheWrongShapeIsRejected(String shape, String json, String path, String problem) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> PolicyJson.parse(json, "tenant.json", ReadinessPolicy.defaults()));

        assertThat(e).as(shape).isNotNull();
        assertThat(e).hasMessage("tenant.json: " + path + " " + problem);
    }

    @Test
    void everyLooseShapeIsAlsoRejectedWhenTheSnapshotSitsInADecisionRecord() {
        Function<String, String> inRecord = json -> "{\"schemaVersion\": 1, \"snapshot\": " + json.replaceFirst("\"schemaVersion\": 1, ", "") + "}";
        looseSnapshots().map(Arguments::get).filter(a -> !a[2].equals("$.schemaVersion")).forEach(a -> {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> ReferralJson.readRecord(inRecord.apply((String) a[1]), "r.json"));
            assertThat(e).as((String) a[0]).isNotNull();
            assertThat(e.path()).as((String) a[0]).isEqualTo("$.snapshot" + ((String) a[2]).substring(1));
        });
    }
}
