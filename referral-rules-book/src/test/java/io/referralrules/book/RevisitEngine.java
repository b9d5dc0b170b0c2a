package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.Detail;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.ReplayResult;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real engine's answers with the revisit day a test chooses per customer (the given day when it is after the day
 * assessed, else none), or with the engine's own ({@link #counting}), and a record of every customer it assessed, so a test sees which ones a run skipped.
 */
final class RevisitEngine implements ReferralReadinessEngine {
    private final ReferralReadinessEngine real;
    private final Map<String, LocalDate> revisit = new ConcurrentHashMap<>();
    private final Set<String> assessed = ConcurrentHashMap.newKeySet();
    private final List<Integer> batches = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final boolean ownDays;

    /** Answers with the revisit days the test chooses (none for a customer it did not choose one for). */
    RevisitEngine(ReferralReadinessEngine real) {
        this(real, false);
    }

    private RevisitEngine(ReferralReadinessEngine real, boolean ownDays) {
        this.real = real;
        this.ownDays = ownDays;
    }

    /** The real engine's answers as they are, revisit days included; only counts who was assessed. */
    static RevisitEngine counting(ReferralReadinessEngine real) {
        return new RevisitEngine(real, true);
    }

    /** This customer's answers say they may change on {@code day} (when it is after the day assessed). */
    RevisitEngine revisit(String customerId, LocalDate day) {
        revisit.put(customerId, day);
        return this;
    }

    /** The customers assessed since the last call, and forgets them. */
    Set<String> assessedSinceLastAsked() {
        Set<String> out = Set.copyOf(assessed);
        assessed.clear();
        return out;
    }

    /** The size of every {@code assessAll} call so far, and forgets them. */
    List<Integer> batchesSinceLastAsked() {
        List<Integer> out = List.copyOf(batches);
        batches.clear();
        return out;
    }

    private ReadinessAssessment chosen(ReadinessAssessment a) {
        assessed.add(a.customerId());
        if (ownDays) {
            return a;
        }
        LocalDate day = revisit.get(a.customerId());
        LocalDate revisitOn = day != null && day.isAfter(a.asOf()) ? day : null;
        return new ReadinessAssessment(a.customerId(), a.asOf(), a.playbook(), a.stage(), a.stageReason(), a.trustEarned(),
                a.trustBuilders(), a.actions(), a.warnings(), a.whyNot(), a.earliestAsk(), revisitOn, a.reasons(), a.firedRules());
    }

    @Override
    public ReadinessAssessment assess(CustomerSnapshot snapshot, LocalDate asOf) {
        return chosen(real.assess(snapshot, asOf));
    }

    @Override
    public ReadinessAssessment assess(CustomerSnapshot snapshot, LocalDate asOf, Detail detail) {
        return chosen(real.assess(snapshot, asOf, detail));
    }

    @Override
    public List<ReadinessAssessment> assessAll(List<CustomerSnapshot> snapshots, LocalDate asOf, Detail detail) {
        batches.add(snapshots.size());
        return real.assessAll(snapshots, asOf, detail).stream().map(this::chosen).toList();
    }

    @Override
    public DecisionRecord record(CustomerSnapshot snapshot, LocalDate asOf) {
        return real.record(snapshot, asOf);
    }

    @Override
    public ReplayResult replay(DecisionRecord record) {
        return real.replay(record);
    }

    @Override
    public ReadinessPolicy policy() {
        return real.policy();
    }

    @Override
    public PlaybookRef playbook() {
        return real.playbook();
    }
}
