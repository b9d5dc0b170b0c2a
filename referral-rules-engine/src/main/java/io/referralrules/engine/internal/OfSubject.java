package io.referralrules.engine.internal;

/** A fact about one {@link Subject}: derived facts and conclusions name the customer they are about. */
public interface OfSubject {
    Subject subject();
}
