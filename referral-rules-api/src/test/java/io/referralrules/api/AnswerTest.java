package io.referralrules.api;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ReadinessAssessment#answer()}: what an assessment decides, the same on two days when the decision is the
 * same, different when any part of it is; its canonical text and digest; and the revisit day's own rule.
 */
@DisplayName("The answer of an assessment and the revisit day")
class AnswerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final PlaybookRef EARNED_TRUST = new PlaybookRef("earned-trust", "1.0");
    private static final Reason STAGE = new Reason("Cool down after an ask", "common/asking.drl", "Ask A-1 on 2026-05-06.", List.of("A-1"));

    /** A cooling-down customer as of {@code day}: a thank-you due on 2026-06-17, a builder remedy due "now". */
    private static ReadinessAssessment coolingDown(LocalDate day, String message, List<NextAction> actions) {
        Reason said = new Reason("rule", "file.drl", message, List.of("X-" + message.length()));
        return new ReadinessAssessment("C-1", day, EARNED_TRUST, Stage.COOLING_DOWN, STAGE, false,
                List.of(new TrustBuilderResult(TrustBuilder.SERVICE_QUALITY, true, List.of("SI-1"), said),
                        new TrustBuilderResult(TrustBuilder.RECIPROCITY, false, List.of(), said)),
                actions,
                List.of(new Warning(WarningType.ASK_FATIGUE, LocalDate.of(2026, 5, 6), "A-1", said)),
                List.of(new Obstacle(ObstacleKind.COOL_DOWN, "A-1", message, "90 days", "wait", LocalDate.of(2026, 8, 5), said),
                        new Obstacle(ObstacleKind.TRUST_BUILDER, "RECIPROCITY", message, "1", "give a referral", null, said)),
                new EarliestAsk(LocalDate.of(2026, 8, 5), message), day.plusDays(2), List.of(said), List.of("rule"));
    }

    private static List<NextAction> actionsOn(LocalDate day) {
        Reason said = new Reason("rule", "file.drl", "as of " + day, List.of());
        int overdue = (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2026, 6, 17), day));
        return List.of(new NextAction(ActionType.GIVE_A_REFERRAL, day, 0, null, said),
                new NextAction(ActionType.THANK_REFERRER, LocalDate.of(2026, 6, 17), overdue, "I-1", said));
    }

    @Test
    void theSameDecisionOnAnotherDayWithOtherTextsIsTheSameAnswer() {
        ReadinessAssessment monday = coolingDown(DAY, "measured on Monday", actionsOn(DAY));
        ReadinessAssessment tuesday = coolingDown(DAY.plusDays(1), "measured again on Tuesday", actionsOn(DAY.plusDays(1)));

        assertThat(tuesday.answer()).isEqualTo(monday.answer());
        assertThat(tuesday.sameAnswer(monday)).isTrue();
        assertThat(tuesday.answer().digest()).isEqualTo(monday.answer().digest());
        // the remedy is due on each assessment day: due "now" in the answer
        assertThat(monday.answer().actions()).contains(new ReadinessAssessment.Answer.Action(ActionType.GIVE_A_REFERRAL, null, null, false, null));
    }

    @Test
    void aDeadlineIsAnotherAnswerTheDayBeforeOnItsDayAndOnceOverdue() {
        ReadinessAssessment before = coolingDown(LocalDate.of(2026, 6, 16), "m", actionsOn(LocalDate.of(2026, 6, 16)));
        ReadinessAssessment dueDay = coolingDown(LocalDate.of(2026, 6, 17), "m", actionsOn(LocalDate.of(2026, 6, 17)));
        ReadinessAssessment overdue = coolingDown(LocalDate.of(2026, 6, 18), "m", actionsOn(LocalDate.of(2026, 6, 18)));
        ReadinessAssessment later = coolingDown(LocalDate.of(2026, 6, 25), "m", actionsOn(LocalDate.of(2026, 6, 25)));

        assertThat(List.of(before.answer(), dueDay.answer(), overdue.answer())).doesNotHaveDuplicates();
        assertThat(later.answer()).as("overdue by 8 days, not 1: the counter is not part of the answer").isEqualTo(overdue.answer());
        assertThat(dueDay.answer().actions()).contains(new ReadinessAssessment.Answer.Action(ActionType.THANK_REFERRER, "I-1", null, false, null));
        assertThat(overdue.answer().actions()).contains(
                new ReadinessAssessment.Answer.Action(ActionType.THANK_REFERRER, "I-1", LocalDate.of(2026, 6, 17), true, null));
    }

    @Test
    void theOrderTheRulesConcludedInDoesNotMatter() {
        List<NextAction> reversed = new ArrayList<>(actionsOn(DAY));
        Collections.reverse(reversed);

        assertThat(coolingDown(DAY, "m", reversed).answer()).isEqualTo(coolingDown(DAY, "m", actionsOn(DAY)).answer());
    }

    @Test
    void eachPartOfTheDecisionChangesTheAnswer() {
        ReadinessAssessment a = coolingDown(DAY, "m", actionsOn(DAY));
        ReadinessAssessment.Answer base = a.answer();

        assertThat(List.of(
                new ReadinessAssessment(a.customerId(), DAY, a.playbook(), Stage.BLOCKED, a.stageReason(), false, a.trustBuilders(),
                        a.actions(), a.warnings(), a.whyNot(), a.earliestAsk(), a.revisitOn(), a.reasons(), a.firedRules()),
                new ReadinessAssessment(a.customerId(), DAY, a.playbook(), a.stage(), new Reason("other rule", "f", "m", List.of()),
                        false, a.trustBuilders(), a.actions(), a.warnings(), a.whyNot(), a.earliestAsk(), a.revisitOn(), a.reasons(), a.firedRules()),
                new ReadinessAssessment(a.customerId(), DAY, a.playbook(), a.stage(), a.stageReason(), true, a.trustBuilders(),
                        a.actions(), a.warnings(), a.whyNot(), a.earliestAsk(), a.revisitOn(), a.reasons(), a.firedRules()),
                new ReadinessAssessment(a.customerId(), DAY, a.playbook(), a.stage(), a.stageReason(), false, a.trustBuilders().subList(0, 1),
                        a.actions(), a.warnings(), a.whyNot(), a.earliestAsk(), a.revisitOn(), a.reasons(), a.firedRules()),
                new ReadinessAssessment(a.customerId(), DAY, a.playbook(), a.stage(), a.stageReason(), false, a.trustBuilders(),
                        a.actions().subList(0, 1), a.warnings(), a.whyNot(), a.earliestAsk(), a.revisitOn(), a.reasons(), a.firedRules()),
                new ReadinessAssessment(a.customerId(), DAY, a.playbook(), a.stage(), a.stageReason(), false, a.trustBuilders(),
                        a.actions(), List.of(), a.whyNot(), a.earliestAsk(), a.revisitOn(), a.reasons(), a.firedRules()),
                new ReadinessAssessment(a.customerId(), DAY, a.playbook(), a.stage(), a.stageReason(), false, a.trustBuilders(),
                        a.actions(), a.warnings(), a.whyNot().subList(1, 2), a.earliestAsk(), a.revisitOn(), a.reasons(), a.firedRules()),
                new ReadinessAssessment(a.customerId(), DAY, a.playbook(), a.stage(), a.stageReason(), false, a.trustBuilders(),
                        a.actions(), a.warnings(), a.whyNot(), new EarliestAsk(null, "m"), a.revisitOn(), a.reasons(), a.firedRules())))
                .allSatisfy(other -> {
                    assertThat(other.answer()).isNotEqualTo(base);
                    assertThat(other.answer().canonical()).isNotEqualTo(base.canonical());
                    assertThat(other.answer().digest()).isNotEqualTo(base.digest());
                });
    }

    @Test
    void readyNowHasNoEarliestAskDayInTheAnswerAndALaterDayHasIt() {
        ReadinessAssessment a = coolingDown(DAY, "m", actionsOn(DAY));
        ReadinessAssessment readyNow = new ReadinessAssessment(a.customerId(), DAY, a.playbook(), a.stage(), a.stageReason(), false,
                a.trustBuilders(), a.actions(), a.warnings(), a.whyNot(), new EarliestAsk(DAY, "Ready to ask now."), null,
                a.reasons(), a.firedRules());

        assertThat(readyNow.answer().earliestAsk()).isNull();
        assertThat(a.answer().earliestAsk()).isEqualTo(LocalDate.of(2026, 8, 5));
    }

    /** The text and its digest are pinned: a state file written by one build is read by the next. */
    @Test
    void theCanonicalTextAndDigestAreExactlyThese() {
        ReadinessAssessment.Answer answer = coolingDown(DAY, "m", actionsOn(DAY)).answer();

        assertThat(answer.canonical()).isEqualTo("""
                referral-rules answer 1
                stage COOLING_DOWN
                stageRule "Cool down after an ask"
                trustEarned false
                builder SERVICE_QUALITY true
                builder RECIPROCITY false
                action GIVE_A_REFERRAL null null not-overdue null
                action THANK_REFERRER "I-1" 2026-06-17 not-overdue null
                warning ASK_FATIGUE 2026-05-06 "A-1"
                unmet TRUST_BUILDER "RECIPROCITY" null
                unmet COOL_DOWN "A-1" 2026-08-05
                earliestAsk 2026-08-05
                """);
        assertThat(answer.digest()).isEqualTo(sha256(answer.canonical())).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void textsAreQuotedSoThatNoTwoAnswersShareATextOrADigest() {
        List<String> awkward = List.of("a b", "a\" b", "a\\\\ b", "a\n b", "a\\n b", "a\u0001", "\ud800", "\udc00", "?", "null", "");
        List<String> texts = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (String subject : awkward) {
            ReadinessAssessment.Answer answer = new ReadinessAssessment.Answer(Stage.BLOCKED, "rule", false, List.of(),
                    List.of(new ReadinessAssessment.Answer.Action(ActionType.HOST_ACTION, subject, null, false, null)),
                    List.of(), List.of(), null);
            texts.add(answer.canonical());
            digests.add(answer.digest());
            assertThat(answer.canonical().lines()).as(subject).hasSize(6);
        }
        texts.add(new ReadinessAssessment.Answer(Stage.BLOCKED, "rule", false, List.of(),
                List.of(new ReadinessAssessment.Answer.Action(ActionType.HOST_ACTION, null, null, false, null)),
                List.of(), List.of(), null).canonical());

        assertThat(texts).doesNotHaveDuplicates();
        assertThat(digests).doesNotHaveDuplicates();
        assertThat(texts.get(3)).contains("\"a\\n b\"");
        assertThat(texts.get(5)).contains("\"a\\u0001\"");
        assertThat(texts.get(6)).contains("\"\\ud800\"");
    }

    @Test
    void theRevisitDayComesAfterTheAssessmentDayOrIsNone() {
        ReadinessAssessment a = coolingDown(DAY, "m", actionsOn(DAY));

        assertThat(a.revisitDay()).contains(DAY.plusDays(2));
        assertThat(new ReadinessAssessment("C-1", DAY, EARNED_TRUST, Stage.NO_RELATIONSHIP, STAGE, false, List.of(), List.of(),
                List.of(), List.of(), EarliestAsk.notWorkedOut(), null, List.of(), List.of()).revisitDay()).isEmpty();
        for (LocalDate wrong : List.of(DAY, DAY.minusDays(1))) {
            assertThatThrownBy(() -> new ReadinessAssessment("C-1", DAY, EARNED_TRUST, Stage.NO_RELATIONSHIP, STAGE, false, List.of(),
                    List.of(), List.of(), List.of(), EarliestAsk.notWorkedOut(), wrong, List.of(), List.of()))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.path()).isEqualTo("revisitOn");
                        assertThat(e.problem()).isEqualTo("must be after asOf " + DAY + ", was " + wrong);
                    });
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
