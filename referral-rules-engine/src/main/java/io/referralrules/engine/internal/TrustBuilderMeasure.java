package io.referralrules.engine.internal;

import io.referralrules.api.TrustBuilder;

import java.util.List;

/**
 * One trust builder measured on one checkpoint, with what was measured, what the policy needs and what would meet it
 * (in words with the numbers), for the why-not list.
 */
public record TrustBuilderMeasure(Checkpoint checkpoint, TrustBuilder builder, boolean met, List<String> evidence,
                                  String measured, String needed, String remedy) implements OfSubject {
    /** Measures a builder that needs a minimum count of facts on a checkpoint. */
    public static TrustBuilderMeasure count(Checkpoint checkpoint, TrustBuilder builder, List<?> ids, int minimum,
                                            String noun, int lookbackDays, String remedy) {
        String measured = ids.size() + " " + noun + " in the " + lookbackDays + " days up to " + checkpoint.date();
        return new TrustBuilderMeasure(checkpoint, builder, ids.size() >= minimum, Ids.sorted(ids), measured,
                minimum + " " + noun, remedy);
    }

    @Override
    public Subject subject() {
        return checkpoint.subject();
    }
}
