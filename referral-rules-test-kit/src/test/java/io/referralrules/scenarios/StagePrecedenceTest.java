package io.referralrules.scenarios;

import io.referralrules.api.ActionType;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.referralrules.scenarios.Facts.*;
import static io.referralrules.testkit.AssessmentAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Exactly one stage, by the documented precedence")
class StagePrecedenceTest extends RuleTestSupport {

    @Test
    void followingUpOutranksAwaitingTheIntroductionAndAComplaint() {
        ReadinessAssessment a = ready(complaint("CP-1", 3, null), ask("A-1", 5), introduction("I-1", 4, "A-1", null, null));

        // the other steps' actions are still listed
        assertThat(a).hasStage(Stage.FOLLOWING_UP)
                .hasAction(ActionType.THANK_REFERRER)
                .hasAction(ActionType.CONFIRM_INTRODUCTION)
                .hasAction(ActionType.RESOLVE_COMPLAINT);
        assertThat(a.reasons()).extracting(r -> r.rule()).contains(
                "An agreed introduction waits for the customer's confirmation",
                "An open complaint blocks the ask until it is resolved",
                "Cool down after an ask");
    }

    @Test
    void awaitingTheIntroductionOutranksAComplaint() {
        assertThat(ready(complaint("CP-1", 3, null), ask("A-1", 5))).hasStage(Stage.AWAITING_INTRODUCTION);
    }

    @Test
    void aComplaintOutranksTheCoolDownAndAFreshSale() {
        assertThat(ready(complaint("CP-1", 3, null), namesOnlyAsk("A-1", 20), sale("S-9", 2)))
                .hasStage(Stage.BLOCKED)
                .hasAction(ActionType.HOLD_POSITIONING_CONVERSATION);
    }

    @Test
    void theCoolDownOutranksAFreshSale() {
        assertThat(ready(namesOnlyAsk("A-1", 20), sale("S-9", 2))).hasStage(Stage.COOLING_DOWN);
    }

    @Test
    void aComplaintOutranksEarningTrust() {
        then(customer(sale("S-1", 100), positioning("PC-1", 99), nps("NPS-1", 5, 2))).hasStage(Stage.BLOCKED);
    }

    @Test
    void everyAssessmentHasExactlyOneStageDecision() {
        assertThat(ready(complaint("CP-1", 3, null), ask("A-1", 5), introduction("I-1", 4, "A-1", null, null), sale("S-9", 2)))
                .firedTimes("The stage with the highest precedence wins", 1);
    }
}
