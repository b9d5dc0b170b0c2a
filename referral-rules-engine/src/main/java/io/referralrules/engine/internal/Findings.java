package io.referralrules.engine.internal;

import io.referralrules.api.ActionType;
import io.referralrules.api.NextAction;
import io.referralrules.api.Obstacle;
import io.referralrules.api.ObstacleKind;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ProspectHint;
import io.referralrules.api.Reason;
import io.referralrules.api.Stage;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.TrustBuilderResult;
import io.referralrules.api.Warning;
import io.referralrules.api.WarningType;
import io.referralrules.engine.spi.AskVeto;
import io.referralrules.engine.spi.HostAction;
import io.referralrules.engine.spi.HostReason;
import io.referralrules.engine.spi.HostResult;
import io.referralrules.engine.spi.HostWarning;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one assessment's rules concluded. The DRL consequences write here (it is the {@code findings} global); it also
 * listens to the agenda, so it knows which rule is firing and records every firing, and to working memory, so it
 * records each {@link HostResult} a host rule inserts under that rule's name. One instance per assessment: not
 * thread-safe, never shared.
 */
public final class Findings extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    private static final Comparator<ProspectHint> HINT_ORDER = Comparator.comparing(ProspectHint::circle)
            .thenComparing(ProspectHint::detail, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(h -> h.evidence().toString());

    private final LocalDate asOf;
    private final RuleFiles files;
    private final List<Obstacle> obstacles = new ArrayList<>();
    private String currentFile = "(unknown)";
    private final List<String> firedRules = new ArrayList<>();
    private final List<Reason> reasons = new ArrayList<>();
    private final Map<TrustBuilder, TrustBuilderResult> builders = new EnumMap<>(TrustBuilder.class);
    private final List<NextAction> actions = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private String currentRule = "";
    private boolean trustEarned;
    private Stage stage;
    private Reason stageReason;
    private final Map<AskVeto, Reason> vetoes = new IdentityHashMap<>();

    public Findings(LocalDate asOf, RuleFiles files) {
        this.asOf = asOf;
        this.files = files;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        org.kie.api.definition.rule.Rule rule = event.getMatch().getRule();
        currentRule = rule.getName();
        currentFile = files.file(rule.getPackageName(), rule.getName());
        firedRules.add(currentRule);
    }

    private Reason reason(String message, List<?> evidence) {
        return reason(currentRule, currentFile, message, evidence);
    }

    private Reason reason(String rule, String file, String message, List<?> evidence) {
        Reason reason = new Reason(rule, file, message, strings(evidence));
        reasons.add(reason);
        return reason;
    }

    /**
     * Records an unmet condition for READY_TO_ASK, found by the rule that is firing.
     *
     * @param clearsOn the day time alone clears it, or {@code null} when new facts are needed
     */
    public void obstacle(ObstacleKind kind, String subject, String measured, String needed, String remedy,
                         LocalDate clearsOn, List<?> evidence) {
        Reason reason = new Reason(currentRule, currentFile, measured + " (needs " + needed + "): " + remedy,
                strings(evidence));
        obstacles.add(new Obstacle(kind, subject, measured, needed, remedy, clearsOn, reason));
    }

    /** Records every unmet trust builder as an obstacle, marking the ones the policy makes mandatory. */
    public void missingBuilders(List<?> unmetMeasures, ReadinessPolicy policy) {
        for (Object m : unmetMeasures) {
            TrustBuilderMeasure measure = (TrustBuilderMeasure) m;
            String needed = measure.needed() + (policy.mandatory(measure.builder()) ? ", mandatory" : "");
            obstacle(ObstacleKind.TRUST_BUILDER, measure.builder().name(), measure.measured(), needed, measure.remedy(),
                    null, measure.evidence());
        }
    }

    /** Records what a host rule concluded, under the name of the rule that inserted it. */
    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (!(event.getObject() instanceof HostResult result)) {
            return;
        }
        String rule = currentRule;
        String file = currentFile;
        if (event.getRule() != null) {
            rule = event.getRule().getName();
            file = files.file(event.getRule().getPackageName(), rule);
        }
        Reason reason = reason(rule, file, result.message(), result.evidence());
        if (result instanceof AskVeto veto) {
            vetoes.put(veto, reason);
        } else if (result instanceof HostWarning w) {
            warnings.add(new Warning(WarningType.HOST_WARNING, w.date(), w.subjectId(), reason));
        } else if (result instanceof HostAction a) {
            actions.add(new NextAction(ActionType.HOST_ACTION, a.dueDate(), overdueDays(a.dueDate()), a.subjectId(),
                    reason, a.talkTrack(), List.of()));
        } else if (!(result instanceof HostReason)) {
            throw new IllegalStateException("unhandled host result " + result.getClass().getName());
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // host results are records: nothing to follow
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // a retracted host result stays recorded: the rule did conclude it
    }

    /** A host rule's veto, as a claim of {@link Stage#BLOCKED} whose reason names the host rule. */
    public StageClaim vetoed(AskVeto veto) {
        Reason reason = vetoes.get(veto);
        if (reason == null) {
            throw new IllegalStateException("veto not inserted through working memory: " + veto);
        }
        obstacles.add(new Obstacle(ObstacleKind.HOST_VETO, null, veto.message(), "no veto from a host rule",
                "whatever host rule '" + reason.rule() + "' requires", null, reason));
        return new StageClaim(Stage.BLOCKED, reason);
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
                                     String noun, int lookbackDays, String remedy) {
        boolean met = ids.size() >= minimum;
        List<String> evidence = strings(ids);
        String measured = ids.size() + " " + noun + " in the " + lookbackDays + " days up to " + checkpoint.date();
        if (checkpoint.forAssessment()) {
            measured(builder, met, evidence, measured + " (needs " + minimum + ").");
        }
        return new TrustBuilderMeasure(checkpoint, builder, met, evidence, measured, minimum + " " + noun, remedy);
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
        actions.add(new NextAction(type, due, overdueDays(due), subjectId, reason(message, evidence)));
    }

    /** Proposes the ask, with the playbook's talk-track key and every {@link ProspectHint} in working memory. */
    public void askForIntroduction(LocalDate due, String subjectId, String message, String talkTrack, List<?> hints,
                                   List<?> evidence) {
        List<ProspectHint> sorted = new ArrayList<>(hints.size());
        for (Object hint : hints) {
            sorted.add((ProspectHint) hint);
        }
        sorted.sort(HINT_ORDER);
        actions.add(new NextAction(ActionType.ASK_FOR_INTRODUCTION, due, overdueDays(due), subjectId,
                reason(message, evidence), talkTrack, sorted));
    }

    private int overdueDays(LocalDate due) {
        return Math.toIntExact(Math.max(0, ChronoUnit.DAYS.between(due, asOf)));
    }

    /** Raises a warning about something that happened on {@code date}. */
    public void warning(WarningType type, LocalDate date, String subjectId, String message, List<?> evidence) {
        warnings.add(new Warning(type, date, subjectId, reason(message, evidence)));
    }

    public List<String> firedRules() {
        return firedRules;
    }

    public List<Obstacle> obstacles() {
        return obstacles;
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
