package io.referralrules.engine;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.Detail;
import io.referralrules.api.EarliestAsk;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.Limits;
import io.referralrules.api.Obstacle;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.ReplayResult;
import io.referralrules.api.Stage;
import io.referralrules.engine.internal.Subject;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The engine: one shared compiled rule set; customers are decided in batches, each batch in one pooled session (one
 * customer per session for a playbook with host rules; see {@link Evaluator}). Thread-safe.
 */
final class DroolsReadinessEngine implements ReferralReadinessEngine {
    private static final Logger LOG = LoggerFactory.getLogger(DroolsReadinessEngine.class);
    /** How many times the earliest ask day is pushed back when re-assessing uncovers a later time-bound obstacle. */
    private static final int EARLIEST_ASK_ROUNDS = 4;

    private final RuleSet rules;
    private final ReadinessPolicy policy;
    private final PlaybookRef playbook;
    /** SHA-256 of the policy written as JSON, for decision records; worked out on the first record, not at start-up. */
    private volatile String policyHash;
    private final Evaluator evaluator;
    private final RevisitDay.Windows windows;

    DroolsReadinessEngine(RuleSet rules, ReadinessPolicy policy, PlaybookRef playbook, int fireLimit) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.playbook = Objects.requireNonNull(playbook, "playbook");
        this.evaluator = new Evaluator(rules, fireLimit);
        this.windows = RevisitDay.Windows.of(rules.files());
    }

    @Override
    public ReadinessAssessment assess(CustomerSnapshot snapshot, LocalDate asOf) {
        return assess(snapshot, asOf, Detail.FULL);
    }

    @Override
    public ReadinessAssessment assess(CustomerSnapshot snapshot, LocalDate asOf, Detail detail) {
        Objects.requireNonNull(snapshot, "snapshot");
        return assessAll(List.of(snapshot), asOf, detail).get(0);
    }

    @Override
    public List<ReadinessAssessment> assessAll(List<CustomerSnapshot> snapshots, LocalDate asOf, Detail detail) {
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(detail, "detail");
        if (asOf.isBefore(Limits.EARLIEST_DATE) || asOf.isAfter(Limits.LATEST_DATE)) {
            String problem = "must be between " + Limits.EARLIEST_DATE + " and " + Limits.LATEST_DATE + ", was " + asOf;
            throw new InvalidInputException("asOf " + problem, "asOf", problem);
        }
        List<Subject> subjects = new ArrayList<>(snapshots.size());
        for (int i = 0; i < snapshots.size(); i++) {
            subjects.add(Subject.of(Objects.requireNonNull(snapshots.get(i), "snapshots[" + i + "]"), asOf, policy));
        }
        boolean full = detail == Detail.FULL;
        List<Answer> answers = evaluator.evaluate(subjects, full);
        List<EarliestAsk> earliest = full ? earliestAsks(subjects, asOf, answers) : null;
        List<ReadinessAssessment> out = new ArrayList<>(subjects.size());
        for (int i = 0; i < subjects.size(); i++) {
            Answer a = answers.get(i);
            // the same day at every detail: the obstacles are concluded either way, and the earliest ask day is never
            // before the first of their clearing days
            LocalDate revisitOn = RevisitDay.of(snapshots.get(i), asOf, policy, windows, a,
                    full ? earliest.get(i) : null, rules.hostRules());
            ReadinessAssessment assessment = new ReadinessAssessment(subjects.get(i).id(), asOf, playbook, a.stage,
                    a.stageReason(), a.trustEarned, a.builders(), a.actions(), a.warnings(),
                    full ? a.obstacles() : List.of(), full ? earliest.get(i) : EarliestAsk.notWorkedOut(), revisitOn,
                    full ? a.reasons() : List.of(), full ? a.firedRules() : List.of());
            if (LOG.isDebugEnabled()) {
                LOG.debug("assessed customer={} asOf={} playbook={} stage={} rules={}", assessment.customerId(), asOf,
                        playbook, assessment.stage(), assessment.firedRules());
            }
            out.add(assessment);
        }
        return out;
    }

    /** Where one customer's search for the earliest ask day stands. */
    private static final class Search {
        final Subject subject;
        final Answer now;
        Answer at;
        LocalDate day;
        EarliestAsk found;

        Search(Subject subject, Answer now, LocalDate asOf) {
            this.subject = subject;
            this.now = now;
            this.at = now;
            this.day = asOf;
        }
    }

    /**
     * For each customer: ready now; or, when only time-bound obstacles stand in the way, the day the last of them
     * clears, checked by assessing the same facts on that day (a green light or a sale may age out meanwhile); or none.
     * The customers re-assessed in one round are decided together, each on its own day.
     */
    private List<EarliestAsk> earliestAsks(List<Subject> subjects, LocalDate asOf, List<Answer> answers) {
        List<Search> searches = new ArrayList<>(subjects.size());
        for (int i = 0; i < subjects.size(); i++) {
            Search search = new Search(subjects.get(i), answers.get(i), asOf);
            if (search.now.stage == Stage.READY_TO_ASK) {
                search.found = new EarliestAsk(asOf, "Ready to ask now.");
            }
            searches.add(search);
        }
        for (int round = 0; round < EARLIEST_ASK_ROUNDS; round++) {
            List<Search> again = new ArrayList<>();
            for (Search search : searches) {
                if (search.found == null) {
                    step(search, round);
                    if (search.found == null) {
                        again.add(search);
                    }
                }
            }
            if (again.isEmpty()) {
                break;
            }
            // every customer re-assessed this round, whatever its day, in the same sessions
            List<Answer> later = evaluator.evaluate(again.stream().map(s -> s.subject.on(s.day)).toList(), false);
            for (int i = 0; i < again.size(); i++) {
                Search search = again.get(i);
                search.at = later.get(i);
                if (search.at.stage == Stage.READY_TO_ASK) {
                    String cleared = search.now.obstacles().stream()
                            .map(o -> o.kind() + " " + o.subject() + " clears on " + o.clearsOn())
                            .collect(Collectors.joining(", "));
                    search.found = new EarliestAsk(search.day, "Ready on " + search.day + " if nothing else changes: " + cleared + ".");
                }
            }
        }
        List<EarliestAsk> out = new ArrayList<>(searches.size());
        for (Search search : searches) {
            out.add(search.found != null ? search.found : new EarliestAsk(null, "Re-assessing on " + search.day
                    + " still finds time-bound obstacles; no day within " + EARLIEST_ASK_ROUNDS + " rounds."));
        }
        return out;
    }

    /** Settles the search when new facts are needed or nothing clears with time; else moves it to the clearing day. */
    private static void step(Search search, int round) {
        List<Obstacle> obstacles = search.at.obstacles();
        List<Obstacle> needFacts = obstacles.stream().filter(o -> !o.timeBound()).toList();
        if (!needFacts.isEmpty()) {
            String needs = needFacts.stream().map(o -> o.kind() + (o.subject() == null ? "" : " " + o.subject())
                    + ": " + o.remedy()).distinct().collect(Collectors.joining("; "));
            search.found = new EarliestAsk(null, (round == 0 ? "" : "On " + search.day + ", when what time clears has cleared, the"
                    + " customer would be " + search.at.stage + ". ") + "Time alone will not do; needs new facts: " + needs + ".");
            return;
        }
        if (obstacles.isEmpty()) {
            search.found = new EarliestAsk(null, "No obstacle was recorded for stage " + search.at.stage + ".");
            return;
        }
        LocalDate clears = obstacles.stream().map(Obstacle::clearsOn).max(Comparator.naturalOrder()).orElseThrow();
        if (!clears.isAfter(search.day)) {
            search.found = new EarliestAsk(null, "The obstacles on " + search.day + " do not clear with time.");
            return;
        }
        search.day = clears;
    }

    @Override
    public DecisionRecord record(CustomerSnapshot snapshot, LocalDate asOf) {
        ReadinessAssessment assessment = assess(snapshot, asOf);
        return new DecisionRecord(assessment, snapshot, asOf, playbook, policy, policyHash(), rules.rulesHash(),
                DecisionRecords.engineVersion());
    }

    @Override
    public ReplayResult replay(DecisionRecord record) {
        Objects.requireNonNull(record, "record");
        ReadinessAssessment replayed = assess(record.snapshot(), record.asOf());
        return new ReplayResult(record, replayed, DecisionRecords.differences(record, replayed, playbook,
                DecisionRecords.policyHashForReplay(record, policy, policyHash()), rules.rulesHash()));
    }

    private String policyHash() {
        String hash = policyHash;
        if (hash == null) {
            hash = DecisionRecords.policyHash(policy);
            policyHash = hash;
        }
        return hash;
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
