package io.referralrules.api;

import java.util.List;
import java.util.Objects;

/**
 * Why the engine concluded something: the rule that concluded it, a plain-language message and the ids of the
 * host's facts it matched.
 *
 * @param rule     the name of the rule, as written in the DRL
 * @param message  a plain-language explanation; it cites fact ids and dates, never people's names
 * @param evidence the ids of the facts the rule matched, possibly empty (for example when something is missing)
 */
public record Reason(String rule, String message, List<String> evidence) {
    public Reason {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(evidence);
    }
}
