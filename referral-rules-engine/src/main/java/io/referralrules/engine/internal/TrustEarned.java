package io.referralrules.engine.internal;

/** Trust was earned as of the checkpoint. */
public record TrustEarned(Checkpoint checkpoint) implements OfSubject {
    @Override
    public Subject subject() {
        return checkpoint.subject();
    }
}
