package io.referralrules.flink;

import io.referralrules.api.ActionType;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.Sale;
import io.referralrules.json.ReferralJson;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live clock: assessment days and revisit timers in processing time, in the business zone. Flink's operator
 * harness drives the clock (a MiniCluster runs on the machine's), so the day can pass within the test.
 */
class ProcessingTimeTimersTest {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    @Test
    void theRevisitTimerFiresAtMidnightInTheBusinessZoneAndANewAnswerFollowsWithNoEvent() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ReadinessFunction(JobSettings.live(ZONE))), Input::customerId, Types.STRING)) {
            harness.open();
            harness.setProcessingTime(millis(DAY.atTime(16, 0)));
            for (FactEvent event : List.of(
                    FactEvent.upserted(new Customer("C-1", CustomerType.BUSINESS, "rep-1", null), Instant.EPOCH),
                    FactEvent.added("C-1", new Sale("S-1", DAY.minusDays(120), BigDecimal.TEN, null), Instant.EPOCH),
                    FactEvent.added("C-1", new ReferralAsk("A-1", DAY.minusDays(2), AskType.INTRODUCTION), Instant.EPOCH),
                    FactEvent.added("C-1", new Introduction("I-1", DAY, "A-1", "P-1", IntroductionChannel.CALL, null, null), Instant.EPOCH))) {
                harness.processElement(new StreamRecord<>(new Input("C-1", Long.MIN_VALUE, "events", FactEvents.write(event), false)));
            }
            List<ReadinessAssessment> today = answers(harness);
            assertThat(today).isNotEmpty().allSatisfy(a -> assertThat(a.asOf()).isEqualTo(DAY));
            assertThat(today.get(today.size() - 1).action(ActionType.THANK_REFERRER).orElseThrow().dueDate()).isEqualTo(DAY.plusDays(1));
            assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

            harness.getOutput().clear();
            harness.setProcessingTime(millis(DAY.plusDays(1).atStartOfDay()) - 1);
            assertThat(answers(harness)).as("nothing before midnight in %s", ZONE).isEmpty();
            harness.setProcessingTime(millis(DAY.plusDays(2).atTime(0, 1)));
            List<ReadinessAssessment> later = answers(harness);
            assertThat(later).extracting(ReadinessAssessment::asOf).contains(DAY.plusDays(1), DAY.plusDays(2));
            assertThat(later.get(later.size() - 1).action(ActionType.THANK_REFERRER).orElseThrow().overdueDays()).isEqualTo(1);
        }
    }

    private static long millis(java.time.LocalDateTime local) {
        return local.atZone(ZONE).toInstant().toEpochMilli();
    }

    private static List<ReadinessAssessment> answers(KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness) {
        return harness.extractOutputValues().stream().map(line -> ReferralJson.readAssessment(line, "answer")).toList();
    }
}
