package io.referralrules.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's own class path has no DRL compiler (referral-rules-host-rules brings it): the bundled playbooks run,
 * and a playbook with host rules fails with a message that names the module to add.
 */
class HostRulesNeedTheirModuleTest {
    private static final RuleSource EXTRA = RuleSource.of("rules/extra.drl", "package com.acme.rules;\n");

    @Test
    void theDrlCompilerIsNotOnTheEnginesClassPath() {
        assertThat(onClassPath("org.drools.mvel.MVELDialectConfiguration")).isFalse();
        assertThat(onClassPath("org.eclipse.jdt.internal.compiler.Compiler")).isFalse();
        assertThat(onClassPath("org.drools.drl.parser.DrlParser")).isFalse();
        assertThat(onClassPath("com.github.javaparser.JavaParser")).isFalse();
    }

    @Test
    void bundledPlaybooksRunWithoutIt() {
        for (Playbook playbook : Playbook.bundled()) {
            assertThat(ReferralRules.engine(playbook).assess(AnswersInFullTest.business("C-1", AnswersInFullTest.ready()), AnswersInFullTest.TODAY).playbook())
                    .isEqualTo(playbook.ref());
        }
    }

    @Test
    void aPlaybookWithHostRulesNamesTheModuleToAdd() {
        Playbook acme = Playbook.EARNED_TRUST.withHostRules("acme-earned-trust", "2026.11", EXTRA);
        assertThatThrownBy(() -> ReferralRules.engine(acme))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("playbook acme-earned-trust@2026.11 has host rules, and compiling them needs "
                        + "io.referralrules:referral-rules-host-rules on the class path (the bundled playbooks run without it)");
        assertThatThrownBy(() -> new TenantEngines().register("acme", acme, acme.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("referral-rules-host-rules");
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, HostRulesNeedTheirModuleTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
