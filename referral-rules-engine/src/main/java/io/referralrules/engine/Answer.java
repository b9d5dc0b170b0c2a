package io.referralrules.engine;

import io.referralrules.api.NextAction;
import io.referralrules.api.Obstacle;
import io.referralrules.api.ObstacleKind;
import io.referralrules.api.ProspectHint;
import io.referralrules.api.Reason;
import io.referralrules.api.Stage;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.TrustBuilderResult;
import io.referralrules.api.Warning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules concluded about one customer on one day, read from the session's conclusion facts once the rules have
 * fired, in the answer's stable orders.
 */
final class Answer {
    /**
     * Rules of one phase (salience) fire in an order Drools does not define, customers of a batch interleave, and the
     * session's objects come in no defined order: reasons are sorted by rule, message and evidence, and every other
     * order ends on the reason, so the same facts give the same answer, byte for byte, alone or in a batch, on every
     * build and JVM. Among claims of the winning stage, the answer cites the first in this order.
     */
    private static final Comparator<Reason> REASON_ORDER = Comparator.comparing(Reason::rule)
            .thenComparing(Reason::message).thenComparing(r -> r.evidence().toString());
    private static final Comparator<NextAction> ACTION_ORDER = Comparator.comparing(NextAction::dueDate)
            .thenComparing(NextAction::type)
            .thenComparing(NextAction::subjectId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(NextAction::reason, REASON_ORDER);
    private static final Comparator<Warning> WARNING_ORDER = Comparator.comparing(Warning::date)
            .thenComparing(Warning::type)
            .thenComparing(Warning::subjectId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Warning::reason, REASON_ORDER);
    private static final Comparator<Obstacle> OBSTACLE_ORDER = Comparator.comparing(Obstacle::kind)
            .thenComparing(Obstacle::subject, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Obstacle::measured).thenComparing(Obstacle::remedy).thenComparing(Obstacle::reason, REASON_ORDER);
    static final Comparator<ProspectHint> HINT_ORDER = Comparator.comparing(ProspectHint::circle)
            .thenComparing(ProspectHint::detail, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(h -> h.evidence().toString());

    Stage stage;
    final Map<Stage, List<Reason>> claims = new EnumMap<>(Stage.class);
    boolean trustEarned;
    final Map<TrustBuilder, TrustBuilderResult> builders = new EnumMap<>(TrustBuilder.class);
    final List<NextAction> actions = new ArrayList<>();
    final List<Warning> warnings = new ArrayList<>();
    final List<Obstacle> obstacles = new ArrayList<>();
    final List<Reason> reasons = new ArrayList<>();
    List<String> firedRules = List.of();

    void claim(Stage claimed, Reason reason) {
        claims.computeIfAbsent(claimed, s -> new ArrayList<>()).add(reason);
    }

    /** The claim of the decided stage that the answer cites. */
    Reason stageReason() {
        return claims.getOrDefault(stage, List.of()).stream().min(REASON_ORDER)
                .orElseThrow(() -> new IllegalStateException("no claim of the decided stage " + stage));
    }

    List<NextAction> actions() {
        actions.sort(ACTION_ORDER);
        return actions;
    }

    List<Warning> warnings() {
        warnings.sort(WARNING_ORDER);
        return warnings;
    }

    /** Every unmet condition for READY_TO_ASK; none when ready. */
    List<Obstacle> obstacles() {
        if (stage == Stage.READY_TO_ASK) {
            return List.of();
        }
        obstacles.sort(OBSTACLE_ORDER);
        return obstacles;
    }

    List<Reason> reasons() {
        reasons.sort(REASON_ORDER);
        return reasons;
    }

    List<String> firedRules() {
        List<String> sorted = new ArrayList<>(firedRules);
        Collections.sort(sorted);
        return sorted;
    }

    List<TrustBuilderResult> builders() {
        return new ArrayList<>(builders.values());
    }

    static Obstacle hostVeto(String message, Reason reason) {
        return new Obstacle(ObstacleKind.HOST_VETO, null, message, "no veto from a host rule",
                "whatever host rule '" + reason.rule() + "' requires", null, reason);
    }
}
