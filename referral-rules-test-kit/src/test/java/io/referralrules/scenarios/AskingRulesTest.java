package io.referralrules.scenarios;

import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.Stage;
import io.referralrules.api.WarningType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;


import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Step 5: asking, cool-down and the warnings about asks")
class AskingRulesTest extends RuleTestSupport {

    @Test
    void anAskStartsANinetyDayCoolDown() {
        ReadinessAssessment day90 = ready(namesOnlyAsk("A-1", 90));
        ReadinessAssessment day91 = ready(namesOnlyAsk("A-1", 91));

        assertThat(day90.stage()).isEqualTo(Stage.COOLING_DOWN);
        assertThat(day90.stageReason().rule()).isEqualTo("Cool down after an ask");
        assertThat(day90.stageReason().message()).contains("earliest next ask is " + daysAgo(-1));
        assertThat(day90.action(io.referralrules.api.ActionType.ASK_FOR_INTRODUCTION)).isEmpty();
        assertThat(day91.stage()).isEqualTo(Stage.READY_TO_ASK);
    }

    @Test
    void anAskWithinFourteenDaysOfTheFirstSaleBeforeTrustIsPremature() {
        ReadinessAssessment day14 = assess(customer(sale("S-1", 60), ask("A-1", 46)));
        ReadinessAssessment day15 = assess(customer(sale("S-1", 60), ask("A-1", 45)));

        assertThat(day14.warnings(WarningType.PREMATURE_ASK)).singleElement().satisfies(w -> {
            assertThat(w.subjectId()).isEqualTo("A-1");
            assertThat(w.date()).isEqualTo(daysAgo(46));
            assertThat(w.reason().rule()).isEqualTo("Asking soon after the first sale, before trust is earned, is premature");
            assertThat(w.reason().evidence()).containsExactly("A-1");
        });
        assertThat(day14.firedRules()).contains("Measure trust on the day of an early ask");
        assertThat(day15.warnings(WarningType.PREMATURE_ASK)).isEmpty();
    }

    @Test
    void anEarlyAskAfterTrustWasEarnedIsNotPremature() {
        // every builder is in place before the sale closes: a long-standing contact who finally bought
        ReadinessAssessment a = assess(customer(
                service("SI-1", 100, 5), service("SI-2", 90, 5), referralGiven("RG-1", 80), social("ST-1", 70),
                sale("S-1", 60), ask("A-1", 55)));

        assertThat(a.hasWarning(WarningType.PREMATURE_ASK)).isFalse();
        assertThat(a.firedRules()).contains("Measure trust on the day of an early ask");
    }

    @Test
    void anAskBeforeAnySaleIsPremature() {
        ReadinessAssessment a = assess(customer(ask("A-1", 3)));

        assertThat(a.stage()).isEqualTo(Stage.AWAITING_INTRODUCTION);
        assertThat(a.warnings(WarningType.PREMATURE_ASK)).singleElement()
                .satisfies(w -> assertThat(w.reason().rule()).isEqualTo("Asking before any sale is premature"));
    }

    @Test
    void asecondAskWithinSevenDaysOfAPrematureOneIsPushy() {
        ReadinessAssessment day7 = assess(customer(sale("S-1", 60), ask("A-1", 59), ask("A-2", 52)));
        ReadinessAssessment day8 = assess(customer(sale("S-1", 60), ask("A-1", 59), namesOnlyAsk("A-2", 51)));

        assertThat(day7.warnings(WarningType.PUSHY_CHASE)).singleElement().satisfies(w -> {
            assertThat(w.subjectId()).isEqualTo("A-2");
            assertThat(w.reason().rule()).isEqualTo("Chasing a premature ask is pushy");
            assertThat(w.reason().evidence()).containsExactly("A-1", "A-2");
        });
        assertThat(day8.warnings(WarningType.PUSHY_CHASE)).isEmpty();
    }

    @Test
    void anAskWithinFourteenDaysAfterWeGaveAReferralLooksLikeATrade() {
        ReadinessAssessment day14 = ready(ask("A-1", 66));   // RG-1 was given 80 days ago
        ReadinessAssessment day15 = ready(ask("A-1", 65));

        assertThat(day14.warnings(WarningType.TIT_FOR_TAT)).singleElement().satisfies(w -> {
            assertThat(w.reason().rule()).isEqualTo("Asking right after giving a referral looks like tit for tat");
            assertThat(w.reason().evidence()).containsExactly("A-1", "RG-1");
        });
        assertThat(day15.warnings(WarningType.TIT_FOR_TAT)).isEmpty();
    }

    @Test
    void anAskWithinNinetyDaysOfAnEarlierAskTiresTheCustomer() {
        ReadinessAssessment day90 = ready(ask("A-1", 130), namesOnlyAsk("A-2", 40));
        ReadinessAssessment day91 = ready(ask("A-1", 131), namesOnlyAsk("A-2", 40));

        assertThat(day90.warnings(WarningType.ASK_FATIGUE)).singleElement().satisfies(w -> {
            assertThat(w.subjectId()).isEqualTo("A-2");
            assertThat(w.reason().rule()).isEqualTo("Asking again within the cool-down tires the customer");
            assertThat(w.reason().evidence()).containsExactly("A-1", "A-2");
        });
        assertThat(day91.warnings(WarningType.ASK_FATIGUE)).isEmpty();
    }

    @Test
    void anAskWhileAComplaintIsOpenIsWarnedAbout() {
        ReadinessAssessment during = ready(complaint("CP-1", 50, 40), namesOnlyAsk("A-1", 45));
        ReadinessAssessment onResolutionDay = ready(complaint("CP-1", 50, 40), namesOnlyAsk("A-1", 40));

        assertThat(during.warnings(WarningType.ASK_DURING_COMPLAINT)).singleElement().satisfies(w -> {
            assertThat(w.reason().rule()).isEqualTo("Asking while a complaint is open");
            assertThat(w.reason().evidence()).containsExactly("A-1", "CP-1");
        });
        assertThat(onResolutionDay.warnings(WarningType.ASK_DURING_COMPLAINT)).isEmpty();
    }

    @Test
    void askingForNamesOnlyGivesAColdLead() {
        ReadinessAssessment names = ready(namesOnlyAsk("A-1", 100));
        ReadinessAssessment introduction = ready(ask("A-1", 100));

        assertThat(names.warnings(WarningType.BARE_CONTACT_ASK)).singleElement()
                .satisfies(w -> assertThat(w.reason().rule()).isEqualTo("Asking for names only gives a cold lead"));
        assertThat(introduction.hasWarning(WarningType.BARE_CONTACT_ASK)).isFalse();
    }

    @Test
    void asksOlderThanTheLookBackRaiseNoWarnings() {
        ReadinessAssessment a = ready(namesOnlyAsk("A-1", 366));

        assertThat(a.warnings()).isEmpty();
    }
}
