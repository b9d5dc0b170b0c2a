package io.referralrules.server;

import static io.referralrules.server.TestServer.example;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per request, and only that line: method, path, status, tenant, customers; never text of the body. The
 * line is written after the answer is sent, so the test waits for it on a queue (bounded by a timeout, never a sleep);
 * the next request's line coming next shows no other INFO line was written in between.
 */
class RequestLogTest {
    private static final String NAME_IN_THE_SNAPSHOT = "Harbourside Freight";

    private static TestServer server;
    private static final BlockingQueue<ILoggingEvent> LINES = new LinkedBlockingQueue<>();
    private static final AppenderBase<ILoggingEvent> APPENDER = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.INFO)) {
                LINES.add(event);
            }
        }
    };

    @BeforeAll
    static void start() {
        server = TestServer.start();
        APPENDER.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(APPENDER);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(APPENDER);
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void aRequestBeforeTheLinesCounted() throws InterruptedException {
        // the first request of a server also logs the servlet's start; wait for this request's own line
        server.get("/v1/playbooks?warm-up");
        ILoggingEvent line;
        do {
            line = next();
        } while (!line.getFormattedMessage().startsWith("GET /v1/playbooks 200"));
        LINES.clear();
    }

    private static ILoggingEvent next() throws InterruptedException {
        ILoggingEvent line = LINES.poll(30, TimeUnit.SECONDS);
        assertThat(line).as("an INFO line within 30 s").isNotNull();
        return line;
    }

    @Test
    void aPathThatIsNotTheServicesOwnIsRepeatedNeitherInTheAnswerNorInTheLine() throws InterruptedException {
        var answer = server.get("/v1/jane.doe@example.com");
        ILoggingEvent line = next();

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"instance\":\"(another path)\"")
                .doesNotContain("jane.doe");
        assertThat(line.getFormattedMessage()).startsWith("GET (another path) 404 tenant=").doesNotContain("jane.doe");
    }

    @Test
    void anAssessmentGivesOneLineWithoutTheBody() throws InterruptedException {
        server.postJson("/v1/assessments?asOf=2026-06-15", example("snapshot.json"));
        ILoggingEvent line = next();
        server.get("/v1/playbooks");
        ILoggingEvent following = next();

        assertThat(line.getLoggerName()).isEqualTo("io.referralrules.server.requests");
        assertThat(line.getFormattedMessage()).matches("POST /v1/assessments 200 tenant=acme entries=1 \\d+ ms");
        assertThat(following.getFormattedMessage()).startsWith("GET /v1/playbooks 200 tenant=acme entries=0 ");
    }

    @Test
    void anInvalidBodyGivesOneLineWithoutItsText() throws InterruptedException {
        String unknownField = example("snapshot.json").replace("\"displayName\"", "\"nickname\"");

        server.postJson("/v1/assessments", unknownField);
        ILoggingEvent line = next();
        server.get("/v1/playbooks");
        ILoggingEvent following = next();

        assertThat(line.getFormattedMessage()).matches("POST /v1/assessments 400 tenant=acme entries=0 \\d+ ms")
                .doesNotContain(NAME_IN_THE_SNAPSHOT);
        assertThat(following.getFormattedMessage()).startsWith("GET /v1/playbooks 200 ");
    }

    @Test
    void aBatchGivesOneLineCountingItsCustomers() throws InterruptedException {
        String line = example("snapshot.json").replaceAll("\\s*\n\\s*", "");

        server.postNdjsonChunked("/v1/assessments:batch?asOf=2026-06-15", (line + "\n" + line + "\nnot json\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        ILoggingEvent logged = next();
        server.get("/v1/playbooks");
        ILoggingEvent following = next();

        assertThat(logged.getFormattedMessage()).matches("POST /v1/assessments:batch 200 tenant=acme entries=3 \\d+ ms");
        assertThat(following.getFormattedMessage()).startsWith("GET /v1/playbooks 200 ");
    }

    @Test
    void aRefusedCredentialIsLoggedWithoutATenant() throws InterruptedException {
        server.get("/v1/playbooks", "X-Api-Key", "not-a-key");

        assertThat(next().getFormattedMessage()).matches("GET /v1/playbooks 401 tenant=- entries=0 \\d+ ms");
    }
}
