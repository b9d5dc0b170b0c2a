package io.referralrules.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

/** Checks of problem answers (RFC 9457). */
final class ProblemAssert {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemAssert() {
    }

    /** The response is a problem with this status, answering for this path; its document, for further checks. */
    static JsonNode assertProblem(HttpResponse<byte[]> response, int status, String instance) {
        String body = TestServer.text(response);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(Problems.MEDIA_TYPE));
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isEqualTo("about:blank");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("instance").asText()).isEqualTo(instance);
        assertThat(body).doesNotContain("Exception", "\tat ");
        return problem;
    }
}
