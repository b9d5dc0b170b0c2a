package io.referralrules.benchmarks;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.EarliestAsk;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.book.SampleBook;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.engine.RuleSource;
import io.referralrules.json.ReferralJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deciding many customers in one session changes nothing: a batch of 1,000 generated customers gets, byte for byte,
 * the JSON answers each customer gets alone, under every bundled playbook and on days that move every window.
 */
class BatchEquivalenceTest {
    private static final LocalDate GENERATED_FOR = LocalDate.of(2026, 6, 15);
    private static final List<CustomerSnapshot> BOOK = new SampleBook(Benchmarks.SEED, GENERATED_FOR).customers(1_000).toList();

    static Stream<Playbook> playbooks() {
        return Playbook.bundled().stream();
    }

    @ParameterizedTest
    @MethodSource("playbooks")
    void aBatchOfAThousandGivesTheAnswersEachCustomerGetsAlone(Playbook playbook) {
        ReferralReadinessEngine engine = ReferralRules.engine(playbook);
        for (LocalDate asOf : List.of(GENERATED_FOR, GENERATED_FOR.minusDays(45), GENERATED_FOR.plusDays(60))) {
            List<ReadinessAssessment> batch = engine.assessAll(BOOK, asOf);

            assertThat(batch).hasSize(BOOK.size());
            for (int i = 0; i < BOOK.size(); i++) {
                ReadinessAssessment alone = engine.assess(BOOK.get(i), asOf);
                assertThat(ReferralJson.writeAssessment(batch.get(i)))
                        .as("%s: customer %s as of %s", playbook.id(), BOOK.get(i).customer().id(), asOf)
                        .isEqualTo(ReferralJson.writeAssessment(alone));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("playbooks")
    void theDecisionDetailIsTheFullAnswerWithoutItsExplanations(Playbook playbook) {
        ReferralReadinessEngine engine = ReferralRules.engine(playbook);
        List<ReadinessAssessment> full = engine.assessAll(BOOK, GENERATED_FOR);
        List<ReadinessAssessment> decision = engine.assessAll(BOOK, GENERATED_FOR, Detail.DECISION);

        for (int i = 0; i < BOOK.size(); i++) {
            ReadinessAssessment f = full.get(i);
            assertThat(decision.get(i)).as("customer %s", f.customerId()).isEqualTo(new ReadinessAssessment(f.customerId(),
                    f.asOf(), f.playbook(), f.stage(), f.stageReason(), f.trustEarned(), f.trustBuilders(), f.actions(),
                    f.warnings(), List.of(), EarliestAsk.notWorkedOut(), f.revisitOn(), List.of(), List.of()));
        }
    }

    @ParameterizedTest
    @MethodSource("playbooks")
    void withHostRulesEachCustomerIsDecidedAloneAndAnswersTheSame(Playbook playbook) {
        // host rules match the host's own facts, so such a playbook decides one customer per session
        ReferralReadinessEngine bundled = ReferralRules.engine(playbook);
        ReferralReadinessEngine withNoHostRules = ReferralRules.engine(playbook.withHostRules(playbook.id(), "drl",
                RuleSource.of("no-rules.drl", "package test.norules;\n")), playbook.defaults());
        List<CustomerSnapshot> some = BOOK.subList(0, 200);

        List<ReadinessAssessment> expected = bundled.assessAll(some, GENERATED_FOR);
        List<ReadinessAssessment> actual = withNoHostRules.assessAll(some, GENERATED_FOR);
        for (int i = 0; i < some.size(); i++) {
            assertThat(actual.get(i).stage()).isEqualTo(expected.get(i).stage());
            assertThat(actual.get(i).actions()).isEqualTo(expected.get(i).actions());
            assertThat(actual.get(i).warnings()).isEqualTo(expected.get(i).warnings());
            assertThat(actual.get(i).whyNot()).isEqualTo(expected.get(i).whyNot());
            assertThat(actual.get(i).earliestAsk()).isEqualTo(expected.get(i).earliestAsk());
        }
    }
}
