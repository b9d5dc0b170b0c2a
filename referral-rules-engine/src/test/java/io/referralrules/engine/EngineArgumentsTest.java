package io.referralrules.engine;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@DisplayName("The engine's entry points name a missing argument and refuse a day outside the supported range")
class EngineArgumentsTest {
    private static final CustomerSnapshot CUSTOMER = CustomerSnapshot.builder(
            new Customer("C-1", CustomerType.BUSINESS, "rep-1", null)).build();
    private static final RuleSource RULES = RuleSource.of("acme.drl", "package com.acme;\n");

    static Stream<Arguments> nullArguments() {
        ReferralReadinessEngine engine = ReferralRules.engine();
        return Stream.of(
                arguments("ReferralRules.engine((Playbook) null)", (Executable) () -> ReferralRules.engine((Playbook) null), "playbook"),
                arguments("ReferralRules.engine(playbook, null)", (Executable) () -> ReferralRules.engine(Playbook.EARNED_TRUST, null), "policy"),
                arguments("TenantEngines.register(\"t\", null)", (Executable) () -> new TenantEngines().register("t", null), "playbook"),
                arguments("withHostRules(id, version, (RuleSource) null)",
                        (Executable) () -> Playbook.EARNED_TRUST.withHostRules("acme", "1", (RuleSource) null), "rules[0]"),
                arguments("withHostRules(null, null, null)",
                        (Executable) () -> Playbook.EARNED_TRUST.withHostRules(null, null, (RuleSource[]) null), "rules"),
                arguments("withHostRules(null, version, rules)",
                        (Executable) () -> Playbook.EARNED_TRUST.withHostRules(null, "1", RULES), "id"),
                arguments("withHostRules(list with null)",
                        (Executable) () -> Playbook.EARNED_TRUST.withHostRules("acme", "1", Arrays.asList(RULES, null)), "rules[1]"),
                arguments("RuleSource.file(null)", (Executable) () -> RuleSource.file((Path) null), "path"),
                arguments("RuleSource.classpath(null)", (Executable) () -> RuleSource.classpath(null), "resource"),
                arguments("assess(null, day)", (Executable) () -> engine.assess(null, LocalDate.of(2026, 6, 15)), "snapshot"),
                arguments("assess(snapshot, null)", (Executable) () -> engine.assess(CUSTOMER, null), "asOf"),
                arguments("assessAll(list with null, day)",
                        (Executable) () -> engine.assessAll(Arrays.asList(CUSTOMER, null), LocalDate.of(2026, 6, 15)), "snapshots[1]"),
                arguments("replay(null)", (Executable) () -> engine.replay(null), "record"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullArguments")
    void aNullArgumentIsNamed(String call, Executable executable, String argument) {
        assertThatThrownBy(executable::execute).isInstanceOf(NullPointerException.class).hasMessage(argument);
    }

    @Test
    void anAssessmentDayOutsideTheSupportedYearsIsRefusedNamingTheDay() {
        ReferralReadinessEngine engine = ReferralRules.engine();

        assertThatThrownBy(() -> engine.assess(CUSTOMER, LocalDate.MAX))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThatThrownBy(() -> { throw e; })
                        .hasMessage("asOf must be between 1900-01-01 and 2999-12-31, was +999999999-12-31"));
        assertThatThrownBy(() -> engine.assess(CUSTOMER, LocalDate.of(1899, 12, 31)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("was 1899-12-31");
    }

    @Test
    void theLastSupportedDayIsAssessed() {
        ReferralReadinessEngine engine = ReferralRules.engine();

        org.assertj.core.api.Assertions.assertThat(engine.assess(CUSTOMER, LocalDate.of(2999, 12, 31)).asOf())
                .isEqualTo(LocalDate.of(2999, 12, 31));
        org.assertj.core.api.Assertions.assertThat(engine.assess(CUSTOMER, LocalDate.of(1900, 1, 1)).asOf())
                .isEqualTo(LocalDate.of(1900, 1, 1));
    }
}
