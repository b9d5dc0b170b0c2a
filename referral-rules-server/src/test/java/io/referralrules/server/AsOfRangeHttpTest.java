package io.referralrules.server;

import static io.referralrules.server.ProblemAssert.assertProblem;
import static io.referralrules.server.TestServer.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An {@code asOf} that is a date but outside the engine's range (1900-01-01 to 2999-12-31) is refused as the query
 * parameter it is: a 400 problem naming {@code asOf}, before a batch's answer starts, and counted as an invalid input.
 */
class AsOfRangeHttpTest {
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

    private static double invalid(String endpoint) {
        Counter counter = server.context().getBean(MeterRegistry.class).find("referral_rules.invalid_inputs")
                .tag("endpoint", endpoint).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aBatchAsOfBefore1900IsA400NotAnErrorLinePerCustomer() {
        String line = example("snapshot.json").replaceAll("\\s*\n\\s*", "") + "\n";
        HttpResponse<byte[]> response = server.postNdjsonChunked("/v1/assessments:batch?asOf=1899-12-31",
                (line + line).getBytes(StandardCharsets.UTF_8));

        JsonNode problem = assertProblem(response, 400, "/v1/assessments:batch");
        assertThat(problem.path("path").asText()).isEqualTo("asOf");
        assertThat(problem.path("detail").asText()).contains("1900-01-01", "2999-12-31", "1899-12-31");
    }

    @Test
    void anAssessmentAsOfAfter2999CountsAsAnInvalidInput() {
        double before = invalid("assessments");

        HttpResponse<byte[]> response = server.postJson("/v1/assessments?asOf=3000-01-01", example("snapshot.json"));

        assertThat(assertProblem(response, 400, "/v1/assessments").path("path").asText()).isEqualTo("asOf");
        assertThat(invalid("assessments")).isEqualTo(before + 1);
    }
}
