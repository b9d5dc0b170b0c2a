package io.referralrules.api;

import java.util.List;
import java.util.Objects;

/**
 * Why the engine concluded something: the rule that concluded it and the DRL file it is written in, a plain-language
 * message and the ids of the host's facts it matched. Concluded by the rule as it fires, never re-derived afterwards.
 *
 * @param rule     the name of the rule, as written in the DRL
 * @param file     the DRL file the rule is written in: a bundled one such as
 *                 {@code io/referralrules/rules/common/asking.drl}, or the name of the host's {@code RuleSource}
 * @param message  a plain-language explanation; it cites fact ids and dates, never people's names
 * @param evidence the ids of the facts the rule matched, possibly empty (for example when something is missing)
 */
public record Reason(String rule, String file, String message, List<String> evidence) {
    public Reason {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
    }
}
