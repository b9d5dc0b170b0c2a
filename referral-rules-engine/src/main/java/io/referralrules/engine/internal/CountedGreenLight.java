package io.referralrules.engine.internal;

/** A green light recent enough, and given after the last complaint, to count toward confirming trust. */
public record CountedGreenLight(Subject subject, String factId) implements OfSubject {
}
