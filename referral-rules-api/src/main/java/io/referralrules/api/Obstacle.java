package io.referralrules.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One unmet condition for {@link Stage#READY_TO_ASK}, with what would satisfy it. An obstacle that time alone clears
 * (a cool-down, a complaint veto, the positioning window, the wait for an introduction) has the day it clears;
 * one that needs new facts (a trust builder, green lights, a resolved complaint) has none.
 *
 * <pre>{@code
 * for (Obstacle o : assessment.whyNot()) {
 *     // TRUST_BUILDER RECIPROCITY: 0 referrals given to the customer (needs 1) -> give this customer a referral
 *     // COOL_DOWN A-7: ask A-7 on 2026-03-02 -> clears on 2026-06-01
 * }
 * }</pre>
 *
 * @param kind      what kind of condition
 * @param subject   what it is about: a trust builder's name or the id of a fact (the ask, the complaint…), or
 *                  {@code null} for the customer as a whole
 * @param measured  what the engine measured, in words with the numbers (e.g. {@code average rating 3.60})
 * @param needed    what the policy needs, in words with the numbers (e.g. {@code average rating 4.0})
 * @param remedy    what would satisfy it, in words (e.g. {@code give this customer a referral})
 * @param clearsOn  the first day it no longer holds if nothing else changes, or {@code null} when only new facts
 *                  clear it
 * @param reason    the rule that found it, its file, and the facts it rests on
 */
public record Obstacle(ObstacleKind kind, String subject, String measured, String needed, String remedy,
                       LocalDate clearsOn, Reason reason) {
    public Obstacle {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(needed, "needed");
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether time alone clears it. */
    public boolean timeBound() {
        return clearsOn != null;
    }
}
