package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.ExtraValue;
import io.referralrules.api.facts.FeedbackAnswer;
import io.referralrules.api.facts.FeedbackSignal;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.FollowUpType;
import io.referralrules.api.facts.IndustryEvent;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.IssueStatus;
import io.referralrules.api.facts.PositioningConversation;
import io.referralrules.api.facts.ProactiveAction;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferralGiven;
import io.referralrules.api.facts.ReferredSale;
import io.referralrules.api.facts.Sale;
import io.referralrules.api.facts.ServiceInteraction;
import io.referralrules.api.facts.SocialTouch;
import io.referralrules.api.facts.SurveyScore;
import io.referralrules.api.facts.SurveyType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic generator of realistic books of fictional customers, for demos, tests and benchmarks. The same seed,
 * size and day always give the same book, customer by customer, generated lazily (a million customers take no more
 * memory than one). The first {@value #ARCHETYPES} customers are one of each kind, with every optional twist, so any
 * book of that size or more has customers in every stage, with every built-in warning and action; after that, kinds
 * follow a typical mix (many customers still earning trust, few ready).
 *
 * <pre>{@code
 * SampleBook sample = new SampleBook(42, LocalDate.of(2026, 6, 15));
 * try (Stream<CustomerSnapshot> book = sample.customers(1_000_000)) { ... }
 * Map<String, String> teams = sample.teams(1_000_000);   // owner id -> team
 * SampleBook withPast = sample.withAskHistories(ReferralRules.engine());   // the same customers, with ask histories
 * }</pre>
 *
 * <h2 id="ask-histories">Ask histories: a sample with a known answer</h2>
 *
 * <p>{@link #withAskHistories(ReferralReadinessEngine)} gives every customer who has a sale (all kinds but the
 * prospect and the customer asked too soon after a first sale) an earlier relationship whose asks have outcomes drawn
 * from a documented, seeded model, so that a backtest of the book has a known answer. The history is dated more than
 * {@value #HISTORY_GAP_DAYS} days before the book's day, outside the default 365-day look-back of the book's day and of
 * the report card's last four quarter ends, so the customer's assessment as of the book's day is the same with and
 * without it (tested: same stage, actions, warnings and reasons), and so is the report card of that day. Its quarterly
 * trends differ in one way: a customer whose recent sale came after a quarter's end was already a customer then
 * (earning trust, say, where the book without histories shows no relationship yet); the flows counted within the
 * quarters are the same.
 *
 * <p><b>The relationship.</b> A sale; a positioning conversation the next day (3 in 4); two service interactions
 * rated 4-5 (or, one time in five, 2-5) (85 in 100), a proactive action and an extra-value delivery (3 in 5 each), a
 * referral given to the customer (7 in 10) and a social touch (1 in 2) within the following months; up to two
 * feedback events at any time (half NPS scores: 9-10 three times in five, 7-8 once, 0-6 once; half green-light
 * answers); a complaint (one customer in three), resolved 5 to 120 days later; and one to four asks for an
 * introduction, 30 to 150 days apart. Before each ask, 55 times in 100, the salesperson checked first: a green-light
 * answer and an NPS score (drawn as above) in the 40 days before it, after the previous ask. Whether an ask came when
 * the customer was ready is therefore a matter of the facts, not of a label.
 *
 * <p><b>Readiness at the ask.</b> Read by the engine passed in (the default playbook and policy, unless the engine
 * says otherwise), on the snapshot {@linkplain CustomerSnapshot#asKnownOn(LocalDate) as known on} the day before
 * the ask, assessed as of that day: exactly what a backtest re-assesses, so the planted model and the backtest
 * agree on which asks were allowed.
 *
 * <p><b>The model</b> ({@link #introductionChance(Stage, CustomerSnapshot, LocalDate)}), for each ask in date
 * order, with the facts of that day before:
 * <ul>
 *   <li>the customer was {@link Stage#READY_TO_ASK}: an introduction with probability {@value #READY_CHANCE};</li>
 *   <li>any other stage (held back): {@value #HELD_BACK_CHANCE}, plus {@value #PROMOTER_EFFECT} when the latest NPS
 *       score (by date, then id) dated from {@value #FEEDBACK_WINDOW_DAYS} days before the day before the ask to that day
 *       was a promoter's (9-10), minus
 *       {@value #COMPLAINT_EFFECT} when a recorded complaint was open that day (so 0.05 to 0.25). A ready customer
 *       has no open complaint and two green lights already; the effects apply to the asks the playbook holds
 *       back.</li>
 * </ul>
 * <p>An introduction is agreed 1 to 20 days after the ask and names the ask; it is confirmed 1 to 7 days after it
 * with probability {@value #CONFIRMED_CHANCE} (the prospect contacted the same day), thanked the next day, and
 * becomes a referred sale 40 to 170 days after the ask with probability {@value #REFERRED_SALE_CHANCE}, whatever
 * the readiness. So every outcome falls within a 30-day outcome window (introduction, confirmation) or 180 days
 * (referred sale). Without an introduction the ask has no outcome. Every draw comes from a generator seeded by the
 * book's seed and the customer's number: the same seed gives the same history.
 *
 * <p><b>What a backtest should find.</b> Allowed asks convert at 0.6; held-back asks at the mean of their
 * chances (about 0.18 in a large book: promoters are common before an ask); an NPS promoter signal lifts held-back
 * asks by 0.1, an open complaint lowers them by 0.1. In a book of 20,000 customers (about 45,000 planted asks, 2,700
 * of them allowed) each group's 95% Wilson interval contains its planted rate, as 95% intervals do 19 times in 20
 * ({@code BacktestPlantedRatesTest}). Only planted asks have this answer: a customer's recent asks (within the last
 * year) have hand-made outcomes, so backtest the book {@linkplain CustomerSnapshot#asKnownOn(LocalDate) as known}
 * {@value #HISTORY_GAP_DAYS} days before its day to see the model alone.
 */
public final class SampleBook {
    /** How many kinds of customer there are; the first this many customers are one of each. */
    public static final int ARCHETYPES = 12;
    /** The typical mix: how many in 100 customers are of each kind, after the first of each. */
    private static final int[] MIX = {8, 8, 30, 10, 8, 4, 3, 8, 5, 7, 4, 5};
    private static final String[] FIRST = {"Harbor", "Summit", "Cedar", "Northwind", "Bluebird", "Granite", "Maple",
            "Riverside", "Lumen", "Atlas", "Copper", "Juniper", "Meadow", "Orchid", "Pioneer", "Quarry"};
    private static final String[] SECOND = {"Dental", "Logistics", "Print", "Legal", "Foods", "Engineering", "Clinics",
            "Freight", "Studio", "Analytics", "Builders", "Outfitters"};
    private static final String[] EVENTS = {"Regional Logistics Summit", "Practice Growth Forum", "Makers Expo",
            "Retail Futures Day", "Small Business Week"};

    /** An ask by a customer who was {@link Stage#READY_TO_ASK} the day before gets an introduction this often. */
    public static final double READY_CHANCE = 0.6;
    /** An ask in any other stage gets an introduction this often, before the effects of signals. */
    public static final double HELD_BACK_CHANCE = 0.15;
    /** Added to a held-back ask's chance when the latest NPS score in the feedback window was a promoter's. */
    public static final double PROMOTER_EFFECT = 0.1;
    /** Taken from a held-back ask's chance when a recorded complaint was open the day before the ask. */
    public static final double COMPLAINT_EFFECT = 0.1;
    /** An introduction of the history is confirmed this often. */
    public static final double CONFIRMED_CHANCE = 0.7;
    /** An introduction of the history becomes a referred sale this often. */
    public static final double REFERRED_SALE_CHANCE = 0.3;
    /** The feedback window the model reads the latest NPS score in (the default policy's). */
    public static final int FEEDBACK_WINDOW_DAYS = 90;
    /** Every fact of an ask history is dated more than this many days before the book's day. */
    public static final int HISTORY_GAP_DAYS = 800;

    private final long seed;
    private final LocalDate asOf;
    private final ReferralReadinessEngine historyEngine;

    /** A generator for books assessed as of {@code asOf}. */
    public SampleBook(long seed, LocalDate asOf) {
        this(seed, asOf, null);
    }

    private SampleBook(long seed, LocalDate asOf, ReferralReadinessEngine historyEngine) {
        this.seed = seed;
        this.asOf = asOf;
        this.historyEngine = historyEngine;
    }

    /**
     * The same book whose customers also have ask histories (see <a href="#ask-histories">the class description</a>),
     * the readiness at each ask read by {@code engine}. Each ask costs one assessment to generate.
     *
     * @param engine the engine that says whether the customer was ready the day before each ask
     * @return a generator of the same customers with their ask histories
     */
    public SampleBook withAskHistories(ReferralReadinessEngine engine) {
        return new SampleBook(seed, asOf, Objects.requireNonNull(engine, "engine"));
    }

    /**
     * The planted model: the chance that an ask gets an introduction, given the stage the customer was in the day
     * before the ask and the snapshot as known then (see <a href="#ask-histories">the class description</a>).
     *
     * @param stageDayBefore the stage the engine gave as of {@code dayBefore}
     * @param known          the customer as known at the end of {@code dayBefore}
     * @param dayBefore      the day before the ask
     * @return the probability of an introduction
     */
    public static double introductionChance(Stage stageDayBefore, CustomerSnapshot known, LocalDate dayBefore) {
        if (stageDayBefore == Stage.READY_TO_ASK) {
            return READY_CHANCE;
        }
        double chance = HELD_BACK_CHANCE;
        if (promoter(known, dayBefore)) {
            chance += PROMOTER_EFFECT;
        }
        if (openComplaint(known, dayBefore)) {
            chance -= COMPLAINT_EFFECT;
        }
        return chance;
    }

    /** Whether the latest NPS score (by date, then id) dated within the feedback window up to {@code day} is 9 or 10. */
    static boolean promoter(CustomerSnapshot known, LocalDate day) {
        LocalDate from = day.minusDays(FEEDBACK_WINDOW_DAYS);
        SurveyScore latest = null;
        for (SurveyScore s : known.surveyScores()) {
            boolean inWindow = s.type() == SurveyType.NPS && !s.date().isBefore(from) && !s.date().isAfter(day);
            if (inWindow && (latest == null || s.date().isAfter(latest.date())
                    || s.date().equals(latest.date()) && s.id().compareTo(latest.id()) > 0)) {
                latest = s;
            }
        }
        return latest != null && latest.score() >= 9;
    }

    /** Whether a recorded complaint opened on or before {@code day} was not resolved by then. */
    static boolean openComplaint(CustomerSnapshot known, LocalDate day) {
        return known.complaints().stream().anyMatch(c -> !c.date().isAfter(day)
                && (c.resolvedOn() == null || c.resolvedOn().isAfter(day)));
    }

    /** How many account owners a book of this size has (25 customers each, 4 to 2,000). */
    public static int owners(long customers) {
        return (int) Math.max(4, Math.min(2000, customers / 25));
    }

    /** Owner id to team: two teams for small books, one team per ten owners for large ones. */
    public Map<String, String> teams(long customers) {
        int owners = owners(customers);
        int teams = Math.max(2, owners / 10);
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 1; i <= owners; i++) {
            map.put(owner(i), teams == 2 ? (i % 2 == 1 ? "North" : "South") : "Team-" + (1 + (i - 1) % teams));
        }
        return map;
    }

    private static String owner(int i) {
        return String.format("rep-%02d", i);
    }

    /** The book's customers, generated on demand. */
    public Stream<CustomerSnapshot> customers(long count) {
        Iterator<CustomerSnapshot> it = new Iterator<>() {
            private long i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public CustomerSnapshot next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return customer(i++, count);
            }
        };
        return StreamSupport.stream(Spliterators.spliterator(it, count, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Customer number {@code i} of a book of {@code count}. */
    public CustomerSnapshot customer(long i, long count) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + i);
        boolean first = i < ARCHETYPES;
        int kind = first ? (int) i : pick(rnd);
        String id = String.format("C-%06d", i + 1);
        boolean business = first ? kind != 2 && kind != 10 : rnd.nextInt(10) < 7;
        String name = business ? FIRST[rnd.nextInt(FIRST.length)] + " " + SECOND[rnd.nextInt(SECOND.length)]
                : (char) ('A' + rnd.nextInt(26)) + ". " + FIRST[rnd.nextInt(FIRST.length)] + "son";
        String ownerId = owner(1 + (int) (i % owners(count)));
        Customer customer = new Customer(id, business ? CustomerType.BUSINESS : CustomerType.INDIVIDUAL, ownerId, name,
                business ? Map.of("industry", SECOND[rnd.nextInt(SECOND.length)].toLowerCase()) : Map.of());
        CustomerSnapshot snapshot = new Facts(id, rnd, first, customer).build(kind);
        boolean hasFirstSale = kind != 0 && kind != 10;   // a prospect has none; kind 10's sale must stay its first
        return historyEngine != null && hasFirstSale ? new History(id, seed, i, snapshot).build() : snapshot;
    }

    private static int pick(SplittableRandom rnd) {
        int r = rnd.nextInt(100);
        for (int k = 0; k < MIX.length; k++) {
            r -= MIX[k];
            if (r < 0) {
                return k;
            }
        }
        return MIX.length - 1;
    }

    /** Builds one customer's facts, dated in days before the assessment day. */
    private final class Facts {
        private final String id;
        private final SplittableRandom rnd;
        private final boolean full;
        private final CustomerSnapshot.Builder b;
        private int n;

        Facts(String id, SplittableRandom rnd, boolean full, Customer customer) {
            this.id = id;
            this.rnd = rnd;
            this.full = full;
            this.b = CustomerSnapshot.builder(customer);
        }

        private String next(String kind) {
            return id + "-" + kind + (++n);
        }

        private LocalDate ago(int days) {
            return asOf.minusDays(days);
        }

        private int between(int from, int to) {
            return from + rnd.nextInt(to - from + 1);
        }

        /** Sometimes, or always in the first customers. */
        private boolean twist(int percent) {
            return full || rnd.nextInt(100) < percent;
        }

        private String sale(int daysAgo) {
            String s = next("S");
            b.add(new Sale(s, ago(daysAgo), BigDecimal.valueOf(between(8, 400) * 100L), "slow quoting and lost orders"));
            return s;
        }

        private void trusted() {
            int saleAgo = between(200, 330);
            sale(saleAgo);
            b.add(new PositioningConversation(next("PC"), ago(saleAgo - 1)));
            b.add(new ServiceInteraction(next("SI"), ago(between(120, 180)), between(4, 5), IssueStatus.RESOLVED));
            b.add(new ServiceInteraction(next("SI"), ago(between(60, 110)), 5, IssueStatus.RESOLVED));
            b.add(new ProactiveAction(next("PA"), ago(between(90, 150)), "flagged a renewal saving"));
            b.add(new ExtraValue(next("EV"), ago(between(80, 140)), "shared a market briefing"));
            b.add(new ReferralGiven(next("RG"), ago(between(100, 160)), "introduced a supplier they needed"));
            b.add(new SocialTouch(next("ST"), ago(between(70, 130)), "met at a customer evening"));
        }

        private void greenLights(int newest) {
            b.add(new FeedbackAnswer(next("FA"), ago(newest + between(5, 20)), "What have we done right?", FeedbackSignal.GREEN_LIGHT));
            b.add(new SurveyScore(next("NPS"), ago(newest), SurveyType.NPS, between(9, 10)));
        }

        CustomerSnapshot build(int kind) {
            switch (kind) {
                case 0 -> {   // prospect: no sale yet; now and then asked anyway (not the first one: it stays NO_RELATIONSHIP)
                    if (!full && rnd.nextInt(100) < 30) {
                        b.add(new ReferralAsk(next("A"), ago(between(20, 120)), AskType.NAMES_ONLY));
                    }
                }
                case 1 -> {   // fresh sale, positioning due; often already a happy customer
                    int saleAgo = between(1, 25);
                    sale(saleAgo);
                    if (twist(50)) {
                        b.add(new FeedbackAnswer(next("FA"), ago(between(0, saleAgo)), "Is it working for you?", FeedbackSignal.GREEN_LIGHT));
                    }
                }
                case 2 -> {   // earning trust: some builders missing
                    int saleAgo = between(60, 300);
                    sale(saleAgo);
                    b.add(new PositioningConversation(next("PC"), ago(saleAgo - 1)));
                    if (!full && rnd.nextBoolean()) {
                        b.add(new ServiceInteraction(next("SI"), ago(between(20, 50)), between(3, 5), IssueStatus.RESOLVED));
                        b.add(new ServiceInteraction(next("SI"), ago(between(5, 19)), between(2, 5), IssueStatus.RESOLVED));
                    } else {
                        b.add(new ServiceInteraction(next("SI"), ago(between(5, 50)), 3, IssueStatus.OPEN));
                    }
                    if (!full && rnd.nextBoolean()) {
                        b.add(new ProactiveAction(next("PA"), ago(between(10, 60)), "called before a price change"));
                    }
                    if (!full && rnd.nextInt(3) == 0) {
                        b.add(new SocialTouch(next("ST"), ago(between(10, 60)), "coffee"));
                    }
                }
                case 3 -> trusted();   // trust earned, no feedback yet: confirm it
                case 4 -> {   // ready to ask
                    trusted();
                    greenLights(between(3, 40));
                    if (twist(40)) {
                        b.add(new IndustryEvent(next("IE"), ago(between(30, 200)), EVENTS[rnd.nextInt(EVENTS.length)]));
                    }
                }
                case 5 -> {   // an open complaint; sometimes asked during it
                    trusted();
                    int opened = between(5, 40);
                    b.add(new Complaint(next("CP"), ago(opened), null));
                    if (twist(40)) {
                        b.add(new ReferralAsk(next("A"), ago(between(1, opened - 1)), AskType.INTRODUCTION));
                    }
                }
                case 6 -> {   // complaint settled recently: vetoed
                    trusted();
                    greenLights(between(1, 4));
                    int resolved = between(5, 25);
                    b.add(new Complaint(next("CP"), ago(resolved + between(2, 10)), ago(resolved)));
                }
                case 7 -> {   // asked recently: cooling down, with the usual mistakes
                    trusted();
                    greenLights(between(3, 30));
                    int asked = between(10, 85);
                    if (twist(30)) {
                        b.add(new ReferralGiven(next("RG"), ago(asked + between(2, 10)), "sent them a lead"));
                    }
                    if (twist(30)) {
                        b.add(new ReferralAsk(next("A"), ago(asked + between(4, 60)), AskType.NAMES_ONLY));
                    }
                    b.add(new ReferralAsk(next("A"), ago(asked), AskType.INTRODUCTION));
                }
                case 8 -> {   // awaiting the introduction
                    trusted();
                    greenLights(between(8, 30));
                    if (full || rnd.nextBoolean()) {
                        String ask = next("A");
                        b.add(new ReferralAsk(ask, ago(6), AskType.INTRODUCTION));
                        String intro = next("I");
                        b.add(new Introduction(intro, ago(4), ask, "prospect-" + id, IntroductionChannel.EMAIL, null, null));
                        b.add(new FollowUp(next("F"), ago(3), intro, FollowUpType.THANK_REFERRER));
                    } else {
                        b.add(new ReferralAsk(next("A"), ago(between(1, 6)), AskType.INTRODUCTION));
                    }
                }
                case 9 -> {   // following up an introduction, some duties late or owed
                    trusted();
                    greenLights(between(45, 60));
                    int asked = between(30, 60);
                    String ask = next("A");
                    b.add(new ReferralAsk(ask, ago(asked), AskType.INTRODUCTION));
                    String intro = next("I");
                    b.add(new Introduction(intro, ago(asked - 2), ask, "prospect-" + id, IntroductionChannel.CALL,
                            ago(asked - 4), ago(asked - 10)));
                    // the thank-you is due the day after the introduction; now and then it comes late
                    boolean late = !full && rnd.nextInt(100) < 30;
                    b.add(new FollowUp(next("F"), ago(asked - (late ? 6 : 3)), intro, FollowUpType.THANK_REFERRER));
                    if (twist(60)) {
                        b.add(new ReferredSale(next("RS"), ago(between(10, 15)), intro, BigDecimal.valueOf(between(20, 200) * 100L)));
                    }
                    if (twist(40)) {
                        String second = next("I");
                        b.add(new Introduction(second, ago(2), ask, "prospect2-" + id, IntroductionChannel.MEETING, null, null));
                    }
                }
                case 10 -> {   // asked too soon after the sale, then chased
                    int saleAgo = between(40, 70);
                    sale(saleAgo);
                    b.add(new ReferralAsk(next("A"), ago(saleAgo - 2), AskType.NAMES_ONLY));
                    if (twist(60)) {
                        b.add(new ReferralAsk(next("A"), ago(saleAgo - 5), AskType.INTRODUCTION));
                    }
                }
                default -> {   // a referral cycle completed months ago, ready again
                    trusted();
                    greenLights(between(3, 30));
                    String ask = next("A");
                    b.add(new ReferralAsk(ask, ago(150), AskType.INTRODUCTION));
                    String intro = next("I");
                    b.add(new Introduction(intro, ago(148), ask, "prospect-" + id, IntroductionChannel.EMAIL, ago(146), ago(140)));
                    b.add(new FollowUp(next("F"), ago(147), intro, FollowUpType.THANK_REFERRER));
                    b.add(new FollowUp(next("F"), ago(138), intro, FollowUpType.STATUS_REPORT));
                    b.add(new ReferredSale(next("RS"), ago(120), intro, BigDecimal.valueOf(between(20, 200) * 100L)));
                    b.add(new FollowUp(next("F"), ago(116), intro, FollowUpType.THANK_YOU_GIFT));
                }
            }
            return b.build();
        }
    }

    /** Adds an earlier relationship with asks and their planted outcomes to a customer (the class description). */
    private final class History {
        private final String id;
        private final SplittableRandom rnd;
        private final CustomerSnapshot.Builder era;
        private int n;

        History(String id, long seed, long i, CustomerSnapshot today) {
            this.id = id;
            // its own stream: the customer's facts of today are drawn exactly as without a history
            this.rnd = new SplittableRandom((seed * 1_000_003L + i) ^ 0x9E3779B97F4A7C15L);
            this.era = today.toBuilder();
        }

        private String next(String kind) {
            return id + "-H" + kind + (++n);
        }

        private int between(int from, int to) {
            return from + rnd.nextInt(to - from + 1);
        }

        private boolean chance(int percent) {
            return rnd.nextInt(100) < percent;
        }

        CustomerSnapshot build() {
            LocalDate end = asOf.minusDays(HISTORY_GAP_DAYS + 1);
            LocalDate lastAsk = end.minusDays(180);
            LocalDate sold = lastAsk.minusDays(between(200, 320));
            int span = (int) (lastAsk.toEpochDay() - sold.toEpochDay());
            era.add(new Sale(next("S"), sold, BigDecimal.valueOf(between(8, 400) * 100L), "slow quoting and lost orders"));
            if (chance(75)) {
                era.add(new PositioningConversation(next("PC"), sold.plusDays(1)));
            }
            if (chance(85)) {
                for (int k = 0; k < 2; k++) {
                    int rating = chance(80) ? between(4, 5) : between(2, 5);
                    era.add(new ServiceInteraction(next("SI"), sold.plusDays(between(5, 60)), rating, IssueStatus.RESOLVED));
                }
            }
            if (chance(60)) {
                era.add(new ProactiveAction(next("PA"), sold.plusDays(between(10, 90)), "flagged a renewal saving"));
            }
            if (chance(60)) {
                era.add(new ExtraValue(next("EV"), sold.plusDays(between(10, 90)), "shared a market briefing"));
            }
            if (chance(70)) {
                era.add(new ReferralGiven(next("RG"), sold.plusDays(between(10, 90)), "introduced a supplier they needed"));
            }
            if (chance(50)) {
                era.add(new SocialTouch(next("ST"), sold.plusDays(between(10, 90)), "met at a customer evening"));
            }
            int feedback = between(0, 2);
            for (int k = 0; k < feedback; k++) {
                LocalDate day = sold.plusDays(between(20, span));
                if (rnd.nextBoolean()) {
                    era.add(new SurveyScore(next("NPS"), day, SurveyType.NPS, npsScore()));
                } else {
                    era.add(new FeedbackAnswer(next("FA"), day, "What have we done right?", FeedbackSignal.GREEN_LIGHT));
                }
            }
            if (chance(33)) {
                LocalDate opened = sold.plusDays(between(20, span));
                era.add(new Complaint(next("CP"), opened, opened.plusDays(between(5, 120))));
            }
            LocalDate previous = sold;
            LocalDate ask = sold.plusDays(between(10, 150));
            for (int k = 0; k < 4 && (k == 0 || !ask.isAfter(lastAsk)); k++) {
                LocalDate day = ask.isAfter(lastAsk) ? lastAsk : ask;
                ask(day, previous);
                previous = day;
                ask = day.plusDays(between(30, 150));
            }
            return era.build();
        }

        /** 9-10 three times in five, 7-8 once, 0-6 once. */
        private int npsScore() {
            int r = rnd.nextInt(5);
            return r < 3 ? between(9, 10) : r == 3 ? between(7, 8) : between(0, 6);
        }

        /**
         * Before an ask, more often than not, the salesperson checked first: a green-light answer and an NPS score in
         * the days before it (after the previous ask, so no ask is re-read with a fact it did not know).
         */
        private void confirmBefore(LocalDate day, LocalDate previous) {
            int room = (int) (day.toEpochDay() - previous.toEpochDay()) - 1;
            if (room < 2 || !chance(55)) {
                return;
            }
            era.add(new FeedbackAnswer(next("FA"), day.minusDays(between(1, Math.min(40, room))), "What have we done right?",
                    FeedbackSignal.GREEN_LIGHT));
            era.add(new SurveyScore(next("NPS"), day.minusDays(between(1, Math.min(40, room))), SurveyType.NPS, npsScore()));
        }

        /** One ask: the readiness the day before, as the engine reads it on what was known then; its outcome drawn. */
        private void ask(LocalDate day, LocalDate previous) {
            confirmBefore(day, previous);
            LocalDate dayBefore = day.minusDays(1);
            CustomerSnapshot known = era.build().asKnownOn(dayBefore);
            Stage stage = historyEngine.assess(known, dayBefore, Detail.DECISION).stage();
            double chance = introductionChance(stage, known, dayBefore);
            String askId = next("A");
            era.add(new ReferralAsk(askId, day, AskType.INTRODUCTION));
            if (rnd.nextDouble() >= chance) {
                return;
            }
            String intro = next("I");
            LocalDate agreed = day.plusDays(between(1, 20));
            LocalDate confirmed = rnd.nextDouble() < CONFIRMED_CHANCE ? agreed.plusDays(between(1, 7)) : null;
            era.add(new Introduction(intro, agreed, askId, "prospect-" + intro, IntroductionChannel.CALL, confirmed, confirmed));
            era.add(new FollowUp(next("F"), agreed.plusDays(1), intro, FollowUpType.THANK_REFERRER));
            if (rnd.nextDouble() < REFERRED_SALE_CHANCE) {
                era.add(new ReferredSale(next("RS"), day.plusDays(between(40, 170)), intro, BigDecimal.valueOf(between(20, 200) * 100L)));
            }
        }
    }
}
