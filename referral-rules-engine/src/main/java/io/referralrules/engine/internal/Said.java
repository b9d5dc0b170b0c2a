package io.referralrules.engine.internal;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.util.List;

/**
 * What a rule said when it concluded something: its name and package (the file is looked up when the answer is read,
 * see {@link RuleFiles}), a plain-language message and the ids of the facts it matched. A consequence makes one with
 * {@code Said.by( kcontext, message, evidence )}, so every conclusion carries the rule that drew it.
 */
public record Said(String rule, String packageName, String message, List<String> evidence) {

    /** What the firing rule says, with the evidence ids sorted. */
    public static Said by(RuleContext kcontext, String message, List<?> evidence) {
        Rule rule = kcontext.getRule();
        return new Said(rule.getName(), rule.getPackageName(), message, Ids.sorted(evidence));
    }
}
