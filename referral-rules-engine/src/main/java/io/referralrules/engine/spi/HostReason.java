package io.referralrules.engine.spi;

import java.util.List;
import java.util.Objects;

/**
 * A host rule explains something without changing the answer: listed among the assessment's reasons, naming the rule.
 *
 * @param message  the explanation
 * @param evidence ids of the facts it rests on
 */
public record HostReason(String message, List<String> evidence) implements HostResult {
    public HostReason {
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(evidence);
    }
}
