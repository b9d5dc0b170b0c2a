package io.referralrules.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The line a host rule's compile error cites, for the kinds of mistake {@code HostRuleCompilationTest} does not show:
 * two Java errors in one consequence, an error in a DRL function, and a consequence whose first line is repeated
 * earlier in the file.
 */
@DisplayName("Compile errors: the lines they cite")
class CompileErrorLinesTest {

    private static List<String> errors(String file, String drl) {
        Playbook broken = Playbook.EARNED_TRUST.withHostRules("acme", "1", RuleSource.of(file, drl));
        return catchThrowableOfType(RuleCompilationException.class, () -> ReferralRules.engine(broken)).errors();
    }

    @Test
    void twoJavaErrorsInOneConsequenceCiteBothLines() {
        List<String> errors = errors("acme/two.drl", """
                package com.acme;
                import io.referralrules.api.facts.Sale;
                rule "Two mistakes"
                when
                    $sale : Sale()
                then
                    $sale.firstMistake();
                    int fine = 1;
                    $sale.secondMistake();
                end
                """);

        assertThat(errors).singleElement().asString().startsWith("acme/two.drl:7,9: ")
                .contains("firstMistake()").contains("secondMistake()").doesNotContain("\n");
    }

    @Test
    void aConsequenceWhoseFirstLineAppearsEarlierIsFoundAfterItsThen() {
        List<String> errors = errors("acme/repeated.drl", """
                package com.acme;
                import io.referralrules.api.facts.Sale;
                // int fine = 1;
                rule "A mistake after a line seen before"
                when
                    $sale : Sale()
                then
                    int fine = 1;
                    $sale.noSuchMethod();
                end
                """);

        assertThat(errors).singleElement().asString().startsWith("acme/repeated.drl:9: ");
    }

    /** Drools adds a follow-on error without a line for the function it could not import; it is listed with "?". */
    @Test
    void anErrorInAFunctionCitesTheFunctionsLineAndTheFollowOnErrorHasNone() {
        List<String> errors = errors("acme/function.drl", """
                package com.acme;

                function int broken() {
                    return undefinedName;
                }
                """);

        assertThat(errors).hasSize(2).allSatisfy(error -> assertThat(error).doesNotContain("\n"));
        assertThat(errors).anySatisfy(error -> assertThat(error).startsWith("acme/function.drl:3: ").contains("undefinedName"));
        assertThat(errors).anySatisfy(error -> assertThat(error).startsWith("acme/function.drl:?: Error importing"));
    }
}
