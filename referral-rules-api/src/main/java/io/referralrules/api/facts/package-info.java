/**
 * The facts a host CRM passes in: immutable records, each with the host's own id and a day.
 *
 * <p>Constructors reject data that cannot be true with an {@link io.referralrules.api.InvalidInputException} (an {@code IllegalArgumentException}) whose message
 * names the record, the field and the bad value, e.g. {@code ServiceInteraction.satisfaction must be between 1 and 5,
 * was 7 (id=S-12)}.
 */
package io.referralrules.api.facts;
