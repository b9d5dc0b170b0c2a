package io.referralrules.engine.internal;

import io.referralrules.api.Stage;
import io.referralrules.engine.spi.AskVeto;

/**
 * A step's rule claims a stage for a subject; {@code stage.drl} decides the stage of highest precedence, and the
 * answer cites the claim that won. A claim made for a host rule's veto cites that host rule ({@code veto} is set and
 * {@code said} is {@code null}: the host rule is known once the answer is read).
 */
public record StageClaim(Subject subject, Stage stage, Said said, AskVeto veto) implements OfSubject {
    public StageClaim(Subject subject, Stage stage, Said said) {
        this(subject, stage, said, null);
    }
}
