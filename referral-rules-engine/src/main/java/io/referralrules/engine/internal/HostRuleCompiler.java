package io.referralrules.engine.internal;

import io.referralrules.engine.RuleSource;
import org.kie.api.KieBase;

import java.util.List;
import java.util.Objects;

/**
 * Internal: compiles a playbook's bundled DRL together with the host's own DRL into a KieBase, at run time. The engine
 * runs the bundled playbooks from their precompiled executable model and carries no DRL compiler; the one
 * implementation is in {@code referral-rules-host-rules}, found with {@link java.util.ServiceLoader}, so a CRM that
 * writes no rules of its own does not load the compiler's libraries. Not part of the supported API.
 */
public interface HostRuleCompiler {
    /**
     * Compiles the class-path resources {@code bundledDrl} (read with {@code loader}) and the host's rule files.
     *
     * @return the KieBase, or the errors as {@code file:line: message}, each error once
     */
    Result compile(List<String> bundledDrl, List<RuleSource> hostRules, ClassLoader loader);

    /**
     * What a compilation gives: a KieBase when {@code errors} is empty, otherwise null.
     *
     * @param kieBase the rules, null when there are errors
     * @param errors  every error, as {@code file:line: message}, in the compiler's order
     */
    record Result(KieBase kieBase, List<String> errors) {
        public Result {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                Objects.requireNonNull(kieBase, "kieBase");
            }
        }
    }
}
