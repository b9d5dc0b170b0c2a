package io.referralrules.server;

import static io.referralrules.server.ProblemAssert.assertProblem;
import static io.referralrules.server.TestServer.example;
import static io.referralrules.server.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.PolicyJson;
import io.referralrules.json.ReferralJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/assessments} over real HTTP: the answer is byte for byte the library's
 * {@link ReferralJson#writeAssessment} for the same snapshot, day and tenant; every refused request is a problem.
 */
class AssessmentsHttpTest {
    private static final String PATH = "/v1/assessments";
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    /** A zone whose day is rarely the machine's: asOf's default must come from business-zone. */
    private static final ZoneId ZONE = ZoneId.of("Pacific/Kiritimati");
    private static final int MAX_BODY = 8000;

    private static TestServer server;
    private static CustomerSnapshot snapshot;

    @BeforeAll
    static void start() {
        server = TestServer.start("referral-rules.business-zone=" + ZONE, "referral-rules.max-body-bytes=" + MAX_BODY);
        snapshot = ReferralJson.readSnapshot(example("snapshot.json"), "snapshot.json");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String globexPolicy() throws IOException {
        try (InputStream in = AssessmentsHttpTest.class.getResourceAsStream("/tenants/globex-policy.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theAnswerIsTheLibrarysAssessmentByteForByte() {
        HttpResponse<byte[]> response = server.postJson(PATH + "?asOf=" + DAY, example("snapshot.json"));

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        String expected = ReferralJson.writeAssessment(ReferralRules.engine(Playbook.EARNED_TRUST).assess(snapshot, DAY));
        assertThat(response.body()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void detailDecisionAnswersTheLibrarysDecisionDocument() {
        HttpResponse<byte[]> response = server.postJson(PATH + "?asOf=" + DAY + "&detail=decision", example("snapshot.json"));

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        String expected = ReferralJson.writeDecision(
                ReferralRules.engine(Playbook.EARNED_TRUST).assess(snapshot, DAY, Detail.DECISION));
        assertThat(text(response)).isEqualTo(expected);
    }

    @Test
    void globexIsAssessedWithItsPlaybookAndPolicyFile() throws IOException {
        HttpResponse<byte[]> response = server.postJson(PATH + "?asOf=" + DAY, example("snapshot.json"),
                "X-Api-Key", TestServer.GLOBEX_KEY);

        ReferralReadinessEngine globex = ReferralRules.engine(Playbook.POST_SALE_MOMENTUM,
                PolicyJson.parse(globexPolicy(), "globex-policy.json", Playbook.POST_SALE_MOMENTUM.defaults()));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        assertThat(text(response)).isEqualTo(ReferralJson.writeAssessment(globex.assess(snapshot, DAY)));
    }

    @Test
    void asOfDefaultsToTodayInTheBusinessZone() {
        LocalDate before = LocalDate.now(ZONE);
        HttpResponse<byte[]> response = server.postJson(PATH, example("snapshot.json"));
        LocalDate after = LocalDate.now(ZONE);

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        String asOf = ReferralJson.readAssessment(text(response), "answer").asOf().toString();
        assertThat(asOf).isIn(before.toString(), after.toString());
    }

    @Test
    void malformedJsonIs400WithTheJsonPath() {
        JsonNode problem = assertProblem(server.postJson(PATH, "{\"schemaVersion\": 1, \"customer\": {"), 400, PATH);

        assertThat(problem.path("path").asText()).isEqualTo("$");
        assertThat(problem.path("detail").asText()).contains("is not valid JSON at line 1");
    }

    @Test
    void anInvalidSnapshotIs400WithTheJsonPathOfTheBadValue() {
        String badDate = example("snapshot.json").replace("\"2025-11-03\"", "\"2025-13-03\"");

        JsonNode problem = assertProblem(server.postJson(PATH, badDate), 400, PATH);

        assertThat(problem.path("path").asText()).isEqualTo("$.sales[0].date");
        assertThat(problem.path("detail").asText()).contains("$.sales[0].date must be a date");
    }

    @Test
    void anInvalidSnapshotNeverRepeatsFreeText() {
        String unknownField = example("snapshot.json").replace("\"displayName\"", "\"nickname\"");

        HttpResponse<byte[]> response = server.postJson(PATH, unknownField);

        JsonNode problem = assertProblem(response, 400, PATH);
        assertThat(problem.path("path").asText()).isEqualTo("$.customer.nickname");
        assertThat(text(response)).doesNotContain("Harbourside Freight");
    }

    @Test
    void aBadAsOfIs400NamingTheParameter() {
        JsonNode problem = assertProblem(server.postJson(PATH + "?asOf=2026-02-30", example("snapshot.json")), 400, PATH);

        assertThat(problem.path("path").asText()).isEqualTo("asOf");
    }

    @Test
    void anUnknownDetailIs400NamingTheParameter() {
        JsonNode problem = assertProblem(server.postJson(PATH + "?detail=stage", example("snapshot.json")), 400, PATH);

        assertThat(problem.path("path").asText()).isEqualTo("detail");
    }

    @Test
    void aBodyDeclaredOverTheLimitIs413() {
        String big = example("snapshot.json") + " ".repeat(MAX_BODY);

        JsonNode problem = assertProblem(server.postJson(PATH, big), 413, PATH);

        assertThat(problem.path("detail").asText()).contains("max-body-bytes");
    }

    @Test
    void aChunkedBodyThatGoesOverTheLimitIs413() {
        byte[] big = (example("snapshot.json") + " ".repeat(MAX_BODY)).getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = server.request(PATH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();

        JsonNode problem = assertProblem(server.send(chunked), 413, PATH);

        assertThat(problem.path("detail").asText())
                .isEqualTo("the body is more than the limit of " + MAX_BODY + " bytes (referral-rules.max-body-bytes)");
    }

    @Test
    void aWrongContentTypeIs415() {
        HttpResponse<byte[]> response = server.postJson(PATH, example("snapshot.json"), "Content-Type", "text/plain");

        assertProblem(response, 415, PATH);
    }

    @Test
    void anotherMethodIs405() {
        assertProblem(server.get(PATH), 405, PATH);
    }

    @Test
    void anAcceptThatCannotBeMetIs406() {
        HttpResponse<byte[]> response = server.postJson(PATH, example("snapshot.json"), "Accept", "text/html");

        assertProblem(response, 406, PATH);
    }
}
