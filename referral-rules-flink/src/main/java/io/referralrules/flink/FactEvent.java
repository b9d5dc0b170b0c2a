package io.referralrules.flink;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.Fact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One change a CRM reports about one customer ({@code docs/schema/fact-event.schema.json}): the customer upserted, a
 * fact added, corrected (replaced by one with the same id) or removed. Read with {@link FactEvents#read}.
 *
 * @param type       what happened
 * @param customerId the customer it is about: the key of the job's state
 * @param occurredAt when it happened in the CRM: the event time when history is replayed
 * @param customer   the customer's record, for {@link Type#CUSTOMER_UPSERTED}; {@code null} otherwise
 * @param kind       the snapshot list the fact belongs to ({@code "sales"}, {@code "introductions"}…), for the
 *                   three fact events; {@code null} for an upsert
 * @param fact       the fact added or its corrected version; {@code null} for an upsert or a removal
 * @param factId     the id of the fact removed (for every fact event, the fact's id); {@code null} for an upsert
 */
public record FactEvent(Type type, String customerId, Instant occurredAt, Customer customer, String kind, Fact fact,
                        String factId) {
    /** What a fact event reports. */
    public enum Type {
        /** The customer's own record is new or changed (owner, type, name, attributes); its facts are kept. */
        CUSTOMER_UPSERTED,
        /** A fact the snapshot does not hold yet (no fact of its kind with its id). */
        FACT_ADDED,
        /** A fact the snapshot holds, replaced whole by the event's version (same kind, same id). */
        FACT_CORRECTED,
        /** A fact the snapshot holds, removed by kind and id. */
        FACT_REMOVED
    }

    public FactEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (type == Type.CUSTOMER_UPSERTED) {
            Objects.requireNonNull(customer, "customer");
        } else {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(factId, "factId");
            if (type != Type.FACT_REMOVED) {
                Objects.requireNonNull(fact, "fact");
            }
        }
    }

    /** The customer upserted. */
    public static FactEvent upserted(Customer customer, Instant occurredAt) {
        return new FactEvent(Type.CUSTOMER_UPSERTED, customer.id(), occurredAt, customer, null, null, null);
    }

    /** A fact added. */
    public static FactEvent added(String customerId, Fact fact, Instant occurredAt) {
        return new FactEvent(Type.FACT_ADDED, customerId, occurredAt, null, FactKinds.kindOf(fact), fact, fact.id());
    }

    /** A fact corrected: the new version, same kind and id. */
    public static FactEvent corrected(String customerId, Fact fact, Instant occurredAt) {
        return new FactEvent(Type.FACT_CORRECTED, customerId, occurredAt, null, FactKinds.kindOf(fact), fact, fact.id());
    }

    /** A fact removed, by kind and id. */
    public static FactEvent removed(String customerId, String kind, String factId, Instant occurredAt) {
        return new FactEvent(Type.FACT_REMOVED, customerId, occurredAt, null, FactKinds.check(kind), null, factId);
    }

    /**
     * The customer's snapshot after this event.
     *
     * @param before the snapshot so far, or {@code null} when the customer has none yet
     * @throws InvalidInputException when the event does not fit the snapshot: a fact event before any upsert, a fact
     *                               added twice, a correction or removal of a fact the snapshot does not hold, or a
     *                               snapshot the API rejects afterwards (a follow-up left pointing at a removed
     *                               introduction); the message names the customer, the kind and the fact's id
     */
    public CustomerSnapshot applyTo(CustomerSnapshot before) {
        if (type == Type.CUSTOMER_UPSERTED) {
            if (before == null) {
                return CustomerSnapshot.builder(customer).build();
            }
            return CustomerSnapshot.builder(customer).addAll(before.facts().toList()).build();
        }
        if (before == null) {
            throw rejected("", "comes before the customer was upserted");
        }
        boolean held = before.facts().anyMatch(this::sameFact);
        if (type == Type.FACT_ADDED && held) {
            throw rejected(".factId", "is already held: a correction is FACT_CORRECTED");
        }
        if (type != Type.FACT_ADDED && !held) {
            throw rejected(".factId", "is not held by the customer");
        }
        List<Fact> facts = new ArrayList<>(before.facts().toList());
        if (type != Type.FACT_ADDED) {
            facts.removeIf(this::sameFact);
        }
        if (type != Type.FACT_REMOVED) {
            facts.add(fact);
        }
        try {
            return CustomerSnapshot.builder(before.customer()).addAll(facts).build();
        } catch (InvalidInputException e) {
            throw rejected("", "leaves a snapshot that cannot be true: " + e.path() + " " + e.problem());
        }
    }

    private boolean sameFact(Fact held) {
        return FactKinds.kindOf(held).equals(kind) && held.id().equals(factId);
    }

    private InvalidInputException rejected(String path, String problem) {
        String where = "$" + path;
        String full = problem + " (customer " + FactKinds.shown(customerId) + ", " + kind + " " + FactKinds.shown(factId) + ")";
        return new InvalidInputException(type + " " + where + " " + full, where, full);
    }
}
