package io.referralrules.benchmarks;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.book.SampleBook;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The baseline answers exactly like the engine (stage, actions, warnings) on 10,000 generated customers. */
class BaselineEquivalenceTest {
    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine();
    private static final BaselineEvaluator BASELINE = new BaselineEvaluator(ENGINE.policy());

    static BaselineEvaluator.Answer fromEngine(ReadinessAssessment a) {
        return new BaselineEvaluator.Answer(a.stage(),
                a.actions().stream().map(x -> new BaselineEvaluator.Action(x.type(), x.dueDate(), x.overdueDays(), x.subjectId())).toList(),
                a.warnings().stream().map(w -> new BaselineEvaluator.Alert(w.type(), w.date(), w.subjectId())).toList());
    }

    @Test
    void tenThousandGeneratedCustomersGetTheSameAnswer() {
        LocalDate asOf = LocalDate.of(2026, 6, 15);
        List<CustomerSnapshot> book = new SampleBook(Benchmarks.SEED, asOf).customers(10_000).toList();
        int checked = 0;
        for (CustomerSnapshot s : book) {
            assertThat(BASELINE.assess(s, asOf)).as("customer %s", s.customer().id()).isEqualTo(fromEngine(ENGINE.assess(s, asOf)));
            checked++;
        }
        assertThat(checked).isEqualTo(10_000);
    }

    @Test
    void theSameCustomersAnOtherDayGetTheSameAnswerToo() {
        // a different day moves every window: facts become future, windows open and close
        LocalDate generatedFor = LocalDate.of(2026, 6, 15);
        for (LocalDate asOf : List.of(generatedFor.minusDays(45), generatedFor.plusDays(60))) {
            for (CustomerSnapshot s : new SampleBook(11, generatedFor).customers(2_000).toList()) {
                assertThat(BASELINE.assess(s, asOf)).as("customer %s as of %s", s.customer().id(), asOf)
                        .isEqualTo(fromEngine(ENGINE.assess(s, asOf)));
            }
        }
    }
}
