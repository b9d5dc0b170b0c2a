package io.referralrules.engine.internal;

import java.util.Map;

/**
 * Which DRL file each rule is written in, by package and rule name; read from the rule sources when the rule set is
 * loaded, because the executable model does not keep it.
 */
public final class RuleFiles {
    private final Map<String, String> fileByRule;

    public RuleFiles(Map<String, String> fileByRule) {
        this.fileByRule = Map.copyOf(fileByRule);
    }

    static String key(String packageName, String rule) {
        return packageName + "/" + rule;
    }

    /** The file of the rule, or {@code "(unknown)"} for a rule the sources did not show. */
    public String file(String packageName, String rule) {
        return fileByRule.getOrDefault(key(packageName, rule), "(unknown)");
    }

    /** Every rule's file, keyed by {@code package/rule name}. */
    public Map<String, String> asMap() {
        return fileByRule;
    }

    /** The key {@link #asMap()} uses. */
    public static String keyOf(String packageName, String rule) {
        return key(packageName, rule);
    }
}
