package io.referralrules.examples;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.NextAction;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Warning;
import io.referralrules.engine.ReferralRules;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

/**
 * Assesses the bundled {@link SampleCustomers} as of {@link SampleCustomers#AS_OF} and prints, per customer, the
 * stage, the next actions with their due dates, the warnings and the reasons. Run it with
 * {@code ./mvnw -q -Pdemo -DskipTests package}.
 */
public final class SampleCustomersDemo {
    private SampleCustomersDemo() {
    }

    public static void main(String[] args) {
        LocalDate asOf = args.length > 0 ? LocalDate.parse(args[0]) : SampleCustomers.AS_OF;
        print(ReferralRules.engine(), SampleCustomers.all(), asOf, System.out);
    }

    static void print(ReferralReadinessEngine engine, List<CustomerSnapshot> book, LocalDate asOf, PrintStream out) {
        out.println("Referral readiness as of " + asOf + " (" + book.size() + " sample customers)");
        for (CustomerSnapshot snapshot : book) {
            ReadinessAssessment a = engine.assess(snapshot, asOf);
            out.println();
            String name = snapshot.customer().displayName() == null ? "" : " " + snapshot.customer().displayName();
            out.println("== " + a.customerId() + name + " (owner " + snapshot.customer().ownerId() + ")");
            out.println("   stage:   " + a.stage() + (a.trustEarned() ? "  [trust earned]" : ""));
            out.println("   because: " + a.stageReason().message() + "  <" + a.stageReason().rule() + ">");
            for (NextAction action : a.actions()) {
                out.println("   action:  " + action.type() + " due " + action.dueDate()
                        + (action.overdue() ? " (" + action.overdueDays() + " days overdue)" : "")
                        + " - " + action.reason().message());
            }
            for (Warning warning : a.warnings()) {
                out.println("   warning: " + warning.type() + " on " + warning.date() + " - " + warning.reason().message());
            }
        }
    }
}
