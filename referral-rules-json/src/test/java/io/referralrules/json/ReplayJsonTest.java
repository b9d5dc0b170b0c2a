package io.referralrules.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.ReplayResult;
import io.referralrules.api.ReplayResult.Difference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ReplayJson}: the documented example ({@code docs/schema/examples/replay.json}, the example record replayed
 * after an upgrade that kept the answer) byte for byte, valid against {@code docs/schema/replay.schema.json}, whose
 * {@code replayed} is the assessment schema's document. Rewrite the example with {@code -Dreferralrules.writeExamples=true}.
 */
class ReplayJsonTest {
    private static final Path EXAMPLE = AssessmentWriterTest.EXAMPLES.resolve("replay.json");
    private static final String NEXT_VERSION = "0.2.0";
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static DecisionRecord exampleRecord() throws IOException {
        return ReferralJson.readRecord(AssessmentWriterTest.EXAMPLES.resolve("decision-record.json"));
    }

    /** The example record replayed by a later engine version that gives the same answer. */
    private static ReplayResult upgraded(DecisionRecord record) {
        return new ReplayResult(record, record.assessment(),
                List.of(new Difference("engineVersion", record.engineVersion(), NEXT_VERSION)));
    }

    private static Schema schema() throws IOException {
        String replay = Files.readString(AssessmentWriterTest.SCHEMAS.resolve("replay.schema.json"));
        String assessment = Files.readString(AssessmentWriterTest.SCHEMAS.resolve("assessment.schema.json"));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of("https://referralrules.io/schema/assessment-1.schema.json", assessment)));
        return registry.getSchema(replay);
    }

    @Test
    void theDocumentedExampleIsWhatTheWriterWrites() throws IOException {
        String produced = ReplayJson.write(upgraded(exampleRecord()));
        if (Boolean.getBoolean("referralrules.writeExamples")) {
            Files.writeString(EXAMPLE, produced, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(EXAMPLE, StandardCharsets.UTF_8))
                .as("docs/schema/examples/replay.json is out of date: -Dreferralrules.writeExamples=true rewrites it")
                .isEqualTo(produced);
    }

    @Test
    void theExampleValidatesAndAnotherSchemaVersionDoesNot() throws IOException {
        JsonNode example = PLAIN.readTree(EXAMPLE.toFile());
        ObjectNode wrongVersion = example.deepCopy();
        wrongVersion.put("schemaVersion", 2);

        assertThat(schema().validate(example)).isEmpty();
        assertThat(schema().validate(wrongVersion).stream().map(Error::toString))
                .singleElement().asString().contains("schemaVersion");
    }

    /**
     * {@code replayed} refers to the assessment schema's document, not to its body ({@code $defs/assessment}, what a
     * decision record embeds): it must carry its schemaVersion, and nothing more than an assessment.
     */
    @Test
    void theReplayedAnswerNeedsItsSchemaVersionAndNoOtherKey() throws IOException {
        JsonNode example = PLAIN.readTree(EXAMPLE.toFile());
        ObjectNode unversioned = example.deepCopy();
        ((ObjectNode) unversioned.get("replayed")).remove("schemaVersion");
        ObjectNode extra = example.deepCopy();
        ((ObjectNode) extra.get("replayed")).put("colour", "red");

        assertThat(schema().validate(unversioned).stream().map(Error::toString))
                .singleElement().asString().contains("schemaVersion");
        assertThat(schema().validate(extra).stream().map(Error::toString)).singleElement().asString().contains("colour");
    }

    @Test
    void theReplayedAnswerIsTheAssessmentDocument() throws IOException {
        DecisionRecord record = exampleRecord();

        JsonNode replayed = PLAIN.readTree(ReplayJson.write(upgraded(record))).path("replayed");

        assertThat(replayed).isEqualTo(PLAIN.readTree(ReferralJson.writeAssessment(record.assessment())));
    }

    @Test
    void anIdenticalReplayHasNoDifferencesAndValidates() throws IOException {
        DecisionRecord record = exampleRecord();

        JsonNode identical = PLAIN.readTree(ReplayJson.write(new ReplayResult(record, record.assessment(), List.of())));

        assertThat(identical.path("identical").asBoolean()).isTrue();
        assertThat(identical.path("differences").isArray()).isTrue();
        assertThat(identical.path("differences")).isEmpty();
        assertThat(schema().validate(identical)).isEmpty();
    }

    @Test
    void aDifferenceWithoutARecordedValueLeavesItOut() throws IOException {
        DecisionRecord record = exampleRecord();
        ReplayResult replay = new ReplayResult(record, record.assessment(),
                List.of(new Difference("earliestAsk", null, "2026-09-01")));

        JsonNode document = PLAIN.readTree(ReplayJson.write(replay));

        JsonNode difference = document.path("differences").get(0);
        assertThat(difference.has("recorded")).isFalse();
        assertThat(difference.path("now").asText()).isEqualTo("2026-09-01");
        assertThat(document.path("identical").asBoolean()).isFalse();
        assertThat(schema().validate(document)).isEmpty();
    }
}
