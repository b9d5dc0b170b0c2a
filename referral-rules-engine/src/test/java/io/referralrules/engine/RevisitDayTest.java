package io.referralrules.engine;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.Limits;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.ExtraValue;
import io.referralrules.api.facts.Fact;
import io.referralrules.api.facts.FeedbackAnswer;
import io.referralrules.api.facts.FeedbackSignal;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.FollowUpType;
import io.referralrules.api.facts.IndustryEvent;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.IssueStatus;
import io.referralrules.api.facts.ProactiveAction;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferralGiven;
import io.referralrules.api.facts.Sale;
import io.referralrules.api.facts.ServiceInteraction;
import io.referralrules.api.facts.SocialTouch;
import io.referralrules.api.facts.SurveyScore;
import io.referralrules.api.facts.SurveyType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revisit day by example, one named customer per kind of day, each checked against the answer the day before and
 * on it (the test kit's {@code RevisitDayPropertyTest} walks thousands of generated customers). The earned-trust
 * defaults unless said: look-back 365 days, feedback window 90, cool-down 90, veto 30, introduction wait 7, thanking
 * the referrer 1 day after the introduction; post-sale momentum: 30 days.
 */
@DisplayName("The revisit day, by example")
class RevisitDayTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final ReferralReadinessEngine EARNED_TRUST = ReferralRules.engine();
    private static final ReferralReadinessEngine MOMENTUM = ReferralRules.engine(Playbook.POST_SALE_MOMENTUM);

    private static LocalDate ago(int days) {
        return TODAY.minusDays(days);
    }

    private static CustomerSnapshot customer(Fact... facts) {
        return CustomerSnapshot.builder(new Customer("C-1", CustomerType.BUSINESS, "rep-1", null)).addAll(List.of(facts)).build();
    }

    private static Sale sale(int daysAgo) {
        return new Sale("S-" + daysAgo, ago(daysAgo), BigDecimal.TEN, null);
    }

    /** Every builder met and trust earned (service 2 rated 5, one of each other builder), all 100 days ago. */
    private static List<Fact> trustEarned() {
        return List.of(new ServiceInteraction("SI-1", ago(100), 5, IssueStatus.RESOLVED),
                new ServiceInteraction("SI-2", ago(100), 5, IssueStatus.RESOLVED), new ProactiveAction("PA-1", ago(100), null),
                new ExtraValue("EV-1", ago(100), null), new ReferralGiven("RG-1", ago(100), null), new SocialTouch("ST-1", ago(100), null));
    }

    private static CustomerSnapshot with(List<Fact> base, Fact... more) {
        List<Fact> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return customer(all.toArray(Fact[]::new));
    }

    /** The revisit day, after checking the answer holds the day before it and changes on it. */
    private static LocalDate revisit(ReferralReadinessEngine engine, CustomerSnapshot snapshot) {
        ReadinessAssessment today = engine.assess(snapshot, TODAY);
        LocalDate day = today.revisitOn();
        if (day != null) {
            assertThat(engine.assess(snapshot, day.minusDays(1)).sameAnswer(today)).as("the day before %s", day).isTrue();
            assertThat(engine.assess(snapshot, day).sameAnswer(today)).as("on %s", day).isFalse();
        }
        assertThat(engine.assess(snapshot, TODAY, Detail.DECISION).revisitOn()).as("at decision detail").isEqualTo(day);
        return day;
    }

    @Test
    void aCustomerWithoutFactsHasNothingTimeBound() {
        assertThat(revisit(EARNED_TRUST, customer())).isNull();
        assertThat(revisit(MOMENTUM, customer())).isNull();
    }

    @Test
    void aSaleDatedLaterIsRevisitedTheDayItCloses() {
        assertThat(revisit(EARNED_TRUST, customer(sale(-5)))).isEqualTo(TODAY.plusDays(5));
    }

    @Test
    void whatNoRuleUsesThenDoesNotComeBack() {
        // an industry event only names a prospect hint; a CSAT score and a passive NPS score are no signal
        assertThat(revisit(EARNED_TRUST, customer(new IndustryEvent("IE-1", TODAY.plusDays(3), "Expo"),
                new SurveyScore("SS-1", TODAY.plusDays(4), SurveyType.CSAT, 5),
                new SurveyScore("SS-2", TODAY.plusDays(5), SurveyType.NPS, 8)))).isNull();
        // without a sale, no trust builder is measured: a service interaction entering changes nothing
        assertThat(revisit(EARNED_TRUST, customer(new ServiceInteraction("SI-1", TODAY.plusDays(3), 5, IssueStatus.RESOLVED))))
                .isNull();
    }

    @Test
    void aCsatOrCesScoreComesBackOnlyWhenThePolicyCountsItsScale() {
        ReferralReadinessEngine counting = ReferralRules.engine(ReferralRules.engine().policy().toBuilder()
                .csatFeedback(true).cesFeedback(true).build());
        CustomerSnapshot dissatisfied = customer(sale(400), new SurveyScore("SS-1", TODAY.plusDays(4), SurveyType.CSAT, 2));
        CustomerSnapshot hard = customer(sale(400), new SurveyScore("SS-1", TODAY.plusDays(6), SurveyType.CES, 3));
        CustomerSnapshot neutral = customer(sale(400), new SurveyScore("SS-1", TODAY.plusDays(4), SurveyType.CSAT, 3),
                new SurveyScore("SS-2", TODAY.plusDays(5), SurveyType.CES, 4));

        assertThat(revisit(counting, dissatisfied)).isEqualTo(TODAY.plusDays(4));
        assertThat(revisit(counting, hard)).isEqualTo(TODAY.plusDays(6));
        assertThat(revisit(counting, neutral)).isNotIn(TODAY.plusDays(4), TODAY.plusDays(5));
        assertThat(revisit(EARNED_TRUST, dissatisfied)).isNotEqualTo(TODAY.plusDays(4));
    }

    @Test
    void aComplaintScoreLeavingTheLookBackIsRevisitedTheDayAfter() {
        ReferralReadinessEngine counting = ReferralRules.engine(ReferralRules.engine().policy().toBuilder()
                .csatFeedback(true).build());

        assertThat(revisit(counting, customer(sale(400), new SurveyScore("SS-1", ago(360), SurveyType.CSAT, 1))))
                .isEqualTo(TODAY.plusDays(6));
    }

    @Test
    void aCoolDownIsRevisitedTheDayItEnds() {
        ReadinessAssessment a = EARNED_TRUST.assess(customer(sale(400), new ReferralAsk("A-1", ago(10), AskType.NAMES_ONLY)), TODAY);

        assertThat(a.stage()).isEqualTo(Stage.COOLING_DOWN);
        assertThat(revisit(EARNED_TRUST, customer(sale(400), new ReferralAsk("A-1", ago(10), AskType.NAMES_ONLY))))
                .isEqualTo(ago(10).plusDays(91));
    }

    @Test
    void anAskForAnIntroductionIsRevisitedWhenTheWaitEnds() {
        assertThat(revisit(EARNED_TRUST, customer(sale(400), new ReferralAsk("A-1", ago(2), AskType.INTRODUCTION))))
                .isEqualTo(ago(2).plusDays(8));
    }

    @Test
    void aThankYouIsRevisitedOnItsDueDayAndTheDayAfterWhenItIsOverdue() {
        CustomerSnapshot snapshot = customer(sale(400),
                new Introduction("I-1", TODAY, null, "P-1", IntroductionChannel.CALL, TODAY, null));

        assertThat(revisit(EARNED_TRUST, snapshot)).isEqualTo(TODAY.plusDays(1));
        assertThat(EARNED_TRUST.assess(snapshot, TODAY.plusDays(1)).revisitOn()).isEqualTo(TODAY.plusDays(2));
    }

    @Test
    void aFollowUpDatedLaterIsRevisitedOnlyWhenItDischargesADutyOwed() {
        Introduction thanked = new Introduction("I-1", ago(30), null, "P-1", IntroductionChannel.CALL, ago(29), null);
        FollowUp thanks = new FollowUp("FU-1", TODAY.plusDays(4), "I-1", FollowUpType.THANK_REFERRER);
        FollowUp gift = new FollowUp("FU-2", TODAY.plusDays(4), "I-1", FollowUpType.THANK_YOU_GIFT);

        assertThat(revisit(EARNED_TRUST, customer(sale(400), thanked, thanks))).isEqualTo(TODAY.plusDays(4));
        // no gift is owed (nothing was sold to the prospect): a gift sent later changes nothing, and once thanked, a
        // confirmed introduction leaving the look-back changes nothing either
        assertThat(revisit(EARNED_TRUST, customer(sale(400), thanked, gift, new FollowUp("FU-3", ago(29), "I-1",
                FollowUpType.THANK_REFERRER)))).isNull();
    }

    @Test
    void aTrustBuilderIsRevisitedTheDayItTurnsUnmetNotWhenAnEarlierFactLeaves() {
        // service quality needs 2 interactions: of three, the second-newest leaving the look-back turns it unmet
        CustomerSnapshot snapshot = customer(sale(400), new ServiceInteraction("SI-1", ago(300), 5, IssueStatus.RESOLVED),
                new ServiceInteraction("SI-2", ago(200), 5, IssueStatus.RESOLVED),
                new ServiceInteraction("SI-3", ago(100), 5, IssueStatus.RESOLVED));

        assertThat(EARNED_TRUST.assess(snapshot, TODAY).trustBuilder(TrustBuilder.SERVICE_QUALITY).orElseThrow().met()).isTrue();
        assertThat(revisit(EARNED_TRUST, snapshot)).isEqualTo(ago(200).plusDays(366));
    }

    @Test
    void aTrustBuilderIsRevisitedTheDayALowRatingLeavesAndItTurnsMet() {
        // average 3.0 with the old rating, 5.0 once it has left the look-back
        CustomerSnapshot snapshot = customer(sale(400), new ServiceInteraction("SI-1", ago(360), 1, IssueStatus.RESOLVED),
                new ServiceInteraction("SI-2", ago(20), 5, IssueStatus.RESOLVED),
                new ServiceInteraction("SI-3", ago(10), 5, IssueStatus.RESOLVED));

        assertThat(revisit(EARNED_TRUST, snapshot)).isEqualTo(ago(360).plusDays(366));
    }

    @Test
    void onceTrustIsEarnedAGreenLightIsRevisitedWhenItLeavesTheFeedbackWindow() {
        CustomerSnapshot snapshot = with(trustEarned(), sale(400), new FeedbackAnswer("FA-1", ago(80), null, FeedbackSignal.GREEN_LIGHT),
                new FeedbackAnswer("FA-2", ago(70), null, FeedbackSignal.GREEN_LIGHT));

        assertThat(EARNED_TRUST.assess(snapshot, TODAY).stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(revisit(EARNED_TRUST, snapshot)).isEqualTo(ago(80).plusDays(91));
    }

    @Test
    void beforeTrustIsEarnedAFeedbackAnswerLeavingTheFeedbackWindowChangesNothing() {
        CustomerSnapshot snapshot = customer(sale(400), new FeedbackAnswer("FA-1", ago(80), null, FeedbackSignal.NEUTRAL));

        assertThat(revisit(EARNED_TRUST, snapshot)).isNull();
    }

    @Test
    void aResolvedComplaintIsRevisitedWhenItsVetoEnds() {
        CustomerSnapshot snapshot = with(trustEarned(), sale(400), new Complaint("CO-1", ago(40), ago(10)));

        assertThat(EARNED_TRUST.assess(snapshot, TODAY).stage()).isEqualTo(Stage.BLOCKED);
        assertThat(revisit(EARNED_TRUST, snapshot)).isEqualTo(ago(10).plusDays(31));
    }

    @Test
    void aFreshSaleConfirmedIsRevisitedWhenItsMomentumPasses() {
        CustomerSnapshot snapshot = customer(sale(10), new FeedbackAnswer("FA-1", ago(5), null, FeedbackSignal.GREEN_LIGHT));

        assertThat(MOMENTUM.assess(snapshot, TODAY).stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(revisit(MOMENTUM, snapshot)).isEqualTo(ago(10).plusDays(31));
    }

    @Test
    void onTheLastDayTheEngineAssessesOnThereIsNoRevisitDay() {
        ReadinessAssessment a = EARNED_TRUST.assess(customer(sale(400), new ReferralAsk("A-1", ago(10), AskType.NAMES_ONLY)),
                Limits.LATEST_DATE);

        assertThat(a.revisitOn()).isNull();
    }
}
