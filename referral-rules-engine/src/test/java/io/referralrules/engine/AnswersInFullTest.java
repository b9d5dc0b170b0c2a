package io.referralrules.engine;

import io.referralrules.api.ActionType;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.EarliestAsk;
import io.referralrules.api.NextAction;
import io.referralrules.api.Obstacle;
import io.referralrules.api.ObstacleKind;
import io.referralrules.api.ProspectCircle;
import io.referralrules.api.ProspectHint;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.Reason;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.TrustBuilderResult;
import io.referralrules.api.Warning;
import io.referralrules.api.WarningType;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.Fact;
import io.referralrules.api.facts.FeedbackAnswer;
import io.referralrules.api.facts.FeedbackSignal;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.FollowUpType;
import io.referralrules.api.facts.IndustryEvent;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.IssueStatus;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferralGiven;
import io.referralrules.api.facts.ReferredSale;
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
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole answers of the engine for customers at each step of the method, read the way a CRM reads them: the stage and
 * the rule behind it, every action with its due day and days overdue, warnings, why-not with the day each obstacle
 * clears, the earliest ask day and its explanation, the prospect hints of an ask; and the same answers for a batch
 * larger than one session, at decision detail, and under post-sale-momentum.
 */
@DisplayName("Answers in full: what the engine tells a CRM about each customer")
class AnswersInFullTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final ReferralReadinessEngine EARNED_TRUST = ReferralRules.engine();
    static final ReferralReadinessEngine POST_SALE = ReferralRules.engine(Playbook.POST_SALE_MOMENTUM);

    static LocalDate daysAgo(int days) {
        return TODAY.minusDays(days);
    }

    static CustomerSnapshot business(String id, List<? extends Fact> facts) {
        return CustomerSnapshot.builder(new Customer(id, CustomerType.BUSINESS, "rep-1", null)).addAll(facts).build();
    }

    static CustomerSnapshot person(String id, List<? extends Fact> facts) {
        return CustomerSnapshot.builder(new Customer(id, CustomerType.INDIVIDUAL, "rep-1", null)).addAll(facts).build();
    }

    /**
     * An old sale, two well-rated service contacts, a referral we gave and a social touch (three builders, both
     * mandatory ones among them), and two recent green lights: ready to ask under earned-trust.
     */
    static List<Fact> ready() {
        return List.of(new Sale("S-1", daysAgo(200), new BigDecimal("9000"), null),
                new ServiceInteraction("SI-1", daysAgo(100), 5, IssueStatus.RESOLVED),
                new ServiceInteraction("SI-2", daysAgo(50), 4, IssueStatus.RESOLVED),
                new ReferralGiven("RG-1", daysAgo(120), null),
                new SocialTouch("ST-1", daysAgo(80), null),
                new FeedbackAnswer("FA-1", daysAgo(20), null, FeedbackSignal.GREEN_LIGHT),
                new SurveyScore("NPS-1", daysAgo(10), SurveyType.NPS, 10));
    }

    static List<Fact> with(List<Fact> base, Fact... more) {
        List<Fact> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void aBusinessCustomerReadyToAskGetsTheAskWithItsCirclesAndTheEventsItAttended() {
        CustomerSnapshot c = business("C-1", with(ready(), new IndustryEvent("IE-2", daysAgo(30), "Retail Expo"),
                new IndustryEvent("IE-1", daysAgo(40), "Logistics Forum"), new IndustryEvent("IE-0", daysAgo(400), "Old Fair")));

        ReadinessAssessment a = EARNED_TRUST.assess(c, TODAY);

        assertThat(a.stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(a.stageReason().rule()).isEqualTo("Earned and confirmed trust makes the customer ready to ask");
        assertThat(a.stageReason().file()).isEqualTo("io/referralrules/rules/earnedtrust/confirming.drl");
        assertThat(a.stageReason().evidence()).containsExactly("FA-1", "NPS-1");
        assertThat(a.trustEarned()).isTrue();
        assertThat(a.trustBuilders()).extracting(TrustBuilderResult::builder, TrustBuilderResult::met).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TrustBuilder.SERVICE_QUALITY, true),
                org.assertj.core.groups.Tuple.tuple(TrustBuilder.PROACTIVE_CARE, false),
                org.assertj.core.groups.Tuple.tuple(TrustBuilder.EXTRA_VALUE, false),
                org.assertj.core.groups.Tuple.tuple(TrustBuilder.RECIPROCITY, true),
                org.assertj.core.groups.Tuple.tuple(TrustBuilder.RELATIONSHIP, true));
        assertThat(a.trustBuilder(TrustBuilder.SERVICE_QUALITY).orElseThrow().evidence()).containsExactly("SI-1", "SI-2");
        // all due today, so in the order of their types
        assertThat(a.actions()).extracting(NextAction::type).containsExactly(ActionType.TAKE_PROACTIVE_ACTION,
                ActionType.DELIVER_EXTRA_VALUE, ActionType.ASK_FOR_INTRODUCTION);
        assertThat(a.actions()).allSatisfy(action -> {
            assertThat(action.dueDate()).isEqualTo(TODAY);
            assertThat(action.overdueDays()).isZero();
        });
        NextAction ask = a.action(ActionType.ASK_FOR_INTRODUCTION).orElseThrow();
        assertThat(ask.talkTrack()).isEqualTo("earned-trust.ask-for-introduction");
        assertThat(ask.subjectId()).isNull();
        assertThat(ask.prospectHints()).containsExactly(
                new ProspectHint(ProspectCircle.PEERS_AND_COMPETITORS, null, List.of("C-1")),
                new ProspectHint(ProspectCircle.OWN_CUSTOMERS, null, List.of("C-1")),
                new ProspectHint(ProspectCircle.VENDORS, null, List.of("C-1")),
                new ProspectHint(ProspectCircle.OTHER_DEPARTMENTS, null, List.of("C-1")),
                new ProspectHint(ProspectCircle.INDUSTRY_EVENT, "Logistics Forum", List.of("IE-1")),
                new ProspectHint(ProspectCircle.INDUSTRY_EVENT, "Retail Expo", List.of("IE-2")));
        assertThat(a.action(ActionType.TAKE_PROACTIVE_ACTION).orElseThrow().prospectHints()).isEmpty();
        assertThat(a.warnings()).isEmpty();
        assertThat(a.whyNot()).isEmpty();
        assertThat(a.earliestAsk()).isEqualTo(new EarliestAsk(TODAY, "Ready to ask now."));
        assertThat(a.reasons()).isSortedAccordingTo(Comparator.comparing(Reason::rule).thenComparing(Reason::message))
                .contains(a.stageReason());
        assertThat(a.firedRules()).isSorted()
                .contains("Earned and confirmed trust makes the customer ready to ask", "Ask for an introduction, not a name, when ready");
        assertThat(a.customerId()).isEqualTo("C-1");
        assertThat(a.asOf()).isEqualTo(TODAY);
        assertThat(a.playbook()).isEqualTo(Playbook.EARNED_TRUST.ref());
    }

    @Test
    void aPersonReadyToAskCanIntroduceFriendsColleaguesFamilyAndNeighbours() {
        ReadinessAssessment a = EARNED_TRUST.assess(person("P-1", ready()), TODAY);

        assertThat(a.action(ActionType.ASK_FOR_INTRODUCTION).orElseThrow().prospectHints()).extracting(ProspectHint::circle)
                .containsExactly(ProspectCircle.FRIENDS, ProspectCircle.COLLEAGUES, ProspectCircle.FAMILY, ProspectCircle.NEIGHBOURS);
    }

    @Test
    void aCustomerWithoutASaleNeedsOneAndTimeAloneWillNotDo() {
        ReadinessAssessment a = EARNED_TRUST.assess(business("C-2", List.of()), TODAY);

        assertThat(a.stage()).isEqualTo(Stage.NO_RELATIONSHIP);
        assertThat(a.trustBuilders()).isEmpty();
        assertThat(a.trustEarned()).isFalse();
        assertThat(a.actions()).isEmpty();
        assertThat(a.whyNot()).extracting(Obstacle::kind, Obstacle::subject, Obstacle::clearsOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ObstacleKind.NO_SALE, null, null));
        assertThat(a.earliestAsk().day()).isEmpty();
        assertThat(a.earliestAsk().explanation()).isEqualTo("Time alone will not do; needs new facts: NO_SALE: close a sale first.");
        assertThat(a.firedRules()).containsExactly("No closed sale means no relationship yet", "The stage with the highest precedence wins");
    }

    @Test
    void aCustomerStillEarningTrustIsToldEveryMissingBuilderInTheirOrder() {
        ReadinessAssessment a = EARNED_TRUST.assess(business("C-3", List.of(new Sale("S-1", daysAgo(200), BigDecimal.TEN, null))), TODAY);

        assertThat(a.stage()).isEqualTo(Stage.EARNING_TRUST);
        assertThat(a.whyNot()).extracting(Obstacle::kind).containsOnly(ObstacleKind.TRUST_BUILDER);
        assertThat(a.whyNot()).extracting(Obstacle::subject)
                .containsExactly("EXTRA_VALUE", "PROACTIVE_CARE", "RECIPROCITY", "RELATIONSHIP", "SERVICE_QUALITY");
        assertThat(a.whyNot(ObstacleKind.TRUST_BUILDER).get(2).needed()).endsWith(", mandatory");
        assertThat(a.whyNot(ObstacleKind.TRUST_BUILDER).get(0).needed()).doesNotEndWith(", mandatory");
        assertThat(a.actions()).extracting(NextAction::type).containsExactly(ActionType.IMPROVE_SERVICE, ActionType.TAKE_PROACTIVE_ACTION,
                ActionType.DELIVER_EXTRA_VALUE, ActionType.GIVE_A_REFERRAL, ActionType.BUILD_RELATIONSHIP);
        assertThat(a.earliestAsk().day()).isEmpty();
        assertThat(a.earliestAsk().explanation()).startsWith("Time alone will not do; needs new facts: TRUST_BUILDER EXTRA_VALUE: ")
                .contains("; TRUST_BUILDER SERVICE_QUALITY: ").endsWith(".");
    }

    @Test
    void aFreshSaleCallsForPositioningOverdueFromTheDayAfterTheCloseAndTheAskWaitsUntilTheWindowCloses() {
        CustomerSnapshot c = business("C-4", with(ready(), new Sale("S-2", daysAgo(3), BigDecimal.TEN, null)));

        ReadinessAssessment a = EARNED_TRUST.assess(c, TODAY);

        assertThat(a.stage()).isEqualTo(Stage.POSITIONING);
        NextAction positioning = a.action(ActionType.HOLD_POSITIONING_CONVERSATION).orElseThrow();
        assertThat(positioning.dueDate()).isEqualTo(daysAgo(2));
        assertThat(positioning.overdueDays()).isEqualTo(2);
        assertThat(positioning.overdue()).isTrue();
        assertThat(positioning.subjectId()).isEqualTo("S-2");
        // the overdue action comes before those due today
        assertThat(a.actions().get(0)).isEqualTo(positioning);
        assertThat(a.whyNot()).extracting(Obstacle::kind, Obstacle::clearsOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ObstacleKind.POSITIONING, daysAgo(3).plusDays(31)));
        assertThat(a.earliestAsk()).isEqualTo(new EarliestAsk(daysAgo(3).plusDays(31), "Ready on " + daysAgo(3).plusDays(31)
                + " if nothing else changes: POSITIONING S-2 clears on " + daysAgo(3).plusDays(31) + "."));
        assertThat(EARNED_TRUST.assess(c, daysAgo(3).plusDays(31)).stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(EARNED_TRUST.assess(c, daysAgo(3).plusDays(30)).stage()).isEqualTo(Stage.POSITIONING);
    }

    @Test
    void aNamesOnlyAskCoolsTheCustomerDownAndIsWarnedAbout() {
        CustomerSnapshot c = business("C-5", with(ready(), new ReferralAsk("A-1", daysAgo(60), AskType.NAMES_ONLY)));

        ReadinessAssessment a = EARNED_TRUST.assess(c, TODAY);

        assertThat(a.stage()).isEqualTo(Stage.COOLING_DOWN);
        assertThat(a.warnings()).extracting(Warning::type, Warning::date, Warning::subjectId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(WarningType.BARE_CONTACT_ASK, daysAgo(60), "A-1"));
        assertThat(a.hasWarning(WarningType.BARE_CONTACT_ASK)).isTrue();
        assertThat(a.whyNot()).extracting(Obstacle::kind, Obstacle::subject, Obstacle::clearsOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ObstacleKind.COOL_DOWN, "A-1", daysAgo(60).plusDays(91)));
        assertThat(a.earliestAsk().day()).contains(daysAgo(60).plusDays(91));
        assertThat(a.earliestAsk().explanation()).isEqualTo("Ready on " + daysAgo(60).plusDays(91)
                + " if nothing else changes: COOL_DOWN A-1 clears on " + daysAgo(60).plusDays(91) + ".");
    }

    @Test
    void whenTheCoolDownEndsAfterTheGreenLightsHaveAgedOutTheCustomerWouldOnlyBeConfirming() {
        // an ask 10 days ago cools down for 90 days; by then both green lights are older than the 90-day feedback window
        CustomerSnapshot c = business("C-6", with(ready(), new ReferralAsk("A-1", daysAgo(10), AskType.NAMES_ONLY)));

        ReadinessAssessment a = EARNED_TRUST.assess(c, TODAY);

        assertThat(a.stage()).isEqualTo(Stage.COOLING_DOWN);
        assertThat(a.earliestAsk().day()).isEmpty();
        assertThat(a.earliestAsk().explanation()).isEqualTo("On " + daysAgo(10).plusDays(91) + ", when what time clears has cleared,"
                + " the customer would be CONFIRMING. Time alone will not do; needs new facts: GREEN_LIGHTS: hold a feedback"
                + " conversation and earn green lights (a green-light answer or a promoter score); TESTIMONIAL: ask for a"
                + " testimonial or hold a feedback conversation.");
    }

    @Test
    void anOpenComplaintBlocksTheAskUntilItIsResolvedAndTheResolutionStartsAVeto() {
        CustomerSnapshot open = business("C-7", with(ready(), new Complaint("CP-1", daysAgo(5), null)));
        CustomerSnapshot resolved = business("C-8", with(ready(), new Complaint("CP-1", daysAgo(25), daysAgo(22))));

        ReadinessAssessment blocked = EARNED_TRUST.assess(open, TODAY);
        ReadinessAssessment vetoed = EARNED_TRUST.assess(resolved, TODAY);

        assertThat(blocked.stage()).isEqualTo(Stage.BLOCKED);
        assertThat(blocked.action(ActionType.RESOLVE_COMPLAINT).orElseThrow().subjectId()).isEqualTo("CP-1");
        assertThat(blocked.whyNot()).extracting(Obstacle::kind).contains(ObstacleKind.OPEN_COMPLAINT);
        assertThat(blocked.earliestAsk().day()).isEmpty();
        assertThat(vetoed.stage()).isEqualTo(Stage.BLOCKED);
        assertThat(vetoed.whyNot()).extracting(Obstacle::kind, Obstacle::clearsOn)
                .contains(org.assertj.core.groups.Tuple.tuple(ObstacleKind.COMPLAINT_VETO, daysAgo(22).plusDays(31)));
    }

    @Test
    void anOwedThankYouToTheReferrerIsOverdueAndCountedInDays() {
        CustomerSnapshot c = business("C-9", with(ready(), new ReferralAsk("A-1", daysAgo(100), AskType.INTRODUCTION),
                new Introduction("I-1", daysAgo(95), "A-1", "P-1", IntroductionChannel.EMAIL, daysAgo(94), null)));

        ReadinessAssessment a = EARNED_TRUST.assess(c, TODAY);

        assertThat(a.stage()).isEqualTo(Stage.FOLLOWING_UP);
        NextAction thank = a.action(ActionType.THANK_REFERRER).orElseThrow();
        assertThat(thank.dueDate()).isEqualTo(daysAgo(94));
        assertThat(thank.overdueDays()).isEqualTo(94);
        assertThat(thank.subjectId()).isEqualTo("I-1");
        assertThat(a.warnings(WarningType.FOLLOW_UP_OVERDUE)).extracting(Warning::date, Warning::subjectId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(daysAgo(94), "I-1"));
        assertThat(a.whyNot(ObstacleKind.FOLLOW_UP_OWED)).extracting(Obstacle::subject).containsExactly("I-1");
    }

    @Test
    void aReferralThatBoughtOwesAThankYouGiftForItsFirstSaleOnceTheOtherFollowUpsAreDone() {
        CustomerSnapshot c = business("C-12", with(ready(), new ReferralAsk("A-1", daysAgo(100), AskType.INTRODUCTION),
                new Introduction("I-1", daysAgo(95), "A-1", "P-1", IntroductionChannel.EMAIL, daysAgo(94), daysAgo(90)),
                new FollowUp("F-1", daysAgo(93), "I-1", FollowUpType.THANK_REFERRER),
                new FollowUp("F-2", daysAgo(88), "I-1", FollowUpType.STATUS_REPORT),
                new ReferredSale("RS-2", daysAgo(20), "I-1", BigDecimal.TEN),
                new ReferredSale("RS-3", daysAgo(10), "I-1", BigDecimal.TEN),
                new ReferredSale("RS-1", daysAgo(20), "I-1", BigDecimal.TEN)));

        ReadinessAssessment a = EARNED_TRUST.assess(c, TODAY);

        assertThat(a.stage()).isEqualTo(Stage.FOLLOWING_UP);
        assertThat(a.actions(ActionType.THANK_REFERRER)).isEmpty();
        assertThat(a.actions(ActionType.SEND_STATUS_REPORT)).isEmpty();
        NextAction gift = a.action(ActionType.SEND_THANK_YOU_GIFT).orElseThrow();
        assertThat(gift.dueDate()).isEqualTo(daysAgo(13));
        assertThat(gift.overdueDays()).isEqualTo(13);
        assertThat(gift.reason().evidence()).containsExactly("I-1", "RS-1");
        assertThat(a.warnings(WarningType.FOLLOW_UP_OVERDUE)).extracting(Warning::date).containsExactly(daysAgo(13));
    }

    @Test
    void eachIntroductionsGiftIsDueAWeekAfterItsFirstReferredSaleTheSmallerIdOnTheSameDay() {
        CustomerSnapshot c = business("C-20", with(ready(),
                new Introduction("I-1", daysAgo(95), null, "P-1", IntroductionChannel.EMAIL, daysAgo(94), null),
                new Introduction("I-2", daysAgo(95), null, "P-2", IntroductionChannel.EMAIL, daysAgo(94), null),
                new Introduction("I-3", daysAgo(95), null, "P-3", IntroductionChannel.EMAIL, daysAgo(94), null),
                new FollowUp("F-1", daysAgo(93), "I-1", FollowUpType.THANK_REFERRER),
                new FollowUp("F-2", daysAgo(93), "I-2", FollowUpType.THANK_REFERRER),
                new FollowUp("F-3", daysAgo(93), "I-3", FollowUpType.THANK_REFERRER),
                // I-1: two sales on one day, the larger id first
                new ReferredSale("RS-2", daysAgo(20), "I-1", BigDecimal.TEN),
                new ReferredSale("RS-1", daysAgo(20), "I-1", BigDecimal.TEN),
                // I-2: the later sale first
                new ReferredSale("RS-3", daysAgo(10), "I-2", BigDecimal.TEN),
                new ReferredSale("RS-4", daysAgo(15), "I-2", BigDecimal.TEN),
                // I-3: the earlier sale first
                new ReferredSale("RS-5", daysAgo(30), "I-3", BigDecimal.TEN),
                new ReferredSale("RS-6", daysAgo(25), "I-3", BigDecimal.TEN)));

        ReadinessAssessment a = EARNED_TRUST.assess(c, TODAY);

        assertThat(a.actions(ActionType.SEND_THANK_YOU_GIFT)).extracting(NextAction::subjectId, NextAction::dueDate,
                action -> action.reason().evidence()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("I-3", daysAgo(23), List.of("I-3", "RS-5")),
                org.assertj.core.groups.Tuple.tuple("I-1", daysAgo(13), List.of("I-1", "RS-1")),
                org.assertj.core.groups.Tuple.tuple("I-2", daysAgo(8), List.of("I-2", "RS-4")));
    }

    @Test
    void anAskMadeOnceTrustWasEarnedIsNotPrematureThoughTrustHasSinceLapsed() {
        // a 30-day look-back: the builders met around the ask have aged out by today
        ReadinessPolicy shortMemory = ReadinessPolicy.defaults().toBuilder().lookbackDays(30).feedbackWindowDays(30)
                .momentumWindowDays(30).build();
        ReferralReadinessEngine engine = ReferralRules.engine(shortMemory);
        CustomerSnapshot c = business("C-21", List.of(new Sale("S-1", daysAgo(30), BigDecimal.TEN, null),
                new ServiceInteraction("SI-1", daysAgo(33), 5, IssueStatus.RESOLVED),
                new ServiceInteraction("SI-2", daysAgo(32), 5, IssueStatus.RESOLVED),
                new ReferralGiven("RG-1", daysAgo(31), null), new SocialTouch("ST-1", daysAgo(31), null),
                new ReferralAsk("A-1", daysAgo(25), AskType.NAMES_ONLY)));

        ReadinessAssessment a = engine.assess(c, TODAY);

        assertThat(a.hasWarning(WarningType.PREMATURE_ASK)).isFalse();
        assertThat(a.trustEarned()).isFalse();
        assertThat(a.stage()).isEqualTo(Stage.COOLING_DOWN);
        assertThat(engine.assess(c, daysAgo(25)).trustEarned()).isTrue();
    }

    @Test
    void aProspectWeContactedOwesTheReferrerAReportThreeDaysLater() {
        CustomerSnapshot c = business("C-13", with(ready(), new ReferralAsk("A-1", daysAgo(30), AskType.INTRODUCTION),
                new Introduction("I-1", daysAgo(28), "A-1", "P-1", IntroductionChannel.EMAIL, daysAgo(27), daysAgo(1)),
                new FollowUp("F-1", daysAgo(27), "I-1", FollowUpType.THANK_REFERRER)));

        ReadinessAssessment a = EARNED_TRUST.assess(c, TODAY);

        assertThat(a.stage()).isEqualTo(Stage.FOLLOWING_UP);
        NextAction report = a.action(ActionType.SEND_STATUS_REPORT).orElseThrow();
        assertThat(report.dueDate()).isEqualTo(daysAgo(1).plusDays(3));
        assertThat(report.overdueDays()).isZero();
        assertThat(a.warnings(WarningType.FOLLOW_UP_OVERDUE)).isEmpty();
        assertThat(a.actions(ActionType.THANK_REFERRER)).isEmpty();
    }

    @Test
    void trustEarnedAndConfirmedAreAmongTheReasonsWithTheirEvidence() {
        ReadinessAssessment a = EARNED_TRUST.assess(business("C-14", ready()), TODAY);

        assertThat(a.reasons()).filteredOn(r -> r.rule().equals("Trust is earned when the mandatory builders and enough builders are met"))
                .singleElement().satisfies(r -> {
                    assertThat(r.message()).startsWith("3 of 5 trust builders are met (needs 3, including [SERVICE_QUALITY, RECIPROCITY])");
                    assertThat(r.evidence()).containsExactly("RG-1", "SI-1", "SI-2", "ST-1");
                });
        assertThat(a.reasons()).filteredOn(r -> r.rule().equals("Enough green lights confirm the earned trust"))
                .singleElement().satisfies(r -> assertThat(r.evidence()).containsExactly("FA-1", "NPS-1"));
    }

    @Test
    void aDetractorScoreIsAComplaintUntilAGreenLightFollowsThenItsVetoRuns() {
        CustomerSnapshot open = business("C-15", with(ready(), new SurveyScore("NPS-2", daysAgo(5), SurveyType.NPS, 3)));
        CustomerSnapshot settled = business("C-16", with(ready(), new SurveyScore("NPS-2", daysAgo(30), SurveyType.NPS, 3)));

        ReadinessAssessment blocked = EARNED_TRUST.assess(open, TODAY);
        ReadinessAssessment vetoed = EARNED_TRUST.assess(settled, TODAY);

        assertThat(blocked.stage()).isEqualTo(Stage.BLOCKED);
        assertThat(blocked.whyNot(ObstacleKind.OPEN_COMPLAINT)).extracting(Obstacle::subject).containsExactly("NPS-2");
        // settled by the green-light answer 20 days ago: vetoed for 30 days after it
        assertThat(vetoed.stage()).isEqualTo(Stage.BLOCKED);
        assertThat(vetoed.whyNot(ObstacleKind.COMPLAINT_VETO)).singleElement().satisfies(o -> {
            assertThat(o.subject()).isEqualTo("NPS-2");
            assertThat(o.clearsOn()).isEqualTo(daysAgo(20).plusDays(31));
            assertThat(o.reason().evidence()).containsExactly("FA-1", "NPS-2");
        });
    }

    @Test
    void anAskSoonAfterTheFirstSaleBeforeTrustWasEarnedIsPrematureAndAQuickSecondOneIsPushy() {
        CustomerSnapshot c = business("C-17", List.of(new Sale("S-1", daysAgo(100), BigDecimal.TEN, null),
                new ReferralAsk("A-1", daysAgo(95), AskType.INTRODUCTION), new ReferralAsk("A-2", daysAgo(91), AskType.INTRODUCTION),
                new Introduction("I-1", daysAgo(90), "A-2", "P-1", IntroductionChannel.EMAIL, daysAgo(89), null),
                new FollowUp("F-1", daysAgo(89), "I-1", FollowUpType.THANK_REFERRER)));

        ReadinessAssessment a = EARNED_TRUST.assess(c, TODAY);

        assertThat(a.warnings(WarningType.PREMATURE_ASK)).extracting(Warning::subjectId).containsExactly("A-1", "A-2");
        assertThat(a.warnings(WarningType.PUSHY_CHASE)).singleElement().satisfies(w -> {
            assertThat(w.subjectId()).isEqualTo("A-2");
            assertThat(w.reason().evidence()).containsExactly("A-1", "A-2");
        });
        assertThat(a.warnings(WarningType.ASK_FATIGUE)).singleElement().satisfies(w -> {
            assertThat(w.subjectId()).isEqualTo("A-2");
            assertThat(w.reason().evidence()).containsExactly("A-1", "A-2");
        });
        // the early asks' checkpoints do not count as the assessment day's measurements
        assertThat(a.trustBuilders()).hasSize(5);
        assertThat(a.reasons()).filteredOn(r -> r.rule().startsWith("Service quality")).hasSize(1);
    }

    @Test
    void anAskRightAfterAReferralWeGaveLooksLikeATradeAndOneDuringAComplaintIsWarnedAbout() {
        CustomerSnapshot c = business("C-18", with(ready(), new ReferralGiven("RG-2", daysAgo(70), null),
                new Complaint("CP-1", daysAgo(66), daysAgo(50)),
                new ReferralAsk("A-1", daysAgo(60), AskType.NAMES_ONLY)));

        ReadinessAssessment a = EARNED_TRUST.assess(c, TODAY);

        assertThat(a.warnings(WarningType.TIT_FOR_TAT)).singleElement()
                .satisfies(w -> assertThat(w.reason().evidence()).containsExactly("A-1", "RG-2"));
        assertThat(a.warnings(WarningType.ASK_DURING_COMPLAINT)).singleElement()
                .satisfies(w -> assertThat(w.reason().evidence()).containsExactly("A-1", "CP-1"));
        assertThat(a.warnings()).extracting(Warning::type).containsExactly(WarningType.TIT_FOR_TAT, WarningType.ASK_DURING_COMPLAINT,
                WarningType.BARE_CONTACT_ASK);
    }

    @Test
    void postSaleMomentumCallsAnAskBeforeTheCustomerConfirmedTheSalePremature() {
        CustomerSnapshot c = business("C-19", List.of(new Sale("S-1", daysAgo(10), BigDecimal.TEN, null),
                new ReferralAsk("A-1", daysAgo(8), AskType.NAMES_ONLY),
                new FeedbackAnswer("FA-1", daysAgo(5), null, FeedbackSignal.GREEN_LIGHT),
                new ReferralAsk("A-2", daysAgo(4), AskType.NAMES_ONLY)));

        ReadinessAssessment a = POST_SALE.assess(c, TODAY);

        assertThat(a.warnings(WarningType.PREMATURE_ASK)).singleElement().satisfies(w -> {
            assertThat(w.subjectId()).isEqualTo("A-1");
            assertThat(w.reason().evidence()).containsExactly("A-1", "S-1");
        });
    }

    @Test
    void postSaleMomentumAsksRightAfterAConfirmedSaleAboutThatSale() {
        CustomerSnapshot c = business("C-10", List.of(new Sale("S-1", daysAgo(5), BigDecimal.TEN, null),
                new FeedbackAnswer("FA-1", daysAgo(2), null, FeedbackSignal.GREEN_LIGHT)));

        ReadinessAssessment quick = POST_SALE.assess(c, TODAY);
        ReadinessAssessment earned = EARNED_TRUST.assess(c, TODAY);

        assertThat(quick.stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(quick.playbook()).isEqualTo(Playbook.POST_SALE_MOMENTUM.ref());
        NextAction ask = quick.action(ActionType.ASK_FOR_INTRODUCTION).orElseThrow();
        assertThat(ask.talkTrack()).isEqualTo("post-sale-momentum.describe-ideal-prospect");
        assertThat(ask.subjectId()).isEqualTo("S-1");
        assertThat(ask.prospectHints()).hasSize(4);
        assertThat(earned.stage()).isEqualTo(Stage.POSITIONING);
    }

    @Test
    void aBatchLargerThanOneSessionGivesEachCustomerItsOwnAnswerInOrder() {
        List<CustomerSnapshot> book = new ArrayList<>();
        for (int i = 0; i < Evaluator.BATCH + 44; i++) {
            List<Fact> facts = switch (i % 4) {
                case 0 -> ready();
                case 1 -> with(ready(), new ReferralAsk("A-" + i, daysAgo(i % 80 + 1), AskType.NAMES_ONLY));
                case 2 -> List.of(new Sale("S-" + i, daysAgo(i % 30), BigDecimal.ONE, null));
                default -> List.of();
            };
            book.add(i % 3 == 0 ? person("P-" + i, facts) : business("C-" + i, facts));
        }

        List<ReadinessAssessment> together = EARNED_TRUST.assessAll(book, TODAY);
        List<ReadinessAssessment> decisions = EARNED_TRUST.assessAll(book, TODAY, Detail.DECISION);

        assertThat(together).hasSize(book.size());
        for (int i = 0; i < book.size(); i += 7) {
            ReadinessAssessment alone = EARNED_TRUST.assess(book.get(i), TODAY);
            assertThat(together.get(i)).as("customer %d", i).isEqualTo(alone);
            ReadinessAssessment decision = decisions.get(i);
            assertThat(decision.stage()).isEqualTo(alone.stage());
            assertThat(decision.actions()).isEqualTo(alone.actions());
            assertThat(decision.warnings()).isEqualTo(alone.warnings());
            assertThat(decision.trustBuilders()).isEqualTo(alone.trustBuilders());
            assertThat(decision.stageReason()).isEqualTo(alone.stageReason());
            assertThat(decision.whyNot()).isEmpty();
            assertThat(decision.reasons()).isEmpty();
            assertThat(decision.firedRules()).isEmpty();
            assertThat(decision.earliestAsk()).isEqualTo(EarliestAsk.notWorkedOut());
        }
        assertThat(together).extracting(ReadinessAssessment::customerId)
                .containsExactlyElementsOf(book.stream().map(s -> s.customer().id()).toList());
    }

    @Test
    void thePolicyDecidesTheWindowsAndTheEngineSaysWhichItUses() {
        ReadinessPolicy shortCoolDown = ReadinessPolicy.defaults().toBuilder().askCoolDownDays(30).build();
        ReferralReadinessEngine engine = ReferralRules.engine(shortCoolDown);
        CustomerSnapshot c = business("C-11", with(ready(), new ReferralAsk("A-1", daysAgo(40), AskType.NAMES_ONLY)));

        assertThat(engine.policy()).isEqualTo(shortCoolDown);
        assertThat(engine.playbook()).isEqualTo(Playbook.EARNED_TRUST.ref());
        assertThat(engine).hasToString("ReferralReadinessEngine[earned-trust@1.0]");
        assertThat(engine.assess(c, TODAY).stage()).isEqualTo(Stage.READY_TO_ASK);
        assertThat(EARNED_TRUST.assess(c, TODAY).stage()).isEqualTo(Stage.COOLING_DOWN);
    }
}
