package io.referralrules.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.referralrules.api.ActionType;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.EarliestAsk;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.NextAction;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.Reason;
import io.referralrules.api.Stage;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.TrustBuilderResult;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.Sale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The typed walk over the documents the contract reads back (assessments and decision records, whose fields include
 * booleans, decimals and nested records, which snapshots do not have): one named fixture per wrong shape, each starting
 * from a document this library wrote and changing one value.
 */
@DisplayName("Assessment and record documents: each wrong shape named with its path")
class DocumentShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final Reason REASON = new Reason("Give a referral", "io/referralrules/rules/common/trust-builders.drl",
            "No referral given to the customer.", List.of("C-1", "S-1"));
    private static final CustomerSnapshot SNAPSHOT = CustomerSnapshot.builder(new Customer("C-1", CustomerType.BUSINESS, "rep-1", null))
            .add(new Sale("S-1", DAY.minusDays(40), new BigDecimal("7400"), null)).build();
    private static final ReadinessAssessment ASSESSMENT = new ReadinessAssessment("C-1", DAY, new PlaybookRef("earned-trust", "1.0"),
            Stage.EARNING_TRUST, REASON, false,
            List.of(new TrustBuilderResult(TrustBuilder.RECIPROCITY, false, List.of(), REASON)),
            List.of(new NextAction(ActionType.GIVE_A_REFERRAL, DAY, 0, null, REASON)), List.of(), List.of(),
            new EarliestAsk(null, "Time alone will not do."), null, List.of(REASON), List.of("Give a referral"));
    private static final DecisionRecord RECORD = new DecisionRecord(ASSESSMENT, SNAPSHOT, DAY, new PlaybookRef("earned-trust", "1.0"),
            ReadinessPolicy.defaults(), "policy-hash", "rules-hash", "0.1.0");

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String assessmentWith(Consumer<ObjectNode> change) {
        ObjectNode doc = tree(ReferralJson.writeAssessment(ASSESSMENT));
        change.accept(doc);
        return doc.toString();
    }

    private static String recordWith(Consumer<ObjectNode> change) {
        ObjectNode doc = tree(ReferralJson.writeRecord(RECORD));
        change.accept(doc);
        return doc.toString();
    }

    private static ObjectNode at(ObjectNode doc, String field) {
        return (ObjectNode) doc.get(field);
    }

    static Stream<Arguments> wrongAssessments() {
        return Stream.of(
                arguments("trust earned left out", assessmentWith(d -> d.remove("trustEarned")),
                        "$.trustEarned", "is missing; it must be true or false"),
                arguments("trust earned as a word", assessmentWith(d -> d.put("trustEarned", "yes")),
                        "$.trustEarned", "must be true or false, was \"yes\""),
                arguments("a builder's verdict as null", assessmentWith(d -> ((ObjectNode) d.get("trustBuilders").get(0)).putNull("met")),
                        "$.trustBuilders[0].met", "must be true or false, was null"),
                arguments("days overdue as a decimal", assessmentWith(d -> ((ObjectNode) d.get("actions").get(0)).put("overdueDays", 1.5)),
                        "$.actions[0].overdueDays", "must be a whole number, was 1.5"),
                arguments("days overdue left out", assessmentWith(d -> ((ObjectNode) d.get("actions").get(0)).remove("overdueDays")),
                        "$.actions[0].overdueDays", "is missing; it must be a whole number"),
                arguments("the actions as null", assessmentWith(d -> d.putNull("actions")),
                        "$.actions", "must not be null"),
                arguments("a reason's evidence as null", assessmentWith(d -> at(d, "stageReason").putNull("evidence")),
                        "$.stageReason.evidence", "must not be null"),
                arguments("a null among a reason's evidence", assessmentWith(d -> ((ArrayNode) at(d, "stageReason").get("evidence")).addNull()),
                        "$.stageReason.evidence[2]", "must not be null"),
                arguments("an unknown key that is not a plain word", assessmentWith(d -> at(d, "stageReason").put("notes on Jane Roe", "x")),
                        "$.stageReason.<key 5>", "is not a known field (known here: evidence, file, message, rule)"),
                arguments("a revisit day on the assessment day", assessmentWith(d -> d.put("revisitOn", DAY.toString())),
                        "$.revisitOn", "must be after asOf " + DAY + ", was " + DAY),
                arguments("a revisit day before the assessment day", assessmentWith(d -> d.put("revisitOn", DAY.minusDays(3).toString())),
                        "$.revisitOn", "must be after asOf " + DAY + ", was " + DAY.minusDays(3)),
                arguments("a revisit day that is not a date", assessmentWith(d -> d.put("revisitOn", "next week")),
                        "$.revisitOn", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongAssessments")
    void aWrongValueInAnAssessmentIsNamedByItsPath(String shape, String json, String path, String problem) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readAssessment(json, "a.json"));

        assertThat(e).as(shape).isNotNull();
        assertThat(e.path()).isEqualTo(path);
        assertThat(e.getMessage()).doesNotContain("Jane");
        if (problem != null) {
            assertThat(e).hasMessage("a.json: " + path + " " + problem);
        }
    }

    static Stream<Arguments> wrongRecords() {
        return Stream.of(
                arguments("a rating threshold left out", recordWith(d -> at(d, "policy").remove("serviceMinAverageRating")),
                        "$.policy.serviceMinAverageRating", "is missing; it must be a number"),
                arguments("a rating threshold in quotes", recordWith(d -> at(d, "policy").put("serviceMinAverageRating", "4.0")),
                        "$.policy.serviceMinAverageRating", "must be a number, was \"4.0\""),
                arguments("a whole number of forty digits", recordWith(d -> at(d, "policy").set("askCoolDownDays",
                                JSON.getNodeFactory().numberNode(new java.math.BigInteger("1234567890123456789012345678901234567890")))),
                        "$.policy.askCoolDownDays", "must be a whole number between -2147483648 and 2147483647, "
                                + "was 1234567890123456789012345678901234567890"),
                arguments("a whole number of forty-one digits", recordWith(d -> at(d, "policy").set("askCoolDownDays",
                                JSON.getNodeFactory().numberNode(new java.math.BigInteger("12345678901234567890123456789012345678901")))),
                        "$.policy.askCoolDownDays", "must be a whole number between -2147483648 and 2147483647, "
                                + "was a number of 41 characters"),
                arguments("an attribute of another type at the second key, not a plain word",
                        recordWith(d -> at(at(d, "snapshot"), "customer").putObject("attributes")
                                .put("industry", "banking").put("notes on Jane Roe", 5)),
                        "$.snapshot.customer.attributes.<key 2>", "must be a string, was a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongRecords")
    void aWrongValueInADecisionRecordIsNamedByItsPath(String shape, String json, String path, String problem) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ReferralJson.readRecord(json, "r.json"));

        assertThat(e).as(shape).isNotNull();
        assertThat(e).hasMessage("r.json: " + path + " " + problem);
        assertThat(e.path()).isEqualTo(path);
    }

    @Test
    void aRecordWhoseSnapshotLeavesOutItsEmptyListsReadsAsTheWrittenOne() {
        ObjectNode doc = tree(ReferralJson.writeRecord(RECORD));
        ObjectNode snapshot = at(doc, "snapshot");
        List<String> empty = new java.util.ArrayList<>();
        snapshot.properties().forEach(f -> {
            if (f.getValue().isArray() && f.getValue().isEmpty()) {
                empty.add(f.getKey());
            }
        });
        snapshot.remove(empty);
        at(snapshot, "customer").remove("attributes");

        assertThat(empty).hasSize(14);
        assertThat(ReferralJson.readRecord(doc.toString(), "r.json")).isEqualTo(RECORD);
    }

    @Test
    void optionalValuesLeftOutAnywhereReadAsAbsent() {
        String entry = "{\"customer\": {\"id\": \"C-1\", \"type\": \"BUSINESS\", \"ownerId\": \"rep-1\"}, "
                + "\"sales\": [{\"id\": \"S-1\", \"date\": \"2026-05-06\", \"amount\": 7400}], "
                + "\"asks\": [{\"id\": \"A-1\", \"date\": \"2026-05-07\", \"type\": \"INTRODUCTION\"}], "
                + "\"introductions\": [{\"id\": \"I-1\", \"date\": \"2026-05-08\", \"prospectId\": \"P-1\", \"channel\": \"EMAIL\"}], "
                + "\"complaints\": [{\"id\": \"CP-1\", \"date\": \"2026-05-09\"}]}";
        ObjectNode assessment = tree(ReferralJson.writeAssessment(ASSESSMENT));
        ((ObjectNode) assessment.get("earliestAsk")).remove("date");

        CustomerSnapshot read = ReferralJson.readBookEntry(entry, "book.ndjson:1");
        ReadinessAssessment readAssessment = ReferralJson.readAssessment(assessment.toString(), "a.json");

        assertThat(read.customer().displayName()).isNull();
        assertThat(read.sales().get(0).problemSolved()).isNull();
        assertThat(read.introductions().get(0).askId()).isNull();
        assertThat(read.introductions().get(0).confirmedOn()).isNull();
        assertThat(read.complaints().get(0).resolvedOn()).isNull();
        assertThat(readAssessment.actions().get(0).subjectId()).isNull();
        assertThat(readAssessment.actions().get(0).talkTrack()).isNull();
        assertThat(readAssessment.earliestAsk().date()).isNull();
        assertThat(readAssessment).isEqualTo(ASSESSMENT);
    }

    @Test
    void aRevisitDayReadsAsTheDayAndNullOrLeftOutReadsAsNone() {
        ObjectNode doc = tree(ReferralJson.writeAssessment(ASSESSMENT));
        assertThat(doc.has("revisitOn")).as("nothing time-bound: left out").isFalse();

        doc.put("revisitOn", "2026-06-20");
        assertThat(ReferralJson.readAssessment(doc.toString(), "a.json").revisitOn()).isEqualTo(LocalDate.of(2026, 6, 20));
        doc.putNull("revisitOn");
        assertThat(ReferralJson.readAssessment(doc.toString(), "a.json").revisitOn()).isNull();
    }

    @Test
    void aWrittenAssessmentAndRecordReadBackEqual() {
        assertThat(ReferralJson.readAssessment(ReferralJson.writeAssessment(ASSESSMENT), "a.json")).isEqualTo(ASSESSMENT);
        assertThat(ReferralJson.readRecord(ReferralJson.writeRecord(RECORD), "r.json")).isEqualTo(RECORD);
    }

    @Test
    void aBookEntryLeavesOutTheListsACustomerDoesNotHave() {
        String entry = ReferralJson.writeBookEntry(SNAPSHOT);

        assertThat(entry).isEqualTo("{\"customer\":{\"id\":\"C-1\",\"type\":\"BUSINESS\",\"ownerId\":\"rep-1\",\"attributes\":{}},"
                + "\"sales\":[{\"id\":\"S-1\",\"date\":\"2026-05-06\",\"amount\":7400}]}");
        assertThat(ReferralJson.readBookEntry(entry, "book.ndjson:1")).isEqualTo(SNAPSHOT);
    }

    static Stream<Arguments> entriesAndTheirIds() {
        return Stream.of(
                arguments("a valid entry", "{\"customer\": {\"id\": \"C-7\"}}", "C-7"),
                arguments("an entry broken after its id", "{\"customer\": {\"id\": \"C-8\"}, \"sales\": [", null),
                arguments("an entry whose id is blank", "{\"customer\": {\"id\": \"  \"}}", null),
                arguments("an entry whose id is a number", "{\"customer\": {\"id\": 9}}", null),
                arguments("an entry without a customer", "{\"sales\": []}", null),
                arguments("text that is not JSON", "customer C-9", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entriesAndTheirIds")
    void anEntryShowsItsCustomerIdOnlyWhenItHasAReadableOne(String shape, String json, String id) {
        assertThat(ReferralJson.customerIdOf(json)).as(shape).isEqualTo(java.util.Optional.ofNullable(id));
    }

    @Test
    void aRecordAndASnapshotAreReadFromFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path record = dir.resolve("record.json");
        java.nio.file.Path snapshot = dir.resolve("customer.json");
        java.nio.file.Files.writeString(record, ReferralJson.writeRecord(RECORD));
        java.nio.file.Files.writeString(snapshot, ReferralJson.writeSnapshot(SNAPSHOT));

        assertThat(ReferralJson.readRecord(record)).isEqualTo(RECORD);
        assertThat(ReferralJson.readSnapshot(snapshot)).isEqualTo(SNAPSHOT);
    }

    @Test
    void aWriterSaysItsDetailAndFlushesWhatItHasWritten() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        AssessmentWriter writer = AssessmentWriter.lines(out, io.referralrules.api.Detail.DECISION);

        writer.write(ASSESSMENT);
        writer.flush();

        assertThat(writer.detail()).isEqualTo(io.referralrules.api.Detail.DECISION);
        assertThat(out.toString()).isEqualTo(ReferralJson.writeDecisionLine(ASSESSMENT));
        JsonNode written = JSON.readTree(out.toString());
        assertThat(written.has("whyNot")).isFalse();
    }
}
