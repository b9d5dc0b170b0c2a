package io.referralrules.engine.internal;

import io.referralrules.api.TrustBuilder;

import java.util.List;

/** One trust builder measured on one checkpoint. */
public record TrustBuilderMeasure(Checkpoint checkpoint, TrustBuilder builder, boolean met, List<String> evidence) {
}
