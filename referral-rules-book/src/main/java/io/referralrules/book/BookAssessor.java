package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Assesses a whole book of customers as of one day, on a bounded number of threads, and streams the results to a
 * consumer in the book's order. Memory stays flat whatever the book's size: at most {@code window} entries are in
 * flight, nothing is collected. An entry that cannot be read or assessed is delivered as a failure with its customer
 * id and the book goes on.
 *
 * <p>The book is cut into chunks ({@value #DEFAULT_CHUNK_SIZE} customers by default): each worker takes a whole chunk
 * and decides it with one {@link ReferralReadinessEngine#assessAll(List, LocalDate, Detail)} call, so an engine that
 * decides a batch together spreads its fixed cost over the chunk. If that call throws (or does not answer every
 * customer of the chunk, in order), the chunk is assessed again one customer at a time, so only the customer that
 * cannot be assessed becomes a failure. Results of a chunk are delivered when the whole chunk is done.
 *
 * <p>A book taken from a file as text ({@link #assessEntries}, {@link BookFile#entries()}) is read on the workers too,
 * each entry just before its chunk is decided, so the calling thread only cuts the file into entries; the workers can
 * also prepare each result for the sink (e.g. write its output line), so the calling thread only copies it out.
 *
 * <pre>{@code
 * BookAssessor assessor = BookAssessor.builder(engine)
 *         .threads(2)
 *         .onProgress(p -> log.info("{} of {}", p.done(), p.total()))
 *         .build();
 * BookSummary summary = assessor.assess(snapshots.stream(), LocalDate.of(2026, 6, 15), result -> {
 *     if (result.failed()) errors.add(result.customerId() + ": " + result.problem());
 *     else crm.save(result.assessment());
 * });
 * }</pre>
 *
 * The consumer and the progress listener are called on the calling thread, one result at a time, so they need no
 * locking. An assessor is immutable and may run several books, one after another or at once.
 */
public final class BookAssessor {
    /** Customers per chunk, unless the builder says otherwise. */
    public static final int DEFAULT_CHUNK_SIZE = 256;

    private static final Logger LOG = LoggerFactory.getLogger(BookAssessor.class);

    private final ReferralReadinessEngine engine;
    private final int threads;
    private final int chunkSize;
    private final int chunksInFlight;
    private final Detail detail;
    private final long progressEvery;
    private final Consumer<BookProgress> progress;
    private final BookCancellation cancellation;

    private BookAssessor(Builder b) {
        this.engine = b.engine;
        this.threads = b.threads;
        int window = b.window > 0 ? b.window : b.threads * 2 * b.chunkSize;
        // a small window cuts the chunks so that every thread still gets one and the window holds
        this.chunkSize = Math.max(1, Math.min(b.chunkSize, window / b.threads));
        this.chunksInFlight = Math.max(1, window / chunkSize);
        this.detail = b.detail;
        this.progressEvery = b.progressEvery;
        this.progress = b.progress;
        this.cancellation = b.cancellation;
    }

    /** The engine this assessor decides with. */
    ReferralReadinessEngine engine() {
        return engine;
    }

    /** How much of each answer this assessor works out. */
    Detail detail() {
        return detail;
    }

    /** Starts an assessor for the engine. */
    public static Builder builder(ReferralReadinessEngine engine) {
        return new Builder(engine);
    }

    /** Assesses a collection of snapshots (its size is the progress total). */
    public BookSummary assess(Collection<CustomerSnapshot> book, LocalDate asOf, Consumer<BookResult> sink) {
        return run(book.iterator(), BookAssessor::snapshotItem, book.size(), asOf, null, plain(sink));
    }

    /** Assesses a stream of snapshots (total unknown); the stream is read lazily and closed by the caller. */
    public BookSummary assess(Stream<CustomerSnapshot> book, LocalDate asOf, Consumer<BookResult> sink) {
        return run(book.iterator(), BookAssessor::snapshotItem, -1, asOf, null, plain(sink));
    }

    static BookItem snapshotItem(CustomerSnapshot snapshot, long index) {
        return BookItem.of(snapshot, "#" + index);
    }

    /**
     * Assesses book entries, some of which may be unreadable.
     *
     * @param items the entries, read lazily on the calling thread
     * @param total how many there are, or {@code -1} when unknown
     * @param asOf  the assessment day
     * @param sink  receives every entry's result, in order, on the calling thread
     * @return how many were assessed, failed, and at each stage
     */
    public BookSummary assess(Iterator<BookItem> items, long total, LocalDate asOf, Consumer<BookResult> sink) {
        return run(items, (item, index) -> item, total, asOf, null, plain(sink));
    }

    /**
     * Assesses book entries as they stand in the file ({@link BookFile#entries()}): the calling thread only takes them
     * from the iterator, and the workers read each one ({@link BookEntry#read()}) before deciding its chunk, so reading
     * JSON is spread over the threads too. Results are what {@link #assess(Iterator, long, LocalDate, Consumer)} gives
     * for the items the entries read as: an entry that is not a valid snapshot is a failure with its customer id (when
     * it shows one), its place and the problem, and costs no other entry.
     *
     * @param entries the entries, taken lazily on the calling thread
     * @param total   how many there are, or {@code -1} when unknown
     * @param asOf    the assessment day
     * @param sink    receives every entry's result, in order, on the calling thread
     * @return how many were assessed, failed, and at each stage
     */
    public BookSummary assessEntries(Iterator<BookEntry> entries, long total, LocalDate asOf, Consumer<BookResult> sink) {
        return run(entries, BookAssessor::readEntry, total, asOf, null, plain(sink));
    }

    /**
     * Like {@link #assessEntries(Iterator, long, LocalDate, Consumer)}, and each result also goes through
     * {@code prepare} on the worker that decided it, before it is delivered: e.g. to write the answer as the text of its
     * output line, so that the calling thread only copies that text out. The sink gets each result with what
     * {@code prepare} made of it, in order, on the calling thread.
     *
     * @param prepare called on the workers (at once on several threads, so it must be thread-safe) for every result,
     *                failed ones included; an exception it throws ends the run
     * @param sink    receives every entry's result and what {@code prepare} gave for it, in order, on the calling thread
     */
    public <R> BookSummary assessEntries(Iterator<BookEntry> entries, long total, LocalDate asOf,
                                         Function<? super BookResult, ? extends R> prepare,
                                         BiConsumer<? super BookResult, ? super R> sink) {
        Objects.requireNonNull(prepare, "prepare");
        return run(entries, BookAssessor::readEntry, total, asOf, prepare, sink);
    }

    static BookItem readEntry(BookEntry entry, long index) {
        return entry.read();
    }

    private static <R> BiConsumer<BookResult, R> plain(Consumer<BookResult> sink) {
        Objects.requireNonNull(sink, "sink");
        return (result, prepared) -> sink.accept(result);
    }

    /** Turns what the source gives into a book item; called on a worker. */
    @FunctionalInterface
    interface Reader<T> {
        BookItem read(T raw, long index);
    }

    /** An entry the source threw on: already a failed item, carried in the chunk in the entry's place. */
    record Unreadable(BookItem item) {
    }

    /** A result and what {@code prepare} made of it ({@code null} without one). */
    private record Prepared<R>(BookResult result, R prepared) {
    }

    /**
     * A chunk's work, done on a worker: the chunk's raw entries (the source's objects, or {@link Unreadable}), the first
     * being entry {@code first} of the book, to what the calling thread delivers for them, in order.
     */
    @FunctionalInterface
    interface ChunkWork<O> {
        List<O> apply(long first, List<Object> chunk);
    }

    private <T, R> BookSummary run(Iterator<T> source, Reader<T> reader, long total, LocalDate asOf,
                                   Function<? super BookResult, ? extends R> prepare, BiConsumer<? super BookResult, ? super R> sink) {
        Objects.requireNonNull(source, "items");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(sink, "sink");
        Tally tally = new Tally(total);
        pipeline(source, (first, chunk) -> {
            long[] indexes = indexes(first, chunk.size());
            return prepared(assessChunk(indexes, read(indexes, chunk, reader), asOf), prepare);
        }, (Prepared<R> p) -> {
            tally.count(p.result());
            sink.accept(p.result(), p.prepared());
            tally.tick();
        });
        return tally.finish(asOf);
    }

    /**
     * Cuts the source into chunks, has the workers do each chunk's work, at most {@code chunksInFlight} chunks at once,
     * and hands what they give to {@code deliver} on the calling thread, in the book's order. Stops taking entries once
     * the run is cancelled; the chunks in flight are still delivered.
     */
    <O> void pipeline(Iterator<?> source, ChunkWork<O> work, Consumer<? super O> deliver) {
        long index = 0;
        ExecutorService pool = newPool();
        ArrayDeque<Future<List<O>>> inFlight = new ArrayDeque<>(chunksInFlight);
        try {
            while (true) {
                if (!cancellation.isCancelled() && inFlight.size() < chunksInFlight && source.hasNext()) {
                    long first = index;
                    List<Object> chunk = new ArrayList<>(chunkSize);
                    while (chunk.size() < chunkSize && source.hasNext()) {
                        chunk.add(next(source, index++));
                    }
                    inFlight.add(pool.submit(() -> work.apply(first, chunk)));
                    continue;
                }
                if (inFlight.isEmpty()) {
                    break;
                }
                for (O out : await(inFlight.poll())) {
                    deliver.accept(out);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Entry indexes {@code first} to {@code first + n - 1}. */
    static long[] indexes(long first, int n) {
        long[] indexes = new long[n];
        for (int i = 0; i < n; i++) {
            indexes[i] = first + i;
        }
        return indexes;
    }

    /** Counts what a run delivered and reports progress; used on the calling thread only. */
    final class Tally {
        private final long total;
        private final Map<Stage, Long> byStage = new EnumMap<>(Stage.class);
        private long assessed;
        private long failed;
        private long skipped;

        Tally(long total) {
            this.total = total;
        }

        void count(BookResult result) {
            if (result.failed()) {
                failed++;
            } else {
                assessed++;
                byStage.merge(result.assessment().stage(), 1L, Long::sum);
            }
        }

        /** An entry an incremental run did not need to assess. */
        void skip() {
            skipped++;
        }

        long skipped() {
            return skipped;
        }

        private long done() {
            return assessed + failed + skipped;
        }

        /** After each entry delivered: the progress listener every {@code progressEvery} entries. */
        void tick() {
            if (progress != null && done() % progressEvery == 0) {
                progress.accept(new BookProgress(done(), failed, total));
            }
        }

        /** The last progress report, the log line and the summary. */
        BookSummary finish(LocalDate asOf) {
            if (progress != null && done() % progressEvery != 0) {
                progress.accept(new BookProgress(done(), failed, total));
            }
            BookSummary summary = new BookSummary(asOf, assessed, failed, byStage, cancellation.isCancelled());
            LOG.info("assessed a book as of {}: {} assessed, {} failed{}{}", asOf, assessed, failed,
                    skipped > 0 ? ", " + skipped + " skipped (unchanged)" : "", summary.cancelled() ? ", cancelled" : "");
            return summary;
        }
    }

    /** Takes the next entry; a source that throws while reading becomes a failed entry, not the end of the book. */
    static Object next(Iterator<?> source, long index) {
        try {
            return source.next();
        } catch (RuntimeException e) {
            return new Unreadable(unreadable(index, e));
        }
    }

    private static BookItem unreadable(long index, RuntimeException e) {
        return BookItem.failed(null, "#" + index, "could not be read: " + e.getMessage());
    }

    /**
     * Reads a chunk's entries into items, on the worker; an entry whose reading throws becomes a failed item, as if the
     * source had thrown on it, and the others are read.
     *
     * @param indexes each entry's index in the book
     */
    @SuppressWarnings("unchecked")
    static <T> List<BookItem> read(long[] indexes, List<Object> chunk, Reader<T> reader) {
        List<BookItem> items = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            Object raw = chunk.get(i);
            if (raw instanceof Unreadable u) {
                items.add(u.item());
                continue;
            }
            try {
                items.add(Objects.requireNonNull(reader.read((T) raw, indexes[i]), "no entry"));
            } catch (RuntimeException e) {
                items.add(unreadable(indexes[i], e));
            }
        }
        return items;
    }

    /**
     * Decides a chunk with one {@code assessAll} call; if that fails, one customer at a time, so that a customer who
     * cannot be assessed fails alone.
     *
     * @param indexes each item's index in the book
     */
    List<BookResult> assessChunk(long[] indexes, List<BookItem> chunk, LocalDate asOf) {
        List<CustomerSnapshot> snapshots = new ArrayList<>(chunk.size());
        for (BookItem item : chunk) {
            if (item.snapshot() != null) {
                snapshots.add(item.snapshot());
            }
        }
        List<ReadinessAssessment> answers = snapshots.isEmpty() ? List.of() : together(snapshots, asOf, indexes[0]);
        List<BookResult> results = new ArrayList<>(chunk.size());
        int answer = 0;
        for (int i = 0; i < chunk.size(); i++) {
            BookItem item = chunk.get(i);
            long index = indexes[i];
            if (item.snapshot() == null) {
                results.add(new BookResult(index, item.customerId(), item.location(), null, null, item.problem()));
            } else if (answers == null) {
                results.add(assessOne(index, item, asOf));
            } else {
                results.add(new BookResult(index, item.customerId(), item.location(), item.snapshot(), answers.get(answer++), null));
            }
        }
        return results;
    }

    /** The chunk's answers from one {@code assessAll} call, or {@code null} when it must be assessed one by one. */
    private List<ReadinessAssessment> together(List<CustomerSnapshot> snapshots, LocalDate asOf, long first) {
        try {
            List<ReadinessAssessment> answers = engine.assessAll(snapshots, asOf, detail);
            if (answers == null || answers.size() != snapshots.size()) {
                throw new IllegalStateException("assessAll gave " + (answers == null ? "no list" : answers.size() + " answers")
                        + " for " + snapshots.size() + " customers");
            }
            for (int i = 0; i < answers.size(); i++) {
                ReadinessAssessment a = answers.get(i);
                if (a == null || !a.customerId().equals(snapshots.get(i).customer().id())) {
                    throw new IllegalStateException("assessAll's answer " + i + " is not for customer " + snapshots.get(i).customer().id());
                }
            }
            return answers;
        } catch (RuntimeException e) {
            LOG.warn("could not assess the {} customers from entry #{} together ({}); assessing them one by one",
                    snapshots.size(), first, e.toString());
            return null;
        }
    }

    private BookResult assessOne(long index, BookItem item, LocalDate asOf) {
        try {
            ReadinessAssessment assessment = engine.assess(item.snapshot(), asOf, detail);
            return new BookResult(index, item.customerId(), item.location(), item.snapshot(), assessment, null);
        } catch (RuntimeException e) {
            LOG.warn("could not assess customer {} at {}: {}", item.customerId(), item.location(), e.toString());
            return new BookResult(index, item.customerId(), item.location(), item.snapshot(), null,
                    "could not be assessed: " + e.getMessage());
        }
    }

    private static <R> List<Prepared<R>> prepared(List<BookResult> results, Function<? super BookResult, ? extends R> prepare) {
        List<Prepared<R>> prepared = new ArrayList<>(results.size());
        for (BookResult result : results) {
            prepared.add(new Prepared<>(result, prepare == null ? null : prepare.apply(result)));
        }
        return prepared;
    }

    /** The workers of one run: daemon threads named after the book; shut them down when the run ends. */
    ExecutorService newPool() {
        return Executors.newFixedThreadPool(threads, new Workers());
    }

    /** Customers a worker decides with one {@code assessAll} call. */
    int chunkSize() {
        return chunkSize;
    }

    /** Chunks in flight at once. */
    int chunksInFlight() {
        return chunksInFlight;
    }

    /** Whether the run was asked to stop. */
    boolean cancelled() {
        return cancellation.isCancelled();
    }

    static <O> O await(Future<O> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while assessing a book", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a book worker failed", e.getCause());
        }
    }

    /** Daemon worker threads named after the book, so a host's shutdown is never held up by them. */
    private static final class Workers implements ThreadFactory {
        private static final AtomicInteger RUNS = new AtomicInteger();
        private final int run = RUNS.incrementAndGet();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread t = new Thread(task, "referral-book-" + run + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    /** Configures a {@link BookAssessor}. Not thread-safe. */
    public static final class Builder {
        private final ReferralReadinessEngine engine;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int window;
        private int chunkSize = DEFAULT_CHUNK_SIZE;
        private Detail detail = Detail.FULL;
        private long progressEvery = 1000;
        private Consumer<BookProgress> progress;
        private BookCancellation cancellation = new BookCancellation();

        private Builder(ReferralReadinessEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /** How many threads assess at once (default: the number of processors). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("BookAssessor.threads must be at least 1, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * How many entries may be in flight at once (default: two chunks per thread); bounds memory. A window smaller
         * than a chunk per thread makes the chunks smaller.
         */
        public Builder window(int window) {
            if (window < 1) {
                throw new IllegalArgumentException("BookAssessor.window must be at least 1, was " + window);
            }
            this.window = window;
            return this;
        }

        /** How many customers a worker decides with one {@code assessAll} call (default {@value BookAssessor#DEFAULT_CHUNK_SIZE}). */
        public Builder chunkSize(int chunkSize) {
            if (chunkSize < 1) {
                throw new IllegalArgumentException("BookAssessor.chunkSize must be at least 1, was " + chunkSize);
            }
            this.chunkSize = chunkSize;
            return this;
        }

        /**
         * How much of each answer to work out (default {@link Detail#FULL}); {@link Detail#DECISION} leaves out the
         * explanations, for runs that store only the decision.
         */
        public Builder detail(Detail detail) {
            this.detail = Objects.requireNonNull(detail, "detail");
            return this;
        }

        /** Called on the calling thread every {@code every} results and once at the end. */
        public Builder onProgress(long every, Consumer<BookProgress> listener) {
            if (every < 1) {
                throw new IllegalArgumentException("BookAssessor.progress interval must be at least 1, was " + every);
            }
            this.progressEvery = every;
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Called on the calling thread every 1000 results and once at the end. */
        public Builder onProgress(Consumer<BookProgress> listener) {
            return onProgress(1000, listener);
        }

        /** Lets another thread stop the run. */
        public Builder cancellation(BookCancellation cancellation) {
            this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
            return this;
        }

        public BookAssessor build() {
            return new BookAssessor(this);
        }
    }
}
