package io.referralrules.scenarios;

import io.referralrules.api.ActionType;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Step 4: confirming the right was earned; complaints block")
class ConfirmingRulesTest extends RuleTestSupport {

    @Test
    void earnedTrustWithoutFeedbackCallsForATestimonial() {
        ReadinessAssessment a = trusted();

        assertThat(a.stage()).isEqualTo(Stage.CONFIRMING);
        assertThat(a.stageReason().rule()).isEqualTo("Confirm the earned trust before asking");
        assertThat(a.firedRules()).contains("Request a testimonial when no feedback conversation is recent");
        assertThat(a.action(ActionType.REQUEST_TESTIMONIAL)).hasValueSatisfying(x -> assertThat(x.dueDate()).isEqualTo(TODAY));
    }

    @Test
    void aFeedbackConversationNinetyDaysAgoIsRecentNinetyOneIsNot() {
        ReadinessAssessment day90 = trusted(neutral("FA-1", 90));
        ReadinessAssessment day91 = trusted(neutral("FA-1", 91));

        assertThat(day90.action(ActionType.REQUEST_TESTIMONIAL)).isEmpty();
        assertThat(day90.stage()).isEqualTo(Stage.CONFIRMING);
        assertThat(day91.action(ActionType.REQUEST_TESTIMONIAL)).isPresent();
    }

    @Test
    void twoGreenLightsMakeTheCustomerReadyOneDoesNot() {
        ReadinessAssessment one = trusted(greenLight("FA-1", 20));
        ReadinessAssessment two = trusted(greenLight("FA-1", 20), greenLight("FA-2", 20));

        assertThat(one.stage()).isEqualTo(Stage.CONFIRMING);
        assertThat(one.stageReason().message()).contains("1 of 2 green lights");
        assertThat(two.stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(two.stageReason().rule()).isEqualTo("Earned and confirmed trust makes the customer ready to ask");
        assertThat(two.stageReason().evidence()).containsExactly("FA-1", "FA-2");
        assertThat(two.firedRules()).contains("A green-light answer is a green light",
                "A recent green light given after the last complaint counts",
                "Enough green lights confirm the earned trust",
                "Ask for an introduction, not a name, when ready");
        assertThat(two.action(ActionType.ASK_FOR_INTRODUCTION)).hasValueSatisfying(x -> {
            assertThat(x.dueDate()).isEqualTo(TODAY);
            assertThat(x.reason().rule()).isEqualTo("Ask for an introduction, not a name, when ready");
        });
    }

    @Test
    void aPromoterScoreOfNineIsAGreenLightEightIsNot() {
        ReadinessAssessment nine = trusted(greenLight("FA-1", 20), nps("NPS-1", 10, 9));
        ReadinessAssessment eight = trusted(greenLight("FA-1", 20), nps("NPS-1", 10, 8));

        assertThat(nine.stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(nine.firedRules()).contains("A promoter score is a green light");
        assertThat(eight.stage()).isEqualTo(Stage.CONFIRMING);
        assertThat(eight.firedRules()).doesNotContain("A promoter score is a green light");
    }

    @Test
    void greenLightsOlderThanTheFeedbackWindowDoNotCount() {
        ReadinessAssessment day90 = trusted(greenLight("FA-1", 90), greenLight("FA-2", 90));
        ReadinessAssessment day91 = trusted(greenLight("FA-1", 91), greenLight("FA-2", 20));

        assertThat(day90.stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(day91.stage()).isEqualTo(Stage.CONFIRMING);
    }

    @Test
    void anOpenComplaintBlocksTheAskAndAsksToResolveIt() {
        ReadinessAssessment a = assess(customer(join(readyToAsk(), List.of(complaint("CP-1", 5, null)))));

        assertThat(a.stage()).isEqualTo(Stage.BLOCKED);
        assertThat(a.stageReason().rule()).isEqualTo("An open complaint blocks the ask until it is resolved");
        assertThat(a.stageReason().evidence()).containsExactly("CP-1");
        assertThat(a.firedRules()).contains("A recorded complaint is open until resolved");
        assertThat(a.action(ActionType.RESOLVE_COMPLAINT)).hasValueSatisfying(x -> assertThat(x.subjectId()).isEqualTo("CP-1"));
        assertThat(a.action(ActionType.ASK_FOR_INTRODUCTION)).isEmpty();
        assertThat(a.action(ActionType.REQUEST_TESTIMONIAL)).isEmpty();
    }

    @Test
    void theVetoLastsThirtyDaysAfterResolution() {
        ReadinessAssessment day30 = assess(customer(join(trustEarned(),
                List.of(complaint("CP-1", 60, 30), greenLight("FA-1", 25), greenLight("FA-2", 20)))));
        ReadinessAssessment day31 = assess(customer(join(trustEarned(),
                List.of(complaint("CP-1", 60, 31), greenLight("FA-1", 25), greenLight("FA-2", 20)))));

        assertThat(day30.stage()).isEqualTo(Stage.BLOCKED);
        assertThat(day30.stageReason().rule()).isEqualTo("A resolved complaint vetoes the ask for a while");
        assertThat(day30.stageReason().message()).contains("earliest ask is " + daysAgo(-1));
        assertThat(day30.action(ActionType.RESOLVE_COMPLAINT)).isEmpty();
        assertThat(day31.stage()).isEqualTo(Stage.READY_TO_ASK);
    }

    @Test
    void greenLightsGivenBeforeAComplaintNoLongerCount() {
        ReadinessAssessment a = assess(customer(join(trustEarned(),
                List.of(greenLight("FA-1", 80), greenLight("FA-2", 79), complaint("CP-1", 70, 60)))));

        assertThat(a.stage()).isEqualTo(Stage.CONFIRMING);
        assertThat(a.stageReason().message()).contains("0 of 2");
    }

    @Test
    void aComplaintAnswerBlocksUntilALaterGreenLightSettlesIt() {
        ReadinessAssessment open = trusted(complaintAnswer("FA-1", 50));
        ReadinessAssessment settled = trusted(complaintAnswer("FA-1", 50), greenLight("FA-2", 45), greenLight("FA-3", 10));

        assertThat(open.stage()).isEqualTo(Stage.BLOCKED);
        assertThat(open.firedRules()).contains("A complaint answer raises a complaint",
                "A raised complaint stays open until a green light follows");
        assertThat(settled.firedRules()).contains("A raised complaint is settled by the next green light");
        assertThat(settled.stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(settled.stageReason().evidence()).containsExactly("FA-2", "FA-3");
    }

    @Test
    void aGreenLightSettlingAComplaintStartsTheVeto() {
        ReadinessAssessment a = trusted(complaintAnswer("FA-1", 50), greenLight("FA-2", 20), greenLight("FA-3", 10));

        assertThat(a.stage()).isEqualTo(Stage.BLOCKED);
        assertThat(a.stageReason().evidence()).containsExactly("FA-1", "FA-2");
    }

    @Test
    void aDetractorScoreOfSixIsAComplaintSevenIsNot() {
        ReadinessAssessment six = trusted(nps("NPS-1", 10, 6));
        ReadinessAssessment seven = trusted(nps("NPS-1", 10, 7));

        assertThat(six.stage()).isEqualTo(Stage.BLOCKED);
        assertThat(six.firedRules()).contains("A detractor score raises a complaint");
        assertThat(six.action(ActionType.RESOLVE_COMPLAINT)).hasValueSatisfying(x -> assertThat(x.subjectId()).isEqualTo("NPS-1"));
        assertThat(seven.stage()).isEqualTo(Stage.CONFIRMING);
    }
}
