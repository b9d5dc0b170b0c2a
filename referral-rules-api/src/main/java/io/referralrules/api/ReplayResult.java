package io.referralrules.api;

import java.util.List;
import java.util.Objects;

/**
 * What a replay found. {@code identical} only when the same rules and thresholds gave the same answer; a changed
 * playbook, rule set, policy or engine version is listed as a difference of its own, before any difference in the
 * answer, so a changed rule set is never mistaken for the same decision.
 *
 * @param record      the record replayed
 * @param replayed    the answer the replaying engine gives on the recorded facts and day (with its own rules and
 *                    thresholds)
 * @param differences what changed, each as {@code what: recorded -> now}; empty when identical
 */
public record ReplayResult(DecisionRecord record, ReadinessAssessment replayed, List<Difference> differences) {
    public ReplayResult {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(replayed, "replayed");
        differences = List.copyOf(Objects.requireNonNull(differences, "differences"));
    }

    /** Whether the replay used the same rules and thresholds and gave the same answer. */
    public boolean identical() {
        return differences.isEmpty();
    }

    /**
     * One difference between the record and the replay.
     *
     * @param what     what differs: {@code playbook}, {@code rules}, {@code policy}, {@code engineVersion},
     *                 {@code stage}, {@code actions}, {@code warnings}, {@code whyNot}, {@code earliestAsk},
     *                 {@code trustBuilders}, {@code reasons}…
     * @param recorded the recorded value
     * @param now      the replayed value
     */
    public record Difference(String what, String recorded, String now) {
        public Difference {
            Objects.requireNonNull(what, "what");
        }

        @Override
        public String toString() {
            return what + ": " + recorded + " -> " + now;
        }
    }
}
