package io.referralrules.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's answer for one customer on one day. Immutable; two assessments of the same snapshot, day, playbook and
 * policy are equal.
 *
 * @param customerId   the assessed customer's id
 * @param asOf         the assessment day
 * @param playbook     the playbook (rule set) and version that decided
 * @param stage        where the customer stands in the cycle (exactly one)
 * @param stageReason  the rule that decided the stage and why
 * @param trustEarned  whether the customer's trust builders earn the right to ask
 * @param trustBuilders the five trust builders, in {@link TrustBuilder} order (empty when there is no relationship)
 * @param actions      what to do next, by due date
 * @param warnings     what went wrong in the customer's history, by date
 * @param whyNot       when the customer is not {@link Stage#READY_TO_ASK}, every unmet condition for it with what would
 *                     satisfy it; empty when ready
 * @param earliestAsk  the earliest day the ask could be allowed if nothing else changes, or that new facts are needed
 * @param reasons      every conclusion the rules drew, sorted by rule name then message (rules of one phase fire in
 *                     an order Drools does not define, so the engine does not pretend to one)
 * @param firedRules   the names of the rules that fired, sorted by name (a rule that fired for several facts
 *                     appears once per firing)
 */
public record ReadinessAssessment(String customerId, LocalDate asOf, PlaybookRef playbook, Stage stage, Reason stageReason,
                                  boolean trustEarned, List<TrustBuilderResult> trustBuilders,
                                  List<NextAction> actions, List<Warning> warnings, List<Obstacle> whyNot,
                                  EarliestAsk earliestAsk, List<Reason> reasons, List<String> firedRules) {
    public ReadinessAssessment {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(stageReason, "stageReason");
        trustBuilders = List.copyOf(Objects.requireNonNull(trustBuilders, "trustBuilders"));
        actions = List.copyOf(Objects.requireNonNull(actions, "actions"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
        whyNot = List.copyOf(Objects.requireNonNull(whyNot, "whyNot"));
        Objects.requireNonNull(earliestAsk, "earliestAsk");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        firedRules = List.copyOf(Objects.requireNonNull(firedRules, "firedRules"));
    }

    /** The first action of the given type, if any. */
    public Optional<NextAction> action(ActionType type) {
        return actions(type).stream().findFirst();
    }

    /** The actions of the given type, by due date. */
    public List<NextAction> actions(ActionType type) {
        Objects.requireNonNull(type, "type");
        return actions.stream().filter(a -> a.type() == type).toList();
    }

    /** The warnings of the given type, by date. */
    public List<Warning> warnings(WarningType type) {
        Objects.requireNonNull(type, "type");
        return warnings.stream().filter(w -> w.type() == type).toList();
    }

    /** Whether any warning of the given type was raised. */
    public boolean hasWarning(WarningType type) {
        return !warnings(type).isEmpty();
    }

    /** The unmet conditions of one kind. */
    public List<Obstacle> whyNot(ObstacleKind kind) {
        Objects.requireNonNull(kind, "kind");
        return whyNot.stream().filter(o -> o.kind() == kind).toList();
    }

    /** The result for one trust builder, if the customer has a relationship. */
    public Optional<TrustBuilderResult> trustBuilder(TrustBuilder builder) {
        Objects.requireNonNull(builder, "builder");
        return trustBuilders.stream().filter(t -> t.builder() == builder).findFirst();
    }
}
