package io.referralrules.engine.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Which DRL file each rule is written in, by package and rule name; read from the rule sources when the rule set is
 * loaded, because the executable model does not keep it. Looked up for every rule firing, so keyed by the package and
 * rule name strings themselves (their hash codes are cached) rather than by a key built per firing.
 */
public final class RuleFiles {
    private final Map<String, Map<String, String>> fileByPackageAndRule;

    /** @param fileByPackageAndRule package name to rule name to file */
    public RuleFiles(Map<String, Map<String, String>> fileByPackageAndRule) {
        Map<String, Map<String, String>> copy = new HashMap<>();
        fileByPackageAndRule.forEach((pkg, rules) -> copy.put(pkg, Map.copyOf(rules)));
        this.fileByPackageAndRule = Map.copyOf(copy);
    }

    /** The file of the rule, or {@code "(unknown)"} for a rule the sources did not show. */
    public String file(String packageName, String rule) {
        Map<String, String> rules = fileByPackageAndRule.get(packageName);
        String file = rules == null ? null : rules.get(rule);
        return file == null ? "(unknown)" : file;
    }
}
