package io.referralrules.server;

import static io.referralrules.server.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests Spring Security's firewall refuses before any controller sees them are answered as every other failure:
 * a 400 {@code application/problem+json}, not Spring Boot's error document, and the refused path is not repeated.
 */
class RejectedRequestHttpTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSemicolonInThePathIsA400Problem() {
        HttpResponse<byte[]> response = server.get("/v1/playbooks;bob@example.com");

        assertProblem(response, 400, "");
        assertThat(TestServer.text(response)).doesNotContain("bob", "timestamp");
    }

    @Test
    void aMethodHttpDoesNotHaveIsA400Problem() {
        HttpResponse<byte[]> response = server.send(server.request("/v1/playbooks")
                .method("FOO", HttpRequest.BodyPublishers.noBody()).build());

        assertProblem(response, 400, "");
        assertThat(TestServer.text(response)).doesNotContain("timestamp");
    }
}
