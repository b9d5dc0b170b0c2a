package io.referralrules.engine.internal;

import java.util.Collection;

import io.referralrules.api.Stage;

/** A subject's one stage, decided once every step has made its claims. */
public record StageDecision(Subject subject, Stage stage) implements OfSubject {

    /** Of the stages claimed, the one that outranks the others ({@link Stage#outranks}). */
    public static Stage highest(Collection<?> claimed) {
        Stage best = null;
        for (Object o : claimed) {
            Stage stage = (Stage) o;
            if (best == null || stage.outranks(best)) {
                best = stage;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no stage was claimed");
        }
        return best;
    }
}
