package io.referralrules.api.facts;

import java.time.LocalDate;

/**
 * The customer agreed to introduce a prospect to us: they contact the prospect and confirm back that they did.
 *
 * @param id                  the host's id
 * @param date                the day the customer agreed to make the introduction
 * @param askId               the id of the {@link ReferralAsk} that led to it, or {@code null} when it came unasked
 * @param prospectId          the host's id of the prospect (never a name)
 * @param channel             how the customer contacts the prospect
 * @param confirmedOn         the day the customer confirmed the contact was made, or {@code null} while unconfirmed;
 *                            never before {@code date}
 * @param prospectContactedOn the day <em>we</em> first contacted the prospect, or {@code null} while not yet;
 *                            never before {@code date}
 */
public record Introduction(String id, LocalDate date, String askId, String prospectId, IntroductionChannel channel,
                           LocalDate confirmedOn, LocalDate prospectContactedOn) implements Fact {
    public Introduction {
        Checks.id("Introduction", id);
        Checks.date("Introduction", id, "date", date);
        Checks.optionalRef("Introduction", id, "askId", askId);
        Checks.required("Introduction", id, "prospectId", prospectId);
        Checks.optionalRef("Introduction", id, "prospectId", prospectId);
        Checks.required("Introduction", id, "channel", channel);
        Checks.optionalDate("Introduction", id, "confirmedOn", confirmedOn);
        Checks.notBefore("Introduction", id, "confirmedOn", confirmedOn, "date", date);
        Checks.optionalDate("Introduction", id, "prospectContactedOn", prospectContactedOn);
        Checks.notBefore("Introduction", id, "prospectContactedOn", prospectContactedOn, "date", date);
    }
}
