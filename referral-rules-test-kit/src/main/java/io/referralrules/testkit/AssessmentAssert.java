package io.referralrules.testkit;

import io.referralrules.api.ActionType;
import io.referralrules.api.NextAction;
import io.referralrules.api.ProspectCircle;
import io.referralrules.api.ProspectHint;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.Stage;
import io.referralrules.api.Warning;
import io.referralrules.api.WarningType;
import org.assertj.core.api.AbstractAssert;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Fluent assertions on a {@link ReadinessAssessment}, in the words of the method. A failure prints what the engine did
 * conclude (stage and deciding rule, actions, warnings, fired rules), so the test output explains itself.
 *
 * <pre>{@code
 * AssessmentAssert.assertThat(engine.assess(snapshot, today))
 *         .hasStage(Stage.READY_TO_ASK)
 *         .hasAction(ActionType.ASK_FOR_INTRODUCTION)
 *         .hasNoWarnings()
 *         .fired("Earned and confirmed trust makes the customer ready to ask");
 * }</pre>
 */
public final class AssessmentAssert extends AbstractAssert<AssessmentAssert, ReadinessAssessment> {

    private AssessmentAssert(ReadinessAssessment actual) {
        super(actual, AssessmentAssert.class);
    }

    /** Starts assertions on an assessment. */
    public static AssessmentAssert assertThat(ReadinessAssessment actual) {
        return new AssessmentAssert(actual);
    }

    /** The customer is at this stage. */
    public AssessmentAssert hasStage(Stage expected) {
        isNotNull();
        if (actual.stage() != expected) {
            failWithMessage("Expected stage %s but was %s%n%s", expected, actual.stage(), summary());
        }
        return this;
    }

    /** The stage was decided by the rule of this name (a bundled or a host rule). */
    public AssessmentAssert hasStageDecidedBy(String rule) {
        isNotNull();
        if (!actual.stageReason().rule().equals(rule)) {
            failWithMessage("Expected the stage to be decided by rule '%s' but it was decided by '%s'%n%s", rule,
                    actual.stageReason().rule(), summary());
        }
        return this;
    }

    /** Trust is earned (the trust builders the playbook needs are met). */
    public AssessmentAssert hasTrustEarned() {
        isNotNull();
        if (!actual.trustEarned()) {
            failWithMessage("Expected trust to be earned but it was not%n%s", summary());
        }
        return this;
    }

    /** Trust is not earned. */
    public AssessmentAssert hasTrustNotEarned() {
        isNotNull();
        if (actual.trustEarned()) {
            failWithMessage("Expected trust not to be earned but it was%n%s", summary());
        }
        return this;
    }

    /** At least one action of this type is proposed. */
    public AssessmentAssert hasAction(ActionType type) {
        isNotNull();
        if (actual.actions(type).isEmpty()) {
            failWithMessage("Expected an action %s but there was none%n%s", type, summary());
        }
        return this;
    }

    /** An action of this type is proposed, due on this day. */
    public AssessmentAssert hasActionDue(ActionType type, LocalDate due) {
        hasAction(type);
        if (actual.actions(type).stream().noneMatch(a -> a.dueDate().equals(due))) {
            failWithMessage("Expected an action %s due %s but it was due %s%n%s", type, due,
                    actual.actions(type).stream().map(NextAction::dueDate).toList(), summary());
        }
        return this;
    }

    /** The only action of this type satisfies the given requirements (AssertJ assertions on the {@link NextAction}). */
    public AssessmentAssert hasActionSatisfying(ActionType type, Consumer<NextAction> requirements) {
        hasAction(type);
        List<NextAction> actions = actual.actions(type);
        if (actions.size() > 1) {
            failWithMessage("Expected one action %s but there were %d%n%s", type, actions.size(), summary());
        }
        requirements.accept(actions.get(0));
        return this;
    }

    /** No action of this type is proposed. */
    public AssessmentAssert hasNoAction(ActionType type) {
        isNotNull();
        if (!actual.actions(type).isEmpty()) {
            failWithMessage("Expected no action %s but there was %s%n%s", type, actual.actions(type), summary());
        }
        return this;
    }

    /** No action at all is proposed. */
    public AssessmentAssert hasNoActions() {
        isNotNull();
        if (!actual.actions().isEmpty()) {
            failWithMessage("Expected no actions%n%s", summary());
        }
        return this;
    }

    /** The ask for an introduction carries exactly these prospect circles, in this order. */
    public AssessmentAssert hasProspectCircles(ProspectCircle... circles) {
        hasAction(ActionType.ASK_FOR_INTRODUCTION);
        List<ProspectCircle> actualCircles = actual.action(ActionType.ASK_FOR_INTRODUCTION).orElseThrow()
                .prospectHints().stream().map(ProspectHint::circle).toList();
        if (!actualCircles.equals(List.of(circles))) {
            failWithMessage("Expected prospect circles %s but were %s%n%s", List.of(circles), actualCircles, summary());
        }
        return this;
    }

    /** At least one warning of this type was raised. */
    public AssessmentAssert hasWarning(WarningType type) {
        isNotNull();
        if (!actual.hasWarning(type)) {
            failWithMessage("Expected a warning %s but there was none%n%s", type, summary());
        }
        return this;
    }

    /** A warning of this type was raised about the fact with this id (an ask, an introduction…). */
    public AssessmentAssert hasWarningAbout(WarningType type, String subjectId) {
        hasWarning(type);
        if (actual.warnings(type).stream().noneMatch(w -> subjectId.equals(w.subjectId()))) {
            failWithMessage("Expected a warning %s about %s but it was about %s%n%s", type, subjectId,
                    actual.warnings(type).stream().map(Warning::subjectId).toList(), summary());
        }
        return this;
    }

    /** No warning of this type was raised. */
    public AssessmentAssert hasNoWarning(WarningType type) {
        isNotNull();
        if (actual.hasWarning(type)) {
            failWithMessage("Expected no warning %s but there was %s%n%s", type, actual.warnings(type), summary());
        }
        return this;
    }

    /** No warning at all was raised. */
    public AssessmentAssert hasNoWarnings() {
        isNotNull();
        if (!actual.warnings().isEmpty()) {
            failWithMessage("Expected no warnings%n%s", summary());
        }
        return this;
    }

    /** Every named rule fired at least once. */
    public AssessmentAssert fired(String... rules) {
        isNotNull();
        for (String rule : rules) {
            if (!actual.firedRules().contains(rule)) {
                failWithMessage("Expected rule '%s' to fire but it did not%n%s", rule, summary());
            }
        }
        return this;
    }

    /** None of the named rules fired. */
    public AssessmentAssert didNotFire(String... rules) {
        isNotNull();
        for (String rule : rules) {
            if (actual.firedRules().contains(rule)) {
                failWithMessage("Expected rule '%s' not to fire but it did%n%s", rule, summary());
            }
        }
        return this;
    }

    /** Fired exactly these many times (a rule fires once per match). */
    public AssessmentAssert firedTimes(String rule, int times) {
        isNotNull();
        long count = actual.firedRules().stream().filter(rule::equals).count();
        if (count != times) {
            failWithMessage("Expected rule '%s' to fire %d times but it fired %d%n%s", rule, times, count, summary());
        }
        return this;
    }

    /** The assessment names this playbook id. */
    public AssessmentAssert ranPlaybook(String id) {
        isNotNull();
        if (!actual.playbook().id().equals(id)) {
            failWithMessage("Expected playbook %s but was %s", id, actual.playbook());
        }
        return this;
    }

    private String summary() {
        return "  customer " + actual.customerId() + " as of " + actual.asOf() + " under " + actual.playbook() + "\n"
                + "  stage " + actual.stage() + " decided by '" + actual.stageReason().rule() + "': "
                + actual.stageReason().message() + "\n"
                + "  actions: " + actual.actions().stream().map(a -> a.type() + " due " + a.dueDate()
                + (a.subjectId() == null ? "" : " on " + a.subjectId())).collect(Collectors.joining(", ", "[", "]")) + "\n"
                + "  warnings: " + actual.warnings().stream().map(w -> w.type() + " " + w.date()
                + (w.subjectId() == null ? "" : " on " + w.subjectId())).collect(Collectors.joining(", ", "[", "]")) + "\n"
                + "  fired: " + actual.firedRules();
    }
}
