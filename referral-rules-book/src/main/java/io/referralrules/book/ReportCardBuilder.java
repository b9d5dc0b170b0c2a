package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.Stage;
import io.referralrules.api.WarningType;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.FollowUpType;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferredSale;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Adds up a book's report card one customer at a time, so a book of any size needs memory only per owner and team.
 * Feed it each assessed customer (for instance from {@link BookAssessor}'s consumer) and call {@link #build()} at the
 * end. Not thread-safe: {@code BookAssessor} calls its consumer on one thread.
 *
 * <pre>{@code
 * ReportCardBuilder card = new ReportCardBuilder(asOf, engine.policy(), engine.playbook(), teamOfOwner);
 * assessor.assess(book, asOf, r -> { if (!r.failed()) card.add(r.snapshot(), r.assessment()); });
 * Files.writeString(Path.of("report-card.html"), ReportCardHtml.render(card.build()));
 * }</pre>
 */
public final class ReportCardBuilder {
    private final LocalDate asOf;
    private final LocalDate periodStart;
    private final ReadinessPolicy policy;
    private final PlaybookRef playbook;
    private final Map<String, String> teamOfOwner;
    private final Tally book = new Tally();
    private final Map<String, Tally> teams = new TreeMap<>();
    private final Map<String, Tally> owners = new TreeMap<>();

    /**
     * @param asOf        the assessment day
     * @param policy      the thresholds the engine decided with (look-back and follow-up deadlines)
     * @param playbook    the playbook that decided
     * @param teamOfOwner owner id to team name; owners not in it have no team (may be empty)
     */
    public ReportCardBuilder(LocalDate asOf, ReadinessPolicy policy, PlaybookRef playbook, Map<String, String> teamOfOwner) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.playbook = Objects.requireNonNull(playbook, "playbook");
        this.teamOfOwner = Map.copyOf(teamOfOwner);
        this.periodStart = asOf.minusDays(policy.lookbackDays());
    }

    /** Counts one assessed customer. */
    public ReportCardBuilder add(CustomerSnapshot snapshot, ReadinessAssessment assessment) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(assessment, "assessment");
        if (!assessment.asOf().equals(asOf)) {
            throw new IllegalArgumentException("assessment of customer " + assessment.customerId() + " is as of "
                    + assessment.asOf() + ", the report card as of " + asOf);
        }
        Tally customer = measure(snapshot, assessment);
        String owner = snapshot.customer().ownerId();
        book.add(customer);
        owners.computeIfAbsent(owner, o -> new Tally()).add(customer);
        String team = teamOfOwner.get(owner);
        if (team != null) {
            teams.computeIfAbsent(team, t -> new Tally()).add(customer);
        }
        return this;
    }

    /** The report card so far. */
    public ReportCard build() {
        List<Scorecard> teamCards = new ArrayList<>();
        teams.forEach((name, tally) -> teamCards.add(tally.card("team", name)));
        List<Scorecard> ownerCards = new ArrayList<>();
        owners.forEach((name, tally) -> ownerCards.add(tally.card("owner", name)));
        return new ReportCard(asOf, periodStart, playbook, book.card("book", "all"), teamCards, ownerCards);
    }

    private boolean inPeriod(LocalDate day) {
        return day != null && !day.isBefore(periodStart) && !day.isAfter(asOf);
    }

    private boolean happened(LocalDate day) {
        return day != null && !day.isAfter(asOf);
    }

    private Tally measure(CustomerSnapshot s, ReadinessAssessment a) {
        Tally t = new Tally();
        t.customers = 1;
        for (ReferralAsk ask : s.asks()) {
            if (inPeriod(ask.date())) {
                t.asks++;
                if (ask.type() == AskType.NAMES_ONLY) {
                    t.bareContacts++;
                }
            }
        }
        for (Introduction intro : s.introductions()) {
            if (!inPeriod(intro.date())) {
                continue;
            }
            t.introductions++;
            if (happened(intro.confirmedOn())) {
                t.confirmed++;
            }
            Optional<ReferredSale> sale = s.referredSales().stream()
                    .filter(rs -> rs.introductionId().equals(intro.id()) && happened(rs.date()))
                    .min((x, y) -> x.date().compareTo(y.date()));
            if (sale.isPresent()) {
                t.referredSales++;
            }
            duty(t, s, intro, FollowUpType.THANK_REFERRER, intro.date().plusDays(policy.thankReferrerDays()));
            if (happened(intro.prospectContactedOn())) {
                duty(t, s, intro, FollowUpType.STATUS_REPORT, intro.prospectContactedOn().plusDays(policy.statusReportDays()));
            }
            sale.ifPresent(rs -> duty(t, s, intro, FollowUpType.THANK_YOU_GIFT, rs.date().plusDays(policy.thankYouGiftDays())));
        }
        if (a.stage() == Stage.READY_TO_ASK) {
            t.readyNotAsked++;
        }
        t.premature = a.warnings(WarningType.PREMATURE_ASK).size();
        t.fatigue = a.warnings(WarningType.ASK_FATIGUE).size();
        t.titForTat = a.warnings(WarningType.TIT_FOR_TAT).size();
        t.stages.merge(a.stage(), 1L, Long::sum);
        return t;
    }

    /** A follow-up duty: on time, late, missed (past due, not done) or pending (not due yet). */
    private void duty(Tally t, CustomerSnapshot s, Introduction intro, FollowUpType type, LocalDate due) {
        Optional<LocalDate> done = s.followUps().stream()
                .filter(f -> f.introductionId().equals(intro.id()) && f.type() == type && happened(f.date()))
                .map(FollowUp::date).min(LocalDate::compareTo);
        if (done.isPresent()) {
            if (done.get().isAfter(due)) {
                t.late++;
            } else {
                t.onTime++;
            }
        } else if (due.isBefore(asOf)) {
            t.missed++;
        } else {
            t.pending++;
        }
    }

    /** Running sums for one scope. */
    private static final class Tally {
        long customers;
        long asks;
        long introductions;
        long bareContacts;
        long confirmed;
        long referredSales;
        long onTime;
        long late;
        long missed;
        long pending;
        long readyNotAsked;
        long premature;
        long fatigue;
        long titForTat;
        final Map<Stage, Long> stages = new EnumMap<>(Stage.class);

        void add(Tally o) {
            customers += o.customers;
            asks += o.asks;
            introductions += o.introductions;
            bareContacts += o.bareContacts;
            confirmed += o.confirmed;
            referredSales += o.referredSales;
            onTime += o.onTime;
            late += o.late;
            missed += o.missed;
            pending += o.pending;
            readyNotAsked += o.readyNotAsked;
            premature += o.premature;
            fatigue += o.fatigue;
            titForTat += o.titForTat;
            o.stages.forEach((stage, n) -> stages.merge(stage, n, Long::sum));
        }

        Scorecard card(String scope, String name) {
            Scorecard raw = new Scorecard(scope, name, customers, asks, introductions, bareContacts, confirmed,
                    referredSales, onTime, late, missed, pending, readyNotAsked, premature, fatigue, titForTat, stages,
                    "", "");
            Grade g = Grade.of(raw);
            return new Scorecard(scope, name, customers, asks, introductions, bareContacts, confirmed, referredSales,
                    onTime, late, missed, pending, readyNotAsked, premature, fatigue, titForTat, stages, g.letter(),
                    g.reason());
        }
    }
}
