package io.referralrules.flink;

import io.referralrules.api.ActionType;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.NextAction;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.Sale;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.ReferralJson;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streaming with timers on a MiniCluster: a customer whose thank-you to the referrer falls due tomorrow gets a new
 * answer when the clock passes that day, with no new event of its own (the clock here is event time, moved by another
 * customer's event, as when history is replayed).
 */
class StreamingTimersTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = Clusters.miniCluster();

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    @Test
    void aThankYouFallingDueGetsANewAnswerWhenTheClockPassesWithNoNewEvent() throws Exception {
        Customer acme = new Customer("C-1", CustomerType.BUSINESS, "rep-1", "Acme");
        Sale sale = new Sale("S-1", DAY.minusDays(120), new BigDecimal("9000"), "late invoices");
        ReferralAsk ask = new ReferralAsk("A-1", DAY.minusDays(2), AskType.INTRODUCTION);
        Introduction intro = new Introduction("I-1", DAY, "A-1", "P-1", IntroductionChannel.EMAIL, null, null);
        List<String> events = Stream.of(
                FactEvent.upserted(acme, at(DAY.minusDays(120), 9)),
                FactEvent.added("C-1", sale, at(DAY.minusDays(120), 10)),
                FactEvent.added("C-1", ask, at(DAY.minusDays(2), 11)),
                FactEvent.added("C-1", intro, at(DAY, 15)),
                // another customer, three days later: the clock passes C-1's due day
                FactEvent.upserted(new Customer("C-2", CustomerType.INDIVIDUAL, "rep-1", null), at(DAY.plusDays(3), 12))
        ).map(FactEvents::write).toList();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        Collected out = Collected.run(ReadinessJob.answers(env.fromData(events), "events", false,
                JobSettings.replay(ZONE, DAY.plusDays(3))), "timers");

        assertThat(out.rejected()).isEmpty();
        CustomerSnapshot last = CustomerSnapshot.builder(acme).add(sale).add(ask).add(intro).build();
        ReferralReadinessEngine engine = ReferralRules.engine();
        List<ReadinessAssessment> answers = out.of("C-1").stream().map(line -> ReferralJson.readAssessment(line, "answer")).toList();

        ReadinessAssessment onTheDay = answers.stream().filter(a -> a.asOf().equals(DAY)).reduce((a, b) -> b).orElseThrow();
        NextAction thank = onTheDay.action(ActionType.THANK_REFERRER).orElseThrow();
        assertThat(thank.dueDate()).isEqualTo(DAY.plusDays(1));
        assertThat(thank.overdueDays()).isZero();

        List<ReadinessAssessment> later = answers.stream().filter(a -> a.asOf().isAfter(DAY)).toList();
        assertThat(later).as("answers after the last event of C-1, on the days its answer changed").isNotEmpty();
        ReadinessAssessment overdue = later.stream().filter(a -> a.action(ActionType.THANK_REFERRER)
                .map(t -> t.overdueDays() > 0).orElse(false)).findFirst().orElseThrow();
        assertThat(overdue.asOf()).isEqualTo(DAY.plusDays(2));
        for (ReadinessAssessment a : later) {
            assertThat(ReferralJson.writeAssessmentLine(a)).isEqualTo(ReferralJson.writeAssessmentLine(engine.assess(last, a.asOf())));
        }
        for (int i = 1; i < answers.size(); i++) {
            assertThat(answers.get(i).sameAnswer(answers.get(i - 1))).as("answer %d repeats answer %d", i, i - 1).isFalse();
        }
        assertThat(out.of("C-2")).hasSize(1);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toInstant();
    }
}
