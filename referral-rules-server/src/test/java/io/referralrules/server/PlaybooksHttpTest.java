package io.referralrules.server;

import static io.referralrules.server.ProblemAssert.assertProblem;
import static io.referralrules.server.TestServer.example;
import static io.referralrules.server.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.PolicyJson;
import io.referralrules.json.ReferralJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/playbooks} for both sample tenants, a credential whose tenant is not configured (404), and the
 * meters.
 */
class PlaybooksHttpTest {
    private static final String INITECH_KEY = "initech-key-without-a-tenant";
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static TestServer server;
    private static CustomerSnapshot snapshot;

    @BeforeAll
    static void start() {
        server = TestServer.start("referral-rules.security.api-keys.initech[0]=" + sha256(INITECH_KEY));
        snapshot = ReferralJson.readSnapshot(example("snapshot.json"), "snapshot.json");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String sha256(String key) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReadinessPolicy globexPolicy() throws IOException {
        try (InputStream in = PlaybooksHttpTest.class.getResourceAsStream("/tenants/globex-policy.json")) {
            return PolicyJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "globex-policy.json",
                    Playbook.POST_SALE_MOMENTUM.defaults());
        }
    }

    private static void assertPlaybook(HttpResponse<byte[]> response, String tenant, Playbook playbook,
                                       ReadinessPolicy policy) throws IOException {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        DecisionRecord record = ReferralRules.engine(playbook, policy).record(snapshot, DAY);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("tenant").asText()).isEqualTo(tenant);
        assertThat(answer.path("playbook").path("id").asText()).isEqualTo(playbook.id());
        assertThat(answer.path("playbook").path("version").asText()).isEqualTo(playbook.version());
        assertThat(answer.path("hostRules").asBoolean()).isFalse();
        assertThat(answer.path("rulesHash").asText()).isEqualTo(record.rulesHash());
        assertThat(answer.path("policyHash").asText()).isEqualTo(record.policyHash());
        assertThat(answer.path("policy")).isEqualTo(JSON.readTree(PolicyJson.write(policy)));
    }

    @Test
    void acmeHasEarnedTrustWithItsDefaults() throws IOException {
        assertPlaybook(server.get("/v1/playbooks"), "acme", Playbook.EARNED_TRUST, Playbook.EARNED_TRUST.defaults());
    }

    @Test
    void globexHasPostSaleMomentumWithItsPolicyFile() throws IOException {
        ReadinessPolicy policy = globexPolicy();

        assertPlaybook(server.get("/v1/playbooks", "X-Api-Key", TestServer.GLOBEX_KEY), "globex",
                Playbook.POST_SALE_MOMENTUM, policy);
        assertThat(policy).isNotEqualTo(Playbook.POST_SALE_MOMENTUM.defaults());
    }

    @Test
    void theTenantHeaderNamingTheCredentialsTenantIsAccepted() throws IOException {
        assertPlaybook(server.get("/v1/playbooks", "Referral-Tenant", "acme"), "acme", Playbook.EARNED_TRUST,
                Playbook.EARNED_TRUST.defaults());
    }

    @Test
    void aCredentialOfATenantThatIsNotConfiguredIs404() {
        HttpResponse<byte[]> response = server.get("/v1/playbooks", "X-Api-Key", INITECH_KEY);

        JsonNode problem = assertProblem(response, 404, "/v1/playbooks");
        assertThat(problem.path("detail").asText()).isEqualTo("no tenant 'initech'");
    }

    @Test
    void anUnknownEndpointIsAProblem() {
        // a path that is not the service's own is not repeated (it is the caller's text)
        assertProblem(server.get("/v1/nothing-here"), 404, "(another path)");
    }

    @Test
    void assessmentsAndInvalidInputsAreCounted() {
        MeterRegistry meters = server.context().getBean(MeterRegistry.class);
        String stage = ReferralRules.engine(Playbook.EARNED_TRUST).assess(snapshot, DAY).stage().name();
        double assessed = count(meters, "referral_rules.assessments", "playbook", "earned-trust", "stage", stage);
        double invalid = count(meters, "referral_rules.invalid_inputs", "endpoint", "assessments");
        long timed = timed(meters, "assessments");

        server.postJson("/v1/assessments?asOf=" + DAY, example("snapshot.json"));
        server.postJson("/v1/assessments?asOf=" + DAY, "{}");

        assertThat(count(meters, "referral_rules.assessments", "playbook", "earned-trust", "stage", stage))
                .isEqualTo(assessed + 1);
        assertThat(count(meters, "referral_rules.invalid_inputs", "endpoint", "assessments")).isEqualTo(invalid + 1);
        assertThat(timed(meters, "assessments")).isEqualTo(timed + 1);
    }

    private static double count(MeterRegistry meters, String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private static long timed(MeterRegistry meters, String endpoint) {
        var timer = meters.find("referral_rules.assessment").tag("endpoint", endpoint).timer();
        return timer == null ? 0 : timer.count();
    }
}
