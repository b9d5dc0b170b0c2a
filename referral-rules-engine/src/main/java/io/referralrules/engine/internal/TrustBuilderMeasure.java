package io.referralrules.engine.internal;

import io.referralrules.api.TrustBuilder;

import java.util.List;

/**
 * One trust builder measured on one checkpoint, with what was measured, what the policy needs and what would meet it
 * (in words with the numbers), for the why-not list.
 */
public record TrustBuilderMeasure(Checkpoint checkpoint, TrustBuilder builder, boolean met, List<String> evidence,
                                  String measured, String needed, String remedy) {
}
