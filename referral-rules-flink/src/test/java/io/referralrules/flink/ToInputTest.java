package io.referralrules.flink;

import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing: each line goes on with the customer id it shows (and an event's time); a line showing none is rejected. */
class ToInputTest {
    private static final String SECRET = "jane.doe@example.com";

    @Test
    void eventsAreRoutedByCustomerIdWithTheirTimeAndLinesShowingNoIdAreRejected() throws Exception {
        try (OneInputStreamOperatorTestHarness<String, Input> harness =
                     new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new ToInput("events.ndjson", false)))) {
            harness.open();
            String event = "{\"schemaVersion\":1,\"type\":\"FACT_REMOVED\",\"kind\":\"sales\",\"factId\":\"S-1\","
                    + "\"occurredAt\":\"2026-06-15T09:30:00+02:00\",\"customerId\":\"C-7\"}";
            for (String line : List.of(event, "", "{\"customerId\":\"C-8\",\"occurredAt\":\"" + SECRET + "\"} trailing",
                    "{\"type\":\"" + SECRET + "\"}", SECRET, "{\"customerId\":7}", "[1]")) {
                harness.processElement(new StreamRecord<>(line));
            }
            assertThat(harness.extractOutputValues()).containsExactly(
                    new Input("C-7", Instant.parse("2026-06-15T07:30:00Z").toEpochMilli(), "events.ndjson", event, false),
                    new Input("C-8", Long.MIN_VALUE, "events.ndjson", "{\"customerId\":\"C-8\",\"occurredAt\":\"" + SECRET + "\"} trailing", false));
            List<String> rejected = harness.getSideOutput(ReadinessFunction.REJECTED).stream().map(StreamRecord::getValue).toList();
            assertThat(rejected).hasSize(4).allSatisfy(r -> assertThat(r).startsWith("{\"problem\":\"events.ndjson: $").doesNotContain(SECRET));
        }
    }

    @Test
    void snapshotsAreRoutedByTheirCustomersId() throws Exception {
        try (OneInputStreamOperatorTestHarness<String, Input> harness =
                     new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new ToInput("book.ndjson", true)))) {
            harness.open();
            String snapshot = "{\"sales\":[{\"id\":\"S-1\"}],\"customer\":{\"type\":\"BUSINESS\",\"attributes\":{\"id\":\"x\"},\"id\":\"C-9\"}}";
            harness.processElement(new StreamRecord<>(snapshot));
            harness.processElement(new StreamRecord<>("{\"customerId\":\"C-1\"}"));
            assertThat(harness.extractOutputValues()).containsExactly(new Input("C-9", Long.MIN_VALUE, "book.ndjson", snapshot, true));
            assertThat(harness.getSideOutput(ReadinessFunction.REJECTED)).hasSize(1);
        }
    }
}
