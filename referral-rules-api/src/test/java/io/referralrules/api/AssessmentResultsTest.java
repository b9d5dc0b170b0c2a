package io.referralrules.api;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a host reads from an answer: the finders of {@link ReadinessAssessment} (by action, warning, obstacle and
 * builder), whether an action is overdue or an obstacle clears with time, the earliest ask day, a replay's verdict,
 * and the small value types' own rules (playbook names, stage precedence, each builder's remedy).
 */
@DisplayName("Assessment results: finders, flags and value types")
class AssessmentResultsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final Reason REASON = new Reason("rule", "common/asking.drl", "message", List.of("S-1"));
    private static final PlaybookRef EARNED_TRUST = new PlaybookRef("earned-trust", "1.0");

    private static final NextAction GIVE_REFERRAL = new NextAction(ActionType.GIVE_A_REFERRAL, DAY, 0, null, REASON);
    private static final NextAction THANK_FIRST = new NextAction(ActionType.THANK_REFERRER, DAY.minusDays(3), 3, "I-1", REASON);
    private static final NextAction THANK_SECOND = new NextAction(ActionType.THANK_REFERRER, DAY.plusDays(1), 0, "I-2", REASON);
    private static final Warning FATIGUE = new Warning(WarningType.ASK_FATIGUE, DAY.minusDays(10), "A-2", REASON);
    private static final Obstacle COOL_DOWN = new Obstacle(ObstacleKind.COOL_DOWN, "A-2", "ask A-2 on 2026-06-05",
            "90 days after an ask", "wait", DAY.plusDays(80), REASON);
    private static final Obstacle RECIPROCITY = new Obstacle(ObstacleKind.TRUST_BUILDER, "RECIPROCITY",
            "0 referrals given to the customer", "1", "give this customer a referral", null, REASON);
    private static final TrustBuilderResult SERVICE = new TrustBuilderResult(TrustBuilder.SERVICE_QUALITY, true, List.of("SI-1"), REASON);
    private static final TrustBuilderResult RECIPROCITY_UNMET = new TrustBuilderResult(TrustBuilder.RECIPROCITY, false, List.of(), REASON);

    private static ReadinessAssessment assessment() {
        return new ReadinessAssessment("C-1", DAY, EARNED_TRUST, Stage.COOLING_DOWN, REASON, false,
                List.of(SERVICE, RECIPROCITY_UNMET), List.of(THANK_FIRST, GIVE_REFERRAL, THANK_SECOND), List.of(FATIGUE),
                List.of(COOL_DOWN, RECIPROCITY), new EarliestAsk(DAY.plusDays(80), "the cool-down ends"), DAY.plusDays(1), List.of(REASON),
                List.of("rule"));
    }

    @Test
    void actionsAreFoundByTypeInTheirOrder() {
        ReadinessAssessment a = assessment();

        assertThat(a.actions(ActionType.THANK_REFERRER)).containsExactly(THANK_FIRST, THANK_SECOND);
        assertThat(a.action(ActionType.THANK_REFERRER)).contains(THANK_FIRST);
        assertThat(a.action(ActionType.GIVE_A_REFERRAL)).contains(GIVE_REFERRAL);
        assertThat(a.actions(ActionType.ASK_FOR_INTRODUCTION)).isEmpty();
        assertThat(a.action(ActionType.ASK_FOR_INTRODUCTION)).isEmpty();
    }

    @Test
    void warningsAreFoundByType() {
        ReadinessAssessment a = assessment();

        assertThat(a.warnings(WarningType.ASK_FATIGUE)).containsExactly(FATIGUE);
        assertThat(a.hasWarning(WarningType.ASK_FATIGUE)).isTrue();
        assertThat(a.warnings(WarningType.PREMATURE_ASK)).isEmpty();
        assertThat(a.hasWarning(WarningType.PREMATURE_ASK)).isFalse();
    }

    @Test
    void obstaclesAreFoundByKindAndOnlyThoseWithADayClearWithTime() {
        ReadinessAssessment a = assessment();

        assertThat(a.whyNot(ObstacleKind.COOL_DOWN)).containsExactly(COOL_DOWN);
        assertThat(a.whyNot(ObstacleKind.TRUST_BUILDER)).containsExactly(RECIPROCITY);
        assertThat(a.whyNot(ObstacleKind.OPEN_COMPLAINT)).isEmpty();
        assertThat(COOL_DOWN.timeBound()).isTrue();
        assertThat(RECIPROCITY.timeBound()).isFalse();
    }

    @Test
    void aTrustBuilderIsFoundByNameAndAbsentWithoutARelationship() {
        ReadinessAssessment a = assessment();

        assertThat(a.trustBuilder(TrustBuilder.SERVICE_QUALITY)).contains(SERVICE);
        assertThat(a.trustBuilder(TrustBuilder.RECIPROCITY)).contains(RECIPROCITY_UNMET);
        assertThat(a.trustBuilder(TrustBuilder.RELATIONSHIP)).isEmpty();
    }

    @Test
    void anActionIsOverdueFromTheFirstDayPastItsDueDate() {
        assertThat(GIVE_REFERRAL.overdue()).isFalse();
        assertThat(new NextAction(ActionType.THANK_REFERRER, DAY.minusDays(1), 1, "I-1", REASON).overdue()).isTrue();
        assertThat(GIVE_REFERRAL.talkTrack()).isNull();
        assertThat(GIVE_REFERRAL.prospectHints()).isEmpty();
    }

    @Test
    void anAskKeepsItsTalkTrackAndItsProspectHints() {
        ProspectHint peers = new ProspectHint(ProspectCircle.PEERS_AND_COMPETITORS, null, List.of("C-1"));

        NextAction ask = new NextAction(ActionType.ASK_FOR_INTRODUCTION, DAY, 0, null, REASON,
                "earned-trust.ask-for-introduction", List.of(peers));

        assertThat(ask.talkTrack()).isEqualTo("earned-trust.ask-for-introduction");
        assertThat(ask.prospectHints()).containsExactly(peers);
    }

    @Test
    void anActionCannotBeOverdueByANegativeNumberOfDays() {
        assertThatThrownBy(() -> new NextAction(ActionType.THANK_REFERRER, DAY, -1, "I-1", REASON))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e).hasMessage("NextAction.overdueDays must not be negative, was -1");
                    assertThat(e.path()).isEqualTo("overdueDays");
                });
    }

    @Test
    void theEarliestAskDayIsThereOnlyWhenTimeAloneGetsTheCustomerThere() {
        assertThat(new EarliestAsk(DAY.plusDays(80), "the cool-down ends").day()).contains(DAY.plusDays(80));
        assertThat(new EarliestAsk(null, "give this customer a referral").day()).isEmpty();
        assertThat(EarliestAsk.notWorkedOut().day()).isEmpty();
        assertThat(EarliestAsk.notWorkedOut().explanation()).isEqualTo("Not worked out: assessed at decision detail.");
    }

    @Test
    void aReplayIsIdenticalOnlyWithoutDifferencesAndADifferenceReadsRecordedThenNow() {
        ReadinessAssessment a = assessment();
        DecisionRecord record = new DecisionRecord(a, CustomerSnapshot.builder(
                new io.referralrules.api.facts.Customer("C-1", io.referralrules.api.facts.CustomerType.BUSINESS, "rep-1", null)).build(),
                DAY, EARNED_TRUST, ReadinessPolicy.defaults(), "policy-hash", "rules-hash", "0.1.0");
        ReplayResult.Difference stage = new ReplayResult.Difference("stage", "COOLING_DOWN", "READY_TO_ASK");

        assertThat(new ReplayResult(record, a, List.of()).identical()).isTrue();
        assertThat(new ReplayResult(record, a, List.of(stage)).identical()).isFalse();
        assertThat(stage).hasToString("stage: COOLING_DOWN -> READY_TO_ASK");
    }

    @Test
    void aPlaybookIsShownAsIdAtVersion() {
        PlaybookRef momentum = new PlaybookRef("post-sale-momentum", "2.1");

        assertThat(momentum.id()).isEqualTo("post-sale-momentum");
        assertThat(momentum.version()).isEqualTo("2.1");
        assertThat(momentum).hasToString("post-sale-momentum@2.1");
    }

    @Test
    void aPlaybookWithoutAnIdIsRejectedSayingWhatItWas() {
        assertThatThrownBy(() -> new PlaybookRef(null, "1.0"))
                .isInstanceOf(InvalidInputException.class).hasMessage("PlaybookRef.id must not be blank, was null");
        assertThatThrownBy(() -> new PlaybookRef(" ", "1.0"))
                .isInstanceOf(InvalidInputException.class).hasMessage("PlaybookRef.id must not be blank, was ' '");
        assertThatThrownBy(() -> new PlaybookRef("earned-trust", null))
                .isInstanceOf(InvalidInputException.class).hasMessage("PlaybookRef.version must not be blank, was null (id=earned-trust)");
    }

    @Test
    void aStageOutranksOnlyTheStagesListedAfterIt() {
        assertThat(Stage.FOLLOWING_UP.outranks(Stage.NO_RELATIONSHIP)).isTrue();
        assertThat(Stage.BLOCKED.outranks(Stage.READY_TO_ASK)).isTrue();
        assertThat(Stage.POSITIONING.outranks(Stage.COOLING_DOWN)).isFalse();
        assertThat(Stage.READY_TO_ASK.outranks(Stage.READY_TO_ASK)).isFalse();
        assertThat(Stage.COOLING_DOWN.outranks(Stage.POSITIONING)).isTrue();
    }

    @Test
    void eachTrustBuilderHasTheActionThatWorksOnIt() {
        assertThat(TrustBuilder.SERVICE_QUALITY.remedy()).isEqualTo(ActionType.IMPROVE_SERVICE);
        assertThat(TrustBuilder.PROACTIVE_CARE.remedy()).isEqualTo(ActionType.TAKE_PROACTIVE_ACTION);
        assertThat(TrustBuilder.EXTRA_VALUE.remedy()).isEqualTo(ActionType.DELIVER_EXTRA_VALUE);
        assertThat(TrustBuilder.RECIPROCITY.remedy()).isEqualTo(ActionType.GIVE_A_REFERRAL);
        assertThat(TrustBuilder.RELATIONSHIP.remedy()).isEqualTo(ActionType.BUILD_RELATIONSHIP);
    }
}
