package io.referralrules.engine.internal;

import io.referralrules.api.Stage;

/** The one stage of the assessment, decided once every step has made its claims. */
public record StageDecision(Stage stage) {
}
