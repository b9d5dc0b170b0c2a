package io.referralrules.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Host DRL that does not compile fails engine construction once, with every file and line")
class HostRuleCompilationTest {
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        root.detachAppender(log);
    }

    @Test
    void aSyntaxErrorAndAnUnknownFieldGiveOneExceptionNamingBothFilesAndLines() {
        Playbook broken = Playbook.EARNED_TRUST.withHostRules("broken", "1",
                RuleSource.classpath("host-rules/syntax-error.drl"), RuleSource.classpath("host-rules/unknown-field.drl"));

        assertThatThrownBy(() -> ReferralRules.engine(broken))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.errors()).anySatisfy(error -> assertThat(error).startsWith("host-rules/syntax-error.drl:8: "));
                    assertThat(e.errors()).anySatisfy(error -> assertThat(error).startsWith("host-rules/unknown-field.drl:7: ")
                            .contains("discount"));
                    assertThat(e.errors()).hasSize(2);
                    assertThat(e.getMessage()).startsWith("host rules of playbook broken@1 do not compile (2 errors):");
                    assertThat(e.getMessage())
                            .contains("\n  host-rules/syntax-error.drl:8: ").contains("\n  host-rules/unknown-field.drl:7: ");
                });
    }

    @Test
    void aJavaErrorInAConsequenceCitesItsOwnLineNotTheRulesFirstLine() {
        Playbook broken = Playbook.EARNED_TRUST.withHostRules("broken", "1", RuleSource.classpath("host-rules/bad-consequence.drl"));

        assertThatThrownBy(() -> ReferralRules.engine(broken))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors()).satisfiesExactly(
                        first -> assertThat(first).isEqualTo("host-rules/bad-consequence.drl:19: Rule Compilation error"
                                + " The method noSuchMethod() is undefined for the type Sale"),
                        // code on the then line itself
                        second -> assertThat(second).startsWith("host-rules/bad-consequence.drl:25: Rule Compilation error"
                                + " The method undefinedCall(Sale) is undefined")));
    }

    @Test
    void droolsDoesNotLogTheSameErrorsAgain() {
        Playbook broken = Playbook.EARNED_TRUST.withHostRules("broken", "1",
                RuleSource.classpath("host-rules/syntax-error.drl"), RuleSource.classpath("host-rules/unknown-field.drl"));

        assertThatThrownBy(() -> ReferralRules.engine(broken)).isInstanceOf(RuleCompilationException.class);

        assertThat(log.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    @Test
    void aHostRuleFileThatCompilesBuildsAnEngineNamedAfterTheHostsPlaybook() {
        Playbook acme = Playbook.POST_SALE_MOMENTUM.withHostRules("acme-momentum", "7", RuleSource.of("acme/empty.drl",
                "package com.acme.rules;\nimport io.referralrules.api.facts.Sale;\nrule \"Every sale is noted\"\nwhen Sale()\nthen\nend\n"));

        assertThat(ReferralRules.engine(acme).playbook()).hasToString("acme-momentum@7");
        assertThat(acme.defaults()).isEqualTo(Playbook.POST_SALE_MOMENTUM.defaults());
    }
}
