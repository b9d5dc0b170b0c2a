package io.referralrules.api.facts;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The customer being assessed.
 *
 * <p>{@code attributes} carries whatever else the host knows and its own rules need (an industry, a segment, a
 * region): the bundled playbooks never read it, host DRL does, with {@code Customer( attribute("industry") == "banking" )}.
 *
 * @param id          the host's id of the customer
 * @param type        business or individual; it decides whom the customer can refer
 * @param ownerId     the host's id of the account manager who owns the customer
 * @param displayName a name to show people; may be {@code null}. Personal data: the library never logs it above DEBUG
 * @param attributes  host-defined attributes for host rules, key to value; never {@code null} (may be empty)
 */
public record Customer(String id, CustomerType type, String ownerId, String displayName, Map<String, String> attributes) {
    public Customer {
        Checks.id("Customer", id);
        Checks.required("Customer", id, "type", type);
        Checks.required("Customer", id, "ownerId", ownerId);
        Checks.optionalRef("Customer", id, "ownerId", ownerId);
        if (attributes == null) {
            throw Checks.invalid("Customer", "attributes", "must not be null (use an empty map) (id=" + Checks.shown(id) + ")");
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw Checks.invalid("Customer", "attributes", "has a blank key " + Checks.quote(e.getKey()) + " (id=" + Checks.shown(id) + ")");
            }
            if (e.getValue() == null) {
                throw Checks.invalid("Customer", "attributes." + Checks.key(e.getKey()), "must not be null (id=" + Checks.shown(id) + ")");
            }
        }
        // sorted by key, so iteration (and JSON, hashes, messages) is the same on every JVM
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** A customer without host attributes. */
    public Customer(String id, CustomerType type, String ownerId, String displayName) {
        this(id, type, ownerId, displayName, Map.of());
    }

    /** The value of one host attribute, or {@code null} when the host did not set it. */
    public String attribute(String key) {
        return attributes.get(Objects.requireNonNull(key, "key"));
    }
}
