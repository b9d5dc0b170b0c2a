package io.referralrules.engine;

import io.referralrules.engine.internal.RuleFiles;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled playbook: the KieBase, which file each rule is written in (the executable model does not keep it) and a
 * SHA-256 of the DRL sources, for decision records, and whether host rules are part of it. Immutable and shared.
 */
record RuleSet(KieBase kieBase, RuleFiles files, String rulesHash, KieSessionsPool sessions, boolean hostRules) {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))", Pattern.MULTILINE);

    static RuleSet of(KieBase kieBase, Playbook playbook) {
        Map<String, String> sources = sources(playbook);
        Map<String, Map<String, String>> fileByRule = new HashMap<>();
        MessageDigest sha = sha256();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            String text = source.getValue();
            sha.update((source.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            Matcher pkg = PACKAGE.matcher(text);
            String packageName = pkg.find() ? pkg.group(1) : "defaultpkg";
            Matcher rule = RULE.matcher(text);
            while (rule.find()) {
                String name = rule.group(1) != null ? rule.group(1) : rule.group(2) != null ? rule.group(2) : rule.group(3);
                fileByRule.computeIfAbsent(packageName, key -> new HashMap<>()).put(name, source.getKey());
            }
        }
        // sessions are pooled: a reused session keeps its node memories instead of building them for every customer
        return new RuleSet(kieBase, new RuleFiles(fileByRule), HexFormat.of().formatHex(sha.digest()),
                kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors()), !playbook.hostRules().isEmpty());
    }

    /** The playbook's DRL, bundled files first, by file name, in a fixed order. */
    private static Map<String, String> sources(Playbook playbook) {
        Map<String, String> sources = new LinkedHashMap<>();
        ClassLoader loader = RuleSet.class.getClassLoader();
        for (String path : playbook.bundledDrl()) {
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("bundled rule file " + path + " is missing from the class path");
                }
                sources.put(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled rule file " + path, e);
            }
        }
        for (RuleSource source : playbook.hostRules()) {
            sources.put(source.name(), source.drl());
        }
        return sources;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
