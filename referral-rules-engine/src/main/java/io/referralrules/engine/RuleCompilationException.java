package io.referralrules.engine;

import java.util.List;

/**
 * Host DRL that does not compile. One exception for the whole build, listing every error as {@code file:line: message}
 * (the message joins them, one per line), so a host developer fixes them all in one pass.
 *
 * <pre>{@code
 * try {
 *     ReferralRules.engine(Playbook.EARNED_TRUST.withHostRules("acme", "1", RuleSource.file(path)));
 * } catch (RuleCompilationException e) {
 *     e.errors();  // [rules/acme.drl:7: Unable to resolve ..., rules/other.drl:3: [ERR 101] ...]
 * }
 * }</pre>
 */
public class RuleCompilationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    RuleCompilationException(String playbook, List<String> errors) {
        super("host rules of playbook " + playbook + " do not compile (" + errors.size() + " error"
                + (errors.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    /** Every error, as {@code file:line: message}, in the compiler's order. */
    public List<String> errors() {
        return errors;
    }
}
