package io.referralrules.scenarios;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Assesses every scenario customer with both bundled playbooks on three days and prints one line per answer. Run by
 * {@link LeanRuntimeTest} in a JVM whose class path is the engine and its declared runtime dependencies only, and in
 * the test's own JVM, to compare the two. Uses nothing but the api and the engine.
 */
public final class LeanRuntimeProbe {
    private LeanRuntimeProbe() {
    }

    static List<String> answers() {
        List<String> out = new ArrayList<>();
        for (Playbook playbook : Playbook.bundled()) {
            ReferralReadinessEngine engine = ReferralRules.engine(playbook);
            for (int days : new int[] {0, 20, 90}) {
                LocalDate asOf = Facts.TODAY.plusDays(days);
                for (CustomerSnapshot customer : ScenarioBook.all()) {
                    out.add(playbook.id() + " " + asOf + " " + engine.assess(customer, asOf));
                }
            }
        }
        return out;
    }

    public static void main(String[] args) {
        PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        answers().forEach(stdout::println);
        stdout.flush();
    }
}
