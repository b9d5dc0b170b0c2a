package io.referralrules.examples;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.facts.Customer;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.engine.RuleCompilationException;
import io.referralrules.engine.RuleSource;

import java.io.PrintStream;
import java.util.Map;

/**
 * The worked example of {@code docs/writing-rules.md}: a CRM adds one rule of its own ("customers in a regulated
 * industry are never asked") to the earned-trust playbook, and shows what a host developer sees when a rule does not
 * compile. Run it with {@code ./mvnw -q -Pexample -DskipTests package -Dexample.main=io.referralrules.examples.HostRulesExample}.
 */
public final class HostRulesExample {
    /** The host's playbook: earned-trust plus the regulated-industry rule, under the host's own id and version. */
    static final Playbook WITH_COMPLIANCE = Playbook.EARNED_TRUST.withHostRules("example-crm-earned-trust", "2026.11",
            RuleSource.classpath("com/example/crm/rules/regulated-industries.drl"));

    private HostRulesExample() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        ReferralReadinessEngine engine = ReferralRules.engine(WITH_COMPLIANCE);

        // Cobalt Engineering is ready to ask; the same history at a bank is not.
        CustomerSnapshot cobalt = SampleCustomers.readyToAsk();
        CustomerSnapshot bank = inIndustry(cobalt, "banking");
        for (CustomerSnapshot snapshot : new CustomerSnapshot[] {cobalt, bank}) {
            ReadinessAssessment a = engine.assess(snapshot, SampleCustomers.AS_OF);
            out.println(a.customerId() + " (" + a.playbook() + "): " + a.stage() + " - " + a.stageReason().message()
                    + "  <" + a.stageReason().rule() + ">");
        }

        // A rule with a typo fails engine construction, with the file and line of every error.
        RuleSource typo = RuleSource.of("com/example/crm/rules/typo.drl", """
                package com.example.crm.rules;
                import io.referralrules.api.facts.Customer;
                rule "A rule with a typo"
                when
                    Customer( industy == "banking" )
                then
                end
                """);
        try {
            ReferralRules.engine(Playbook.EARNED_TRUST.withHostRules("example-crm-broken", "0", typo));
        } catch (RuleCompilationException e) {
            out.println("Rejected: " + e.errors());
        }
    }

    /** The same customer history under another customer record, with the host's industry attribute set. */
    static CustomerSnapshot inIndustry(CustomerSnapshot snapshot, String industry) {
        Customer c = snapshot.customer();
        CustomerSnapshot.Builder b = CustomerSnapshot.builder(new Customer(c.id() + "-BANK", c.type(), c.ownerId(),
                c.displayName(), Map.of("industry", industry)));
        snapshot.facts().forEach(b::add);
        return b.build();
    }
}
