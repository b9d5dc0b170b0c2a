package io.referralrules.engine;

import io.referralrules.engine.internal.HostRuleCompiler;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a playbook's KieBase comes from. A bundled playbook's rules are precompiled to the executable model at build
 * time and loaded once per class loader, straight from the generated model classes; every engine of that playbook shares the KieBase, whatever its policy (a
 * KieBase is thread-safe). A playbook with host rules is compiled from DRL at run time by the optional module
 * {@code referral-rules-host-rules} (the classic compiler, found with {@link ServiceLoader}); the engine itself
 * carries no DRL compiler.
 */
final class RuleSets {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSets.class);

    private RuleSets() {
    }

    /**
     * The executable model's index, written by kie-maven-plugin: one generated {@code Model} class per DRL package.
     * Loading these classes directly skips scanning the class path for {@code kmodule.xml} and building a
     * {@code KieContainer}, about half of the time to the first decision (docs/PERFORMANCE.md).
     */
    static final String MODEL_INDEX = "META-INF/kie/io.referralrules/referral-rules-engine/drools-model";

    private static final class Bundled {
        static final Map<String, RuleSet> BY_KIE_BASE = new ConcurrentHashMap<>();
    }

    /** The rules of a bundled playbook, or freshly compiled ones for a playbook with host rules. */
    static RuleSet ruleSet(Playbook playbook) {
        return playbook.hostRules().isEmpty() ? bundled(playbook) : compile(playbook);
    }

    static RuleSet bundled(Playbook playbook) {
        return Bundled.BY_KIE_BASE.computeIfAbsent(playbook.kieBaseName(),
                name -> RuleSet.of(KieBaseBuilder.createKieBaseFromModel(models(playbook)), playbook));
    }

    /** The generated model of each DRL package the playbook's bundled files are in, the same packages as kmodule.xml. */
    private static List<Model> models(Playbook playbook) {
        ClassLoader loader = RuleSets.class.getClassLoader();
        Set<String> packages = new LinkedHashSet<>();
        for (String path : playbook.bundledDrl()) {
            packages.add(path.substring(0, path.lastIndexOf('/')).replace('/', '.'));
        }
        String index;
        try (InputStream in = loader.getResourceAsStream(MODEL_INDEX)) {
            if (in == null) {
                throw new IllegalStateException("the executable model index " + MODEL_INDEX + " is missing from the class path");
            }
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL_INDEX, e);
        }
        List<Model> models = new ArrayList<>();
        for (String line : index.lines().map(String::strip).toList()) {
            int dot = line.lastIndexOf('.');
            if (dot > 0 && packages.contains(line.substring(0, dot))) {
                try {
                    models.add((Model) Class.forName(line, true, loader).getDeclaredConstructor().newInstance());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot load the executable model class " + line, e);
                }
            }
        }
        if (models.size() != packages.size()) {
            throw new IllegalStateException("the executable model index lists " + models.size() + " of the packages " + packages);
        }
        return models;
    }

    /**
     * Compiles the playbook's bundled DRL and its host DRL into a new KieBase, with the compiler of the optional
     * module {@code referral-rules-host-rules}.
     *
     * @throws RuleCompilationException if the host rules do not compile
     * @throws IllegalStateException    if that module is not on the class path
     */
    static RuleSet compile(Playbook playbook) {
        long start = System.nanoTime();
        HostRuleCompiler.Result result = Compilers.find(playbook).compile(playbook.bundledDrl(), playbook.hostRules(),
                RuleSets.class.getClassLoader());
        if (!result.errors().isEmpty()) {
            throw new RuleCompilationException(playbook.ref().toString(), result.errors());
        }
        RuleSet ruleSet = RuleSet.of(result.kieBase(), playbook);
        LOG.info("compiled playbook {} with {} host rule files in {} ms", playbook.ref(), playbook.hostRules().size(),
                (System.nanoTime() - start) / 1_000_000);
        return ruleSet;
    }

    /** The optional module that compiles host DRL, as a Maven dependency. */
    static final String HOST_RULES_MODULE = "io.referralrules:referral-rules-host-rules";

    /**
     * The host-rule compiler: looked up with this library's class loader, then the thread's; a compiler once found is
     * kept, a miss is not (another thread's class loader may have it).
     */
    private static final class Compilers {
        private static volatile HostRuleCompiler found;

        static HostRuleCompiler find(Playbook playbook) {
            HostRuleCompiler compiler = found;
            if (compiler != null) {
                return compiler;
            }
            try {
                Optional<HostRuleCompiler> first = ServiceLoader.load(HostRuleCompiler.class, RuleSets.class.getClassLoader())
                        .findFirst();
                ClassLoader context = Thread.currentThread().getContextClassLoader();
                if (first.isEmpty() && context != null && context != RuleSets.class.getClassLoader()) {
                    first = ServiceLoader.load(HostRuleCompiler.class, context).findFirst();
                }
                if (first.isEmpty()) {
                    throw new IllegalStateException("playbook " + playbook.ref() + " has host rules, and compiling them needs "
                            + HOST_RULES_MODULE + " on the class path (the bundled playbooks run without it)");
                }
                found = first.get();
                return found;
            } catch (ServiceConfigurationError | LinkageError e) {
                // the module is there but cannot start, typically because a Drools jar it needs was left out
                throw new IllegalStateException("playbook " + playbook.ref() + " has host rules, and " + HOST_RULES_MODULE
                        + " is on the class path but cannot start: " + e, e);
            }
        }
    }
}
