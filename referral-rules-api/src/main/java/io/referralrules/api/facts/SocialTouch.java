package io.referralrules.api.facts;

import java.time.LocalDate;

/**
 * Social or networking contact outside strict business: an event, a lunch, a congratulation.
 *
 * @param id          the host's id
 * @param date        the day it happened
 * @param description a short description in the host's words; may be {@code null}
 */
public record SocialTouch(String id, LocalDate date, String description) implements Fact {
    public SocialTouch {
        Checks.id("SocialTouch", id);
        Checks.date("SocialTouch", id, "date", date);
    }
}
