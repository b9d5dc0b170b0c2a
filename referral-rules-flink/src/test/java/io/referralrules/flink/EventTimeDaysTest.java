package io.referralrules.flink;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.Sale;
import io.referralrules.json.ReferralJson;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Event time takes each event's day in the business zone; an event whose day the engine does not assess on is
 * rejected with its JSON path, and costs neither the job nor the customer's next, good event.
 */
class EventTimeDaysTest {
    private static final Customer ACME = new Customer("C-1", CustomerType.BUSINESS, "rep-1", "Acme");

    @Test
    void anEventOnTheFirstSecondOf1900FallsOn1899WestOfGreenwichAndIsRejected() throws Exception {
        dayOutsideTheEngineIsRejected(ZoneId.of("America/New_York"), Instant.parse("1900-01-01T00:00:00Z"), "1899-12-31");
    }

    @Test
    void anEventOnTheLastEveningOf2999FallsOn3000EastOfGreenwichAndIsRejected() throws Exception {
        dayOutsideTheEngineIsRejected(ZoneId.of("Asia/Tokyo"), Instant.parse("2999-12-31T20:00:00Z"), "3000-01-01");
    }

    @Test
    void aSnapshotHasNoEventTime() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness = harness(ZoneOffset.UTC)) {
            String snapshot = ReadinessJob.line(CustomerSnapshot.builder(ACME).build());
            harness.processElement(new StreamRecord<>(new Input("C-1", Long.MIN_VALUE, "book", snapshot, true)));
            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(rejected(harness)).singleElement().asString().contains("\"customerId\":\"C-1\"")
                    .contains("book: $.occurredAt is missing");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThatThrownBy(() -> ReadinessJob.answers(env.fromData("{}"), "book", true, JobSettings.replay(ZoneOffset.UTC, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event time needs fact events");
    }

    private static void dayOutsideTheEngineIsRejected(ZoneId zone, Instant bad, String badDay) throws Exception {
        Instant good = Instant.parse("2026-06-15T12:00:00Z");
        try (KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness = harness(zone)) {
            process(harness, FactEvent.upserted(ACME, bad));
            assertThat(harness.extractOutputValues()).as("no answer for the rejected event").isEmpty();
            assertThat(rejected(harness)).singleElement().asString().contains("\"customerId\":\"C-1\"")
                    .contains("events: $.occurredAt falls on " + badDay + " in " + zone).doesNotContain("Acme");

            process(harness, FactEvent.upserted(ACME, good));
            process(harness, FactEvent.added("C-1", new Sale("S-1", LocalDate.of(2026, 6, 1), BigDecimal.TEN, null), good));
            List<ReadinessAssessment> answers = harness.extractOutputValues().stream()
                    .map(line -> ReferralJson.readAssessment(line, "answer")).toList();
            assertThat(answers).as("the customer's good events after it").hasSize(2)
                    .allSatisfy(a -> assertThat(a.asOf()).isEqualTo(LocalDate.ofInstant(good, zone)));
            assertThat(rejected(harness)).hasSize(1);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness(ZoneId zone) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ReadinessFunction(JobSettings.replay(zone, null))), Input::customerId, Types.STRING);
        harness.open();
        return harness;
    }

    private static void process(KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness, FactEvent event)
            throws Exception {
        long at = event.occurredAt().toEpochMilli();
        harness.processElement(new StreamRecord<>(new Input(event.customerId(), at, "events", FactEvents.write(event), false), at));
    }

    private static List<String> rejected(KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness) {
        return harness.getSideOutput(ReadinessFunction.REJECTED).stream().map(StreamRecord::getValue).toList();
    }
}
