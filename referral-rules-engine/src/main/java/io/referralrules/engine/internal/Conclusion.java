package io.referralrules.engine.internal;

/**
 * What a rule concluded about a subject, as a fact in the session: actions ({@link Proposed}), warnings
 * ({@link Raised}), unmet conditions ({@link Unmet}), measured trust builders ({@link Measured}) and other reasons
 * ({@link Noted}); stage claims are {@link StageClaim}s. The engine reads them once, after the rules have fired.
 */
public sealed interface Conclusion extends OfSubject permits Proposed, Raised, Unmet, Measured, Noted {
    /** What the rule said: its name, message and evidence. */
    Said said();
}
