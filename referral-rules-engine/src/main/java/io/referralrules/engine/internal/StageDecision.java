package io.referralrules.engine.internal;

import io.referralrules.api.Stage;

/** A subject's one stage, decided once every step has made its claims. */
public record StageDecision(Subject subject, Stage stage) implements OfSubject {
}
