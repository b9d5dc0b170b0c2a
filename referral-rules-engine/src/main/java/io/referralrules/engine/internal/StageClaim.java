package io.referralrules.engine.internal;

import io.referralrules.api.Reason;
import io.referralrules.api.Stage;

/** A step's rule claims a stage; {@code stage.drl} keeps the claim of highest precedence. */
public record StageClaim(Stage stage, Reason reason) {
}
