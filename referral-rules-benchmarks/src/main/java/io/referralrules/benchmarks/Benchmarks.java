package io.referralrules.benchmarks;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.book.SampleBook;

import java.time.LocalDate;
import java.util.List;

/** The data every benchmark uses: one seeded generated book, as of one day. */
final class Benchmarks {
    static final long SEED = 20_260_615L;
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    /** Enough customers that every kind appears many times; small enough to stay in cache like a real working set. */
    static final int BOOK_SIZE = 4096;

    private Benchmarks() {
    }

    static CustomerSnapshot[] book() {
        List<CustomerSnapshot> list = new SampleBook(SEED, AS_OF).customers(BOOK_SIZE).toList();
        return list.toArray(CustomerSnapshot[]::new);
    }
}
