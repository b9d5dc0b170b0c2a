package io.referralrules.api;

import java.util.List;
import java.util.Objects;

/**
 * One trust builder as of the assessment day.
 *
 * @param builder  which builder
 * @param met      whether the policy's threshold for it is met
 * @param evidence the ids of the facts that count toward it
 * @param reason   the rule that measured it and what it found
 */
public record TrustBuilderResult(TrustBuilder builder, boolean met, List<String> evidence, Reason reason) {
    public TrustBuilderResult {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(reason, "reason");
        evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
    }
}
