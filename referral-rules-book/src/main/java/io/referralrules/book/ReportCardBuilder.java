package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.api.Warning;
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
 * <p>With {@link #trends(ReferralReadinessEngine)} it also counts the last four calendar quarters: each customer is
 * assessed again as of each quarter's last day, on the snapshot as known then ({@link CustomerSnapshot#asKnownOn}), so
 * a fact dated after a quarter's end never counts in that quarter. That is four more assessments per customer (at the
 * decision detail), on the calling thread; memory stays per owner and team (four more running sums each). To spread
 * that work over {@code BookAssessor}'s workers, work out each customer's quarters there with {@link #quarters} (safe on
 * any thread) and hand them to {@link #add(CustomerSnapshot, ReadinessAssessment, QuarterFigures)}.
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
    private ReferralReadinessEngine trendEngine;
    private List<ReportCard.Quarter> quarters = List.of();
    private Tally[] bookQuarters;
    private final Map<String, Tally[]> teamQuarters = new TreeMap<>();
    private final Map<String, Tally[]> ownerQuarters = new TreeMap<>();

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

    /** How many calendar quarters the trends show. */
    public static final int QUARTERS = 4;

    /**
     * Adds the trends: the same figures for each of the last {@value #QUARTERS} calendar quarters that ended on or
     * before the assessment day ({@link ReportCard.Quarter#endedBy}), each customer assessed by {@code engine} as of the
     * quarter's last day on the snapshot as known that day. Call it before the first {@link #add}.
     *
     * @param engine the engine to assess with, normally the one that assessed the book
     * @return this builder
     * @throws IllegalStateException when a customer was already added
     */
    public ReportCardBuilder trends(ReferralReadinessEngine engine) {
        Objects.requireNonNull(engine, "engine");
        if (book.customers > 0) {
            throw new IllegalStateException("trends must be asked for before the first customer is added");
        }
        this.trendEngine = engine;
        this.quarters = ReportCard.Quarter.endedBy(asOf, QUARTERS);
        this.bookQuarters = newTallies();
        return this;
    }

    /** Counts one assessed customer (and, with trends, assesses it as of each quarter's end first). */
    public ReportCardBuilder add(CustomerSnapshot snapshot, ReadinessAssessment assessment) {
        Objects.requireNonNull(snapshot, "snapshot");
        return add(snapshot, assessment, quarters(snapshot));
    }

    /**
     * One customer's figures for each quarter of the trends, assessed as of each quarter's end on the snapshot as known
     * then; nothing without trends. Safe to call on any thread, also while another thread adds: it reads only what
     * does not change after {@link #trends}.
     */
    public QuarterFigures quarters(CustomerSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        Tally[] figures = new Tally[quarters.size()];
        for (int i = 0; i < figures.length; i++) {
            ReportCard.Quarter q = quarters.get(i);
            CustomerSnapshot known = snapshot.asKnownOn(q.end());
            ReadinessAssessment then = trendEngine.assess(known, q.end(), Detail.DECISION);
            figures[i] = measure(known, then, q.start(), q.end(), true);
        }
        return new QuarterFigures(snapshot.customer().id(), figures);
    }

    /**
     * Counts one assessed customer with its quarters worked out by {@link #quarters} (on a worker, say).
     *
     * @throws IllegalArgumentException when the assessment is of another day than the card's, or the quarters are of
     *                                  another customer or were worked out before trends were asked for
     */
    public ReportCardBuilder add(CustomerSnapshot snapshot, ReadinessAssessment assessment, QuarterFigures quarterFigures) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(quarterFigures, "quarterFigures");
        if (!quarterFigures.customerId.equals(snapshot.customer().id()) || quarterFigures.tallies.length != quarters.size()) {
            throw new IllegalArgumentException("the quarters of customer " + quarterFigures.customerId + " (" + quarterFigures.tallies.length
                    + ") are not those of customer " + snapshot.customer().id() + " for " + quarters.size() + " quarters");
        }
        if (!assessment.asOf().equals(asOf)) {
            throw new IllegalArgumentException("assessment of customer " + assessment.customerId() + " is as of "
                    + assessment.asOf() + ", the report card as of " + asOf);
        }
        Tally customer = measure(snapshot, assessment, periodStart, asOf, false);
        String owner = snapshot.customer().ownerId();
        book.add(customer);
        owners.computeIfAbsent(owner, o -> new Tally()).add(customer);
        String team = teamOfOwner.get(owner);
        if (team != null) {
            teams.computeIfAbsent(team, t -> new Tally()).add(customer);
        }
        if (trendEngine != null) {
            Tally[] ofOwner = ownerQuarters.computeIfAbsent(owner, o -> newTallies());
            Tally[] ofTeam = team == null ? null : teamQuarters.computeIfAbsent(team, t -> newTallies());
            for (int i = 0; i < quarters.size(); i++) {
                Tally quarter = quarterFigures.tallies[i];
                bookQuarters[i].add(quarter);
                ofOwner[i].add(quarter);
                if (ofTeam != null) {
                    ofTeam[i].add(quarter);
                }
            }
        }
        return this;
    }

    /**
     * One customer's figures for each quarter of the trends, from {@link #quarters}, to hand to
     * {@link #add(CustomerSnapshot, ReadinessAssessment, QuarterFigures)}. Opaque: the report card is what shows them.
     */
    public static final class QuarterFigures {
        private final String customerId;
        private final Tally[] tallies;

        private QuarterFigures(String customerId, Tally[] tallies) {
            this.customerId = customerId;
            this.tallies = tallies;
        }
    }

    private Tally[] newTallies() {
        Tally[] tallies = new Tally[quarters.size()];
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] = new Tally();
        }
        return tallies;
    }

    /** The report card so far. */
    public ReportCard build() {
        List<Scorecard> teamCards = new ArrayList<>();
        teams.forEach((name, tally) -> teamCards.add(tally.card("team", name)));
        List<Scorecard> ownerCards = new ArrayList<>();
        owners.forEach((name, tally) -> ownerCards.add(tally.card("owner", name)));
        Optional<ReportCard.Trends> trends = Optional.empty();
        if (trendEngine != null) {
            List<ReportCard.Trend> teamTrends = new ArrayList<>();
            teamQuarters.forEach((name, tallies) -> teamTrends.add(trend("team", name, tallies)));
            List<ReportCard.Trend> ownerTrends = new ArrayList<>();
            ownerQuarters.forEach((name, tallies) -> ownerTrends.add(trend("owner", name, tallies)));
            trends = Optional.of(new ReportCard.Trends(quarters, trend("book", "all", bookQuarters), teamTrends, ownerTrends));
        }
        return new ReportCard(asOf, periodStart, playbook, book.card("book", "all"), teamCards, ownerCards, trends);
    }

    private static ReportCard.Trend trend(String scope, String name, Tally[] tallies) {
        List<Scorecard> cards = new ArrayList<>();
        for (Tally t : tallies) {
            cards.add(t.ungraded(scope, name));
        }
        return new ReportCard.Trend(scope, name, cards);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }

    private static boolean happened(LocalDate day, LocalDate to) {
        return day != null && !day.isAfter(to);
    }

    /**
     * One customer's figures over {@code from} to {@code to}, assessed as of {@code to}. The report card counts every
     * warning of the assessment; a quarter only those about an ask in the quarter ({@code warningsInPeriod}).
     */
    private Tally measure(CustomerSnapshot s, ReadinessAssessment a, LocalDate from, LocalDate to, boolean warningsInPeriod) {
        Tally t = new Tally();
        t.customers = 1;
        for (ReferralAsk ask : s.asks()) {
            if (within(ask.date(), from, to)) {
                t.asks++;
                if (ask.type() == AskType.NAMES_ONLY) {
                    t.bareContacts++;
                }
            }
        }
        for (Introduction intro : s.introductions()) {
            if (!within(intro.date(), from, to)) {
                continue;
            }
            t.introductions++;
            if (happened(intro.confirmedOn(), to)) {
                t.confirmed++;
            }
            Optional<ReferredSale> sale = s.referredSales().stream()
                    .filter(rs -> rs.introductionId().equals(intro.id()) && happened(rs.date(), to))
                    .min((x, y) -> x.date().compareTo(y.date()));
            if (sale.isPresent()) {
                t.referredSales++;
            }
            duty(t, s, intro, FollowUpType.THANK_REFERRER, intro.date().plusDays(policy.thankReferrerDays()), to);
            if (happened(intro.prospectContactedOn(), to)) {
                duty(t, s, intro, FollowUpType.STATUS_REPORT, intro.prospectContactedOn().plusDays(policy.statusReportDays()), to);
            }
            sale.ifPresent(rs -> duty(t, s, intro, FollowUpType.THANK_YOU_GIFT, rs.date().plusDays(policy.thankYouGiftDays()), to));
        }
        if (a.stage() == Stage.READY_TO_ASK) {
            t.readyNotAsked++;
        }
        t.premature = warnings(a, WarningType.PREMATURE_ASK, warningsInPeriod ? from : null, to);
        t.fatigue = warnings(a, WarningType.ASK_FATIGUE, warningsInPeriod ? from : null, to);
        t.titForTat = warnings(a, WarningType.TIT_FOR_TAT, warningsInPeriod ? from : null, to);
        t.stages.merge(a.stage(), 1L, Long::sum);
        return t;
    }

    /** The assessment's warnings of a type: all of them when {@code from} is null, else those dated from it to {@code to}. */
    private static long warnings(ReadinessAssessment a, WarningType type, LocalDate from, LocalDate to) {
        List<Warning> all = a.warnings(type);
        return from == null ? all.size() : all.stream().filter(w -> within(w.date(), from, to)).count();
    }

    /** A follow-up duty, as of {@code to}: on time, late, missed (past due, not done) or pending (not due yet). */
    private static void duty(Tally t, CustomerSnapshot s, Introduction intro, FollowUpType type, LocalDate due, LocalDate to) {
        Optional<LocalDate> done = s.followUps().stream()
                .filter(f -> f.introductionId().equals(intro.id()) && f.type() == type && happened(f.date(), to))
                .map(FollowUp::date).min(LocalDate::compareTo);
        if (done.isPresent()) {
            if (done.get().isAfter(due)) {
                t.late++;
            } else {
                t.onTime++;
            }
        } else if (due.isBefore(to)) {
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

        /** A quarter's scorecard: the figures without a grade. */
        Scorecard ungraded(String scope, String name) {
            return new Scorecard(scope, name, customers, asks, introductions, bareContacts, confirmed, referredSales,
                    onTime, late, missed, pending, readyNotAsked, premature, fatigue, titForTat, stages, "", "");
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
