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
 * harness drives the clock (a MiniCluster runs on the machine's), so the day can pass within the test, and a timer can
 * fire days late, as after a stop or a restore.
 */
class ProcessingTimeTimersTest {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    @Test
    void theRevisitTimerFiresAtMidnightInTheBusinessZoneAndANewAnswerFollowsWithNoEvent() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness = harness(ZONE)) {
            harness.setProcessingTime(millis(DAY.atTime(16, 0)));
            introductionAgreedToday(harness, DAY);
            assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

            harness.getOutput().clear();
            harness.setProcessingTime(millis(DAY.plusDays(1).atStartOfDay()) - 1);
            assertThat(answers(harness)).as("nothing before midnight in %s", ZONE).isEmpty();
            harness.setProcessingTime(millis(DAY.plusDays(1).atStartOfDay()));
            assertThat(answers(harness)).as("at midnight in %s: the thank-you is due now", ZONE)
                    .extracting(ReadinessAssessment::asOf).containsExactly(DAY.plusDays(1));
            harness.getOutput().clear();
            harness.setProcessingTime(millis(DAY.plusDays(2).atTime(0, 1)));
            List<ReadinessAssessment> later = answers(harness);
            assertThat(later).extracting(ReadinessAssessment::asOf).containsExactly(DAY.plusDays(2));
            assertThat(later.get(0).action(ActionType.THANK_REFERRER).orElseThrow().overdueDays()).isEqualTo(1);
        }
    }

    @Test
    void onADayWithNoMidnightTheTimerFiresWhenTheDayStarts() throws Exception {
        // in Santiago, clocks go from 2026-09-05 24:00 to 2026-09-06 01:00: the day starts at 01:00
        ZoneId santiago = ZoneId.of("America/Santiago");
        LocalDate saturday = LocalDate.of(2026, 9, 5);
        LocalDate sunday = saturday.plusDays(1);
        long dayStarts = sunday.atTime(1, 0).atZone(santiago).toInstant().toEpochMilli();
        assertThat(sunday.atStartOfDay(santiago).toInstant().toEpochMilli()).isEqualTo(dayStarts);
        try (KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness = harness(santiago)) {
            harness.setProcessingTime(saturday.atTime(16, 0).atZone(santiago).toInstant().toEpochMilli());
            introductionAgreedToday(harness, saturday);
            harness.getOutput().clear();
            harness.setProcessingTime(dayStarts - 1);
            assertThat(answers(harness)).as("nothing before the day starts").isEmpty();
            harness.setProcessingTime(dayStarts);
            assertThat(answers(harness)).extracting(ReadinessAssessment::asOf).containsExactly(sunday);
        }
    }

    @Test
    void aTimerFiringDaysLateAssessesAsOfTodayNotTheDayItWasSetFor() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness = harness(ZONE)) {
            harness.setProcessingTime(millis(DAY.atTime(16, 0)));
            introductionAgreedToday(harness, DAY);
            harness.getOutput().clear();
            // the job was stopped over several midnights: the timer set for tomorrow fires four days late
            harness.setProcessingTime(millis(DAY.plusDays(5).atTime(9, 30)));
            List<ReadinessAssessment> late = answers(harness);
            assertThat(late).as("one answer, as of today").extracting(ReadinessAssessment::asOf).containsExactly(DAY.plusDays(5));
            assertThat(late.get(0).action(ActionType.THANK_REFERRER).orElseThrow().overdueDays()).isEqualTo(4);
            assertThat(harness.numProcessingTimeTimers()).as("the next revisit timer").isEqualTo(1);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness(ZoneId zone) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ReadinessFunction(JobSettings.live(zone))), Input::customerId, Types.STRING);
        harness.open();
        return harness;
    }

    /** A customer whose introduction was agreed today: the thank-you to the referrer is due tomorrow. */
    private static void introductionAgreedToday(KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness,
                                                LocalDate today) throws Exception {
        for (FactEvent event : List.of(
                FactEvent.upserted(new Customer("C-1", CustomerType.BUSINESS, "rep-1", null), Instant.EPOCH),
                FactEvent.added("C-1", new Sale("S-1", today.minusDays(120), BigDecimal.TEN, null), Instant.EPOCH),
                FactEvent.added("C-1", new ReferralAsk("A-1", today.minusDays(2), AskType.INTRODUCTION), Instant.EPOCH),
                FactEvent.added("C-1", new Introduction("I-1", today, "A-1", "P-1", IntroductionChannel.CALL, null, null), Instant.EPOCH))) {
            harness.processElement(new StreamRecord<>(new Input("C-1", Long.MIN_VALUE, "events", FactEvents.write(event), false)));
        }
        List<ReadinessAssessment> answers = answers(harness);
        assertThat(answers).isNotEmpty().allSatisfy(a -> assertThat(a.asOf()).isEqualTo(today));
        assertThat(answers.get(answers.size() - 1).action(ActionType.THANK_REFERRER).orElseThrow().dueDate()).isEqualTo(today.plusDays(1));
    }

    private static long millis(java.time.LocalDateTime local) {
        return local.atZone(ZONE).toInstant().toEpochMilli();
    }

    private static List<ReadinessAssessment> answers(KeyedOneInputStreamOperatorTestHarness<String, Input, String> harness) {
        return harness.extractOutputValues().stream().map(line -> ReferralJson.readAssessment(line, "answer")).toList();
    }
}
