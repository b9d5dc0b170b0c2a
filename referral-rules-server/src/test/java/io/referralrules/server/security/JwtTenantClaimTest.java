package io.referralrules.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tenant claim named by configuration ({@code referral-rules.security.tenant-claim=org_id}). */
class JwtTenantClaimTest {
    @TempDir
    static Path directory;

    private static JwtTestTokens issuer;
    private static SecurityTestServer server;

    @BeforeAll
    static void start() throws Exception {
        issuer = new JwtTestTokens();
        server = SecurityTestServer.start(
                "spring.security.oauth2.resourceserver.jwt.public-key-location="
                        + issuer.writePublicKey(directory).toUri(),
                "referral-rules.security.tenant-claim=org_id");
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

    @Test
    void theConfiguredClaimNamesTheTenant() {
        String token = issuer.withClaim("org_id", "globex", inAnHour());

        assertThat(server.get("/v1/playbooks", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(server.get("/v1/playbooks", "Authorization", "Bearer " + token, "Referral-Tenant", "globex")
                .statusCode()).isEqualTo(200);
        assertThat(server.get("/v1/playbooks", "Authorization", "Bearer " + token, "Referral-Tenant", "acme")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void theDefaultClaimNoLongerCounts() {
        String token = issuer.forTenant("acme", inAnHour());

        HttpResponse<String> response = server.get("/v1/playbooks", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("the bearer token has no 'org_id' claim");
    }

    @Test
    void aClaimThatIsNotTextIs401() {
        String token = issuer.withClaim("org_id", 42, inAnHour());

        assertThat(server.get("/v1/playbooks", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void anEmptyClaimIs401() {
        String token = issuer.withClaim("org_id", " ", inAnHour());

        assertThat(server.get("/v1/playbooks", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void aTenantThatIsNotConfiguredIsNotFound() {
        String token = issuer.withClaim("org_id", "initech", inAnHour());

        HttpResponse<String> response = server.get("/v1/playbooks", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no tenant 'initech'");
    }
}
