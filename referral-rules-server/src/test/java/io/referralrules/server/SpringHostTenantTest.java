package io.referralrules.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.engine.RuleSource;
import io.referralrules.json.PolicyJson;
import io.referralrules.json.ReferralJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A tenant of the readiness service with host DRL, configured as the README shows
 * ({@code referral-rules.tenants.<id>.host-rules}, {@code host-playbook-id}, {@code host-playbook-version}): its
 * answers over HTTP show the rule's effect and the policy file's, byte for byte what the library writes for an engine
 * built from the same files.
 */
class SpringHostTenantTest {
    private static final String TENANT = "hosted";
    private static final String KEY = "hosted-test-key-0001";
    private static final String DRL = "classpath:host/regulated-industries.drl";
    private static final String POLICY = "classpath:host/acme-policy.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConfigurableApplicationContext server;
    private static HttpClient client;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        String prefix = "--referral-rules.tenants." + TENANT + ".";
        server = new SpringApplication(ReadinessServer.class).run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                prefix + "playbook=earned-trust",
                prefix + "policy-file=" + POLICY,
                prefix + "host-rules[0]=" + DRL,
                prefix + "host-playbook-id=acme-earned-trust",
                prefix + "host-playbook-version=2026.11",
                "--referral-rules.security.api-keys." + TENANT + "[0]=" + sha256(KEY));
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        base = URI.create("http://127.0.0.1:" + port);
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theHostRuleBlocksACustomerInARegulatedIndustry() throws Exception {
        String snapshot = snapshot("C-bank", "banking");
        HttpResponse<String> answer = assess(snapshot);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode assessment = JSON.readTree(answer.body());
        assertThat(assessment.path("stage").asText()).isEqualTo("BLOCKED");
        assertThat(assessment.at("/stageReason/rule").asText())
                .isEqualTo("Customers in a regulated industry are never asked");
        assertThat(assessment.at("/playbook/id").asText()).isEqualTo("acme-earned-trust");
        assertThat(assessment.at("/playbook/version").asText()).isEqualTo("2026.11");
        assertThat(answer.body()).isEqualTo(library(snapshot));
    }

    @Test
    void aCustomerOutsideThemGetsThePolicyFilesDueDay() throws Exception {
        String snapshot = snapshot("C-retail", "retail");
        HttpResponse<String> answer = assess(snapshot);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode assessment = JSON.readTree(answer.body());
        assertThat(assessment.path("stage").asText()).isEqualTo("POSITIONING");
        // the sale was on 2026-06-11; the policy file's positioningDueDays is 5 (the playbook's default 1)
        assertThat(assessment.path("actions").findValuesAsText("dueDate")).contains("2026-06-16")
                .doesNotContain("2026-06-12");
        assertThat(answer.body()).isEqualTo(library(snapshot));
    }

    @Test
    void thePlaybooksAnswerSaysTheTenantHasHostRules() throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(base.resolve("/v1/playbooks"))
                .header("X-Api-Key", KEY).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode playbooks = JSON.readTree(answer.body());
        assertThat(playbooks.path("hostRules").asBoolean()).isTrue();
        assertThat(playbooks.at("/playbook/id").asText()).isEqualTo("acme-earned-trust");
        assertThat(playbooks.at("/policy/positioningDueDays").asInt()).isEqualTo(5);
    }

    private static HttpResponse<String> assess(String snapshot) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve("/v1/assessments?asOf=2026-06-15"))
                .header("X-Api-Key", KEY).header("Referral-Tenant", TENANT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(snapshot)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the library writes for the same snapshot, with an engine built here from the same two files. */
    private static String library(String snapshot) throws IOException {
        Playbook playbook = Playbook.EARNED_TRUST.withHostRules("acme-earned-trust", "2026.11",
                RuleSource.of(DRL, resource("host/regulated-industries.drl")));
        ReadinessPolicy policy = PolicyJson.parse(resource("host/acme-policy.json"), POLICY, playbook.defaults());
        ReferralReadinessEngine engine = ReferralRules.engine(playbook, policy);
        CustomerSnapshot customer = ReferralJson.readSnapshot(snapshot, "snapshot");
        return ReferralJson.writeAssessment(engine.assess(customer, LocalDate.of(2026, 6, 15)));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SpringHostTenantTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A business customer in the given industry with a sale four days before 2026-06-15. */
    private static String snapshot(String id, String industry) {
        return "{\"schemaVersion\": 1, \"customer\": {\"id\": \"" + id + "\", \"type\": \"BUSINESS\", \"ownerId\":"
                + " \"rep-7\", \"attributes\": {\"industry\": \"" + industry + "\"}}, \"sales\": [{\"id\": \"S-1\","
                + " \"date\": \"2026-06-11\", \"amount\": 7400}]}";
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
