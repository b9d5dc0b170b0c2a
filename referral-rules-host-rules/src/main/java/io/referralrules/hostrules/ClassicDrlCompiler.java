package io.referralrules.hostrules;

import io.referralrules.engine.RuleSource;
import io.referralrules.engine.internal.HostRuleCompiler;
import org.drools.base.rule.LineMappings;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.compiler.compiler.PackageRegistry;
import org.drools.compiler.compiler.RuleBuildError;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.api.KieServices;
import org.kie.api.io.KieResources;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.jci.CompilationProblem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compiles a playbook's bundled DRL and the host's DRL with Drools' classic compiler, which reports errors as
 * {@code file:line} (the executable model would cite generated code). The engine finds it with
 * {@link java.util.ServiceLoader} when a playbook has host rules; a host never calls it directly.
 *
 * <p>This goes through {@code KnowledgeBuilder} rather than the public {@code KieBuilder}: both run the same classic
 * compiler, but {@code KieBuilder} also logs every error itself at ERROR (logger
 * {@code org.drools.compiler.kie.builder.impl.KieProject}), which would show each error twice; here they are reported
 * once, in the engine's {@code RuleCompilationException}.
 */
public final class ClassicDrlCompiler implements HostRuleCompiler {
    /** What the DRL parser adds after any syntax error in a file; it says nothing the syntax error did not. */
    private static final String FOLLOW_ON_PARSE_ERROR = "Parser returned a null Package";

    /** Used by {@link java.util.ServiceLoader}. */
    public ClassicDrlCompiler() {
    }

    @Override
    public Result compile(List<String> bundledDrl, List<RuleSource> hostRules, ClassLoader loader) {
        KieResources resources = KieServices.get().getResources();
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(loader));
        CompositeKnowledgeBuilder batch = builder.batch();
        for (String path : bundledDrl) {
            batch.add(resources.newClassPathResource(path, loader), ResourceType.DRL);
        }
        for (RuleSource source : hostRules) {
            Resource resource = resources.newByteArrayResource(source.drl().getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(source.name());
            batch.add(resource, ResourceType.DRL);
        }
        batch.build();
        if (!builder.hasErrors()) {
            return new Result(builder.newKieBase(), List.of());
        }
        List<String> errors = new ArrayList<>();
        Set<String> filesWithErrors = new HashSet<>();
        for (KnowledgeBuilderError error : builder.getErrors()) {
            if (!FOLLOW_ON_PARSE_ERROR.equals(error.getMessage())) {
                errors.add(describe(error, builder));
                filesWithErrors.add(file(error));
            }
        }
        for (KnowledgeBuilderError error : builder.getErrors()) {
            // only a consequence of a syntax error already listed, unless it is the only news about its file
            if (FOLLOW_ON_PARSE_ERROR.equals(error.getMessage()) && !filesWithErrors.contains(file(error))) {
                errors.add(describe(error, builder));
            }
        }
        return new Result(null, errors);
    }

    private static String file(KnowledgeBuilderError error) {
        return error.getResource() != null && error.getResource().getSourcePath() != null
                ? error.getResource().getSourcePath() : "(unknown file)";
    }

    private static String describe(KnowledgeBuilderError error, KnowledgeBuilder builder) {
        int[] lines = consequenceLines(error, builder);
        if (lines.length == 0) {
            lines = error.getLines();
        }
        String line = lines == null || lines.length == 0 || (lines.length == 1 && lines[0] <= 0) ? "?"
                : Arrays.stream(lines).mapToObj(String::valueOf).collect(Collectors.joining(","));
        String message = error.getMessage() == null ? error.toString() : error.getMessage().strip();
        return file(error) + ":" + line + ": " + message.replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * The DRL lines of the Java errors in a rule's consequence. The classic compiler reports these at the line where
     * the rule starts. The consequence is copied line for line into a method of a class generated for the rule, which
     * the Java compiler reports on; the class's line mapping says where that method starts (the consequence's first
     * line comes {@value #CONSEQUENCE_AFTER_OFFSET} lines after it), and the rule's description where the consequence
     * starts in the DRL. Empty when the error is not of that kind or a line does not fall inside the rule.
     */
    private static int[] consequenceLines(KnowledgeBuilderError error, KnowledgeBuilder builder) {
        if (!(error instanceof RuleBuildError ruleError) || !(ruleError.getObject() instanceof Object[] problems)
                || !(ruleError.getDescr() instanceof RuleDescr rule) || !(builder instanceof KnowledgeBuilderImpl impl)) {
            return new int[0];
        }
        PackageRegistry registry = impl.getPackageRegistry(ruleError.getNamespace());
        int firstLine = registry == null ? -1 : consequenceStart(error, rule);
        if (firstLine < 0) {
            return new int[0];
        }
        Set<Integer> lines = new TreeSet<>();
        for (Object problem : problems) {
            if (problem instanceof CompilationProblem p && p.getFileName() != null && p.getFileName().endsWith(".java")) {
                String className = p.getFileName().substring(0, p.getFileName().length() - ".java".length()).replace('/', '.');
                LineMappings mapping = registry.getDialectRuntimeRegistry().getLineMappings(className);
                if (mapping == null) {
                    return new int[0];
                }
                int line = firstLine + p.getStartLine() - (mapping.getOffset() + CONSEQUENCE_AFTER_OFFSET);
                if (line < firstLine || (rule.getEndLine() > 0 && line > rule.getEndLine())) {
                    return new int[0];
                }
                lines.add(line);
            }
        }
        return lines.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Lines from the generated method's start to the consequence's first line (signature, kcontext, drools). */
    private static final int CONSEQUENCE_AFTER_OFFSET = 4;

    /** The DRL line of the consequence's first non-blank line, on or after the rule's {@code then}; -1 if not found. */
    private static int consequenceStart(KnowledgeBuilderError error, RuleDescr rule) {
        String consequence = rule.getConsequence() instanceof String text ? text.strip() : "";
        if (consequence.isEmpty() || rule.getConsequenceLine() <= 0 || error.getResource() == null) {
            return -1;
        }
        String first = consequence.lines().findFirst().orElse("").strip();
        List<String> drl;
        try (InputStream in = error.getResource().getInputStream()) {
            drl = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        for (int line = rule.getConsequenceLine(); line <= drl.size(); line++) {
            if (drl.get(line - 1).contains(first)) {
                return line;
            }
        }
        return -1;
    }
}
