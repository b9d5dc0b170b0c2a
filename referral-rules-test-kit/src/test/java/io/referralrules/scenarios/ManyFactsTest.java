package io.referralrules.scenarios;

import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.Stage;
import io.referralrules.api.Warning;
import io.referralrules.api.WarningType;
import io.referralrules.api.facts.Fact;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer with thousands of asks or answers: each warning cites the one fact that triggered it (with a count of the
 * others), never every earlier fact, so the answer grows with the facts, not with their square. How long these take is
 * measured in the benchmark module (docs/PERFORMANCE.md), not here.
 */
@DisplayName("Customers with thousands of facts: evidence is capped, answers stay exact")
class ManyFactsTest extends RuleTestSupport {

    /** {@code count} asks, {@code perDay} a day, the newest {@code newestDaysAgo} days ago. */
    private static List<Fact> asks(int count, int perDay, int newestDaysAgo) {
        List<Fact> asks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            asks.add(ask(String.format("A-%05d", i), newestDaysAgo + (count - 1 - i) / perDay));
        }
        return asks;
    }

    @Test
    void tenThousandAsksEachDrawOneFatigueWarningCitingTheAskJustBefore() {
        List<Fact> facts = new ArrayList<>(List.of(sale("S-1", 400)));
        facts.addAll(asks(10_000, 40, 1)); // 40 asks a day over 250 days

        ReadinessAssessment a = assess(customer(facts));

        assertThat(a.stage()).isEqualTo(Stage.AWAITING_INTRODUCTION);
        List<Warning> fatigue = a.warnings(WarningType.ASK_FATIGUE);
        // every ask but the first has an earlier one within the 90-day cool-down
        assertThat(fatigue).hasSize(9_999);
        assertThat(fatigue).allSatisfy(w -> assertThat(w.reason().evidence()).hasSize(2));
        assertThat(fatigue).filteredOn(w -> w.subjectId().equals("A-09999")).singleElement().satisfies(w -> {
            assertThat(w.reason().evidence()).containsExactly("A-09998", "A-09999");
            // 90 days back from the last ask: 91 days of 40 asks, less the last ask itself and the one cited
            assertThat(w.reason().message()).contains("cool-down of ask A-09998 (and 3638 earlier asks in it)");
        });
        assertThat(fatigue).filteredOn(w -> w.subjectId().equals("A-00001")).singleElement()
                .satisfies(w -> assertThat(w.reason().message()).endsWith("cool-down of ask A-00000."));
    }

    @Test
    void tenThousandAsksBeforeAnySaleAreEachPrematureAndEachChaseCitesOnePrematureAsk() {
        List<Fact> facts = new ArrayList<>(asks(10_000, 40, 1));

        ReadinessAssessment a = assess(customer(facts));

        assertThat(a.warnings(WarningType.PREMATURE_ASK)).hasSize(10_000);
        List<Warning> chases = a.warnings(WarningType.PUSHY_CHASE);
        // an ask chases the latest premature ask of an earlier day, within 7 days: every ask after the first day
        assertThat(chases).hasSize(10_000 - 40);
        assertThat(chases).allSatisfy(w -> assertThat(w.reason().evidence()).hasSize(2));
        assertThat(chases).filteredOn(w -> w.subjectId().equals("A-09999")).singleElement()
                .satisfies(w -> assertThat(w.reason().evidence()).containsExactly("A-09959", "A-09999"));
    }

    @Test
    void tenThousandAnswersSettleEachComplaintByTheFirstGreenLightAfterIt() {
        List<Fact> facts = new ArrayList<>(List.of(sale("S-1", 400)));
        for (int i = 0; i < 10_000; i++) {
            int day = 300 - i / 40;
            // a complaint, then a green light the next day; the newest complaint has no green light after it
            facts.add(i % 2 == 0 ? complaintAnswer(String.format("F-%05d", i), day) : greenLight(String.format("F-%05d", i), day - 1));
        }
        facts.add(complaintAnswer("F-LAST", 0));

        ReadinessAssessment a = assess(customer(facts));

        assertThat(a.stage()).isEqualTo(Stage.BLOCKED);
        assertThat(a.stageReason().evidence()).containsExactly("F-LAST");
        assertThat(a.firedRules()).contains("A raised complaint is settled by the next green light",
                "A raised complaint stays open until a green light follows");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"earned-trust", "post-sale-momentum"})
    void aThousandFactsOfEveryKindDrawWarningsCitingAtMostTwoFacts(String playbook) {
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            int day = 1 + i * 360 / 1_000;
            String n = String.format("%04d", i);
            facts.addAll(List.of(sale("S-" + n, day), service("SI-" + n, day, 1 + i % 5), proactive("PA-" + n, day),
                    extraValue("EV-" + n, day), referralGiven("RG-" + n, day), social("ST-" + n, day),
                    i % 3 == 0 ? complaintAnswer("FA-" + n, day) : greenLight("FA-" + n, day), nps("NPS-" + n, day, i % 11),
                    complaint("CP-" + n, day, i % 2 == 0 ? null : day - 1), i % 2 == 0 ? ask("A-" + n, day) : namesOnlyAsk("A-" + n, day),
                    introduction("I-" + n, day, "A-" + n, i % 2 == 0 ? null : day, null),
                    followUp("F-" + n, day, "I-" + n, io.referralrules.api.facts.FollowUpType.values()[i % 3]),
                    referredSale("RS-" + n, day, "I-" + n)));
        }

        ReadinessAssessment a = io.referralrules.engine.ReferralRules.engine(io.referralrules.engine.Playbook.byId(playbook))
                .assess(customer(facts), TODAY);

        assertThat(a.warnings(WarningType.TIT_FOR_TAT)).isNotEmpty();
        assertThat(a.warnings(WarningType.ASK_DURING_COMPLAINT)).isNotEmpty();
        assertThat(a.warnings()).allSatisfy(w -> assertThat(w.reason().evidence()).hasSizeLessThanOrEqualTo(2));
    }
}
