package io.referralrules.engine.internal;

/** Trust was earned as of the checkpoint. */
public record TrustEarned(Checkpoint checkpoint) {
}
