package io.referralrules.scenarios;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.engine.RuleCompilationException;
import io.referralrules.engine.RuleSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every bundled playbook compiled from its DRL at start-up with the classic compiler (as happens when host rules are
 * added) decides exactly like the executable model precompiled by kie-maven-plugin. The classic compiler reports
 * {@code file:line}; the executable model reports errors against generated code, so a broken rule fails here with
 * its line.
 */
class DrlCompilationTest {
    static final Path RULES = Path.of("../referral-rules-engine/src/main/resources/io/referralrules/rules");
    /** A host rule file with no rules: the playbook is compiled from DRL, and nothing is added to it. */
    static final RuleSource NO_RULES = RuleSource.of("no-rules.drl", "package test.norules;\n");

    static List<Path> drlFiles() {
        try (Stream<Path> files = Files.walk(RULES)) {
            return files.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Playbook> playbooks() {
        return Playbook.bundled().stream();
    }

    @Test
    void everyDrlFileBelongsToAPlaybook() {
        List<String> listed = Playbook.bundled().stream().flatMap(p -> p.bundledDrl().stream()).distinct().sorted().toList();

        assertThat(drlFiles()).extracting(p -> "io/referralrules/rules/" + RULES.relativize(p).toString().replace('\\', '/'))
                .containsExactlyElementsOf(listed);
    }

    @ParameterizedTest
    @MethodSource("playbooks")
    void theRulesCompiledFromDrlDecideLikeThePrecompiledModel(Playbook playbook) {
        ReferralReadinessEngine model = ReferralRules.engine(playbook);
        ReferralReadinessEngine drl = ReferralRules.engine(playbook.withHostRules(playbook.id(), "drl", NO_RULES),
                playbook.defaults());

        for (CustomerSnapshot snapshot : ScenarioBook.all()) {
            for (int daysBack : new int[] {0, 10, 45, 100}) {
                LocalDate asOf = Facts.daysAgo(daysBack);
                ReadinessAssessment fromDrl = drl.assess(snapshot, asOf);
                ReadinessAssessment fromModel = model.assess(snapshot, asOf);
                String what = playbook.id() + ": customer " + snapshot.customer().id() + " as of " + asOf;
                assertThat(fromDrl.stage()).as(what).isEqualTo(fromModel.stage());
                assertThat(fromDrl.stageReason()).as(what).isEqualTo(fromModel.stageReason());
                assertThat(fromDrl.trustEarned()).as(what).isEqualTo(fromModel.trustEarned());
                assertThat(fromDrl.trustBuilders()).as(what).isEqualTo(fromModel.trustBuilders());
                assertThat(fromDrl.actions()).as(what).isEqualTo(fromModel.actions());
                assertThat(fromDrl.warnings()).as(what).isEqualTo(fromModel.warnings());
                // rules of equal salience may fire in another order: compare what fired, not when
                assertThat(fromDrl.reasons()).as(what).containsExactlyInAnyOrderElementsOf(fromModel.reasons());
                assertThat(fromDrl.firedRules()).as(what).containsExactlyInAnyOrderElementsOf(fromModel.firedRules());
            }
        }
    }

    @Test
    void aBrokenRuleIsReportedWithItsFileAndLine() {
        RuleSource broken = RuleSource.of("rules/typo.drl", """
                package io.referralrules.rules.common;
                import io.referralrules.api.facts.Sale;

                rule "A rule with a typo"
                when
                    Sale( amountt > 0 )
                then
                end
                """);

        assertThatThrownBy(() -> ReferralRules.engine(Playbook.EARNED_TRUST.withHostRules("typo", "1", broken)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e ->
                        assertThat(e.errors()).anySatisfy(error -> assertThat(error).startsWith("rules/typo.drl:6: ").contains("amountt")));
    }
}
