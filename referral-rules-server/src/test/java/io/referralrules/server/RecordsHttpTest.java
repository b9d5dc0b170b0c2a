package io.referralrules.server;

import static io.referralrules.server.ProblemAssert.assertProblem;
import static io.referralrules.server.TestServer.example;
import static io.referralrules.server.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.ReferralJson;
import io.referralrules.json.ReplayJson;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/records} and {@code POST /v1/records:replay} over real HTTP: the record is the library's
 * {@link ReferralJson#writeRecord}, the replay the library's replay written by {@link ReplayJson}.
 */
class RecordsHttpTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server;
    private static ReferralReadinessEngine acme;
    private static CustomerSnapshot snapshot;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        acme = ReferralRules.engine(Playbook.EARNED_TRUST);
        snapshot = ReferralJson.readSnapshot(example("snapshot.json"), "snapshot.json");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRecordIsTheLibrarysRecordByteForByte() {
        HttpResponse<byte[]> response = server.postJson("/v1/records?asOf=" + DAY, example("snapshot.json"));

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        assertThat(text(response)).isEqualTo(ReferralJson.writeRecord(acme.record(snapshot, DAY)));
    }

    @Test
    void aRecordReplayedByTheSameTenantIsIdentical() {
        String record = text(server.postJson("/v1/records?asOf=" + DAY, example("snapshot.json")));

        HttpResponse<byte[]> response = server.postJson("/v1/records:replay", record);

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        DecisionRecord read = ReferralJson.readRecord(record, "record");
        assertThat(text(response)).isEqualTo(ReplayJson.write(acme.replay(read)))
                .contains("\"identical\" : true", "\"differences\" : [ ]");
    }

    @Test
    void aRecordOfAcmeReplayedByGlobexListsThePlaybookFirst() throws IOException {
        String record = text(server.postJson("/v1/records?asOf=" + DAY, example("snapshot.json")));

        HttpResponse<byte[]> response = server.postJson("/v1/records:replay", record, "X-Api-Key", TestServer.GLOBEX_KEY);

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        JsonNode replay = JSON.readTree(response.body());
        assertThat(replay.path("identical").asBoolean()).isFalse();
        assertThat(replay.path("differences").get(0).path("what").asText()).isEqualTo("playbook");
        assertThat(replay.path("differences").get(0).path("recorded").asText()).isEqualTo("earned-trust@1.0");
        assertThat(replay.path("replayed").path("playbook").path("id").asText()).isEqualTo("post-sale-momentum");
    }

    @Test
    void thePublishedExampleRecordReplaysAsTheLibraryReplaysIt() {
        HttpResponse<byte[]> response = server.postJson("/v1/records:replay", example("decision-record.json"));

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        DecisionRecord example = ReferralJson.readRecord(example("decision-record.json"), "decision-record.json");
        assertThat(text(response)).isEqualTo(ReplayJson.write(acme.replay(example)));
    }

    @Test
    void anInvalidRecordIs400WithTheJsonPath() {
        String record = example("decision-record.json").replaceFirst("\"asOf\" : \"2026-06-15\"", "\"asOf\" : \"15/06/2026\"");

        JsonNode problem = assertProblem(server.postJson("/v1/records:replay", record), 400, "/v1/records:replay");

        assertThat(problem.path("path").asText()).isEqualTo("$.assessment.asOf");
    }

    @Test
    void anInvalidSnapshotToRecordIs400WithTheJsonPath() {
        String snapshotWithoutCustomer = "{\"schemaVersion\": 1}";

        JsonNode problem = assertProblem(server.postJson("/v1/records", snapshotWithoutCustomer), 400, "/v1/records");

        assertThat(problem.path("path").asText()).isEqualTo("$.customer");
    }
}
