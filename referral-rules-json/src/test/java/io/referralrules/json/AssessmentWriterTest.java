package io.referralrules.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.referralrules.api.ActionType;
import io.referralrules.api.Detail;
import io.referralrules.api.EarliestAsk;
import io.referralrules.api.NextAction;
import io.referralrules.api.Obstacle;
import io.referralrules.api.ObstacleKind;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ProspectCircle;
import io.referralrules.api.ProspectHint;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.Reason;
import io.referralrules.api.Stage;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.TrustBuilderResult;
import io.referralrules.api.Warning;
import io.referralrules.api.WarningType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming writer gives the contract's bytes, and the decision-only document is the assessment without its
 * explanations, documented by {@code docs/schema/decision.schema.json} and its example (run with
 * {@code -Dreferralrules.writeExamples=true} to rewrite the example after a deliberate change). The same comparison on
 * thousands of engine answers is {@code AssessmentWriterOnBooksTest} in referral-rules-book, which has the engine.
 */
@DisplayName("AssessmentWriter: the contract's bytes, streamed; the decision-only document and its schema")
class AssessmentWriterTest {
    static final Path SCHEMAS = Path.of("../docs/schema");
    static final Path EXAMPLES = SCHEMAS.resolve("examples");
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final List<String> EXPLANATIONS = List.of("whyNot", "earliestAsk", "reasons", "firedRules");

    static List<String> violations(String schemaFile, String json) throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema schema = registry.getSchema(Files.readString(SCHEMAS.resolve(schemaFile)));
        return schema.validate(PLAIN.readTree(json)).stream().map(Error::toString).toList();
    }

    private static ReadinessAssessment documentedAssessment() throws IOException {
        return ReferralJson.readAssessment(Files.readString(EXAMPLES.resolve("assessment.json")), "assessment.json");
    }

    private static Reason reason(String message, String... evidence) {
        return new Reason("Rule \"quoted\" \\ back", "io/x.drl", message, List.of(evidence));
    }

    /** Every optional value absent somewhere, present elsewhere; text that needs escaping; non-ASCII text. */
    static ReadinessAssessment awkward() {
        Reason stage = reason("Line one\nline two\ttab, control \u0001, caf\u00e9 \u2013 \u65e5\u672c \ud83d\ude00", "S-1", "A-\"2\"");
        return new ReadinessAssessment("C-\u00e9\"1", LocalDate.of(2026, 6, 15), new PlaybookRef("earned-trust", "1.0"),
                Stage.READY_TO_ASK, stage, true,
                List.of(new TrustBuilderResult(TrustBuilder.SERVICE_QUALITY, true, List.of("SI-1"), reason("ok")),
                        new TrustBuilderResult(TrustBuilder.RECIPROCITY, false, List.of(), reason("none"))),
                List.of(new NextAction(ActionType.ASK_FOR_INTRODUCTION, LocalDate.of(2026, 6, 15), 0, null, reason("ask"),
                                "earned-trust.ask-for-introduction",
                                List.of(new ProspectHint(ProspectCircle.INDUSTRY_EVENT, "Logistics </script> fair", List.of("EV-1")),
                                        new ProspectHint(ProspectCircle.PEERS_AND_COMPETITORS, null, List.of()))),
                        new NextAction(ActionType.THANK_REFERRER, LocalDate.of(2026, 6, 1), 14, "I-1", reason("thank", "I-1"))),
                List.of(new Warning(WarningType.ASK_FATIGUE, LocalDate.of(2026, 5, 1), "A-1", reason("tired", "A-1")),
                        new Warning(WarningType.HOST_WARNING, LocalDate.of(2026, 5, 2), null, reason("host"))),
                List.of(new Obstacle(ObstacleKind.COOL_DOWN, "A-1", "asked 2026-05-01", "90 days", "wait", LocalDate.of(2026, 7, 30), reason("cool")),
                        new Obstacle(ObstacleKind.GREEN_LIGHTS, null, "1", "2", "ask for feedback", null, reason("lights"))),
                new EarliestAsk(null, "New facts are needed."), LocalDate.of(2026, 6, 16), List.of(stage, reason("other", "X-1")),
                List.of("Rule \"quoted\" \\ back", "other"));
    }

    private static String streamed(ReadinessAssessment a, Detail detail) throws IOException {
        StringWriter out = new StringWriter();
        try (AssessmentWriter writer = AssessmentWriter.lines(out, detail)) {
            writer.write(a);
        }
        return out.toString();
    }

    @Test
    void atFullDetailTheBytesAreThoseOfWriteAssessmentLine() throws IOException {
        for (ReadinessAssessment a : List.of(documentedAssessment(), awkward())) {
            assertThat(streamed(a, Detail.FULL)).isEqualTo(ReferralJson.writeAssessmentLine(a));
        }
    }

    @Test
    void theIndentedDecisionIsWrittenLikeTheIndentedAssessment() throws IOException {
        StringWriter out = new StringWriter();
        try (AssessmentWriter writer = AssessmentWriter.indented(out, Detail.FULL)) {
            writer.write(awkward());
        }

        assertThat(out + "\n").isEqualTo(ReferralJson.writeAssessment(awkward()));
    }

    @Test
    void documentsFollowOneAnotherWithOnlyWhatTheCallerWritesBetweenThem() throws IOException {
        ReadinessAssessment a = awkward();
        Writer target = new StringWriter() {
            @Override
            public void close() {
                throw new AssertionError("the writer must stay open");
            }
        };

        try (AssessmentWriter writer = AssessmentWriter.lines(target, Detail.FULL)) {
            writer.writeRaw("[");
            writer.write(a);
            writer.writeRaw(",\n");
            writer.write(a);
            writer.writeRaw("]\n");
        }

        String line = ReferralJson.writeAssessmentLine(a);
        assertThat(target.toString()).isEqualTo("[" + line + ",\n" + line + "]\n");
    }

    @Test
    void theDecisionIsTheAssessmentWithoutItsExplanationsByteForByte() throws IOException {
        for (ReadinessAssessment a : List.of(documentedAssessment(), awkward())) {
            ObjectNode full = (ObjectNode) PLAIN.readTree(ReferralJson.writeAssessmentLine(a));
            full.remove(EXPLANATIONS);

            assertThat(ReferralJson.writeDecisionLine(a)).isEqualTo(PLAIN.writeValueAsString(full))
                    .isEqualTo(streamed(a, Detail.DECISION));
        }
    }

    @Test
    void theDecisionExampleIsTheDecisionOfTheAssessmentExampleAndValidates() throws IOException {
        String produced = ReferralJson.writeDecision(documentedAssessment());
        Path file = EXAMPLES.resolve("decision.json");
        if (Boolean.getBoolean("referralrules.writeExamples")) {
            Files.writeString(file, produced, StandardCharsets.UTF_8);
        }
        String documented = Files.readString(file, StandardCharsets.UTF_8);

        assertThat(documented).as("docs/schema/examples/decision.json is not the decision of examples/assessment.json;"
                + " rewrite it with ./mvnw -pl referral-rules-json verify -Dreferralrules.writeExamples=true").isEqualTo(produced);
        assertThat(violations("decision.schema.json", documented)).isEmpty();
        assertThat(violations("decision.schema.json", ReferralJson.writeDecisionLine(awkward()))).isEmpty();
        assertThat(PLAIN.readTree(documented).fieldNames()).toIterable().containsExactly("schemaVersion", "customerId",
                "asOf", "playbook", "stage", "stageReason", "trustEarned", "trustBuilders", "actions", "warnings", "revisitOn");
    }

    @Test
    void aDecisionIsNotAnAssessmentAndTheSchemasSayWhy() throws IOException {
        String decision = ReferralJson.writeDecisionLine(awkward());
        String full = ReferralJson.writeAssessmentLine(awkward());

        assertThat(violations("assessment.schema.json", full)).isEmpty();
        assertThat(violations("assessment.schema.json", decision)).hasSize(EXPLANATIONS.size())
                .allSatisfy(v -> assertThat(EXPLANATIONS).anySatisfy(field -> assertThat(v).contains(field)));
        assertThat(violations("decision.schema.json", full)).isNotEmpty();
    }

    /**
     * The assessment schema keeps its keys in {@code $defs.assessment} (schemaVersion optional there: a decision record
     * embeds it without one) and requires {@code schemaVersion} at its top; the decision schema copies them, flat.
     */
    @Test
    void theDecisionSchemaCopiesTheAssessmentSchemasDefinitionsExactly() throws IOException {
        JsonNode assessment = PLAIN.readTree(SCHEMAS.resolve("assessment.schema.json").toFile());
        JsonNode decision = PLAIN.readTree(SCHEMAS.resolve("decision.schema.json").toFile());
        JsonNode body = assessment.get("$defs").get("assessment");

        decision.get("$defs").fields().forEachRemaining(def ->
                assertThat(def.getValue()).as("$defs." + def.getKey()).isEqualTo(assessment.get("$defs").get(def.getKey())));
        decision.get("properties").fields().forEachRemaining(p ->
                assertThat(p.getValue()).as("properties." + p.getKey()).isEqualTo(body.get("properties").get(p.getKey())));
        assertThat(decision.get("required")).hasSize(10);
        assertThat(decision.get("properties").size()).isEqualTo(11);
        assertThat(assessment.get("$ref").asText()).isEqualTo("#/$defs/assessment");
        assertThat(assessment.get("required").toString()).isEqualTo("[\"schemaVersion\"]");
    }

    /**
     * The assessment schema's meaning for its own documents is the flat object it was: every key but
     * {@code schemaVersion} is required or optional as before, schemaVersion is required, and nothing else is
     * allowed.
     */
    @Test
    void theAssessmentSchemaStillRejectsAnExtraKeyAndAMissingSchemaVersion() throws IOException {
        ObjectNode full = (ObjectNode) PLAIN.readTree(ReferralJson.writeAssessmentLine(awkward()));
        ObjectNode extra = full.deepCopy();
        extra.put("colour", "red");
        ObjectNode unversioned = full.deepCopy();
        unversioned.remove("schemaVersion");

        assertThat(violations("assessment.schema.json", full.toString())).isEmpty();
        assertThat(violations("assessment.schema.json", extra.toString())).singleElement().asString().contains("colour");
        assertThat(violations("assessment.schema.json", unversioned.toString())).singleElement().asString()
                .contains("schemaVersion");
    }

    /**
     * The writer names every field by hand: when a result record gains a field, this fails until the writer (and the
     * schemas) know it, instead of the field silently missing from the streamed output.
     */
    @Test
    void theWriterKnowsEveryFieldOfTheResultRecords() {
        Map<Class<?>, List<String>> written = Map.of(
                ReadinessAssessment.class, List.of("customerId", "asOf", "playbook", "stage", "stageReason", "trustEarned",
                        "trustBuilders", "actions", "warnings", "whyNot", "earliestAsk", "revisitOn", "reasons", "firedRules"),
                PlaybookRef.class, List.of("id", "version"),
                Reason.class, List.of("rule", "file", "message", "evidence"),
                TrustBuilderResult.class, List.of("builder", "met", "evidence", "reason"),
                NextAction.class, List.of("type", "dueDate", "overdueDays", "subjectId", "reason", "talkTrack", "prospectHints"),
                ProspectHint.class, List.of("circle", "detail", "evidence"),
                Warning.class, List.of("type", "date", "subjectId", "reason"),
                Obstacle.class, List.of("kind", "subject", "measured", "needed", "remedy", "clearsOn", "reason"),
                EarliestAsk.class, List.of("date", "explanation"));

        written.forEach((type, fields) -> assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
                .as(type.getSimpleName()).containsExactlyElementsOf(fields));
    }
}
