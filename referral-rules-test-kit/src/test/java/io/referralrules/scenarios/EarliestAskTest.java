package io.referralrules.scenarios;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.Stage;
import io.referralrules.testkit.RuleTestKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.referralrules.scenarios.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The earliest ask day at each time-bound condition and at their combination: re-assessing the same facts on that
 * day gives READY_TO_ASK, and the day before does not.
 */
@DisplayName("Earliest ask day: when time alone gets the customer there")
class EarliestAskTest extends RuleTestSupport {

    /** The earliest day is right: ready on it, not ready the day before. */
    private static LocalDate earliestCheckedOn(RuleTestKit kit, CustomerSnapshot snapshot) {
        ReadinessAssessment now = kit.assessment(snapshot, TODAY);
        LocalDate day = now.earliestAsk().day().orElseThrow(() -> new AssertionError("no earliest day: " + now.earliestAsk()));
        assertThat(kit.assessment(snapshot, day).stage()).as("stage on %s", day).isEqualTo(Stage.READY_TO_ASK);
        assertThat(kit.assessment(snapshot, day.minusDays(1)).stage()).as("stage on %s", day.minusDays(1))
                .isNotEqualTo(Stage.READY_TO_ASK);
        return day;
    }

    @Test
    void afterACoolDownTheDayAfterItEnds() {
        CustomerSnapshot snapshot = customer(join(readyToAsk(), List.of(ask("A-1", 60))));

        assertThat(earliestCheckedOn(EARNED_TRUST, snapshot)).isEqualTo(daysAgo(60).plusDays(91));
        assertThat(assess(snapshot).earliestAsk().explanation()).contains("COOL_DOWN A-1 clears on " + daysAgo(60).plusDays(91));
    }

    @Test
    void afterAComplaintVetoTheDayAfterItEnds() {
        CustomerSnapshot snapshot = customer(join(readyToAsk(), List.of(complaint("CP-1", 25, 22))));

        assertThat(earliestCheckedOn(EARNED_TRUST, snapshot)).isEqualTo(daysAgo(22).plusDays(31));
    }

    @Test
    void afterAFreshSaleTheDayItLeavesThePositioningWindow() {
        CustomerSnapshot snapshot = customer(join(readyToAsk(), List.of(sale("S-9", 2))));

        assertThat(assess(snapshot).stage()).isEqualTo(Stage.POSITIONING);
        assertThat(earliestCheckedOn(EARNED_TRUST, snapshot)).isEqualTo(daysAgo(2).plusDays(31));
    }

    @Test
    void whileAnAskWaitsForItsIntroductionTheCoolDownDecides() {
        // green lights given after the ask are still within the 90-day feedback window when the 90-day cool-down ends
        CustomerSnapshot snapshot = customer(join(trustEarned(), List.of(ask("A-1", 3), greenLight("FA-1", 2),
                nps("NPS-1", 1, 10))));

        assertThat(assess(snapshot).stage()).isEqualTo(Stage.AWAITING_INTRODUCTION);
        assertThat(earliestCheckedOn(EARNED_TRUST, snapshot)).isEqualTo(daysAgo(3).plusDays(91));
    }

    @Test
    void theWaitForAnIntroductionAloneEndsTheDayAfterTheWait() {
        // with no cool-down, only the wait for the customer's introduction stands in the way
        RuleTestKit noCoolDown = EARNED_TRUST.withPolicy(io.referralrules.api.ReadinessPolicy.defaults().toBuilder()
                .askCoolDownDays(0).build());
        CustomerSnapshot snapshot = customer(join(readyToAsk(), List.of(ask("A-1", 2))));

        assertThat(noCoolDown.assessment(snapshot, TODAY).whyNot()).extracting(o -> o.kind().name())
                .containsExactly("AWAITING_INTRODUCTION");
        assertThat(earliestCheckedOn(noCoolDown, snapshot)).isEqualTo(daysAgo(2).plusDays(8));
    }

    @Test
    void aVetoAndACoolDownTogetherWaitForTheLaterOfTheTwo() {
        CustomerSnapshot snapshot = customer(join(trustEarned(), List.of(greenLight("FA-1", 5), nps("NPS-1", 3, 10),
                ask("A-1", 80), complaint("CP-1", 30, 25))));
        ReadinessAssessment now = assess(snapshot);

        assertThat(now.stage()).isEqualTo(Stage.BLOCKED);
        assertThat(now.whyNot()).extracting(o -> o.kind() + " " + o.clearsOn())
                .containsExactly("COMPLAINT_VETO " + daysAgo(25).plusDays(31), "COOL_DOWN " + daysAgo(80).plusDays(91));
        assertThat(earliestCheckedOn(EARNED_TRUST, snapshot)).isEqualTo(daysAgo(80).plusDays(91));
        assertThat(assess(snapshot, daysAgo(25).plusDays(31)).stage()).isEqualTo(Stage.COOLING_DOWN);
    }

    @Test
    void whenTheGreenLightsAgeOutBeforeTheCoolDownEndsThereIsNoDayWithoutNewFeedback() {
        CustomerSnapshot snapshot = customer(join(readyToAsk(), List.of(ask("A-1", 3))));
        ReadinessAssessment now = assess(snapshot);

        assertThat(now.whyNot()).allSatisfy(o -> assertThat(o.timeBound()).isTrue());
        assertThat(now.earliestAsk().day()).isEmpty();
        assertThat(now.earliestAsk().explanation())
                .startsWith("On " + daysAgo(3).plusDays(91) + ", when what time clears has cleared, the customer would be CONFIRMING.")
                .contains("GREEN_LIGHTS: hold a feedback conversation");
    }

    @Test
    void underPostSaleMomentumACoolDownOutlastsTheMomentum() {
        CustomerSnapshot snapshot = customer(join(freshSaleConfirmed(), List.of(ask("A-1", 1))));
        ReadinessAssessment now = PostSaleMomentumRulesTest.MOMENTUM.assessment(snapshot, TODAY);

        assertThat(now.earliestAsk().day()).isEmpty();
        assertThat(now.earliestAsk().explanation()).contains("MOMENTUM_PASSED S-9: ask after the next sale");
    }

    @Test
    void factsDatedAfterTheAssessmentDayDoNotCountAsComingTrue() {
        // the green lights exist in the snapshot but are dated after the day assessed: "nothing else changes" ignores them
        CustomerSnapshot snapshot = customer(join(trustEarned(), List.of(ask("A-1", 130), greenLight("FA-1", 5), nps("NPS-1", 4, 10))));
        ReadinessAssessment earlier = assess(snapshot, daysAgo(20));

        assertThat(earlier.stage()).isEqualTo(Stage.CONFIRMING);
        assertThat(earlier.earliestAsk().day()).isEmpty();
    }
}
