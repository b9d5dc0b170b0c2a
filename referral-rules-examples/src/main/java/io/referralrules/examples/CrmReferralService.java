package io.referralrules.examples;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.NextAction;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.engine.ReferralRules;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a CRM team writes around the engine: a service that answers "what should the salesperson do next for this
 * customer on this day?", with the customers loaded from the CRM's own store and the engine injected as the
 * {@link ReferralReadinessEngine} interface (so the service's tests can mock either).
 *
 * <p>A customer the store does not know, or whose facts the engine rejects with an {@link InvalidInputException}, gets
 * an answer of its own; the other customers of the same list are still answered. Any other exception is a fault of the
 * host or its rules, not of one customer's data, and is not caught.
 *
 * <pre>{@code
 * CrmReferralService service = new CrmReferralService(customerRepository, ReferralRules.engine());
 * for (CrmReferralService.NextStep step : service.nextSteps(List.of("C-104", "C-101", "C-999"), today)) {
 *     if (step instanceof CrmReferralService.Advice advice) {
 *         advice.nextAction().ifPresent(action -> tasks.add(advice.customerId(), action.type(), action.dueDate()));
 *     } else if (step instanceof CrmReferralService.Rejected rejected) {
 *         dataQuality.report(rejected.customerId(), rejected.path(), rejected.problem());
 *     } else {
 *         dataQuality.reportUnknown(step.customerId());                 // UnknownCustomer
 *     }
 * }
 * }</pre>
 *
 * Run it with {@code ./mvnw -q -Pexample -DskipTests package -Dexample.main=io.referralrules.examples.CrmReferralService}.
 */
public final class CrmReferralService {
    private final CustomerRepository customers;
    private final ReferralReadinessEngine engine;

    /**
     * The CRM's own store of customers, as the host already has it: this library never reads a database.
     */
    public interface CustomerRepository {
        /**
         * The customer's facts as the CRM holds them, or empty when no customer has that id.
         *
         * @param customerId the CRM's customer id
         * @return the snapshot, or empty for an unknown id
         */
        Optional<CustomerSnapshot> findSnapshot(String customerId);
    }

    /** The answer for one customer: an {@link Advice}, an {@link UnknownCustomer} or a {@link Rejected} customer. */
    public sealed interface NextStep permits Advice, UnknownCustomer, Rejected {
        /** The customer id the answer is for, as asked. */
        String customerId();
    }

    /**
     * The engine's decision for a known customer.
     *
     * @param assessment the decision (stage, stage reason, trust builders, actions by due date, warnings), worked out
     *                   at {@link Detail#DECISION}: without the explanations a salesperson's task list does not need
     */
    public record Advice(ReadinessAssessment assessment) implements NextStep {
        /** Checks the assessment is given. */
        public Advice {
            Objects.requireNonNull(assessment, "assessment");
        }

        @Override
        public String customerId() {
            return assessment.customerId();
        }

        /** Where the customer stands in the referral cycle. */
        public Stage stage() {
            return assessment.stage();
        }

        /** The action due first, or empty when there is nothing to do. */
        public Optional<NextAction> nextAction() {
            return assessment.actions().stream().findFirst();
        }
    }

    /**
     * No customer has this id in the CRM's store.
     *
     * @param customerId the id asked for
     */
    public record UnknownCustomer(String customerId) implements NextStep {
    }

    /**
     * The engine rejected this customer's facts or the day. The two parts come from the {@link InvalidInputException},
     * which names a field or path and quotes ids, dates and numbers only, never a customer's free text: they are safe
     * to log or show on a data-quality screen.
     *
     * @param customerId the id asked for
     * @param path       where the bad value is ({@link InvalidInputException#path()})
     * @param problem    what is wrong with it ({@link InvalidInputException#problem()})
     */
    public record Rejected(String customerId, String path, String problem) implements NextStep {
    }

    /**
     * A service reading from the CRM's store and deciding with the given engine.
     *
     * @param customers the CRM's store
     * @param engine    the engine, built once and shared (it is thread-safe), for instance {@code ReferralRules.engine()}
     */
    public CrmReferralService(CustomerRepository customers, ReferralReadinessEngine engine) {
        this.customers = Objects.requireNonNull(customers, "customers");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * What the salesperson should do next for one customer on a day.
     *
     * @param customerId the CRM's customer id
     * @param day        the day of the task list
     * @return the advice, or why there is none
     */
    public NextStep nextStep(String customerId, LocalDate day) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(day, "day");
        Optional<CustomerSnapshot> snapshot = customers.findSnapshot(customerId);
        if (snapshot.isEmpty()) {
            return new UnknownCustomer(customerId);
        }
        return assessOne(customerId, snapshot.get(), day);
    }

    /**
     * What the salesperson should do next for each customer of a list on a day, in the order of the list. The known
     * customers are decided together (cheaper per customer); if the engine rejects the batch, they are decided one by
     * one, so a customer whose facts are rejected costs no other customer its answer.
     *
     * @param customerIds the CRM's customer ids
     * @param day         the day of the task list
     * @return one answer per id, in order
     */
    public List<NextStep> nextSteps(List<String> customerIds, LocalDate day) {
        Objects.requireNonNull(customerIds, "customerIds");
        Objects.requireNonNull(day, "day");
        List<NextStep> steps = new ArrayList<>(customerIds.size());
        List<Integer> knownAt = new ArrayList<>();
        List<CustomerSnapshot> known = new ArrayList<>();
        for (String id : customerIds) {
            Optional<CustomerSnapshot> snapshot = customers.findSnapshot(Objects.requireNonNull(id, "customerIds element"));
            if (snapshot.isPresent()) {
                knownAt.add(steps.size());
                known.add(snapshot.get());
                steps.add(null);                                    // answered below
            } else {
                steps.add(new UnknownCustomer(id));
            }
        }
        if (known.isEmpty()) {
            return steps;
        }
        try {
            List<ReadinessAssessment> answers = engine.assessAll(known, day, Detail.DECISION);
            for (int i = 0; i < known.size(); i++) {
                steps.set(knownAt.get(i), new Advice(answers.get(i)));
            }
        } catch (InvalidInputException batchRejected) {
            for (int i = 0; i < known.size(); i++) {
                steps.set(knownAt.get(i), assessOne(customerIds.get(knownAt.get(i)), known.get(i), day));
            }
        }
        return steps;
    }

    private NextStep assessOne(String customerId, CustomerSnapshot snapshot, LocalDate day) {
        try {
            return new Advice(engine.assess(snapshot, day, Detail.DECISION));
        } catch (InvalidInputException e) {
            return new Rejected(customerId, e.path(), e.problem());
        }
    }

    /** Runs the example on the sample customers (plus an id the store does not know) and prints a task list. */
    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Map<String, CustomerSnapshot> store = SampleCustomers.all().stream()
                .collect(Collectors.toMap(s -> s.customer().id(), Function.identity()));
        CustomerRepository repository = id -> Optional.ofNullable(store.get(id));
        CrmReferralService service = new CrmReferralService(repository, ReferralRules.engine());

        for (NextStep step : service.nextSteps(List.of("C-104", "C-101", "C-999", "C-105"), SampleCustomers.AS_OF)) {
            out.println(describe(step));
        }
    }

    /** One line of a task list: no names or other free text, only ids, stages, action types and days. */
    static String describe(NextStep step) {
        if (step instanceof Advice advice) {
            return advice.customerId() + ": " + advice.stage() + advice.nextAction()
                    .map(a -> ", next " + a.type() + " due " + a.dueDate() + (a.overdue() ? " (" + a.overdueDays() + " days overdue)" : ""))
                    .orElse(", nothing to do");
        }
        if (step instanceof Rejected rejected) {
            return rejected.customerId() + ": rejected, " + rejected.path() + " " + rejected.problem();
        }
        return step.customerId() + ": not in the CRM";
    }
}
