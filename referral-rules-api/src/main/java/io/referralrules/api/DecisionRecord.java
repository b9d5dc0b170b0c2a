package io.referralrules.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything needed to answer "why did the system say that on that day?" later: the answer, the facts it read, the
 * day, and fingerprints of the rules and thresholds that decided. Store it (the JSON module writes it), and hand it
 * to {@link ReferralReadinessEngine#replay(DecisionRecord)} to check that today's engine still gives the same answer.
 *
 * <pre>{@code
 * DecisionRecord record = engine.record(snapshot, LocalDate.of(2026, 3, 3));
 * // ... months later, after an upgrade:
 * ReplayResult replay = engine.replay(record);
 * replay.identical();     // false
 * replay.differences();   // [rules: 3f2a… -> 9c41…, stage: READY_TO_ASK -> CONFIRMING]
 * }</pre>
 *
 * @param assessment    the answer
 * @param snapshot      the facts it read
 * @param asOf          the assessment day
 * @param playbook      the playbook and version that decided
 * @param policy        the thresholds it decided with
 * @param policyHash    SHA-256 of the thresholds (hex)
 * @param rulesHash     SHA-256 of the DRL sources of the playbook, bundled and host (hex)
 * @param engineVersion the library version that decided
 */
public record DecisionRecord(ReadinessAssessment assessment, CustomerSnapshot snapshot, LocalDate asOf,
                             PlaybookRef playbook, ReadinessPolicy policy, String policyHash, String rulesHash,
                             String engineVersion) {
    public DecisionRecord {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(policyHash, "policyHash");
        Objects.requireNonNull(rulesHash, "rulesHash");
        Objects.requireNonNull(engineVersion, "engineVersion");
    }
}
