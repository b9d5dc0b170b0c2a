package io.referralrules.server.security;

import static io.referralrules.server.security.SecurityTestServer.ACME_KEY;
import static io.referralrules.server.security.SecurityTestServer.GLOBEX_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Who may call, over real HTTP: the service with API keys for acme and globex and JWTs from a key this test
 * generates ({@code public-key-location}), the switches at their defaults.
 */
class SecurityHttpTest {
    private static final String TENANT_ROUTE = "/v1/playbooks";

    @TempDir
    static Path directory;

    private static JwtTestTokens issuer;
    private static SecurityTestServer server;

    @BeforeAll
    static void start() throws Exception {
        issuer = new JwtTestTokens();
        Path publicKey = issuer.writePublicKey(directory);
        server = SecurityTestServer.start(
                "spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKey.toUri(),
                "management.endpoints.web.exposure.include=health,metrics");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Instant inAnHour() {
        return Instant.now().plusSeconds(3600);
    }

    /** Past the security chain, acting for the tenant: GET /v1/playbooks names the tenant it answers for. */
    private static void assertActsFor(String tenant, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).containsPattern("\"tenant\"\\s*:\\s*\"" + tenant + "\"");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(response.body()).contains("\"status\":" + status, "\"detail\":\"" + detail + "\"",
                "\"instance\":\"" + (response.uri().getPath().equals("/") ? "(another path)" : response.uri().getPath()) + "\"");
    }

    private static void assertBearerChallenge(HttpResponse<String> response, String error) {
        List<String> challenges = response.headers().allValues("WWW-Authenticate");
        String bearer = challenges.stream().filter(c -> c.startsWith("Bearer ")).findFirst().orElseThrow();
        if (error == null) {
            assertThat(bearer).isEqualTo("Bearer realm=\"referral-rules\"");
        } else {
            assertThat(bearer).startsWith("Bearer realm=\"referral-rules\", error=\"" + error + "\"");
        }
        assertThat(challenges).contains("ApiKey realm=\"referral-rules\", header=\"X-Api-Key\"");
    }

    @Test
    void noCredentialIs401() {
        HttpResponse<String> response = server.get(TENANT_ROUTE);

        assertProblem(response, 401, Refusals.NO_CREDENTIAL);
        assertBearerChallenge(response, null);
    }

    @Test
    void noCredentialOnAPostIs401() {
        HttpResponse<String> response = server.post("/v1/assessments", "{}");

        assertProblem(response, 401, Refusals.NO_CREDENTIAL);
    }

    @Test
    void aWrongKeyIs401AndNotEchoed() {
        HttpResponse<String> response = server.get(TENANT_ROUTE, "X-Api-Key", "acme-test-key-2");

        assertProblem(response, 401, ApiKeyFilter.WRONG_KEY);
        assertThat(response.body()).doesNotContain("acme-test-key-2");
        assertThat(String.join(",", response.headers().allValues("WWW-Authenticate")))
                .doesNotContain("acme-test-key-2", "error=");
    }

    @Test
    void anEmptyKeyIs401() {
        HttpResponse<String> response = server.get(TENANT_ROUTE, "X-Api-Key", "");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aKeyAndABearerTokenTogetherAre401() {
        HttpResponse<String> response = server.get(TENANT_ROUTE, "X-Api-Key", ACME_KEY,
                "Authorization", "Bearer " + issuer.forTenant("acme", inAnHour()));

        assertProblem(response, 401, ApiKeyFilter.TWO_CREDENTIALS);
    }

    @Test
    void aTenantsKeyIsAuthenticated() {
        assertActsFor("acme", server.get(TENANT_ROUTE, "X-Api-Key", ACME_KEY));
        assertActsFor("globex", server.get(TENANT_ROUTE, "X-Api-Key", GLOBEX_KEY));
    }

    @Test
    void aPostWithAKeyNeedsNoCsrfToken() throws Exception {
        String snapshot = Files.readString(Path.of("../docs/schema/examples/snapshot.json"));

        HttpResponse<String> response = server.post("/v1/assessments?asOf=2026-11-29", snapshot,
                "X-Api-Key", ACME_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void aKeyWithItsOwnTenantNamedIsAuthenticated() {
        assertActsFor("acme", server.get(TENANT_ROUTE, "X-Api-Key", ACME_KEY, "Referral-Tenant", "acme"));
    }

    @Test
    void aValidTokenIsAuthenticated() {
        assertActsFor("acme", server.get(TENANT_ROUTE,
                "Authorization", "Bearer " + issuer.forTenant("acme", inAnHour())));
        assertActsFor("globex", server.get(TENANT_ROUTE,
                "Authorization", "Bearer " + issuer.forTenant("globex", inAnHour())));
    }

    @Test
    void anExpiredTokenIs401() {
        HttpResponse<String> response = server.get(TENANT_ROUTE,
                "Authorization", "Bearer " + issuer.forTenant("acme", Instant.now().minusSeconds(3600)));

        assertProblem(response, 401, Refusals.EXPIRED_TOKEN);
        assertBearerChallenge(response, "invalid_token");
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        String forged = new JwtTestTokens().forTenant("acme", inAnHour());

        HttpResponse<String> response = server.get(TENANT_ROUTE, "Authorization", "Bearer " + forged);

        assertProblem(response, 401, Refusals.INVALID_TOKEN);
        assertBearerChallenge(response, "invalid_token");
        assertThat(response.body()).doesNotContain(forged.substring(0, 20));
    }

    @Test
    void aMalformedTokenIs401() {
        HttpResponse<String> response = server.get(TENANT_ROUTE, "Authorization", "Bearer not.a.token");

        assertProblem(response, 401, Refusals.INVALID_TOKEN);
        assertBearerChallenge(response, "invalid_token");
        assertThat(response.body()).doesNotContain("not.a.token");
    }

    @Test
    void aTokenWithItsSignatureCutOffIs401() {
        String token = issuer.forTenant("acme", inAnHour());
        String unsigned = token.substring(0, token.lastIndexOf('.') + 1);

        HttpResponse<String> response = server.get(TENANT_ROUTE, "Authorization", "Bearer " + unsigned);

        assertProblem(response, 401, Refusals.INVALID_TOKEN);
    }

    @Test
    void aTokenWithoutTheTenantClaimIs401() {
        HttpResponse<String> response = server.get(TENANT_ROUTE,
                "Authorization", "Bearer " + issuer.withoutTenant(inAnHour()));

        assertProblem(response, 401, "the bearer token has no 'tenant' claim");
        assertBearerChallenge(response, "invalid_token");
    }

    @Test
    void acmesKeyForGlobexIs403WithNothingOfGlobex() {
        HttpResponse<String> response = server.get(TENANT_ROUTE, "X-Api-Key", ACME_KEY, "Referral-Tenant", "globex");

        assertProblem(response, 403, "the credential is not for the tenant named in Referral-Tenant");
        assertThat(response.body())
                .doesNotContain("globex", "post-sale-momentum", "policyHash", "rulesHash", "acme", "earned-trust");
    }

    @Test
    void acmesKeyForGlobexIs403OnAPostToo() {
        HttpResponse<String> response = server.post("/v1/assessments", "{}",
                "X-Api-Key", ACME_KEY, "Referral-Tenant", "globex");

        assertProblem(response, 403, "the credential is not for the tenant named in Referral-Tenant");
        assertThat(response.body()).doesNotContain("globex", "post-sale-momentum");
    }

    @Test
    void acmesTokenForGlobexIs403WithNothingOfGlobex() {
        HttpResponse<String> response = server.get(TENANT_ROUTE,
                "Authorization", "Bearer " + issuer.forTenant("acme", inAnHour()), "Referral-Tenant", "globex");

        assertProblem(response, 403, "the credential is not for the tenant named in Referral-Tenant");
        assertThat(response.body()).doesNotContain("globex", "post-sale-momentum", "policyHash", "rulesHash");
    }

    @Test
    void acmesKeyNamingAnUnconfiguredTenantIs403Not404() {
        HttpResponse<String> response = server.get(TENANT_ROUTE, "X-Api-Key", ACME_KEY, "Referral-Tenant", "initech");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("initech");
    }

    @Test
    void healthIsOpenWithoutCredential() {
        HttpResponse<String> response = server.get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }

    @Test
    void apiDocsAreOpenByDefault() {
        assertThat(server.get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(server.get("/v3/api-docs.yaml").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAreClosedByDefault() {
        assertProblem(server.get("/actuator/metrics"), 401, Refusals.NO_CREDENTIAL);
        assertThat(server.get("/actuator/metrics/jvm.memory.used").statusCode()).isEqualTo(401);
        assertThat(server.get("/actuator/prometheus").statusCode()).isEqualTo(401);
    }

    @Test
    void metricsAnswerACaller() {
        assertThat(server.get("/actuator/metrics", "X-Api-Key", ACME_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void anythingElseIsDenied() {
        assertThat(server.get("/actuator/env").statusCode()).isEqualTo(401);
        assertProblem(server.get("/actuator/env", "X-Api-Key", ACME_KEY), 403, Refusals.PATH_CLOSED);
        assertProblem(server.get("/actuator", "X-Api-Key", ACME_KEY), 403, Refusals.PATH_CLOSED);
        assertProblem(server.get("/", "X-Api-Key", ACME_KEY), 403, Refusals.PATH_CLOSED);
    }

    @Test
    void noSessionIsStarted() {
        HttpResponse<String> answered = server.get(TENANT_ROUTE, "X-Api-Key", ACME_KEY);
        HttpResponse<String> refused = server.get(TENANT_ROUTE);

        assertThat(answered.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void thereAreNoUsersWithPasswords() {
        assertThat(server.context().getBeansOfType(UserDetailsService.class)).isEmpty();
    }
}
