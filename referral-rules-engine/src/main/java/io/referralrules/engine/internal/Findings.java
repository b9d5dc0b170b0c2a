package io.referralrules.engine.internal;

import io.referralrules.api.ActionType;
import io.referralrules.api.NextAction;
import io.referralrules.api.Reason;
import io.referralrules.api.Stage;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.TrustBuilderResult;
import io.referralrules.api.Warning;
import io.referralrules.api.WarningType;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one assessment's rules concluded. The DRL consequences write here (it is the {@code findings} global); it also
 * listens to the agenda, so it knows which rule is firing and records every firing. One instance per assessment:
 * not thread-safe, never shared.
 */
public final class Findings extends DefaultAgendaEventListener {
    private final LocalDate asOf;
    private final List<String> firedRules = new ArrayList<>();
    private final List<Reason> reasons = new ArrayList<>();
    private final Map<TrustBuilder, TrustBuilderResult> builders = new EnumMap<>(TrustBuilder.class);
    private final List<NextAction> actions = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private String currentRule = "";
    private boolean trustEarned;
    private Stage stage;
    private Reason stageReason;

    public Findings(LocalDate asOf) {
        this.asOf = asOf;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        currentRule = event.getMatch().getRule().getName();
        firedRules.add(currentRule);
    }

    private Reason reason(String message, List<?> evidence) {
        Reason reason = new Reason(currentRule, message, strings(evidence));
        reasons.add(reason);
        return reason;
    }

    /** Records a derived conclusion that is neither a stage, an action nor a warning. */
    public void note(String message, List<?> evidence) {
        reason(message, evidence);
    }

    /** Records a trust builder as measured on the assessment day. */
    public void measured(TrustBuilder builder, boolean met, List<?> evidence, String message) {
        Reason reason = reason(message, evidence);
        builders.put(builder, new TrustBuilderResult(builder, met, reason.evidence(), reason));
    }

    /**
     * Measures a builder that needs a minimum count of facts on a checkpoint; records it when the checkpoint is the
     * assessment day. Returns the measure for the rule to insert.
     */
    public TrustBuilderMeasure count(Checkpoint checkpoint, TrustBuilder builder, List<?> ids, int minimum,
                                     String noun, int lookbackDays) {
        boolean met = ids.size() >= minimum;
        List<String> evidence = strings(ids);
        if (checkpoint.forAssessment()) {
            measured(builder, met, evidence, ids.size() + " " + noun + " in the " + lookbackDays + " days up to "
                    + checkpoint.date() + " (needs " + minimum + ").");
        }
        return new TrustBuilderMeasure(checkpoint, builder, met, evidence);
    }

    /** Records that trust is earned as of the assessment day, citing the evidence of the builders that are met. */
    public void trustEarned(String message, List<?> metMeasures) {
        List<String> evidence = new ArrayList<>();
        for (Object m : metMeasures) {
            evidence.addAll(((TrustBuilderMeasure) m).evidence());
        }
        reason(message, evidence);
        trustEarned = true;
    }

    /** The ids as strings, in a stable order. */
    public static List<String> strings(List<?> ids) {
        List<String> out = new ArrayList<>(ids.size());
        for (Object id : ids) {
            out.add(String.valueOf(id));
        }
        Collections.sort(out);
        return out;
    }

    /** Makes a stage claim for {@code stage.drl} to weigh; the claim's reason is kept whether it wins or not. */
    public StageClaim claim(Stage claimed, String message, List<?> evidence) {
        return new StageClaim(claimed, reason(message, evidence));
    }

    /** Records the winning claim as the assessment's stage. */
    public StageDecision decide(StageClaim winner) {
        requireUndecided();
        stage = winner.stage();
        stageReason = winner.reason();
        return new StageDecision(stage);
    }

    private void requireUndecided() {
        if (stage != null) {
            throw new IllegalStateException("stage decided twice: " + stage + " by " + stageReason.rule()
                    + ", then by " + currentRule);
        }
    }

    /** Proposes an action due on {@code due}; overdue days are counted from the assessment day. */
    public void action(ActionType type, LocalDate due, String subjectId, String message, List<?> evidence) {
        long overdue = Math.max(0, ChronoUnit.DAYS.between(due, asOf));
        actions.add(new NextAction(type, due, Math.toIntExact(overdue), subjectId, reason(message, evidence)));
    }

    /** Raises a warning about something that happened on {@code date}. */
    public void warning(WarningType type, LocalDate date, String subjectId, String message, List<?> evidence) {
        warnings.add(new Warning(type, date, subjectId, reason(message, evidence)));
    }

    public List<String> firedRules() {
        return firedRules;
    }

    public List<Reason> reasons() {
        return reasons;
    }

    public List<TrustBuilderResult> builders() {
        return new ArrayList<>(builders.values());
    }

    public List<NextAction> actions() {
        return actions;
    }

    public List<Warning> warnings() {
        return warnings;
    }

    public boolean trustEarned() {
        return trustEarned;
    }

    public Stage stage() {
        return stage;
    }

    public Reason stageReason() {
        return stageReason;
    }
}
