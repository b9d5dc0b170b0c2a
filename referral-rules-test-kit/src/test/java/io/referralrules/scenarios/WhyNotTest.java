package io.referralrules.scenarios;

import io.referralrules.api.ObstacleKind;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Why not: what stands between the customer and the ask, and what would satisfy it")
class WhyNotTest extends RuleTestSupport {

    @Test
    void eachUnmetTrustBuilderIsListedWithWhatWasMeasuredAndWhatIsNeeded() {
        ReadinessAssessment a = assess(customer(sale("S-1", 100), positioning("PC-1", 99), service("SI-1", 50, 3), service("SI-2", 40, 4),
                proactive("PA-1", 30)));

        assertThat(a.whyNot(ObstacleKind.TRUST_BUILDER)).extracting(o -> o.subject())
                .containsExactlyInAnyOrder("SERVICE_QUALITY", "EXTRA_VALUE", "RECIPROCITY", "RELATIONSHIP");
        assertThat(a.whyNot(ObstacleKind.TRUST_BUILDER)).filteredOn(o -> o.subject().equals("SERVICE_QUALITY")).singleElement()
                .satisfies(o -> {
                    assertThat(o.measured()).isEqualTo("2 service interactions in the 365 days up to 2026-06-15, average rating 3.50,"
                            + " nothing unsettled");
                    assertThat(o.needed()).isEqualTo("2 service interactions, average rating 4.0, nothing unsettled, mandatory");
                    assertThat(o.remedy()).startsWith("Raise service quality");
                    assertThat(o.clearsOn()).isNull();
                    assertThat(o.reason().rule()).isEqualTo("Keep earning trust while builders are missing");
                    assertThat(o.reason().file()).isEqualTo("io/referralrules/rules/earnedtrust/earning-trust.drl");
                    assertThat(o.reason().evidence()).containsExactly("SI-1", "SI-2");
                });
        assertThat(a.whyNot(ObstacleKind.TRUST_BUILDER)).filteredOn(o -> o.subject().equals("RECIPROCITY")).singleElement()
                .satisfies(o -> {
                    assertThat(o.measured()).isEqualTo("0 referrals given to the customer in the 365 days up to 2026-06-15");
                    assertThat(o.needed()).isEqualTo("1 referrals given to the customer, mandatory");
                    assertThat(o.remedy()).isEqualTo("Give this customer a referral: send a business lead their way.");
                });
        assertThat(a.whyNot(ObstacleKind.TRUST_BUILDER)).filteredOn(o -> o.subject().equals("EXTRA_VALUE")).singleElement()
                .satisfies(o -> assertThat(o.needed()).isEqualTo("1 extra-value deliveries"));
        assertThat(a.earliestAsk().day()).isEmpty();
        assertThat(a.earliestAsk().explanation()).startsWith("Time alone will not do; needs new facts: ")
                .contains("TRUST_BUILDER RECIPROCITY: Give this customer a referral");
    }

    @Test
    void trustEarnedButUnconfirmedListsTheGreenLightsAndTheMissingTestimonial() {
        ReadinessAssessment a = assess(customer(join(trustEarned(), List.of(greenLight("FA-1", 100)))));

        assertThat(a.stage()).isEqualTo(Stage.CONFIRMING);
        assertThat(a.whyNot()).extracting(o -> o.kind()).containsExactly(ObstacleKind.GREEN_LIGHTS, ObstacleKind.TESTIMONIAL);
        assertThat(a.whyNot(ObstacleKind.GREEN_LIGHTS).get(0).measured()).isEqualTo("0 green lights in the last 90 days since any complaint");
        assertThat(a.whyNot(ObstacleKind.GREEN_LIGHTS).get(0).needed()).isEqualTo("2 green lights");
        assertThat(a.whyNot(ObstacleKind.TESTIMONIAL).get(0).measured()).isEqualTo("no feedback conversation in the last 90 days");
    }

    @Test
    void anOpenComplaintIsListedAndNeedsResolving() {
        ReadinessAssessment a = assess(customer(join(readyToAsk(), List.of(complaint("CP-1", 4, null)))));

        assertThat(a.whyNot(ObstacleKind.OPEN_COMPLAINT)).singleElement().satisfies(o -> {
            assertThat(o.subject()).isEqualTo("CP-1");
            assertThat(o.measured()).isEqualTo("complaint CP-1 open since 2026-06-11");
            assertThat(o.clearsOn()).isNull();
            assertThat(o.reason().evidence()).containsExactly("CP-1");
        });
    }

    @Test
    void aComplaintVetoIsListedWithTheDayItEnds() {
        ReadinessAssessment a = assess(customer(join(readyToAsk(), List.of(complaint("CP-1", 25, 22)))));

        assertThat(a.stage()).isEqualTo(Stage.BLOCKED);
        assertThat(a.whyNot()).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(ObstacleKind.COMPLAINT_VETO);
            assertThat(o.measured()).isEqualTo("complaint CP-1 settled on 2026-05-24");
            assertThat(o.remedy()).isEqualTo("wait for the veto to end on 2026-06-23");
            assertThat(o.clearsOn()).isEqualTo(day("2026-06-24"));
        });
    }

    @Test
    void aCoolDownIsListedWithTheEarlierAsk() {
        ReadinessAssessment a = assess(customer(join(readyToAsk(), List.of(ask("A-1", 60)))));

        assertThat(a.whyNot()).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(ObstacleKind.COOL_DOWN);
            assertThat(o.subject()).isEqualTo("A-1");
            assertThat(o.measured()).isEqualTo("earlier ask A-1 on 2026-04-16");
            assertThat(o.needed()).isEqualTo("90 days since the last ask");
            assertThat(o.clearsOn()).isEqualTo(day("2026-07-16"));
        });
    }

    @Test
    void aReferralInProgressListsTheConfirmationAndTheFollowUpsOwed() {
        ReadinessAssessment a = assess(customer(join(readyToAsk(), List.of(ask("A-1", 30), introduction("I-1", 28, "A-1", null, null)))));

        assertThat(a.whyNot()).extracting(o -> o.kind() + " " + o.subject()).containsExactly(
                "COOL_DOWN A-1", "AWAITING_INTRODUCTION I-1", "FOLLOW_UP_OWED I-1");
        assertThat(a.whyNot(ObstacleKind.AWAITING_INTRODUCTION).get(0).clearsOn()).isNull();
    }

    @Test
    void aHostVetoIsListedUnderTheHostRulesName() {
        ReadinessAssessment a = HostRulesTest.EARNED_TRUST.assessment(customerWith(Map.of("legalHold", "yes"), readyToAsk()), TODAY);

        assertThat(a.whyNot()).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(ObstacleKind.HOST_VETO);
            assertThat(o.reason().rule()).isEqualTo("Customers on a legal hold are never asked");
            assertThat(o.clearsOn()).isNull();
        });
    }

    @Test
    void noSaleMeansASaleIsNeeded() {
        assertThat(assess(customer()).whyNot()).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(ObstacleKind.NO_SALE);
            assertThat(o.remedy()).isEqualTo("close a sale first");
        });
    }

    @Test
    void aReadyCustomerHasNothingInTheWay() {
        ReadinessAssessment a = assess(customer(readyToAsk()));

        assertThat(a.whyNot()).isEmpty();
        assertThat(a.earliestAsk().date()).isEqualTo(TODAY);
    }

    @Test
    void underPostSaleMomentumTheMissingConfirmationAndTheLostMomentumAreListed() {
        assertThat(PostSaleMomentumRulesTest.MOMENTUM.assessment(customer(sale("S-1", 5)), TODAY).whyNot())
                .extracting(o -> o.kind()).containsExactly(ObstacleKind.SOLUTION_NOT_CONFIRMED);
        assertThat(PostSaleMomentumRulesTest.MOMENTUM.assessment(customer(readyToAsk()), TODAY).whyNot())
                .extracting(o -> o.kind()).containsExactly(ObstacleKind.MOMENTUM_PASSED);
    }

    @Test
    void trustBuildersDoNotStandInTheWayUnderPostSaleMomentum() {
        assertThat(PostSaleMomentumRulesTest.MOMENTUM.assessment(customer(sale("S-1", 5)), TODAY).whyNot(ObstacleKind.TRUST_BUILDER))
                .isEmpty();
    }

    private static java.time.LocalDate day(String iso) {
        return java.time.LocalDate.parse(iso);
    }
}
