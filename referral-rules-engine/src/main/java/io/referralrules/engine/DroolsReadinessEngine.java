package io.referralrules.engine;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.EarliestAsk;
import io.referralrules.api.NextAction;
import io.referralrules.api.Obstacle;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.Reason;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.ReplayResult;
import io.referralrules.api.Stage;
import io.referralrules.api.Warning;
import io.referralrules.engine.internal.Findings;
import io.referralrules.engine.spi.AsOf;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.StatelessKieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The engine: one shared compiled rule set, a fresh stateless session per assessment. Thread-safe. */
final class DroolsReadinessEngine implements ReferralReadinessEngine {
    private static final Logger LOG = LoggerFactory.getLogger(DroolsReadinessEngine.class);
    /** How many times the earliest ask day is pushed back when re-assessing uncovers a later time-bound obstacle. */
    private static final int EARLIEST_ASK_ROUNDS = 4;

    private static final Comparator<NextAction> ACTION_ORDER = Comparator.comparing(NextAction::dueDate)
            .thenComparing(NextAction::type)
            .thenComparing(NextAction::subjectId, Comparator.nullsFirst(Comparator.naturalOrder()));
    private static final Comparator<Warning> WARNING_ORDER = Comparator.comparing(Warning::date)
            .thenComparing(Warning::type)
            .thenComparing(Warning::subjectId, Comparator.nullsFirst(Comparator.naturalOrder()));
    /**
     * Rules of one phase (salience) fire in an order Drools does not define, and it can change from one build of the
     * executable model to the next; reasons and fired rules are sorted so the same facts give the same answer, byte
     * for byte, on every build and JVM.
     */
    private static final Comparator<Reason> REASON_ORDER = Comparator.comparing(Reason::rule)
            .thenComparing(Reason::message).thenComparing(r -> r.evidence().toString());
    private static final Comparator<Obstacle> OBSTACLE_ORDER = Comparator.comparing(Obstacle::kind)
            .thenComparing(Obstacle::subject, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final RuleSet rules;
    private final ReadinessPolicy policy;
    private final PlaybookRef playbook;
    private final String policyHash;

    DroolsReadinessEngine(RuleSet rules, ReadinessPolicy policy, PlaybookRef playbook) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.playbook = Objects.requireNonNull(playbook, "playbook");
        this.policyHash = DecisionRecords.policyHash(policy);
    }

    /** What one session concluded, before the earliest ask day is worked out. */
    private record Evaluation(Findings findings, List<Obstacle> obstacles) {
        Stage stage() {
            return findings.stage();
        }
    }

    @Override
    public ReadinessAssessment assess(CustomerSnapshot snapshot, LocalDate asOf) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(asOf, "asOf");

        List<Object> facts = AsOfFacts.of(snapshot, asOf);
        Evaluation e = evaluate(facts, asOf, snapshot);
        Findings findings = e.findings();
        List<NextAction> actions = new ArrayList<>(findings.actions());
        actions.sort(ACTION_ORDER);
        List<Warning> warnings = new ArrayList<>(findings.warnings());
        warnings.sort(WARNING_ORDER);
        List<Reason> reasons = new ArrayList<>(findings.reasons());
        reasons.sort(REASON_ORDER);
        List<String> firedRules = new ArrayList<>(findings.firedRules());
        Collections.sort(firedRules);
        ReadinessAssessment assessment = new ReadinessAssessment(snapshot.customer().id(), asOf, playbook, findings.stage(),
                findings.stageReason(), findings.trustEarned(), findings.builders(), actions, warnings,
                e.obstacles(), earliestAsk(facts, asOf, snapshot, e), reasons, firedRules);
        if (LOG.isDebugEnabled()) {
            LOG.debug("assessed customer={} asOf={} playbook={} stage={} rules={}", assessment.customerId(), asOf, playbook,
                    assessment.stage(), assessment.firedRules());
        }
        return assessment;
    }

    /** Runs the rules on the facts as of {@code day}. */
    private Evaluation evaluate(List<Object> snapshotFacts, LocalDate day, CustomerSnapshot snapshot) {
        List<Object> facts = new ArrayList<>(snapshotFacts.size() + 2);
        facts.addAll(snapshotFacts);
        facts.add(new AsOf(day));
        facts.add(policy);

        Findings findings = new Findings(day, rules.files());
        StatelessKieSession session = rules.sessions().newStatelessKieSession();
        session.setGlobal("findings", findings);
        session.addEventListener((AgendaEventListener) findings);
        session.addEventListener((RuleRuntimeEventListener) findings);
        session.execute(facts);

        if (findings.stage() == null) {
            throw new IllegalStateException("no rule decided a stage for customer " + snapshot.customer().id()
                    + " as of " + day + "; fired: " + findings.firedRules());
        }
        List<Obstacle> obstacles = new ArrayList<>();
        if (findings.stage() != Stage.READY_TO_ASK) {
            obstacles.addAll(findings.obstacles());
            obstacles.sort(OBSTACLE_ORDER);
        }
        return new Evaluation(findings, obstacles);
    }

    /**
     * Ready now; or, when only time-bound obstacles stand in the way, the day the last of them clears, checked by
     * assessing the same facts on that day (a green light or a sale may age out meanwhile); or none.
     */
    private EarliestAsk earliestAsk(List<Object> facts, LocalDate asOf, CustomerSnapshot snapshot, Evaluation now) {
        if (now.stage() == Stage.READY_TO_ASK) {
            return new EarliestAsk(asOf, "Ready to ask now.");
        }
        Evaluation at = now;
        LocalDate day = asOf;
        for (int round = 0; round < EARLIEST_ASK_ROUNDS; round++) {
            List<Obstacle> needFacts = at.obstacles().stream().filter(o -> !o.timeBound()).toList();
            if (!needFacts.isEmpty()) {
                String needs = needFacts.stream().map(o -> o.kind() + (o.subject() == null ? "" : " " + o.subject())
                        + ": " + o.remedy()).distinct().collect(Collectors.joining("; "));
                return new EarliestAsk(null, (round == 0 ? "" : "On " + day + ", when what time clears has cleared, the"
                        + " customer would be " + at.stage() + ". ") + "Time alone will not do; needs new facts: " + needs + ".");
            }
            if (at.obstacles().isEmpty()) {
                return new EarliestAsk(null, "No obstacle was recorded for stage " + at.stage() + ".");
            }
            LocalDate clears = at.obstacles().stream().map(Obstacle::clearsOn).max(Comparator.naturalOrder()).orElseThrow();
            if (!clears.isAfter(day)) {
                return new EarliestAsk(null, "The obstacles on " + day + " do not clear with time.");
            }
            day = clears;
            at = evaluate(facts, day, snapshot);
            if (at.stage() == Stage.READY_TO_ASK) {
                String cleared = now.obstacles().stream().map(o -> o.kind() + " " + o.subject() + " clears on " + o.clearsOn())
                        .collect(Collectors.joining(", "));
                return new EarliestAsk(day, "Ready on " + day + " if nothing else changes: " + cleared + ".");
            }
        }
        return new EarliestAsk(null, "Re-assessing on " + day + " still finds time-bound obstacles; no day within "
                + EARLIEST_ASK_ROUNDS + " rounds.");
    }

    @Override
    public DecisionRecord record(CustomerSnapshot snapshot, LocalDate asOf) {
        ReadinessAssessment assessment = assess(snapshot, asOf);
        return new DecisionRecord(assessment, snapshot, asOf, playbook, policy, policyHash, rules.rulesHash(),
                DecisionRecords.engineVersion());
    }

    @Override
    public ReplayResult replay(DecisionRecord record) {
        Objects.requireNonNull(record, "record");
        ReadinessAssessment replayed = assess(record.snapshot(), record.asOf());
        return new ReplayResult(record, replayed, DecisionRecords.differences(record, replayed, playbook, policyHash,
                rules.rulesHash()));
    }

    @Override
    public ReadinessPolicy policy() {
        return policy;
    }

    @Override
    public PlaybookRef playbook() {
        return playbook;
    }

    /** The compiled rules; engines of one rule set share it. */
    KieBase kieBase() {
        return rules.kieBase();
    }

    /** SHA-256 of the rule sources. */
    String rulesHash() {
        return rules.rulesHash();
    }

    @Override
    public String toString() {
        return "ReferralReadinessEngine[" + playbook + "]";
    }
}
