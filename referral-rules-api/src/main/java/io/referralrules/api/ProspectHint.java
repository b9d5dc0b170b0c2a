package io.referralrules.api;

import java.util.List;
import java.util.Objects;

/**
 * Whom to think of when asking for an introduction: a circle the customer knows, with a detail when the facts give
 * one (the name of an industry event the customer attended).
 *
 * <p>Host rules may add their own hints by inserting one ({@code insert( new ProspectHint( ProspectCircle.VENDORS,
 * "their packaging supplier", List.of() ) )}); every hint in working memory is attached to the ask.
 *
 * @param circle   the circle
 * @param detail   a detail to show, or {@code null}
 * @param evidence ids of the facts the hint comes from (the customer, the event)
 */
public record ProspectHint(ProspectCircle circle, String detail, List<String> evidence) {
    public ProspectHint {
        Objects.requireNonNull(circle, "circle");
        evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
    }
}
