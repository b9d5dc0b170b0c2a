package io.referralrules.examples;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.NextAction;
import io.referralrules.api.Obstacle;
import io.referralrules.api.ProspectHint;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Warning;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Assesses the bundled {@link SampleCustomers} as of {@link SampleCustomers#AS_OF} under the default earned-trust
 * playbook and prints, per customer, the stage, the next actions with their due dates (and, for an ask, whom to think
 * of), the warnings and the reasons; then the stage each customer would be at under post-sale-momentum. Run it with
 * {@code ./mvnw -q -Pexample -DskipTests package}.
 */
public final class SampleCustomersDemo {
    private SampleCustomersDemo() {
    }

    public static void main(String[] args) {
        LocalDate asOf = args.length > 0 ? LocalDate.parse(args[0]) : SampleCustomers.AS_OF;
        ReferralReadinessEngine earnedTrust = ReferralRules.engine();
        print(earnedTrust, SampleCustomers.all(), asOf, System.out);
        compare(earnedTrust, ReferralRules.engine(Playbook.POST_SALE_MOMENTUM), SampleCustomers.all(), asOf, System.out);
    }

    static void print(ReferralReadinessEngine engine, List<CustomerSnapshot> book, LocalDate asOf, PrintStream out) {
        out.println("Referral readiness as of " + asOf + " under playbook " + engine.playbook() + " (" + book.size()
                + " sample customers)");
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
                if (!action.prospectHints().isEmpty()) {
                    out.println("            think of: " + action.prospectHints().stream().map(SampleCustomersDemo::hint)
                            .collect(Collectors.joining(", ")) + "; talk track: " + action.talkTrack());
                }
            }
            for (Warning warning : a.warnings()) {
                out.println("   warning: " + warning.type() + " on " + warning.date() + " - " + warning.reason().message());
            }
            for (Obstacle obstacle : a.whyNot()) {
                out.println("   why not: " + obstacle.kind() + (obstacle.subject() == null ? "" : " " + obstacle.subject())
                        + " - " + obstacle.measured() + " (needs " + obstacle.needed() + ")"
                        + (obstacle.clearsOn() == null ? "" : ", clears on " + obstacle.clearsOn()));
            }
            if (a.stage() != io.referralrules.api.Stage.READY_TO_ASK) {
                boolean onlyTime = a.whyNot().stream().allMatch(Obstacle::timeBound);
                out.println("   earliest ask: " + a.earliestAsk().day().map(String::valueOf).orElse("none without new facts")
                        + (onlyTime ? " - " + a.earliestAsk().explanation() : ""));
            }
        }
    }

    /** One line per customer whose stage differs under the other playbook. */
    static void compare(ReferralReadinessEngine engine, ReferralReadinessEngine other, List<CustomerSnapshot> book,
                        LocalDate asOf, PrintStream out) {
        out.println();
        out.println("The same customers under playbook " + other.playbook() + " (where the stage differs):");
        for (CustomerSnapshot snapshot : book) {
            ReadinessAssessment a = engine.assess(snapshot, asOf);
            ReadinessAssessment b = other.assess(snapshot, asOf);
            if (a.stage() != b.stage()) {
                out.println("   " + a.customerId() + ": " + a.stage() + " -> " + b.stage() + "  <" + b.stageReason().rule() + ">");
            }
        }
    }

    private static String hint(ProspectHint hint) {
        String circle = hint.circle().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return hint.detail() == null ? circle : circle + " (" + hint.detail() + ")";
    }
}
