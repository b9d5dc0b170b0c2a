package io.referralrules.engine.spi;

import java.util.List;
import java.util.Objects;

/**
 * A host rule forbids the ask: the customer's stage becomes {@code BLOCKED} (unless a referral in progress outranks
 * it), no {@code ASK_FOR_INTRODUCTION} is proposed, and the stage's reason names the host rule.
 *
 * <pre>{@code
 * rule "Customers in a regulated industry are never asked"
 * when
 *     Customer( attribute("industry") in ("banking", "healthcare"), $id : id )
 * then
 *     insert( new AskVeto( "Regulated industry: we never ask these customers for referrals.", List.of( $id ) ) );
 * end
 * }</pre>
 *
 * @param message  why the ask is vetoed
 * @param evidence ids of the facts the veto rests on
 */
public record AskVeto(String message, List<String> evidence) implements HostResult {
    public AskVeto {
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(evidence);
    }
}
