package io.referralrules.api.facts;

/**
 * The customer being assessed.
 *
 * @param id          the host's id of the customer
 * @param type        business or individual
 * @param ownerId     the host's id of the account manager who owns the customer
 * @param displayName a name to show people; may be {@code null}. Personal data: the library never logs it above DEBUG
 */
public record Customer(String id, CustomerType type, String ownerId, String displayName) {
    public Customer {
        Checks.id("Customer", id);
        Checks.required("Customer", id, "type", type);
        Checks.required("Customer", id, "ownerId", ownerId);
        Checks.optionalRef("Customer", id, "ownerId", ownerId);
    }
}
