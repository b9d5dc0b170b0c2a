package io.referralrules.server.security;

import static io.referralrules.server.security.SecurityTestServer.ACME_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The switches turned the other way (OpenAPI closed, metrics open) and no JWT configured: API keys only. A user name
 * is configured for Spring Boot's default user, which must still not be created.
 */
class SecuritySwitchesTest {
    private static SecurityTestServer server;

    @BeforeAll
    static void start() {
        server = SecurityTestServer.start(
                "referral-rules.security.public-openapi=false",
                "referral-rules.security.public-metrics=true",
                "management.endpoints.web.exposure.include=health,metrics",
                "spring.security.user.name=operator");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void apiDocsNeedACredentialWhenNotPublic() {
        HttpResponse<String> response = server.get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains(Refusals.NO_CREDENTIAL_KEYS_ONLY);
        assertThat(server.get("/v3/api-docs.yaml").statusCode()).isEqualTo(401);
    }

    @Test
    void apiDocsAnswerACallerWhenNotPublic() {
        assertThat(server.get("/v3/api-docs", "X-Api-Key", ACME_KEY).statusCode()).isEqualTo(200);
        assertThat(server.get("/v3/api-docs.yaml", "X-Api-Key", ACME_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAreOpenWhenPublic() {
        assertThat(server.get("/actuator/metrics").statusCode()).isEqualTo(200);
        assertThat(server.get("/actuator/metrics/jvm.memory.used").statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsOpen() {
        assertThat(server.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void theKeysStillGuardTheTenantRoutes() {
        assertThat(server.get("/v1/playbooks").statusCode()).isEqualTo(401);
        assertThat(server.get("/v1/playbooks", "X-Api-Key", ACME_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutJwtConfigurationABearerTokenIsNoCredential() {
        String token = new JwtTestTokens().forTenant("acme", Instant.now().plusSeconds(3600));

        HttpResponse<String> response = server.get("/v1/playbooks", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains(Refusals.NO_CREDENTIAL_KEYS_ONLY);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactly("ApiKey realm=\"referral-rules\", header=\"X-Api-Key\"");
        assertThat(server.context().getBeansOfType(JwtDecoder.class)).isEmpty();
    }

    @Test
    void aConfiguredUserNameCreatesNoUser() {
        assertThat(server.context().getBeansOfType(UserDetailsService.class)).isEmpty();
    }
}
