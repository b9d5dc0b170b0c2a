package io.referralrules.scenarios;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.Detail;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.engine.RuleFiringLimitException;
import io.referralrules.engine.TenantEngines;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every public entry point of the engine on the scenario customers with both bundled playbooks (one by one on
 * three days, in a batch at decision detail from a tenant's engine, decision records and their replay, and the fire
 * limit) and prints one line per answer. Run by
 * {@link LeanRuntimeTest} in a JVM whose class path is the engine and its declared runtime dependencies only, and in
 * the test's own JVM, to compare the two. Uses nothing but the api and the engine.
 */
public final class LeanRuntimeProbe {
    private LeanRuntimeProbe() {
    }

    static List<String> answers() {
        List<String> out = new ArrayList<>();
        List<CustomerSnapshot> customers = ScenarioBook.all();
        TenantEngines tenants = new TenantEngines();
        for (Playbook playbook : Playbook.bundled()) {
            ReferralReadinessEngine engine = ReferralRules.engine(playbook);
            for (int days : new int[] {0, 20, 90}) {
                LocalDate asOf = Facts.TODAY.plusDays(days);
                for (CustomerSnapshot customer : customers) {
                    out.add(playbook.id() + " " + asOf + " " + engine.assess(customer, asOf));
                }
                // a batch, at decision detail, from a tenant's engine with other thresholds
                ReferralReadinessEngine tenant = tenants.register("tenant-" + playbook.id(), playbook,
                        playbook.defaults().toBuilder().askCoolDownDays(120).build());
                tenant.assessAll(customers, asOf, Detail.DECISION)
                        .forEach(answer -> out.add("batch " + playbook.id() + " " + asOf + " " + answer));
            }
            // a decision record and its replay
            for (CustomerSnapshot customer : customers) {
                DecisionRecord record = engine.record(customer, Facts.TODAY);
                out.add("record " + playbook.id() + " " + record.policyHash() + " " + record.rulesHash() + " "
                        + engine.replay(record).differences());
            }
        }
        // the fire limit: a customer with no facts takes two firings, one more than this engine allows
        try {
            ReferralRules.builder().fireLimit(1).build().assess(customers.get(0), Facts.TODAY);
            out.add("fire limit: not reached");
        } catch (RuleFiringLimitException e) {
            out.add("fire limit: " + e.getMessage());
        }
        return out;
    }

    public static void main(String[] args) {
        PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        answers().forEach(stdout::println);
        stdout.flush();
    }
}
