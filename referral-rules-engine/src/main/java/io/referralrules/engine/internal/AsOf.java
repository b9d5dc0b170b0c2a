package io.referralrules.engine.internal;

import java.time.LocalDate;

/** The assessment day, inserted by the engine; no rule reads the system clock. */
public record AsOf(LocalDate date) {
}
