package io.referralrules.server;

import static io.referralrules.server.ProblemAssert.assertProblem;
import static io.referralrules.server.TestServer.example;
import static io.referralrules.server.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.ReferralJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/assessments:batch} over real HTTP: NDJSON in, one line out per line in and in its order, each
 * answer the library's line for the same snapshot; a bad line costs only itself; a batch over
 * {@code max-batch-bytes} ends with an error line, then the connection is closed.
 */
class BatchHttpTest {
    private static final String PATH = "/v1/assessments:batch";
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    /** More than the 64 KiB the book reader reads ahead, so the limit is crossed while answers are being written. */
    private static final int MAX_BATCH = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server;
    private static ReferralReadinessEngine acme;

    @BeforeAll
    static void start() {
        server = TestServer.start("referral-rules.max-batch-bytes=" + MAX_BATCH);
        acme = ReferralRules.engine(Playbook.EARNED_TRUST);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The example snapshot as the customer C-n, on one line. */
    private static String line(int n) {
        return example("snapshot.json").replace("\"C-1042\"", "\"C-" + n + "\"").replaceAll("\\s*\n\\s*", "");
    }

    private static CustomerSnapshot snapshot(String line) {
        return ReferralJson.readBookEntry(line, "test");
    }

    private static List<String> lines(HttpResponse<byte[]> response) {
        String body = text(response);
        assertThat(body).endsWith("\n");
        return List.of(body.split("\n"));
    }

    @Test
    void everyAnswerIsTheLibrarysLineInTheBatchsOrder() {
        List<String> in = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            in.add(line(n));
        }

        HttpResponse<byte[]> response = server.postNdjsonChunked(PATH + "?asOf=" + DAY,
                (String.join("\n", in) + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson;charset=UTF-8");
        List<String> expected = in.stream().map(l -> ReferralJson.writeAssessmentLine(acme.assess(snapshot(l), DAY))).toList();
        assertThat(lines(response)).containsExactlyElementsOf(expected);
    }

    @Test
    void detailDecisionAnswersTheLibrarysDecisionLines() {
        String in = line(1) + "\n" + line(2) + "\n";

        HttpResponse<byte[]> response = server.postNdjsonChunked(PATH + "?asOf=" + DAY + "&detail=decision",
                in.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        assertThat(lines(response)).containsExactly(
                ReferralJson.writeDecisionLine(acme.assess(snapshot(line(1)), DAY, Detail.DECISION)),
                ReferralJson.writeDecisionLine(acme.assess(snapshot(line(2)), DAY, Detail.DECISION)));
    }

    @Test
    void aBadLineInTheMiddleGetsAnErrorLineAndTheOthersTheirAnswers() throws IOException {
        String badDate = line(2).replace("\"2025-11-03\"", "\"2025-13-03\"");
        String in = line(1) + "\n" + badDate + "\n" + "not json\n" + line(4) + "\n";

        HttpResponse<byte[]> response = server.postNdjsonChunked(PATH + "?asOf=" + DAY, in.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        List<String> out = lines(response);
        assertThat(out).hasSize(4);
        assertThat(out.get(0)).isEqualTo(ReferralJson.writeAssessmentLine(acme.assess(snapshot(line(1)), DAY)));
        assertThat(out.get(3)).isEqualTo(ReferralJson.writeAssessmentLine(acme.assess(snapshot(line(4)), DAY)));
        JsonNode invalid = JSON.readTree(out.get(1));
        assertThat(invalid.path("customerId").asText()).isEqualTo("C-2");
        assertThat(invalid.path("location").asText()).isEqualTo("batch.ndjson:2");
        assertThat(invalid.path("error").asText()).contains("$.sales[0].date must be a date");
        JsonNode notJson = JSON.readTree(out.get(2));
        assertThat(notJson.has("customerId")).isFalse();
        assertThat(notJson.path("location").asText()).isEqualTo("batch.ndjson:3");
        assertThat(notJson.path("error").asText()).contains("is not valid JSON");
    }

    @Test
    void aBatchDeclaredOverTheLimitIs413() {
        byte[] big = (line(1) + "\n").repeat(MAX_BATCH / line(1).length() + 2).getBytes(StandardCharsets.UTF_8);
        HttpRequest declared = server.request(PATH).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build();

        JsonNode problem = assertProblem(server.send(declared), 413, PATH);

        assertThat(problem.path("detail").asText()).contains("max-batch-bytes");
    }

    @Test
    void aBatchThatIsNotNdjsonIs415() {
        HttpResponse<byte[]> response = server.postJson(PATH, line(1));

        assertProblem(response, 415, PATH);
    }

    /**
     * A chunked batch that goes over the limit while answers are being written: the answers so far (and a bad line's
     * own error line), then an error line naming the limit, then the end of the chunked answer, then the connection closes although the client has
     * not finished sending.
     */
    @Test
    void aBatchThatGoesOverTheLimitMidStreamEndsWithAnErrorLineAndTheConnectionCloses() throws IOException {
        String one = line(1) + "\n";
        String invalid = line(3).replace("\"2025-11-03\"", "\"2025-13-03\"") + "\n";
        byte[] chunk = (one + one + invalid + one.repeat(2 * MAX_BATCH / one.length()))
                .getBytes(StandardCharsets.UTF_8);
        byte[] received;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PATH + "?asOf=" + DAY + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: "
                    + TestServer.ACME_KEY + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the last chunk is never sent: only the server's close ends this read
            received = readToEnd(socket.getInputStream());
        }
        String http = new String(received, StandardCharsets.UTF_8);

        assertThat(http).startsWith("HTTP/1.1 200 ").endsWith("\r\n0\r\n\r\n");
        String body = dechunk(http.substring(http.indexOf("\r\n\r\n") + 4));
        List<String> out = List.of(body.split("\n"));
        String answer = ReferralJson.writeAssessmentLine(acme.assess(snapshot(line(1)), DAY));
        assertThat(out.size()).isGreaterThan(1).isLessThan(MAX_BATCH / one.length() + 2);
        assertThat(JSON.readTree(out.get(2)).path("error").asText()).as("a bad line read before the limit keeps its problem")
                .contains("$.sales[0].date must be a date");
        assertThat(out.subList(0, 2)).allMatch(answer::equals);
        assertThat(out.subList(3, out.size() - 1)).allMatch(answer::equals);
        JsonNode last = JSON.readTree(out.get(out.size() - 1));
        assertThat(last.path("error").asText()).isEqualTo("the batch is more than " + MAX_BATCH
                + " bytes (referral-rules.max-batch-bytes); the rest of the batch is not read");
        assertThat(last.path("location").asText()).isEqualTo("batch.ndjson:" + out.size());
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    /** The body of a chunked HTTP/1.1 answer. */
    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int end = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, end), 16);
            if (size == 0) {
                return body.toString();
            }
            // the answer is ASCII apart from text the snapshot does not have; sizes are bytes
            byte[] rest = chunked.substring(end + 2).getBytes(StandardCharsets.UTF_8);
            String piece = new String(rest, 0, size, StandardCharsets.UTF_8);
            body.append(piece);
            at = end + 2 + piece.length() + 2;
        }
    }
}
