package io.referralrules.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.ReferralJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented examples in docs/schema/examples validate against the published schemas, round-trip, and are exactly
 * what the build produces (run with {@code -Dreferralrules.writeExamples=true} to rewrite them after a deliberate
 * change). Lives in the test kit's module because it needs the engine, which depends on referral-rules-json.
 */
@DisplayName("JSON contract: schemas, documented examples, round trips")
class JsonContractTest {
    static final Path SCHEMAS = Path.of("../docs/schema");
    static final Path EXAMPLES = SCHEMAS.resolve("examples");
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine();
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final String OUT_OF_DATE = "docs/schema/examples/%s is not what the build produces (a rule, message or the"
            + " version changed?); check the difference, then rewrite it with"
            + " ./mvnw -pl referral-rules-test-kit -am verify -Dreferralrules.writeExamples=true";

    static List<String> violations(String schemaFile, String json) throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema schema = registry.getSchema(Files.readString(SCHEMAS.resolve(schemaFile)));
        return schema.validate(PLAIN.readTree(json)).stream().map(Error::toString).toList();
    }

    /** The example file, or the text the build produces when asked to (re)write the examples. */
    private static String example(String name, String produced) throws IOException {
        Path file = EXAMPLES.resolve(name);
        if (Boolean.getBoolean("referralrules.writeExamples")) {
            Files.writeString(file, produced, StandardCharsets.UTF_8);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static CustomerSnapshot exampleSnapshot() throws IOException {
        return ReferralJson.readSnapshot(EXAMPLES.resolve("snapshot.json"));
    }

    @Test
    void theSnapshotExampleValidatesAndRoundTrips() throws IOException {
        String json = Files.readString(EXAMPLES.resolve("snapshot.json"));
        CustomerSnapshot read = ReferralJson.readSnapshot(json, "snapshot.json");

        assertThat(violations("snapshot.schema.json", json)).isEmpty();
        assertThat(read.customer().attribute("industry")).isEqualTo("logistics");
        assertThat(read.introductions()).isEmpty();
        String written = ReferralJson.writeSnapshot(read);
        assertThat(violations("snapshot.schema.json", written)).isEmpty();
        assertThat(ReferralJson.readSnapshot(written, "written")).isEqualTo(read);
    }

    @Test
    void theAssessmentExampleIsWhatTheBuildProducesAndItValidatesAndRoundTrips() throws IOException {
        ReadinessAssessment assessment = ENGINE.assess(exampleSnapshot(), AS_OF);
        String produced = ReferralJson.writeAssessment(assessment);

        String documented = example("assessment.json", produced);

        assertThat(documented).as(OUT_OF_DATE, "assessment.json").isEqualTo(produced);
        assertThat(assessment.stage()).isEqualTo(Stage.COOLING_DOWN);
        assertThat(assessment.earliestAsk().date()).isEqualTo(LocalDate.of(2026, 8, 5));
        assertThat(violations("assessment.schema.json", documented)).isEmpty();
        ReadinessAssessment read = ReferralJson.readAssessment(documented, "assessment.json");
        assertThat(read).isEqualTo(assessment);
        assertThat(ReferralJson.writeAssessment(read)).isEqualTo(documented);
    }

    @Test
    void aReadyAssessmentWithProspectHintsValidatesAndRoundTrips() throws IOException {
        ReferralReadinessEngine engine = ReferralRules.engine();
        ReadinessAssessment ready = engine.assess(exampleSnapshot(), LocalDate.of(2026, 8, 5));
        String json = ReferralJson.writeAssessment(ready);

        assertThat(ready.stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(violations("assessment.schema.json", json)).isEmpty();
        assertThat(ReferralJson.readAssessment(json, "ready")).isEqualTo(ready);
    }

    @Test
    void theDecisionRecordExampleIsWhatTheBuildProducesAndRoundTrips() throws IOException {
        DecisionRecord record = ENGINE.record(exampleSnapshot(), AS_OF);
        String produced = ReferralJson.writeRecord(record);

        String documented = example("decision-record.json", produced);

        assertThat(documented).as(OUT_OF_DATE, "decision-record.json").isEqualTo(produced);
        DecisionRecord read = ReferralJson.readRecord(documented, "decision-record.json");
        assertThat(read).isEqualTo(record);
        assertThat(ENGINE.replay(read).identical()).isTrue();
    }

    @Test
    void theSchemasThemselvesRejectWhatTheReaderRejects() throws IOException {
        assertThat(violations("snapshot.schema.json", "{\"schemaVersion\": 1, \"customer\": {\"id\": \"C-1\", \"type\": \"BUSINESS\","
                + " \"ownerId\": \"r\"}, \"sales\": [{\"id\": \"S-1\", \"date\": \"2026-13-45x\", \"amount\": 1, \"colour\": \"red\"}]}"))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(violations("snapshot.schema.json", "{\"customer\": {\"id\": \"C-1\", \"type\": \"BUSINESS\", \"ownerId\": \"r\"}}"))
                .isNotEmpty();
    }
}
