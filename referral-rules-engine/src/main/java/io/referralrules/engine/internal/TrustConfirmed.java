package io.referralrules.engine.internal;

import java.util.List;

/** Enough green lights confirm that the right to ask was earned. */
public record TrustConfirmed(Subject subject, List<String> evidence) implements OfSubject {
}
