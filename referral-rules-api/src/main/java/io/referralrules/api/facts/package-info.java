/**
 * The facts a host CRM passes in: immutable records, each with the host's own id and a day.
 *
 * <p>Constructors reject data that cannot be true with an {@link io.referralrules.api.InvalidInputException} (an {@code IllegalArgumentException}) whose message
 * names the record, the field and the bad value, e.g. {@code ServiceInteraction.satisfaction must be between 1 and 5,
 * was 7 (id=S-12)}: a missing id or required value, a number off its scale, a date outside the years 1900-2999 or an
 * amount beyond the digits of {@link io.referralrules.api.Limits}. A free-text value (a name, a description, a
 * question, an attribute) is never repeated in a message; the message says what is wrong with it.
 */
package io.referralrules.api.facts;
