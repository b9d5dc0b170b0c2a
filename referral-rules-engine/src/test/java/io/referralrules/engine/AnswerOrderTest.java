package io.referralrules.engine;

import io.referralrules.api.ActionType;
import io.referralrules.api.NextAction;
import io.referralrules.api.Obstacle;
import io.referralrules.api.ObstacleKind;
import io.referralrules.api.ProspectCircle;
import io.referralrules.api.ProspectHint;
import io.referralrules.api.Reason;
import io.referralrules.api.Stage;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.TrustBuilderResult;
import io.referralrules.api.Warning;
import io.referralrules.api.WarningType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The orders an answer is given in, whatever order the session handed its conclusions over: every sort key in turn
 * decides when the ones before it tie, and the reason decides last, so an answer never depends on Drools' firing order.
 */
@DisplayName("Answer: the stable orders of actions, warnings, obstacles, reasons, rules and hints")
class AnswerOrderTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    private static Reason reason(String rule, String message, String... evidence) {
        return new Reason(rule, "io/referralrules/rules/common/asking.drl", message, List.of(evidence));
    }

    private static final Reason A = reason("A rule", "first");
    private static final Reason B = reason("B rule", "first");

    @Test
    void actionsGoByDueDayThenTypeThenSubjectWithTheCustomerFirstThenReason() {
        NextAction late = new NextAction(ActionType.IMPROVE_SERVICE, DAY.plusDays(1), 0, null, A);
        NextAction thankI2 = new NextAction(ActionType.THANK_REFERRER, DAY, 0, "I-2", A);
        NextAction thankI1ByB = new NextAction(ActionType.THANK_REFERRER, DAY, 0, "I-1", B);
        NextAction thankI1ByA = new NextAction(ActionType.THANK_REFERRER, DAY, 0, "I-1", A);
        NextAction improve = new NextAction(ActionType.IMPROVE_SERVICE, DAY, 0, null, A);
        NextAction improveForI1 = new NextAction(ActionType.IMPROVE_SERVICE, DAY, 0, "I-1", A);
        Answer answer = new Answer();
        answer.actions.addAll(List.of(late, thankI2, thankI1ByB, improveForI1, thankI1ByA, improve));

        assertThat(answer.actions()).containsExactly(improve, improveForI1, thankI1ByA, thankI1ByB, thankI2, late);
    }

    @Test
    void warningsGoByDayThenTypeThenSubjectThenReason() {
        Warning later = new Warning(WarningType.PREMATURE_ASK, DAY, "A-1", A);
        Warning fatigueA2 = new Warning(WarningType.ASK_FATIGUE, DAY.minusDays(1), "A-2", A);
        Warning fatigueA1ByB = new Warning(WarningType.ASK_FATIGUE, DAY.minusDays(1), "A-1", B);
        Warning fatigueA1ByA = new Warning(WarningType.ASK_FATIGUE, DAY.minusDays(1), "A-1", A);
        Warning premature = new Warning(WarningType.PREMATURE_ASK, DAY.minusDays(1), "A-1", A);
        Warning fatigueOfCustomer = new Warning(WarningType.ASK_FATIGUE, DAY.minusDays(1), null, A);
        Answer answer = new Answer();
        answer.warnings.addAll(List.of(later, premature, fatigueA2, fatigueA1ByB, fatigueA1ByA, fatigueOfCustomer));

        // on one day, the types in their declared order: PREMATURE_ASK before ASK_FATIGUE
        assertThat(answer.warnings()).containsExactly(premature, fatigueOfCustomer, fatigueA1ByA, fatigueA1ByB, fatigueA2, later);
    }

    @Test
    void obstaclesGoByKindThenSubjectThenWhatWasMeasuredThenRemedyThenReason() {
        Obstacle coolDown = obstacle(ObstacleKind.COOL_DOWN, "A-1", "ask A-1", "wait", A);
        Obstacle reciprocity = obstacle(ObstacleKind.TRUST_BUILDER, "RECIPROCITY", "0 referrals", "give", A);
        Obstacle extraValue = obstacle(ObstacleKind.TRUST_BUILDER, "EXTRA_VALUE", "0 deliveries", "deliver", A);
        Obstacle noSale = obstacle(ObstacleKind.NO_SALE, null, "no sale", "close a sale", A);
        Obstacle greenLights = obstacle(ObstacleKind.GREEN_LIGHTS, null, "1 green light", "hold a conversation", A);
        Obstacle greenLightsMore = obstacle(ObstacleKind.GREEN_LIGHTS, null, "1 green light", "hold a conversation", B);
        Obstacle greenLightsOther = obstacle(ObstacleKind.GREEN_LIGHTS, null, "1 green light", "ask for a score", B);
        Obstacle greenLightsFewer = obstacle(ObstacleKind.GREEN_LIGHTS, null, "0 green lights", "hold a conversation", B);
        Obstacle greenLightsOfA1 = obstacle(ObstacleKind.GREEN_LIGHTS, "A-1", "0 green lights", "hold a conversation", A);
        Answer answer = new Answer();
        answer.stage = Stage.CONFIRMING;
        answer.obstacles.addAll(List.of(coolDown, reciprocity, greenLightsOfA1, extraValue, greenLightsMore, noSale, greenLights,
                greenLightsOther, greenLightsFewer));

        assertThat(answer.obstacles()).containsExactly(noSale, extraValue, reciprocity, greenLightsFewer, greenLightsOther,
                greenLights, greenLightsMore, greenLightsOfA1, coolDown);
    }

    private static Obstacle obstacle(ObstacleKind kind, String subject, String measured, String remedy, Reason reason) {
        return new Obstacle(kind, subject, measured, "needed", remedy, null, reason);
    }

    @Test
    void aCustomerReadyToAskHasNoObstacleLeft() {
        Answer answer = new Answer();
        answer.stage = Stage.READY_TO_ASK;
        answer.obstacles.add(obstacle(ObstacleKind.TRUST_BUILDER, "EXTRA_VALUE", "0 deliveries", "deliver", A));

        assertThat(answer.obstacles()).isEmpty();
    }

    @Test
    void reasonsGoByRuleThenMessageThenEvidence() {
        Reason bFirst = reason("B rule", "first");
        Reason aSecond = reason("A rule", "second");
        Reason aFirstS2 = reason("A rule", "first", "S-2");
        Reason aFirstS1 = reason("A rule", "first", "S-1");
        Answer answer = new Answer();
        answer.reasons.addAll(List.of(bFirst, aSecond, aFirstS2, aFirstS1));

        assertThat(answer.reasons()).containsExactly(aFirstS1, aFirstS2, aSecond, bFirst);
    }

    @Test
    void theStageIsCitedByTheFirstOfItsClaimsInReasonOrder() {
        Answer answer = new Answer();
        answer.claim(Stage.BLOCKED, reason("Complaint open", "CP-2"));
        answer.claim(Stage.BLOCKED, reason("Complaint open", "CP-1"));
        answer.claim(Stage.COOLING_DOWN, reason("A cool-down", "A-1"));
        answer.stage = Stage.BLOCKED;

        assertThat(answer.stageReason()).isEqualTo(reason("Complaint open", "CP-1"));
    }

    @Test
    void aStageNobodyClaimedIsAFaultOfTheRulesNotAnAnswer() {
        Answer answer = new Answer();
        answer.claim(Stage.COOLING_DOWN, A);
        answer.stage = Stage.BLOCKED;

        assertThatIllegalStateException().isThrownBy(answer::stageReason).withMessage("no claim of the decided stage BLOCKED");
    }

    @Test
    void firedRulesAreSortedAndRepeatedOncePerFiringWithoutChangingTheRecord() {
        Answer answer = new Answer();
        List<String> firingOrder = new ArrayList<>(List.of("Work on each trust builder not yet met", "Measure trust on the assessment day",
                "Work on each trust builder not yet met"));
        answer.firedRules = firingOrder;

        assertThat(answer.firedRules()).containsExactly("Measure trust on the assessment day", "Work on each trust builder not yet met",
                "Work on each trust builder not yet met");
        assertThat(firingOrder.get(0)).isEqualTo("Work on each trust builder not yet met");
    }

    @Test
    void trustBuildersComeInTheirOwnOrder() {
        Answer answer = new Answer();
        TrustBuilderResult relationship = new TrustBuilderResult(TrustBuilder.RELATIONSHIP, true, List.of("ST-1"), A);
        TrustBuilderResult service = new TrustBuilderResult(TrustBuilder.SERVICE_QUALITY, false, List.of(), A);
        answer.builders.put(TrustBuilder.RELATIONSHIP, relationship);
        answer.builders.put(TrustBuilder.SERVICE_QUALITY, service);

        assertThat(answer.builders()).containsExactly(service, relationship);
    }

    @Test
    void hintsGoByCircleThenDetailWithNoneFirstThenEvidence() {
        ProspectHint expoB = new ProspectHint(ProspectCircle.INDUSTRY_EVENT, "Retail Expo", List.of("IE-2"));
        ProspectHint expoA = new ProspectHint(ProspectCircle.INDUSTRY_EVENT, "Retail Expo", List.of("IE-1"));
        ProspectHint forum = new ProspectHint(ProspectCircle.INDUSTRY_EVENT, "Logistics Forum", List.of("IE-3"));
        ProspectHint event = new ProspectHint(ProspectCircle.INDUSTRY_EVENT, null, List.of("IE-4"));
        ProspectHint peers = new ProspectHint(ProspectCircle.PEERS_AND_COMPETITORS, null, List.of("C-1"));
        List<ProspectHint> hints = new ArrayList<>(List.of(expoB, forum, expoA, event, peers));

        hints.sort(Answer.HINT_ORDER);

        assertThat(hints).containsExactly(peers, event, forum, expoA, expoB);
    }

    @Test
    void aHostVetoSaysWhichRuleToSatisfy() {
        Reason veto = reason("Regulated customers are never asked", "Customer C-1 is regulated.");

        Obstacle o = Answer.hostVeto("Customer C-1 is regulated.", veto);

        assertThat(o.kind()).isEqualTo(ObstacleKind.HOST_VETO);
        assertThat(o.subject()).isNull();
        assertThat(o.measured()).isEqualTo("Customer C-1 is regulated.");
        assertThat(o.needed()).isEqualTo("no veto from a host rule");
        assertThat(o.remedy()).isEqualTo("whatever host rule 'Regulated customers are never asked' requires");
        assertThat(o.clearsOn()).isNull();
        assertThat(o.reason()).isEqualTo(veto);
    }
}
