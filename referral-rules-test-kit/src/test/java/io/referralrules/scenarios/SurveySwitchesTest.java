package io.referralrules.scenarios;

import io.referralrules.api.ActionType;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.api.SurveyReading;
import io.referralrules.api.facts.Fact;
import io.referralrules.api.facts.SurveyScore;
import io.referralrules.api.facts.SurveyType;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.testkit.RuleTestKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step 4 with the policy's survey switches: a tenant may count CSAT and CES scores as NPS scores are counted. With a
 * switch on, a satisfied CSAT (4-5) or an easy CES (5-7) is a green light, a dissatisfied CSAT (1-2) or a hard CES (1-3)
 * raises a complaint that stays open until a later green light, in the windows NPS scores use; a CSAT of 3 and a CES
 * of 4 are neutral. With a switch off (the default), those scores change nothing.
 */
@DisplayName("Step 4 with the survey switches: CSAT and CES as green lights and complaint signals")
class SurveySwitchesTest {
    private static final ReadinessPolicy OFF = Playbook.EARNED_TRUST.defaults();
    private static final ReadinessPolicy ON = OFF.toBuilder().csatFeedback(true).cesFeedback(true).build();
    private static final ReferralReadinessEngine SWITCHED_OFF = RuleTestKit.of(Playbook.EARNED_TRUST).engine();
    private static final ReferralReadinessEngine SWITCHED_ON = RuleTestKit.of(Playbook.EARNED_TRUST).withPolicy(ON).engine();

    private static SurveyScore csat(String id, int daysAgo, int score) {
        return new SurveyScore(id, daysAgo(daysAgo), SurveyType.CSAT, score);
    }

    private static SurveyScore ces(String id, int daysAgo, int score) {
        return new SurveyScore(id, daysAgo(daysAgo), SurveyType.CES, score);
    }

    /** Trust earned, one green-light answer 20 days ago (one short of confirming), and {@code more}. */
    private static CustomerSnapshot oneGreenLightShort(Fact... more) {
        return customer(join(trustEarned(), List.of(greenLight("FA-1", 20)), List.of(more)));
    }

    /** Trust earned and {@code more}. */
    private static CustomerSnapshot trustedWith(Fact... more) {
        return customer(join(trustEarned(), List.of(more)));
    }

    private static ReadinessAssessment on(CustomerSnapshot snapshot) {
        return SWITCHED_ON.assess(snapshot, TODAY);
    }

    private static ReadinessAssessment off(CustomerSnapshot snapshot) {
        return SWITCHED_OFF.assess(snapshot, TODAY);
    }

    @Nested
    @DisplayName("CSAT")
    class Csat {
        @Test
        void aCsatOfFourIsAGreenLightThreeIsNot() {
            ReadinessAssessment four = on(oneGreenLightShort(csat("CS-1", 10, 4)));
            ReadinessAssessment three = on(oneGreenLightShort(csat("CS-1", 10, 3)));

            assertThat(four.stage()).isEqualTo(Stage.READY_TO_ASK);
            assertThat(four.stageReason().evidence()).containsExactly("CS-1", "FA-1");
            assertThat(four.firedRules()).contains("A satisfied CSAT score is a green light");
            assertThat(three.stage()).isEqualTo(Stage.CONFIRMING);
            assertThat(three.stageReason().message()).contains("1 of 2 green lights");
            assertThat(three.firedRules()).doesNotContain("A satisfied CSAT score is a green light",
                    "A dissatisfied CSAT score raises a complaint");
        }

        @Test
        void aCsatOfTwoRaisesAComplaintThreeDoesNot() {
            ReadinessAssessment two = on(trustedWith(csat("CS-1", 10, 2)));
            ReadinessAssessment three = on(trustedWith(csat("CS-1", 10, 3)));

            assertThat(two.stage()).isEqualTo(Stage.BLOCKED);
            assertThat(two.stageReason().rule()).isEqualTo("An open complaint blocks the ask until it is resolved");
            assertThat(two.stageReason().evidence()).containsExactly("CS-1");
            assertThat(two.firedRules()).contains("A dissatisfied CSAT score raises a complaint",
                    "A raised complaint stays open until a green light follows");
            assertThat(two.action(ActionType.RESOLVE_COMPLAINT))
                    .hasValueSatisfying(x -> assertThat(x.subjectId()).isEqualTo("CS-1"));
            assertThat(three.stage()).isEqualTo(Stage.CONFIRMING);
        }

        @Test
        void withTheSwitchOffNoCsatScoreCounts() {
            ReadinessAssessment five = off(oneGreenLightShort(csat("CS-1", 10, 5)));
            ReadinessAssessment one = off(trustedWith(csat("CS-1", 10, 1)));

            assertThat(five.stage()).isEqualTo(Stage.CONFIRMING);
            assertThat(five.stageReason().message()).contains("1 of 2 green lights");
            assertThat(one.stage()).isEqualTo(Stage.CONFIRMING);
            assertThat(five.firedRules()).doesNotContain("A satisfied CSAT score is a green light");
            assertThat(one.firedRules()).doesNotContain("A dissatisfied CSAT score raises a complaint");
        }

        @Test
        void aCsatComplaintStaysOpenUntilALaterGreenLightSettlesIt() {
            ReadinessAssessment open = on(trustedWith(csat("CS-1", 60, 1), greenLight("FA-0", 61)));
            ReadinessAssessment settled = on(trustedWith(csat("CS-1", 60, 1), csat("CS-2", 50, 5), greenLight("FA-3", 10)));

            assertThat(open.stage()).isEqualTo(Stage.BLOCKED);
            assertThat(open.stageReason().rule()).isEqualTo("An open complaint blocks the ask until it is resolved");
            assertThat(settled.firedRules()).contains("A dissatisfied CSAT score raises a complaint",
                    "A satisfied CSAT score is a green light", "A raised complaint is settled by the next green light");
            assertThat(settled.stage()).isEqualTo(Stage.READY_TO_ASK);
            assertThat(settled.stageReason().evidence()).containsExactly("CS-2", "FA-3");
        }

        @Test
        void aCsatGreenLightSettlingAComplaintStartsTheVeto() {
            ReadinessAssessment a = on(trustedWith(complaintAnswer("FA-1", 50), csat("CS-2", 20, 4), greenLight("FA-3", 10)));

            assertThat(a.stage()).isEqualTo(Stage.BLOCKED);
            assertThat(a.stageReason().rule()).isEqualTo("A resolved complaint vetoes the ask for a while");
            assertThat(a.stageReason().evidence()).containsExactly("CS-2", "FA-1");
        }

        @Test
        void aSatisfiedCsatNinetyDaysAgoStillConfirmsNinetyOneDoesNot() {
            ReadinessAssessment day90 = on(oneGreenLightShort(csat("CS-1", 90, 5)));
            ReadinessAssessment day91 = on(oneGreenLightShort(csat("CS-1", 91, 5)));

            assertThat(day90.stage()).isEqualTo(Stage.READY_TO_ASK);
            assertThat(day91.stage()).isEqualTo(Stage.CONFIRMING);
        }

        @Test
        void aDissatisfiedCsatBlocksWhileInTheLookBackOfThreeHundredSixtyFiveDays() {
            ReadinessAssessment day365 = on(trustedWith(csat("CS-1", 365, 2)));
            ReadinessAssessment day366 = on(trustedWith(csat("CS-1", 366, 2)));

            assertThat(day365.stage()).isEqualTo(Stage.BLOCKED);
            assertThat(day365.revisitOn()).isEqualTo(daysAgo(-1));
            assertThat(day366.stage()).isEqualTo(Stage.CONFIRMING);
        }

        @Test
        void aTenantsOwnReadingMovesTheCutOffs() {
            ReferralReadinessEngine strict = RuleTestKit.of(Playbook.EARNED_TRUST)
                    .withPolicy(OFF.toBuilder().csatFeedback(new SurveyReading(5, 3)).build()).engine();

            assertThat(strict.assess(oneGreenLightShort(csat("CS-1", 10, 4)), TODAY).stage()).isEqualTo(Stage.CONFIRMING);
            assertThat(strict.assess(oneGreenLightShort(csat("CS-1", 10, 5)), TODAY).stage()).isEqualTo(Stage.READY_TO_ASK);
            assertThat(strict.assess(trustedWith(csat("CS-1", 10, 3)), TODAY).stage()).isEqualTo(Stage.BLOCKED);
        }
    }

    @Nested
    @DisplayName("CES")
    class Ces {
        @Test
        void aCesOfFiveIsAGreenLightFourIsNot() {
            ReadinessAssessment five = on(oneGreenLightShort(ces("CE-1", 10, 5)));
            ReadinessAssessment four = on(oneGreenLightShort(ces("CE-1", 10, 4)));

            assertThat(five.stage()).isEqualTo(Stage.READY_TO_ASK);
            assertThat(five.firedRules()).contains("An easy CES score is a green light");
            assertThat(four.stage()).isEqualTo(Stage.CONFIRMING);
            assertThat(four.firedRules()).doesNotContain("An easy CES score is a green light",
                    "A hard CES score raises a complaint");
        }

        @Test
        void aCesOfThreeRaisesAComplaintFourDoesNot() {
            ReadinessAssessment three = on(trustedWith(ces("CE-1", 10, 3)));
            ReadinessAssessment four = on(trustedWith(ces("CE-1", 10, 4)));

            assertThat(three.stage()).isEqualTo(Stage.BLOCKED);
            assertThat(three.stageReason().evidence()).containsExactly("CE-1");
            assertThat(three.firedRules()).contains("A hard CES score raises a complaint");
            assertThat(four.stage()).isEqualTo(Stage.CONFIRMING);
        }

        @Test
        void withTheSwitchOffNoCesScoreCounts() {
            ReadinessAssessment seven = off(oneGreenLightShort(ces("CE-1", 10, 7)));
            ReadinessAssessment one = off(trustedWith(ces("CE-1", 10, 1)));

            assertThat(seven.stage()).isEqualTo(Stage.CONFIRMING);
            assertThat(one.stage()).isEqualTo(Stage.CONFIRMING);
            assertThat(seven.firedRules()).doesNotContain("An easy CES score is a green light");
            assertThat(one.firedRules()).doesNotContain("A hard CES score raises a complaint");
        }

        @Test
        void oneSwitchOnLeavesTheOtherScaleUncounted() {
            ReferralReadinessEngine csatOnly = RuleTestKit.of(Playbook.EARNED_TRUST)
                    .withPolicy(OFF.toBuilder().csatFeedback(true).build()).engine();

            assertThat(csatOnly.assess(trustedWith(ces("CE-1", 10, 1)), TODAY).stage()).isEqualTo(Stage.CONFIRMING);
            assertThat(csatOnly.assess(trustedWith(csat("CS-1", 10, 1)), TODAY).stage()).isEqualTo(Stage.BLOCKED);
        }
    }

    @Nested
    @DisplayName("post-sale momentum")
    class Momentum {
        @Test
        void anEasyCesOnOrAfterAFreshSaleConfirmsItWhenTheSwitchIsOn() {
            CustomerSnapshot fresh = customer(sale("S-9", 5), ces("CE-1", 2, 6));
            ReadinessPolicy momentum = Playbook.POST_SALE_MOMENTUM.defaults();

            ReadinessAssessment on = RuleTestKit.of(Playbook.POST_SALE_MOMENTUM)
                    .withPolicy(momentum.toBuilder().cesFeedback(true).build()).engine().assess(fresh, TODAY);
            ReadinessAssessment off = RuleTestKit.of(Playbook.POST_SALE_MOMENTUM).engine().assess(fresh, TODAY);

            assertThat(on.stage()).isEqualTo(Stage.READY_TO_ASK);
            assertThat(on.firedRules()).contains("An easy CES score is a green light");
            assertThat(off.stage()).isNotEqualTo(Stage.READY_TO_ASK);
        }
    }

    @Nested
    @DisplayName("both compilers")
    class BothCompilers {
        @Test
        void theRulesCompiledFromDrlDecideLikeThePrecompiledModelWithTheSwitchesOn() {
            ReferralReadinessEngine drl = ReferralRules.engine(Playbook.EARNED_TRUST.withHostRules("earned-trust", "drl",
                    DrlCompilationTest.NO_RULES), ON);
            List<CustomerSnapshot> customers = List.of(
                    oneGreenLightShort(csat("CS-1", 10, 4)), oneGreenLightShort(csat("CS-1", 10, 3)),
                    trustedWith(csat("CS-1", 10, 2)), trustedWith(ces("CE-1", 10, 3)), oneGreenLightShort(ces("CE-1", 10, 5)),
                    trustedWith(csat("CS-1", 60, 1), csat("CS-2", 50, 5), greenLight("FA-3", 10)),
                    trustedWith(complaintAnswer("FA-1", 50), ces("CE-2", 20, 7), greenLight("FA-3", 10)));

            // (not the revisit day: with rules of the host, even empty ones, it is always the next day)
            for (CustomerSnapshot customer : customers) {
                ReadinessAssessment fromDrl = drl.assess(customer, TODAY);
                ReadinessAssessment fromModel = on(customer);
                String what = customer.surveyScores().toString();
                assertThat(fromDrl.sameAnswer(fromModel)).as(what).isTrue();
                assertThat(fromDrl.firedRules()).as(what).containsExactlyInAnyOrderElementsOf(fromModel.firedRules());
            }
        }
    }

    @Nested
    @DisplayName("the revisit day")
    class Revisit {
        @Test
        void aDissatisfiedCsatDatedTomorrowIsTheRevisitDayOnlyWhenTheSwitchIsOn() {
            CustomerSnapshot ready = customer(join(readyToAsk(), List.of(csat("CS-1", -1, 1))));

            ReadinessAssessment switchedOn = on(ready);
            ReadinessAssessment switchedOff = off(ready);

            assertThat(switchedOn.stage()).isEqualTo(Stage.READY_TO_ASK);
            assertThat(switchedOn.revisitOn()).isEqualTo(daysAgo(-1));
            assertThat(SWITCHED_ON.assess(ready, daysAgo(-1)).stage()).isEqualTo(Stage.BLOCKED);
            assertThat(switchedOff.revisitOn()).isNotEqualTo(daysAgo(-1));
            assertThat(SWITCHED_OFF.assess(ready, daysAgo(-1)).stage()).isEqualTo(Stage.READY_TO_ASK);
        }

        @Test
        void aSatisfiedCsatLeavingTheFeedbackWindowIsTheRevisitDay() {
            ReadinessAssessment a = on(oneGreenLightShort(csat("CS-1", 85, 5)));

            assertThat(a.stage()).isEqualTo(Stage.READY_TO_ASK);
            assertThat(a.revisitOn()).isEqualTo(daysAgo(85 - 91));
            assertThat(SWITCHED_ON.assess(oneGreenLightShort(csat("CS-1", 85, 5)), daysAgo(85 - 91)).stage())
                    .isEqualTo(Stage.CONFIRMING);
        }
    }
}
