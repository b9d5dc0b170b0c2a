package io.referralrules.scenarios;

import io.referralrules.api.ActionType;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.Stage;
import io.referralrules.api.WarningType;
import io.referralrules.api.facts.Fact;
import io.referralrules.api.facts.FollowUpType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Steps 5-6: introductions and the three follow-ups")
class IntroductionAndFollowUpRulesTest extends RuleTestSupport {

    @Test
    void anAskWaitsSevenDaysForTheIntroduction() {
        ReadinessAssessment day7 = ready(ask("A-1", 7));
        ReadinessAssessment day8 = ready(ask("A-1", 8));

        assertThat(day7.stage()).isEqualTo(Stage.AWAITING_INTRODUCTION);
        assertThat(day7.stageReason().rule()).isEqualTo("An ask waits for the customer's introduction");
        assertThat(day7.stageReason().evidence()).containsExactly("A-1");
        assertThat(day8.stage()).isEqualTo(Stage.COOLING_DOWN);
    }

    @Test
    void aNamesOnlyAskDoesNotWaitForAnIntroduction() {
        assertThat(ready(namesOnlyAsk("A-1", 2)).stage()).isEqualTo(Stage.COOLING_DOWN);
    }

    @Test
    void anUnconfirmedIntroductionGetsAReminderDueAfterSevenDays() {
        List<Fact> thanked = List.of(ask("A-1", 30), introduction("I-1", 7, "A-1", null, null),
                followUp("F-1", 6, "I-1", FollowUpType.THANK_REFERRER));
        ReadinessAssessment day7 = assess(customer(join(readyToAsk(), thanked)));
        ReadinessAssessment day8 = assess(customer(join(readyToAsk(), List.of(ask("A-1", 30),
                introduction("I-1", 8, "A-1", null, null), followUp("F-1", 7, "I-1", FollowUpType.THANK_REFERRER)))));

        assertThat(day7.stage()).isEqualTo(Stage.AWAITING_INTRODUCTION);
        assertThat(day7.stageReason().rule()).isEqualTo("An agreed introduction waits for the customer's confirmation");
        assertThat(day7.action(ActionType.CONFIRM_INTRODUCTION)).hasValueSatisfying(x -> {
            assertThat(x.dueDate()).isEqualTo(TODAY);
            assertThat(x.overdue()).isFalse();
            assertThat(x.subjectId()).isEqualTo("I-1");
        });
        assertThat(day8.action(ActionType.CONFIRM_INTRODUCTION).orElseThrow().overdueDays()).isEqualTo(1);
    }

    @Test
    void aConfirmedIntroductionNeedsNoReminder() {
        ReadinessAssessment a = ready(ask("A-1", 30), introduction("I-1", 20, "A-1", 18, null),
                followUp("F-1", 19, "I-1", FollowUpType.THANK_REFERRER));

        assertThat(a.action(ActionType.CONFIRM_INTRODUCTION)).isEmpty();
        assertThat(a.stage()).isEqualTo(Stage.COOLING_DOWN);
    }

    @Test
    void theReferrerIsThankedTheDayAfterTheIntroduction() {
        ReadinessAssessment due = ready(ask("A-1", 30), introduction("I-1", 1, "A-1", 1, null));
        ReadinessAssessment late = ready(ask("A-1", 30), introduction("I-1", 2, "A-1", 1, null));

        assertThat(due.stage()).isEqualTo(Stage.FOLLOWING_UP);
        assertThat(due.stageReason().rule()).isEqualTo("Follow up with the referrer while a duty is owed");
        assertThat(due.firedRules()).contains("Thank the referrer once the introduction is agreed");
        assertThat(due.action(ActionType.THANK_REFERRER)).hasValueSatisfying(x -> {
            assertThat(x.dueDate()).isEqualTo(TODAY);
            assertThat(x.overdue()).isFalse();
            assertThat(x.reason().evidence()).containsExactly("I-1");
        });
        assertThat(due.hasWarning(WarningType.FOLLOW_UP_OVERDUE)).isFalse();
        assertThat(late.action(ActionType.THANK_REFERRER).orElseThrow().overdueDays()).isEqualTo(1);
        assertThat(late.warnings(WarningType.FOLLOW_UP_OVERDUE)).singleElement()
                .satisfies(w -> {
                    assertThat(w.reason().rule()).isEqualTo("A follow-up past its due date is overdue");
                    assertThat(w.subjectId()).isEqualTo("I-1");
                    assertThat(w.date()).isEqualTo(daysAgo(1));
                });
    }

    @Test
    void aStatusReportIsDueThreeDaysAfterWeContactedTheProspect() {
        List<Fact> base = List.of(ask("A-1", 30), followUp("F-1", 19, "I-1", FollowUpType.THANK_REFERRER));
        ReadinessAssessment day3 = assess(customer(join(readyToAsk(), base, List.of(introduction("I-1", 20, "A-1", 18, 3)))));
        ReadinessAssessment day4 = assess(customer(join(readyToAsk(), base, List.of(introduction("I-1", 20, "A-1", 18, 4)))));

        assertThat(day3.stage()).isEqualTo(Stage.FOLLOWING_UP);
        assertThat(day3.firedRules()).contains("Report back to the referrer once we contacted the prospect");
        assertThat(day3.action(ActionType.SEND_STATUS_REPORT)).hasValueSatisfying(x -> {
            assertThat(x.dueDate()).isEqualTo(TODAY);
            assertThat(x.overdue()).isFalse();
        });
        assertThat(day4.action(ActionType.SEND_STATUS_REPORT).orElseThrow().overdueDays()).isEqualTo(1);
        assertThat(day4.hasWarning(WarningType.FOLLOW_UP_OVERDUE)).isTrue();
    }

    @Test
    void aThankYouGiftIsDueSevenDaysAfterTheReferredSale() {
        List<Fact> base = List.of(ask("A-1", 60), introduction("I-1", 50, "A-1", 48, 45),
                followUp("F-1", 49, "I-1", FollowUpType.THANK_REFERRER), followUp("F-2", 44, "I-1", FollowUpType.STATUS_REPORT));
        ReadinessAssessment day7 = assess(customer(join(readyToAsk(), base, List.of(referredSale("RS-1", 7, "I-1")))));
        ReadinessAssessment day8 = assess(customer(join(readyToAsk(), base, List.of(referredSale("RS-1", 8, "I-1")))));

        assertThat(day7.stage()).isEqualTo(Stage.FOLLOWING_UP);
        assertThat(day7.firedRules()).contains("Send the referrer a thank-you gift once the referral bought");
        assertThat(day7.action(ActionType.SEND_THANK_YOU_GIFT)).hasValueSatisfying(x -> {
            assertThat(x.dueDate()).isEqualTo(TODAY);
            assertThat(x.reason().evidence()).containsExactly("I-1", "RS-1");
        });
        assertThat(day7.hasWarning(WarningType.FOLLOW_UP_OVERDUE)).isFalse();
        assertThat(day8.hasWarning(WarningType.FOLLOW_UP_OVERDUE)).isTrue();
    }

    @Test
    void whenEveryFollowUpIsDoneTheCustomerCoolsDown() {
        ReadinessAssessment a = ready(ask("A-1", 60), introduction("I-1", 50, "A-1", 48, 45),
                followUp("F-1", 49, "I-1", FollowUpType.THANK_REFERRER), followUp("F-2", 44, "I-1", FollowUpType.STATUS_REPORT),
                referredSale("RS-1", 20, "I-1"), followUp("F-3", 15, "I-1", FollowUpType.THANK_YOU_GIFT));

        assertThat(a.stage()).isEqualTo(Stage.COOLING_DOWN);
        assertThat(a.actions()).isEmpty();
        assertThat(a.warnings()).isEmpty();
    }
}
