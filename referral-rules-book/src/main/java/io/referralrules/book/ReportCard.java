package io.referralrules.book;

import io.referralrules.api.PlaybookRef;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The referral report card of a book: referrals are the measure of how well relationships are built. One
 * {@link Scorecard} for the whole book, one per team (when the host maps owners to teams) and one per account owner.
 * Build it with {@link ReportCardBuilder} while a book is assessed; write it with {@link ReportCardHtml} or
 * {@link ReportCardJson}.
 *
 * @param asOf        the assessment day
 * @param periodStart the first day counted (the policy's look-back before {@code asOf})
 * @param playbook    the playbook that decided
 * @param book        the whole book
 * @param teams       one per team, by name
 * @param owners      one per account owner, by id
 */
public record ReportCard(LocalDate asOf, LocalDate periodStart, PlaybookRef playbook, Scorecard book,
                         List<Scorecard> teams, List<Scorecard> owners) {
    public ReportCard {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(book, "book");
        teams = List.copyOf(teams);
        owners = List.copyOf(owners);
    }
}
