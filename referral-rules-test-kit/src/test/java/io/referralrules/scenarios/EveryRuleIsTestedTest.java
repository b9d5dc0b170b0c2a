package io.referralrules.scenarios;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.facts.SurveyScore;
import io.referralrules.api.facts.SurveyType;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards the test suite itself: every rule in the bundled DRL is named by a scenario test and fires in one. */
class EveryRuleIsTestedTest {
    private static final Pattern RULE = Pattern.compile("^rule \"([^\"]+)\"", Pattern.MULTILINE);
    private static final Path TESTS = Path.of("src/test/java/io/referralrules/scenarios");

    static List<String> ruleNames() throws IOException {
        List<String> names = new ArrayList<>();
        for (Path drl : DrlCompilationTest.drlFiles()) {
            Matcher m = RULE.matcher(Files.readString(drl));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void everyRuleIsNamedInAScenarioTest() throws IOException {
        StringBuilder tests = new StringBuilder();
        try (Stream<Path> files = Files.list(TESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Test.java")).toList()) {
                tests.append(Files.readString(file));
            }
        }
        List<String> names = ruleNames();

        assertThat(names).hasSizeGreaterThan(30).doesNotHaveDuplicates();
        assertThat(names).allSatisfy(name -> assertThat(tests).as("a scenario test naming rule '%s'", name)
                .contains("\"" + name + "\""));
    }

    @Test
    void everyBundledRuleFiresInTheScenarioBook() throws IOException {
        Set<String> fired = new HashSet<>();
        for (Playbook playbook : Playbook.bundled()) {
            ReferralReadinessEngine engine = ReferralRules.engine(playbook);
            for (CustomerSnapshot snapshot : ScenarioBook.all()) {
                fired.addAll(engine.assess(snapshot, Facts.TODAY).firedRules());
            }
        }
        // the rule that turns a host veto into a stage needs a host rule to veto
        fired.addAll(HostRulesTest.EARNED_TRUST.assessment(
                Facts.customerWith(java.util.Map.of("legalHold", "yes"), Facts.readyToAsk()), Facts.TODAY).firedRules());
        // the rules of the survey switches need a policy that turns them on (they are off by default)
        ReferralReadinessEngine switched = ReferralRules.engine(Playbook.EARNED_TRUST, Playbook.EARNED_TRUST.defaults()
                .toBuilder().csatFeedback(true).cesFeedback(true).build());
        fired.addAll(switched.assess(Facts.customer(Facts.join(Facts.trustEarned(), List.of(
                new SurveyScore("CS-1", Facts.daysAgo(30), SurveyType.CSAT, 1),
                new SurveyScore("CS-2", Facts.daysAgo(20), SurveyType.CSAT, 5),
                new SurveyScore("CE-1", Facts.daysAgo(15), SurveyType.CES, 2),
                new SurveyScore("CE-2", Facts.daysAgo(10), SurveyType.CES, 7)))), Facts.TODAY).firedRules());
        List<String> bundled = ruleNames();
        fired.retainAll(bundled);

        assertThat(fired).containsExactlyInAnyOrderElementsOf(bundled);
    }
}
