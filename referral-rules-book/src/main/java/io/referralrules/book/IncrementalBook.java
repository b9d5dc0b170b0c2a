package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.json.ReferralJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Incremental book runs: a {@link BookAssessor} that skips the customers whose answer cannot have changed since the
 * previous run, and tells, for the others, whether their answer did change. What it knows of the previous run is a
 * {@link BookState}; each run writes the next one.
 *
 * <p>A customer is <b>skipped</b> (not read, not assessed) when all of these hold:
 * <ul>
 *   <li>the previous state was written with this run's {@linkplain BookState.Identity identity} (playbook, policy, rules,
 *       engine version, detail and answer format), else every customer is assessed and counts as new;</li>
 *   <li>this run's day is not before the previous run's (a run back in time assesses every customer, and still tells
 *       which answers changed);</li>
 *   <li>the customer's entry has a fingerprint in the previous state: the same bytes, so the same facts (the first 128
 *       bits of the SHA-256 of the entry's bytes as the file has them; of {@link ReferralJson#writeBookEntry} for
 *       snapshots given as objects), so an entry written differently (spaces, key order) counts as changed;</li>
 *   <li>the answer's {@linkplain ReadinessAssessment#revisitOn() revisit day} is after this run's day, or there is none:
 *       the engine promises the same answer on every day before it.</li>
 * </ul>
 * Each assessed customer's {@linkplain ReadinessAssessment.Answer#digest() answer digest} is compared with the previous
 * state's for the same customer id: {@link IncrementalResult.Change#CHANGED CHANGED}, {@code UNCHANGED} or, without a
 * previous answer, {@code NEW}.
 *
 * <p>The next state gets a row for every entry skipped (its previous row) or assessed, in the book's order; customers
 * no longer in the book are dropped, and an entry that fails has no row (it is assessed next time). It is written onto
 * the stream as the run goes and ended when the run ends, unless it was cancelled: keep it only then (the
 * {@link #assess(Stream, Plan, Path, Consumer)} form moves it into place only then).
 *
 * <pre>{@code
 * IncrementalBook incremental = IncrementalBook.of(BookAssessor.builder(engine).threads(2).build());
 * BookState previous = Files.exists(stateFile) ? BookState.read(stateFile) : null;
 * IncrementalBook.Plan plan = incremental.plan(previous, today);
 * plan.note().ifPresent(log::info);   // why every customer is assessed, when they are
 * IncrementalSummary summary = incremental.assess(snapshots.stream(), plan, stateFile, result -> {
 *     if (result.changed()) crm.save(result.assessment());
 * });
 * }</pre>
 */
public final class IncrementalBook {
    private static final Logger LOG = LoggerFactory.getLogger(IncrementalBook.class);

    private final BookAssessor assessor;
    private volatile BookState.Identity identity;

    private IncrementalBook(BookAssessor assessor) {
        this.assessor = Objects.requireNonNull(assessor, "assessor");
    }

    /** Incremental runs with this assessor (its engine, detail, threads, chunks, progress and cancellation). */
    public static IncrementalBook of(BookAssessor assessor) {
        return new IncrementalBook(assessor);
    }

    /** What decides this assessor's answers; worked out once, by recording one decision. */
    public BookState.Identity identity() {
        BookState.Identity id = identity;
        if (id == null) {
            id = BookState.Identity.of(assessor.engine(), assessor.detail());
            identity = id;
        }
        return id;
    }

    /**
     * How a run on {@code asOf} uses the previous state: to skip customers and compare answers; to compare answers
     * only (a run back in time); or not at all (none, or written under another identity).
     *
     * @param previous the previous run's state, or {@code null} when there is none
     */
    public Plan plan(BookState previous, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        BookState.Identity now = identity();
        if (previous == null) {
            return new Plan(now, asOf, null, false, "none yet; every customer is assessed");
        }
        List<String> differences = previous.identity().differences(now);
        if (!differences.isEmpty()) {
            return new Plan(now, asOf, null, false, "written under another " + String.join(", ", differences)
                    + "; it is not used: every customer is assessed and counts as changed");
        }
        if (asOf.isBefore(previous.asOf())) {
            return new Plan(now, asOf, previous, false, "of " + previous.asOf() + ", after the run's day " + asOf
                    + "; a run back in time assesses every customer");
        }
        return new Plan(now, asOf, previous, true, null);
    }

    /**
     * How a run uses the previous state, from {@link #plan(BookState, LocalDate)}: the run's day, the previous state when
     * it can be used, whether customers may be skipped, and when the state is not used to skip, why.
     */
    public static final class Plan {
        private final BookState.Identity identity;
        private final LocalDate asOf;
        private final BookState previous;
        private final boolean skips;
        private final String note;

        private Plan(BookState.Identity identity, LocalDate asOf, BookState previous, boolean skips, String note) {
            this.identity = identity;
            this.asOf = asOf;
            this.previous = previous;
            this.skips = skips;
            this.note = note;
        }

        /** The run's day. */
        public LocalDate asOf() {
            return asOf;
        }

        /** The previous state the run compares answers with; empty when there is none it can use. */
        public Optional<BookState> previous() {
            return Optional.ofNullable(previous);
        }

        /** Whether customers may be skipped. */
        public boolean skips() {
            return skips;
        }

        /** Why customers are not skipped, e.g. {@code "none yet; every customer is assessed"}; empty when they may be. */
        public Optional<String> note() {
            return Optional.ofNullable(note);
        }

        /**
         * The same plan with every customer assessed (answers are still compared with the previous state's), e.g. for a
         * report card that needs every answer.
         *
         * @param why said in the {@link #note()}, e.g. {@code "the report card needs every answer"}
         */
        public Plan assessingEveryone(String why) {
            Objects.requireNonNull(why, "why");
            return new Plan(identity, asOf, previous, false, note == null ? "every customer is assessed: " + why : note + " (" + why + ")");
        }

        @Override
        public String toString() {
            return "Plan[" + asOf + (skips ? ", skips" : ", assesses every customer") + (previous == null ? ", no previous state" : "")
                    + "]";
        }
    }

    /**
     * Assesses a stream of snapshots (read lazily, closed by the caller) and writes the next state to {@code stateFile}
     * atomically: to a temporary file beside it, moved into its place only when the run ends without being cancelled
     * or failing; otherwise the previous file stays as it was.
     *
     * @param sink receives every entry's result, skipped ones included, in order, on the calling thread
     * @throws IOException when the state file cannot be written or moved into place
     */
    public IncrementalSummary assess(Stream<CustomerSnapshot> book, Plan plan, Path stateFile, Consumer<IncrementalResult> sink)
            throws IOException {
        Objects.requireNonNull(stateFile, "stateFile");
        Path target = stateFile.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve("." + target.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + ".tmp");
        boolean moved = false;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            IncrementalSummary summary = assess(book, plan, Channels.newOutputStream(channel), sink);
            if (!summary.book().cancelled()) {
                channel.force(true);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                moved = true;
            }
            return summary;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Assesses a stream of snapshots (read lazily, closed by the caller), writing the next state onto {@code state} (not
     * closed; ended unless the run was cancelled).
     *
     * @param sink receives every entry's result, skipped ones included, in order, on the calling thread
     */
    public IncrementalSummary assess(Stream<CustomerSnapshot> book, Plan plan, OutputStream state, Consumer<IncrementalResult> sink) {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(sink, "sink");
        return run(book.iterator(), BookAssessor::snapshotItem, -1, plan, state, null, (result, prepared) -> sink.accept(result));
    }

    /**
     * Assesses book entries as they stand in the file ({@link BookFile#entries()}), as
     * {@link BookAssessor#assessEntries(Iterator, long, LocalDate, Function, BiConsumer)} does: the workers fingerprint
     * each entry, and read and assess only those that cannot be skipped; each result also goes through {@code prepare}
     * on the worker. The next state is written onto {@code state} (not closed; ended unless the run was cancelled).
     *
     * @param total   how many entries there are, or {@code -1} when unknown (for progress)
     * @param prepare called on the workers (at once on several threads, so it must be thread-safe) for every result,
     *                skipped and failed ones included; an exception it throws ends the run
     * @param sink    receives every entry's result and what {@code prepare} gave for it, in order, on the calling thread
     */
    public <R> IncrementalSummary assessEntries(Iterator<BookEntry> entries, long total, Plan plan, OutputStream state,
                                                Function<? super IncrementalResult, ? extends R> prepare,
                                                BiConsumer<? super IncrementalResult, ? super R> sink) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(prepare, "prepare");
        Objects.requireNonNull(sink, "sink");
        return run(entries, BookAssessor::readEntry, total, plan, state, prepare, sink);
    }

    /** One entry's outcome on its way to the calling thread. */
    private record Slot<R>(IncrementalResult result, R prepared, int previousRow, Hash128 fingerprint, Hash128 answer) {
    }

    private <T, R> IncrementalSummary run(Iterator<T> source, BookAssessor.Reader<T> reader, long total, Plan plan,
                                          OutputStream state, Function<? super IncrementalResult, ? extends R> prepare,
                                          BiConsumer<? super IncrementalResult, ? super R> sink) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(state, "state");
        if (!plan.identity.equals(identity())) {
            throw new IllegalArgumentException("the plan was made for another engine or detail: " + plan.identity.differences(identity()));
        }
        plan.note().ifPresent(note -> LOG.info("previous book state: {}", note));
        BookState.Writer next = new BookState.Writer(state, plan.identity, plan.asOf);
        BookAssessor.Tally tally = assessor.new Tally(total);
        long[] changed = {0};
        long[] added = {0};
        pipeline(source, reader, plan, prepare, (Slot<R> slot) -> {
            IncrementalResult result = slot.result();
            if (result.change() == IncrementalResult.Change.SKIPPED) {
                tally.skip();
                next.copy(plan.previous, slot.previousRow());
            } else {
                tally.count(result.result());
                if (result.assessed() && slot.fingerprint() != null) {
                    next.add(result.assessment().customerId(), slot.fingerprint(), result.assessment().revisitOn(), slot.answer());
                }
                if (result.changed()) {
                    changed[0]++;
                    if (result.change() == IncrementalResult.Change.NEW) {
                        added[0]++;
                    }
                }
            }
            sink.accept(result, slot.prepared());
            tally.tick();
        });
        BookSummary summary = tally.finish(plan.asOf);
        if (!summary.cancelled()) {
            next.finish();
        }
        LOG.info("incremental run as of {}: {} skipped, {} assessed ({} changed, {} of them new), {} failed; state: {} rows, {} bytes",
                plan.asOf, tally.skipped(), summary.assessed(), changed[0], added[0], summary.failed(), next.rows(), next.bytes());
        return new IncrementalSummary(summary, tally.skipped(), changed[0], added[0], next.rows());
    }

    /** An entry that could not be skipped, screened: on its way to a batch that assesses it. */
    private record Need(Object raw, long index, Hash128 fingerprint) {
    }

    /** Entries to assess together, in book order; their slots once a worker has assessed them. */
    private static final class Batch<R> {
        final List<Need> needs = new ArrayList<>();
        Future<List<Slot<R>>> done;
    }

    /** An entry's place in a batch, waiting in the delivery queue. */
    private record InBatch<R>(Batch<R> batch, int position) {
    }

    /**
     * The incremental run's pipeline. The calling thread cuts the source into chunks that the workers <em>screen</em>
     * (fingerprint, and skip when the previous state allows); the entries that cannot be skipped are gathered, in book
     * order, into batches of {@code chunkSize} that the workers read and assess with one {@code assessAll} call each, so
     * a run that skips most customers still decides the rest in whole batches. Everything is delivered in book order.
     * Memory stays bounded: at most {@code chunksInFlight + 1} batches are out at once, and screening runs at most
     * {@code 128 × chunkSize} entries ahead of delivery.
     */
    private <T, R> void pipeline(Iterator<T> source, BookAssessor.Reader<T> reader, Plan plan,
                                 Function<? super IncrementalResult, ? extends R> prepare, Consumer<Slot<R>> deliver) {
        int chunk = assessor.chunkSize();
        int maxBatches = assessor.chunksInFlight();
        int lookahead = 128 * chunk;
        ExecutorService pool = assessor.newPool();
        ArrayDeque<Future<List<Object>>> screening = new ArrayDeque<>();
        ArrayDeque<Object> queue = new ArrayDeque<>();
        Batch<R> current = new Batch<>();
        int out = 0;
        long index = 0;
        try {
            while (true) {
                boolean moved = false;
                // 1. deliver what is ready at the head of the queue
                while (!queue.isEmpty()) {
                    Object head = queue.peekFirst();
                    if (head instanceof InBatch<?> place) {
                        @SuppressWarnings("unchecked")
                        InBatch<R> at = (InBatch<R>) place;
                        if (at.batch().done == null || !at.batch().done.isDone()) {
                            break;
                        }
                        queue.pollFirst();
                        deliver.accept(BookAssessor.await(at.batch().done).get(at.position()));
                        if (at.position() == at.batch().needs.size() - 1) {
                            out--;
                        }
                    } else {
                        queue.pollFirst();
                        @SuppressWarnings("unchecked")
                        Slot<R> skipped = (Slot<R>) head;
                        deliver.accept(skipped);
                    }
                    moved = true;
                }
                // 2. screen ahead
                if (screening.size() < 2 && queue.size() < lookahead && !assessor.cancelled() && source.hasNext()) {
                    long first = index;
                    List<Object> raws = new ArrayList<>(chunk);
                    while (raws.size() < chunk && source.hasNext()) {
                        raws.add(BookAssessor.next(source, index++));
                    }
                    screening.add(pool.submit(() -> screen(first, raws, plan, prepare)));
                    moved = true;
                }
                // 3. take a screened chunk into the queue and the batches (never more than one batch over the bound)
                if (!screening.isEmpty() && out < maxBatches && (screening.peekFirst().isDone() || !moved)) {
                    for (Object screened : BookAssessor.await(screening.pollFirst())) {
                        if (screened instanceof Need need) {
                            queue.addLast(new InBatch<>(current, current.needs.size()));
                            current.needs.add(need);
                            if (current.needs.size() == chunk) {
                                submit(pool, current, reader, plan, prepare);
                                out++;
                                current = new Batch<>();
                            }
                        } else {
                            queue.addLast(screened);
                        }
                    }
                    moved = true;
                }
                // 4. the oldest entry waits for the batch being gathered, and no screening will fill it soon: send it
                if (!current.needs.isEmpty() && screening.isEmpty() && queue.peekFirst() instanceof InBatch<?> at
                        && at.batch() == current) {
                    submit(pool, current, reader, plan, prepare);
                    out++;
                    current = new Batch<>();
                    moved = true;
                }
                if (moved) {
                    continue;
                }
                // 5. nothing to do but wait for the oldest entry
                Object head = queue.peekFirst();
                if (head instanceof InBatch<?> at && at.batch().done != null) {
                    BookAssessor.await(at.batch().done);
                } else if (!screening.isEmpty()) {
                    BookAssessor.await(screening.peekFirst());
                } else if (queue.isEmpty() && current.needs.isEmpty()) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private <T, R> void submit(ExecutorService pool, Batch<R> batch, BookAssessor.Reader<T> reader, Plan plan,
                               Function<? super IncrementalResult, ? extends R> prepare) {
        batch.done = pool.submit(() -> assess(batch.needs, reader, plan, prepare));
    }

    /** Screens a chunk on a worker: each entry's fingerprint, and a skipped entry's result; {@link Need} for the others. */
    private <R> List<Object> screen(long first, List<Object> raws, Plan plan, Function<? super IncrementalResult, ? extends R> prepare) {
        long day = plan.asOf.toEpochDay();
        BookState previous = plan.previous;
        List<Object> out = new ArrayList<>(raws.size());
        for (int i = 0; i < raws.size(); i++) {
            Object raw = raws.get(i);
            long index = first + i;
            Hash128 fingerprint = fingerprint(raw);
            if (plan.skips && fingerprint != null) {
                int row = previous.rowOfFingerprint(fingerprint);
                if (row >= 0 && previous.revisitDay(row) > day) {
                    IncrementalResult skipped = new IncrementalResult(index, previous.customerId(row), location(raw, index),
                            IncrementalResult.Change.SKIPPED, null);
                    out.add(new Slot<R>(skipped, prepare == null ? null : prepare.apply(skipped), row, fingerprint, null));
                    continue;
                }
            }
            out.add(new Need(raw, index, fingerprint));
        }
        return out;
    }

    /** Reads and assesses a batch on a worker, compares each answer with the previous state's, prepares every result. */
    private <T, R> List<Slot<R>> assess(List<Need> needs, BookAssessor.Reader<T> reader, Plan plan,
                                        Function<? super IncrementalResult, ? extends R> prepare) {
        BookState previous = plan.previous;
        long[] indexes = new long[needs.size()];
        List<Object> raws = new ArrayList<>(needs.size());
        for (int i = 0; i < needs.size(); i++) {
            indexes[i] = needs.get(i).index();
            raws.add(needs.get(i).raw());
        }
        List<BookResult> results = assessor.assessChunk(indexes, BookAssessor.read(indexes, raws, reader), plan.asOf);
        List<Slot<R>> slots = new ArrayList<>(needs.size());
        for (int i = 0; i < needs.size(); i++) {
            BookResult result = results.get(i);
            Hash128 answer = null;
            IncrementalResult.Change change;
            if (result.failed()) {
                change = IncrementalResult.Change.FAILED;
            } else {
                answer = Hash128.ofHex(result.assessment().answer().digest());
                int row = previous == null ? -1 : previous.rowOfId(result.assessment().customerId());
                change = row < 0 ? IncrementalResult.Change.NEW
                        : previous.answer(row).equals(answer) ? IncrementalResult.Change.UNCHANGED : IncrementalResult.Change.CHANGED;
            }
            IncrementalResult out = new IncrementalResult(result.index(), result.customerId(), result.location(), change, result);
            slots.add(new Slot<>(out, prepare == null ? null : prepare.apply(out), -1, needs.get(i).fingerprint(), answer));
        }
        return slots;
    }

    /** The entry's fingerprint, or {@code null} when it has none (it cannot be skipped, and gets no row). */
    private static Hash128 fingerprint(Object raw) {
        try {
            if (raw instanceof BookEntry entry) {
                return entry.fingerprint();
            }
            if (raw instanceof CustomerSnapshot snapshot) {
                return Hash128.sha256(ReferralJson.writeBookEntry(snapshot));
            }
            if (raw instanceof BookItem item && item.snapshot() != null) {
                return Hash128.sha256(ReferralJson.writeBookEntry(item.snapshot()));
            }
        } catch (RuntimeException e) {
            LOG.debug("no fingerprint for an entry: {}", e.toString());
        }
        return null;
    }

    private static String location(Object raw, long index) {
        if (raw instanceof BookEntry entry) {
            return entry.location();
        }
        if (raw instanceof BookItem item) {
            return item.location();
        }
        return "#" + index;
    }
}
