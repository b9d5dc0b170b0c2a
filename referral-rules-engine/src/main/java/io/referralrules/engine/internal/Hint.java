package io.referralrules.engine.internal;

import io.referralrules.api.ProspectHint;

/** A bundled rule's prospect hint for a subject who is ready to ask; the ask action lists them. */
public record Hint(Subject subject, ProspectHint hint) implements OfSubject {
}
