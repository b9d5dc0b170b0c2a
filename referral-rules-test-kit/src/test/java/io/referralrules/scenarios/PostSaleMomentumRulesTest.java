package io.referralrules.scenarios;

import io.referralrules.api.ActionType;
import io.referralrules.api.ProspectCircle;
import io.referralrules.api.Stage;
import io.referralrules.api.WarningType;
import io.referralrules.engine.Playbook;
import io.referralrules.testkit.AssessmentAssert;
import io.referralrules.testkit.RuleTestKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.referralrules.api.CustomerSnapshot;

import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Post-sale momentum: ask soon after a sale the customer confirmed works")
class PostSaleMomentumRulesTest {
    static final RuleTestKit MOMENTUM = RuleTestKit.of(Playbook.POST_SALE_MOMENTUM);

    private static AssessmentAssert then(CustomerSnapshot snapshot) {
        return MOMENTUM.assess(snapshot, TODAY);
    }

    @Test
    void theDefaultsAskForOneConfirmationWithinThirtyDaysOfTheSale() {
        assertThat(Playbook.POST_SALE_MOMENTUM.defaults().greenLightsRequired()).isEqualTo(1);
        assertThat(Playbook.POST_SALE_MOMENTUM.defaults().momentumWindowDays()).isEqualTo(30);
        assertThat(Playbook.POST_SALE_MOMENTUM.defaults().toBuilder().greenLightsRequired(2).momentumWindowDays(30).build())
                .isEqualTo(Playbook.EARNED_TRUST.defaults());
    }

    @Test
    void aFreshSaleTheCustomerConfirmedWorksIsTheMomentToAsk() {
        then(customer(freshSaleConfirmed()))
                .ranPlaybook("post-sale-momentum")
                .hasStage(Stage.READY_TO_ASK)
                .hasStageDecidedBy("Ask while the sale is fresh and the customer confirmed it works")
                .fired("A green light since the latest sale confirms the solution works",
                        "Ask the customer to picture who has the problem we just solved")
                .didNotFire("Hold a positioning conversation after a fresh sale", "Keep earning trust while builders are missing")
                .hasTrustNotEarned()
                .hasNoWarnings()
                .hasActionSatisfying(ActionType.ASK_FOR_INTRODUCTION, ask -> {
                    assertThat(ask.talkTrack()).isEqualTo("post-sale-momentum.describe-ideal-prospect");
                    assertThat(ask.subjectId()).isEqualTo("S-9");
                    assertThat(ask.dueDate()).isEqualTo(TODAY);
                    assertThat(ask.reason().evidence()).containsExactly("S-9");
                })
                .hasProspectCircles(ProspectCircle.PEERS_AND_COMPETITORS, ProspectCircle.OWN_CUSTOMERS,
                        ProspectCircle.VENDORS, ProspectCircle.OTHER_DEPARTMENTS);
    }

    @Test
    void theReadyReasonCitesTheSaleAndTheConfirmation() {
        var a = MOMENTUM.assessment(customer(freshSaleConfirmed()), TODAY);

        assertThat(a.stageReason().evidence()).containsExactly("FA-9", "S-9");
        assertThat(a.stageReason().message()).contains("Sale S-9 closed on " + daysAgo(5)).contains("(FA-9)");
    }

    @Test
    void aSaleThirtyDaysAgoStillHasMomentum() {
        then(customer(sale("S-1", 30), greenLight("FA-1", 1))).hasStage(Stage.READY_TO_ASK);
    }

    @Test
    void aSaleThirtyOneDaysAgoHasLostItsMomentum() {
        then(customer(sale("S-1", 31), greenLight("FA-1", 1)))
                .hasStage(Stage.EARNING_TRUST)
                .hasStageDecidedBy("The momentum of the latest sale has passed")
                .didNotFire("A green light since the latest sale confirms the solution works")
                .hasNoAction(ActionType.ASK_FOR_INTRODUCTION);
    }

    @Test
    void aGreenLightOnTheDayOfTheSaleCountsOneTheDayBeforeDoesNot() {
        then(customer(sale("S-1", 5), greenLight("FA-1", 5))).hasStage(Stage.READY_TO_ASK);
        then(customer(sale("S-1", 5), greenLight("FA-1", 6))).hasStage(Stage.CONFIRMING);
    }

    @Test
    void aPromoterScoreAfterTheSaleConfirmsItAPassiveScoreDoesNot() {
        then(customer(sale("S-1", 5), nps("NPS-1", 2, 9))).hasStage(Stage.READY_TO_ASK);
        then(customer(sale("S-1", 5), nps("NPS-1", 2, 8))).hasStage(Stage.CONFIRMING);
    }

    @Test
    void withoutAConfirmationTheRepChecksTheSaleSolvedTheProblem() {
        then(customer(sale("S-1", 5)))
                .hasStage(Stage.CONFIRMING)
                .hasStageDecidedBy("Check the solution works before asking")
                .fired("Ask the customer whether the sale solved their problem")
                .hasActionSatisfying(ActionType.REQUEST_TESTIMONIAL, check -> {
                    assertThat(check.subjectId()).isEqualTo("S-1");
                    assertThat(check.dueDate()).isEqualTo(TODAY);
                })
                .hasNoAction(ActionType.ASK_FOR_INTRODUCTION)
                .hasNoAction(ActionType.HOLD_POSITIONING_CONVERSATION);
    }

    @Test
    void onlyTheLatestSaleCounts() {
        then(customer(sale("S-1", 20), greenLight("FA-1", 15), sale("S-2", 3)))
                .hasStage(Stage.CONFIRMING)
                .hasActionSatisfying(ActionType.REQUEST_TESTIMONIAL, check -> assertThat(check.subjectId()).isEqualTo("S-2"));
    }

    @Test
    void aPolicyCanAskForMoreConfirmations() {
        RuleTestKit twoConfirmations = MOMENTUM.withPolicy(Playbook.POST_SALE_MOMENTUM.defaults().toBuilder()
                .greenLightsRequired(2).build());

        twoConfirmations.assess(customer(sale("S-1", 5), greenLight("FA-1", 3)), TODAY).hasStage(Stage.CONFIRMING);
        twoConfirmations.assess(customer(sale("S-1", 5), greenLight("FA-1", 3), nps("NPS-1", 1, 10)), TODAY)
                .hasStage(Stage.READY_TO_ASK);
    }

    @Test
    void anOpenComplaintBlocksTheAskAndTheCheck() {
        then(customer(sale("S-1", 5), greenLight("FA-1", 4), complaint("CP-1", 2, null)))
                .hasStage(Stage.BLOCKED)
                .hasAction(ActionType.RESOLVE_COMPLAINT)
                .hasNoAction(ActionType.ASK_FOR_INTRODUCTION)
                .hasNoAction(ActionType.REQUEST_TESTIMONIAL);
    }

    @Test
    void aComplaintAfterTheConfirmationUndoesItOnceTheVetoIsOver() {
        RuleTestKit shortVeto = MOMENTUM.withPolicy(Playbook.POST_SALE_MOMENTUM.defaults().toBuilder()
                .complaintVetoDays(10).build());
        CustomerSnapshot snapshot = customer(sale("S-1", 20), greenLight("FA-1", 18), complaint("CP-1", 15, 14));

        then(snapshot).hasStage(Stage.BLOCKED).hasStageDecidedBy("A resolved complaint vetoes the ask for a while");
        shortVeto.assess(snapshot, TODAY).hasStage(Stage.CONFIRMING)
                .didNotFire("A green light since the latest sale confirms the solution works");
    }

    @Test
    void aQuickAskAfterTheConfirmationIsNotPremature() {
        CustomerSnapshot quick = customer(sale("S-1", 5), greenLight("FA-1", 4), ask("A-1", 3));

        then(quick).hasNoWarning(WarningType.PREMATURE_ASK).hasStage(Stage.AWAITING_INTRODUCTION);
        RuleTestSupport.then(quick).hasWarningAbout(WarningType.PREMATURE_ASK, "A-1");
    }

    @Test
    void anAskBeforeTheCustomerConfirmedTheSaleWorksIsPremature() {
        var a = MOMENTUM.assessment(customer(sale("S-1", 5), ask("A-1", 4), greenLight("FA-1", 2)), TODAY);

        AssessmentAssert.assertThat(a)
                .hasWarningAbout(WarningType.PREMATURE_ASK, "A-1")
                .fired("Asking before the customer confirmed the sale works is premature");
        assertThat(a.warnings(WarningType.PREMATURE_ASK).get(0).reason().evidence()).containsExactly("A-1", "S-1");
    }

    @Test
    void anAskOnTheDayOfTheConfirmationIsNotPremature() {
        then(customer(sale("S-1", 5), greenLight("FA-1", 4), ask("A-1", 4))).hasNoWarning(WarningType.PREMATURE_ASK);
    }

    @Test
    void anAskBeforeAnySaleIsPrematureInThisPlaybookToo() {
        then(customer(ask("A-1", 10), sale("S-1", 5), greenLight("FA-1", 2)))
                .hasWarningAbout(WarningType.PREMATURE_ASK, "A-1")
                .fired("Asking before any sale is premature")
                .didNotFire("Asking before the customer confirmed the sale works is premature");
    }

    @Test
    void chasingAPrematureAskIsPushyHereToo() {
        then(customer(sale("S-1", 20), ask("A-1", 15), ask("A-2", 10)))
                .hasWarningAbout(WarningType.PUSHY_CHASE, "A-2")
                .hasWarningAbout(WarningType.ASK_FATIGUE, "A-2");
    }

    @Test
    void theFollowUpDutiesStillApply() {
        then(customer(sale("S-1", 10), greenLight("FA-1", 9), ask("A-1", 8), introduction("I-1", 6, "A-1", 5, null)))
                .hasStage(Stage.FOLLOWING_UP)
                .hasActionDue(ActionType.THANK_REFERRER, daysAgo(5))
                .hasWarningAbout(WarningType.FOLLOW_UP_OVERDUE, "I-1");
    }
}
