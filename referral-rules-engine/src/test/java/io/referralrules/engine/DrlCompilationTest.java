package io.referralrules.engine;

import org.junit.jupiter.api.Test;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.internal.builder.InternalKieBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles the bundled DRL with the classic compiler, which reports {@code file:line:column}; the executable model
 * built by kie-maven-plugin reports errors against generated code. A broken rule fails here with its line.
 */
class DrlCompilationTest {
    static final Path RULES = Path.of("src/main/resources/io/referralrules/rules");

    static List<Path> drlFiles() {
        try (Stream<Path> files = Files.list(RULES)) {
            return files.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the given DRL sources with the classic compiler and returns its error messages as file:line: text. */
    static List<String> classicErrors(List<Path> files, String... extraDrl) {
        return classicBuild(files, extraDrl).getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> m.getPath() + ":" + m.getLine() + ": " + m.getText())
                .collect(Collectors.toList());
    }

    private static KieBuilder classicBuild(List<Path> files, String... extraDrl) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        try {
            for (Path file : files) {
                kfs.write("src/main/resources/io/referralrules/rules/" + file.getFileName(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < extraDrl.length; i++) {
            kfs.write("src/main/resources/io/referralrules/rules/extra" + i + ".drl", extraDrl[i]);
        }
        KieBuilder builder = ks.newKieBuilder(kfs);
        ((InternalKieBuilder) builder).buildAll(org.drools.compiler.kie.builder.impl.DrlProject.class);
        return builder;
    }

    @Test
    void theRulesCompiledFromDrlDecideLikeThePrecompiledModel() {
        KieServices ks = KieServices.get();
        KieBuilder builder = classicBuild(drlFiles());
        assertThat(builder.getResults().hasMessages(Message.Level.ERROR)).isFalse();
        KieBase fromDrl = ks.newKieContainer(builder.getKieModule().getReleaseId()).getKieBase();
        DroolsReadinessEngine drlEngine = new DroolsReadinessEngine(fromDrl, ReadinessPolicy.defaults());

        for (CustomerSnapshot snapshot : ScenarioBook.all()) {
            for (int daysBack : new int[] {0, 10, 45, 100}) {
                LocalDate asOf = Facts.daysAgo(daysBack);
                ReadinessAssessment drl = drlEngine.assess(snapshot, asOf);
                ReadinessAssessment model = RuleTestSupport.assess(snapshot, asOf);
                String what = "customer " + snapshot.customer().id() + " as of " + asOf;
                assertThat(drl.stage()).as(what).isEqualTo(model.stage());
                assertThat(drl.stageReason()).as(what).isEqualTo(model.stageReason());
                assertThat(drl.trustEarned()).as(what).isEqualTo(model.trustEarned());
                assertThat(drl.trustBuilders()).as(what).isEqualTo(model.trustBuilders());
                assertThat(drl.actions()).as(what).isEqualTo(model.actions());
                assertThat(drl.warnings()).as(what).isEqualTo(model.warnings());
                // rules of equal salience may fire in another order: compare what fired, not when
                assertThat(drl.reasons()).as(what).containsExactlyInAnyOrderElementsOf(model.reasons());
                assertThat(drl.firedRules()).as(what).containsExactlyInAnyOrderElementsOf(model.firedRules());
            }
        }
    }

    @Test
    void everyBundledDrlFileCompilesWithTheClassicCompiler() {
        List<Path> files = drlFiles();

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
                "asking.drl", "confirming.drl", "earning-trust.drl", "follow-ups.drl", "introductions.drl",
                "positioning.drl", "stage.drl");
        assertThat(classicErrors(files)).as("DRL errors as file:line: message").isEmpty();
    }

    @Test
    void aBrokenRuleIsReportedWithItsFileAndLine() {
        String broken = """
                package io.referralrules.rules;
                import io.referralrules.api.facts.Sale;

                rule "A rule with a typo"
                when
                    Sale( amountt > 0 )
                then
                end
                """;

        List<String> errors = classicErrors(List.of(), broken);

        assertThat(errors).isNotEmpty();
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("io/referralrules/rules/extra0.drl:6:").contains("amountt"));
    }
}
