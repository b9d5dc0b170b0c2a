package io.referralrules.book;

import io.referralrules.api.Detail;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.api.TrustBuilder;
import io.referralrules.api.TrustBuilderResult;
import io.referralrules.api.Warning;
import io.referralrules.api.WarningType;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferredSale;
import io.referralrules.api.facts.SurveyScore;
import io.referralrules.api.facts.SurveyType;
import io.referralrules.book.BacktestReport.Better;
import io.referralrules.book.BacktestReport.Failure;
import io.referralrules.book.BacktestReport.Outcomes;
import io.referralrules.book.BacktestReport.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Backtests a playbook on a book's own history: for every {@link ReferralAsk} of every customer, re-assesses the
 * customer as the CRM knew it the day before the ask ({@link CustomerSnapshot#asKnownOn}), so no later fact is used,
 * and counts what the ask got within the outcome window. Optionally does the same under a second engine (another
 * playbook or policy) to compare them. The result is a {@link BacktestReport}.
 *
 * <p>Per ask, per engine, two assessments (at {@link Detail#DECISION}):
 * <ul>
 *   <li>on the snapshot as known the day before the ask, as of that day: the stage, the trust builders met, and the
 *       survey signals (the latest survey of each type within the policy's feedback window, read by the industry
 *       readings of {@link Signal}, whatever the policy's switches);</li>
 *   <li>on the snapshot as known on the ask's day, as of that day: the warnings the ask drew (those whose subject is the
 *       ask's id and whose date is its day; never {@link WarningType#FOLLOW_UP_OVERDUE}, which is about an
 *       introduction).</li>
 * </ul>
 * The outcome is read from the whole history: an introduction naming the ask, agreed from the ask's day to
 * {@code outcomeDays} after it; confirmed ({@code confirmedOn}) within the same window; a referred sale of such an
 * introduction within {@value #REFERRED_SALE_DAYS} days of the ask.
 *
 * <p>The book is streamed: only counters are kept, so memory is flat whatever the book's size. A customer that cannot
 * be read or re-assessed is counted, handed to the failure listener, listed in the report (the first
 * {@value #MAX_LISTED_FAILURES}) and skipped whole (on both sides); the run goes on.
 *
 * <pre>{@code
 * Backtest backtest = Backtest.builder(ReferralRules.engine(Playbook.EARNED_TRUST))
 *         .compareWith(ReferralRules.engine(Playbook.POST_SALE_MOMENTUM))
 *         .outcomeDays(30)
 *         .build();
 * try (BookFile book = BookFile.open("book.ndjson", in)) {
 *     BacktestReport report = backtest.run(book);
 *     System.out.print(BacktestTable.write(report));
 * }
 * }</pre>
 *
 * A backtest is immutable and thread-safe. A run takes the book and counts on the calling thread (the failure listener
 * is called there too); the customers are re-assessed there or, with {@link Builder#threads(int)}, on workers.
 */
public final class Backtest {
    /** The days after an ask within which a referred sale counts. */
    public static final int REFERRED_SALE_DAYS = 180;
    /** The default outcome window, in days. */
    public static final int DEFAULT_OUTCOME_DAYS = 30;
    /** The most outcome days accepted. */
    public static final int MAX_OUTCOME_DAYS = 3650;
    /** How many customers each worker thread may have in flight at once. */
    public static final int IN_FLIGHT_PER_THREAD = 32;
    /** The most worker threads. */
    public static final int MAX_THREADS = 256;
    /** How many failures the report lists (all are counted and handed to the listener). */
    public static final int MAX_LISTED_FAILURES = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(Backtest.class);

    private final ReferralReadinessEngine engine;
    private final ReferralReadinessEngine comparison;
    private final int outcomeDays;
    private final Consumer<Failure> onFailure;
    private final int threads;

    private Backtest(Builder b) {
        this.engine = b.engine;
        this.comparison = b.comparison;
        this.outcomeDays = b.outcomeDays;
        this.onFailure = b.onFailure;
        this.threads = b.threads;
    }

    /**
     * Starts a backtest of the engine's playbook and policy.
     *
     * @throws NullPointerException if {@code engine} is {@code null}
     */
    public static Builder builder(ReferralReadinessEngine engine) {
        return new Builder(Objects.requireNonNull(engine, "engine"));
    }

    /** The outcome window, in days. */
    public int outcomeDays() {
        return outcomeDays;
    }

    /**
     * Backtests a book read from a file (or any items), taken one at a time on the calling thread; a failed item is
     * counted as a failure. With {@link Builder#threads(int) threads} above 1, the customers are re-assessed on that
     * many workers, at most {@value #IN_FLIGHT_PER_THREAD} customers a thread in flight, and counted in the book's
     * order.
     *
     * @throws NullPointerException if {@code items} is {@code null}
     * @throws CancellationException if the calling thread is interrupted (its interrupt flag is set again)
     */
    public BacktestReport run(Iterator<BookItem> items) {
        Objects.requireNonNull(items, "items");
        Run run = new Run();
        if (threads == 1) {
            while (items.hasNext()) {
                run.add(work(items.next()));
            }
            return run.report();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "referral-rules-backtest");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Done>> inFlight = new ArrayDeque<>();
            int window = threads * IN_FLIGHT_PER_THREAD;
            while (items.hasNext()) {
                BookItem item = items.next();
                inFlight.add(item.snapshot() == null ? CompletableFuture.completedFuture(work(item)) : pool.submit(() -> work(item)));
                while (inFlight.size() >= window) {
                    run.add(take(inFlight.poll()));
                }
            }
            while (!inFlight.isEmpty()) {
                run.add(take(inFlight.poll()));
            }
            return run.report();
        } finally {
            pool.shutdownNow();
        }
    }

    private static Done take(Future<Done> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the backtest was interrupted");
        } catch (ExecutionException e) {
            // work() catches every RuntimeException; what is left is an Error
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Backtests the snapshots of a stream, taken one at a time; a customer's location is {@code #index} (from 0).
     * As {@link #run(Iterator)}.
     *
     * @throws NullPointerException if {@code book} or one of its snapshots is {@code null}
     */
    public BacktestReport run(Stream<CustomerSnapshot> book) {
        Objects.requireNonNull(book, "book");
        Iterator<CustomerSnapshot> snapshots = book.iterator();
        return run(new Iterator<BookItem>() {
            private long index;

            @Override
            public boolean hasNext() {
                return snapshots.hasNext();
            }

            @Override
            public BookItem next() {
                return BookItem.of(Objects.requireNonNull(snapshots.next(), "snapshot"), "#" + index++);
            }
        });
    }

    /**
     * Backtests a collection of snapshots; as {@link #run(Stream)}.
     *
     * @throws NullPointerException if {@code book} is {@code null}
     */
    public BacktestReport run(Collection<CustomerSnapshot> book) {
        return run(Objects.requireNonNull(book, "book").stream());
    }

    /**
     * One customer's asks, each re-assessed as described above: what the report counts for that customer. Throws
     * what the engine throws.
     *
     * @param snapshot the customer's whole history
     * @return one result per ask, in the snapshot's order
     * @throws NullPointerException if {@code snapshot} is {@code null}
     */
    public List<AskResult> asks(CustomerSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        List<AskResult> out = new ArrayList<>(snapshot.asks().size());
        for (ReferralAsk ask : snapshot.asks()) {
            out.add(new AskResult(ask, then(engine, snapshot, ask), comparison == null ? null : then(comparison, snapshot, ask),
                    outcome(snapshot, ask)));
        }
        return out;
    }

    private static Then then(ReferralReadinessEngine engine, CustomerSnapshot snapshot, ReferralAsk ask) {
        LocalDate dayBefore = ask.date().minusDays(1);
        CustomerSnapshot before = snapshot.asKnownOn(dayBefore);
        ReadinessAssessment earlier = engine.assess(before, dayBefore, Detail.DECISION);
        Set<TrustBuilder> met = EnumSet.noneOf(TrustBuilder.class);
        for (TrustBuilderResult t : earlier.trustBuilders()) {
            if (t.met()) {
                met.add(t.builder());
            }
        }
        ReadinessAssessment onTheDay = engine.assess(snapshot.asKnownOn(ask.date()), ask.date(), Detail.DECISION);
        Set<WarningType> warnings = EnumSet.noneOf(WarningType.class);
        for (Warning w : onTheDay.warnings()) {
            if (w.type() != WarningType.FOLLOW_UP_OVERDUE && ask.id().equals(w.subjectId()) && ask.date().equals(w.date())) {
                warnings.add(w.type());
            }
        }
        return new Then(earlier.stage(), met, warnings, signals(before, dayBefore, engine.policy()));
    }

    /** The survey signals as of {@code day}: the latest survey of each type within the feedback window, read. */
    static Set<Signal> signals(CustomerSnapshot known, LocalDate day, ReadinessPolicy policy) {
        LocalDate from = day.minusDays(policy.feedbackWindowDays());
        Map<SurveyType, SurveyScore> latest = new EnumMap<>(SurveyType.class);
        Comparator<SurveyScore> order = Comparator.comparing(SurveyScore::date).thenComparing(SurveyScore::id);
        for (SurveyScore s : known.surveyScores()) {
            if (!s.date().isBefore(from) && !s.date().isAfter(day)) {
                latest.merge(s.type(), s, (a, b) -> order.compare(a, b) >= 0 ? a : b);
            }
        }
        Set<Signal> out = EnumSet.noneOf(Signal.class);
        for (Signal signal : Signal.values()) {
            SurveyScore s = latest.get(signal.survey());
            if (s != null && signal.reads(s.score())) {
                out.add(signal);
            }
        }
        return out;
    }

    private Outcome outcome(CustomerSnapshot snapshot, ReferralAsk ask) {
        LocalDate windowEnd = ask.date().plusDays(outcomeDays);
        LocalDate saleEnd = ask.date().plusDays(REFERRED_SALE_DAYS);
        boolean introduced = false;
        boolean confirmed = false;
        Set<String> inWindow = new HashSet<>();
        int late = 0;
        for (Introduction i : snapshot.introductions()) {
            if (!ask.id().equals(i.askId())) {
                continue;
            }
            if (i.date().isBefore(ask.date()) || i.date().isAfter(windowEnd)) {
                late++;
                continue;
            }
            introduced = true;
            inWindow.add(i.id());
            if (i.confirmedOn() != null && !i.confirmedOn().isAfter(windowEnd)) {
                confirmed = true;
            }
        }
        boolean sale = false;
        for (ReferredSale s : snapshot.referredSales()) {
            if (inWindow.contains(s.introductionId()) && !s.date().isBefore(ask.date()) && !s.date().isAfter(saleEnd)) {
                sale = true;
                break;
            }
        }
        return new Outcome(introduced, confirmed, sale, late);
    }

    /**
     * One ask, re-assessed.
     *
     * @param ask     the ask
     * @param first   what the backtested engine said then
     * @param second  what the comparison engine said then, or {@code null} without one
     * @param outcome what the ask got
     */
    public record AskResult(ReferralAsk ask, Then first, Then second, Outcome outcome) {
        public AskResult {
            Objects.requireNonNull(ask, "ask");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * What one engine said about an ask at the time.
     *
     * @param stage         the stage the day before the ask
     * @param trustBuilders the trust builders met the day before the ask
     * @param warnings      the warnings the ask drew on its day
     * @param signals       the survey signals the day before the ask
     */
    public record Then(Stage stage, Set<TrustBuilder> trustBuilders, Set<WarningType> warnings, Set<Signal> signals) {
        public Then {
            Objects.requireNonNull(stage, "stage");
            trustBuilders = Set.copyOf(trustBuilders);
            warnings = Set.copyOf(warnings);
            signals = Set.copyOf(signals);
        }
    }

    /**
     * What an ask got.
     *
     * @param introduced   an introduction naming the ask was agreed within the outcome window
     * @param confirmed    such an introduction was confirmed within the window
     * @param referredSale a referred sale of such an introduction came within {@value Backtest#REFERRED_SALE_DAYS} days
     *                     of the ask
     * @param outsideWindow introductions naming the ask agreed outside the window (after it, or before the ask)
     */
    public record Outcome(boolean introduced, boolean confirmed, boolean referredSale, int outsideWindow) {
    }

    /** One entry's asks re-assessed (on a worker when there are several), or why it failed. */
    private Done work(BookItem item) {
        if (item.snapshot() == null) {
            return new Done(null, 0, item.customerId(), item.location(), item.problem());
        }
        CustomerSnapshot snapshot = item.snapshot();
        try {
            int withoutAsk = 0;
            for (Introduction i : snapshot.introductions()) {
                if (i.askId() == null) {
                    withoutAsk++;
                }
            }
            return new Done(asks(snapshot), withoutAsk, snapshot.customer().id(), item.location(), null);
        } catch (RuntimeException e) {
            // the message names fields, ids and dates only (the engine's and the facts' contract)
            return new Done(null, 0, snapshot.customer().id(), item.location(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** What one entry gave: its asks' results, or ({@code results} {@code null}) the problem. */
    private record Done(List<AskResult> results, int introductionsWithoutAsk, String customerId, String location, String problem) {
    }

    /** Counters of one group of asks. */
    private static final class Tally {
        long asks;
        long introductions;
        long confirmed;
        long referredSales;

        void add(Outcome o) {
            asks++;
            if (o.introduced()) {
                introductions++;
            }
            if (o.confirmed()) {
                confirmed++;
            }
            if (o.referredSale()) {
                referredSales++;
            }
        }

        Outcomes outcomes() {
            return new Outcomes(asks, introductions, confirmed, referredSales);
        }
    }

    /** The counters of one side. */
    private static final class SideTally {
        final Tally all = new Tally();
        final Map<Stage, Tally> stages = new EnumMap<>(Stage.class);
        final Tally noWarning = new Tally();
        final Map<WarningType, Tally> warnings = new EnumMap<>(WarningType.class);
        final Map<TrustBuilder, Tally> met = new EnumMap<>(TrustBuilder.class);
        final Map<TrustBuilder, Tally> notMet = new EnumMap<>(TrustBuilder.class);
        final Map<Signal, Tally> with = new EnumMap<>(Signal.class);
        final Map<Signal, Tally> without = new EnumMap<>(Signal.class);
        final Tally allowed = new Tally();
        final Tally heldBack = new Tally();

        SideTally() {
            for (Stage s : Stage.values()) {
                stages.put(s, new Tally());
            }
            for (TrustBuilder b : TrustBuilder.values()) {
                met.put(b, new Tally());
                notMet.put(b, new Tally());
            }
            for (Signal s : Signal.values()) {
                with.put(s, new Tally());
                without.put(s, new Tally());
            }
        }

        void add(Then then, Outcome o) {
            all.add(o);
            stages.get(then.stage()).add(o);
            if (then.warnings().isEmpty()) {
                noWarning.add(o);
            }
            for (WarningType w : then.warnings()) {
                warnings.computeIfAbsent(w, k -> new Tally()).add(o);
            }
            for (TrustBuilder b : TrustBuilder.values()) {
                (then.trustBuilders().contains(b) ? met : notMet).get(b).add(o);
            }
            for (Signal s : Signal.values()) {
                (then.signals().contains(s) ? with : without).get(s).add(o);
            }
            (then.stage() == Stage.READY_TO_ASK ? allowed : heldBack).add(o);
        }

        BacktestReport.Side side(ReferralReadinessEngine engine) {
            return new BacktestReport.Side(engine.playbook(), engine.policy(), all.outcomes(),
                    stages.entrySet().stream().map(e -> new BacktestReport.StageOutcomes(e.getKey(), e.getValue().outcomes())).toList(),
                    noWarning.outcomes(),
                    warnings.entrySet().stream().map(e -> new BacktestReport.WarningOutcomes(e.getKey(), e.getValue().outcomes())).toList(),
                    met.keySet().stream().map(b -> new BacktestReport.TrustBuilderLift(b, met.get(b).outcomes(), notMet.get(b).outcomes())).toList(),
                    with.keySet().stream().map(s -> new BacktestReport.SignalLift(s, with.get(s).outcomes(), without.get(s).outcomes())).toList(),
                    new BacktestReport.HeldBack(allowed.outcomes(), heldBack.outcomes()));
        }
    }

    /** One run's counters. */
    private final class Run {
        final SideTally first = new SideTally();
        final SideTally second = comparison == null ? null : new SideTally();
        final List<Failure> failures = new ArrayList<>();
        long customers;
        long failed;
        long withoutAsk;
        long outsideWindow;

        void add(Done done) {
            if (done.results() == null) {
                fail(done.customerId(), done.location(), done.problem());
                return;
            }
            customers++;
            for (AskResult r : done.results()) {
                first.add(r.first(), r.outcome());
                if (second != null) {
                    second.add(r.second(), r.outcome());
                }
                outsideWindow += r.outcome().outsideWindow();
            }
            withoutAsk += done.introductionsWithoutAsk();
        }

        void fail(String customerId, String location, String problem) {
            customers++;
            failed++;
            Failure f = new Failure(customerId, location, problem == null ? "unknown problem" : problem);
            LOG.debug("backtest: customer at {} failed: {}", location, f.problem());
            if (failures.size() < MAX_LISTED_FAILURES) {
                failures.add(f);
            }
            onFailure.accept(f);
        }

        BacktestReport report() {
            BacktestReport.Side a = first.side(engine);
            BacktestReport.Side b = second == null ? null : second.side(comparison);
            return new BacktestReport(outcomeDays, REFERRED_SALE_DAYS, customers, failed, failures, withoutAsk, outsideWindow,
                    a, b, b == null ? null : better(a.heldBack(), b.heldBack()));
        }
    }

    /**
     * Which side separates converting from non-converting asks better: the larger separation (rate when allowed minus
     * rate when held back); on equal separations, the one that held back the smaller share of introductions. Both are
     * compared as exact fractions of the counts, so separations equal as fractions tie even when their doubles differ
     * (0.4 - 0.3 against 0.1).
     */
    static Better better(BacktestReport.HeldBack a, BacktestReport.HeldBack b) {
        if (a.separation() == null || b.separation() == null) {
            return Better.UNDECIDED;
        }
        // allowed.i / allowed.n - held.i / held.n = (allowed.i * held.n - held.i * allowed.n) / (allowed.n * held.n)
        int bySeparation = compareFractions(
                product(a.allowed().introductions(), a.heldBack().asks()).subtract(product(a.heldBack().introductions(), a.allowed().asks())),
                product(a.allowed().asks(), a.heldBack().asks()),
                product(b.allowed().introductions(), b.heldBack().asks()).subtract(product(b.heldBack().introductions(), b.allowed().asks())),
                product(b.allowed().asks(), b.heldBack().asks()));
        if (bySeparation != 0) {
            return bySeparation > 0 ? Better.FIRST : Better.SECOND;
        }
        // the share of introductions held back, 0 without introductions
        long ia = a.allowed().introductions() + a.heldBack().introductions();
        long ib = b.allowed().introductions() + b.heldBack().introductions();
        int byHeldBack = compareFractions(BigInteger.valueOf(a.heldBack().introductions()), BigInteger.valueOf(Math.max(1, ia)),
                BigInteger.valueOf(b.heldBack().introductions()), BigInteger.valueOf(Math.max(1, ib)));
        return byHeldBack == 0 ? Better.EVEN : byHeldBack < 0 ? Better.FIRST : Better.SECOND;
    }

    private static BigInteger product(long x, long y) {
        return BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
    }

    /** Compares {@code p / q} with {@code r / s}, for {@code q} and {@code s} above 0. */
    private static int compareFractions(BigInteger p, BigInteger q, BigInteger r, BigInteger s) {
        return p.multiply(s).compareTo(r.multiply(q));
    }

    /** Configures a {@link Backtest}. Not thread-safe. */
    public static final class Builder {
        private final ReferralReadinessEngine engine;
        private ReferralReadinessEngine comparison;
        private int outcomeDays = DEFAULT_OUTCOME_DAYS;
        private Consumer<Failure> onFailure = f -> { };
        private int threads = 1;

        private Builder(ReferralReadinessEngine engine) {
            this.engine = engine;
        }

        /**
         * Also backtests the same history under this engine (another playbook or policy), side by side.
         *
         * @throws NullPointerException if {@code comparison} is {@code null}
         */
        public Builder compareWith(ReferralReadinessEngine comparison) {
            this.comparison = Objects.requireNonNull(comparison, "comparison");
            return this;
        }

        /**
         * The outcome window: an introduction counts when agreed at most this many days after the ask (default
         * {@value Backtest#DEFAULT_OUTCOME_DAYS}).
         *
         * @throws IllegalArgumentException unless from 0 to {@value Backtest#MAX_OUTCOME_DAYS}
         */
        public Builder outcomeDays(int days) {
            if (days < 0 || days > MAX_OUTCOME_DAYS) {
                throw new IllegalArgumentException("outcomeDays must be from 0 to " + MAX_OUTCOME_DAYS + ", was " + days);
            }
            this.outcomeDays = days;
            return this;
        }

        /**
         * Called on the calling thread for every customer that fails, as it fails (the report lists only the first
         * {@value Backtest#MAX_LISTED_FAILURES}).
         *
         * @throws NullPointerException if {@code listener} is {@code null}
         */
        public Builder onFailure(Consumer<Failure> listener) {
            this.onFailure = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Re-assesses the customers on this many worker threads (default 1: on the calling thread). Items are still
         * taken, and counted, on the calling thread in the book's order, so the report is the same at any number.
         *
         * @throws IllegalArgumentException unless from 1 to {@value Backtest#MAX_THREADS}
         */
        public Builder threads(int threads) {
            if (threads < 1 || threads > MAX_THREADS) {
                throw new IllegalArgumentException("threads must be from 1 to " + MAX_THREADS + ", was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Builds the backtest. */
        public Backtest build() {
            return new Backtest(this);
        }
    }
}
