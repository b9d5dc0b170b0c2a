package io.referralrules.scenarios;

import io.referralrules.api.ActionType;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Stage;
import io.referralrules.engine.Playbook;
import io.referralrules.testkit.RuleTestKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.referralrules.scenarios.Facts.*;

/**
 * The two bundled playbooks disagree on timing, and the answer says which one ran. This is the comparison the README
 * documents.
 */
@DisplayName("The same customer under each playbook")
class PlaybookComparisonTest {
    static final RuleTestKit EARNED_TRUST = RuleTestKit.of(Playbook.EARNED_TRUST);
    static final RuleTestKit MOMENTUM = RuleTestKit.of(Playbook.POST_SALE_MOMENTUM);

    @Test
    void aFreshConfirmedSaleCallsForPositioningUnderEarnedTrustAndForTheAskUnderPostSaleMomentum() {
        CustomerSnapshot snapshot = customer(freshSaleConfirmed());

        EARNED_TRUST.assess(snapshot, TODAY)
                .ranPlaybook("earned-trust")
                .hasStage(Stage.POSITIONING)
                .hasAction(ActionType.HOLD_POSITIONING_CONVERSATION)
                .hasNoAction(ActionType.ASK_FOR_INTRODUCTION);
        MOMENTUM.assess(snapshot, TODAY)
                .ranPlaybook("post-sale-momentum")
                .hasStage(Stage.READY_TO_ASK)
                .hasAction(ActionType.ASK_FOR_INTRODUCTION)
                .hasNoAction(ActionType.HOLD_POSITIONING_CONVERSATION);
    }

    @Test
    void aLongStandingTrustedCustomerIsReadyUnderEarnedTrustButThePostSaleMomentIsGone() {
        CustomerSnapshot snapshot = customer(readyToAsk());

        EARNED_TRUST.assess(snapshot, TODAY).hasStage(Stage.READY_TO_ASK).hasTrustEarned();
        MOMENTUM.assess(snapshot, TODAY).hasStage(Stage.EARNING_TRUST).hasTrustEarned()
                .hasStageDecidedBy("The momentum of the latest sale has passed");
    }

    @Test
    void bothPlaybooksNeverAskWithoutASale() {
        EARNED_TRUST.assess(customer(), TODAY).hasStage(Stage.NO_RELATIONSHIP).hasNoActions();
        MOMENTUM.assess(customer(), TODAY).hasStage(Stage.NO_RELATIONSHIP).hasNoActions();
    }
}
