package io.referralrules.cli;

import java.util.Locale;

/**
 * A noun and its plural, for the counts the command line prints: {@code count(1)} is "1 customer", {@code count(2)} is
 * "2 customers" (with a thousands separator: "1,000 customers").
 *
 * @param one  the singular, for exactly one
 * @param many the plural, for every other count (zero too: "0 customers")
 */
record Noun(String one, String many) {
    static final Noun CUSTOMER = new Noun("customer", "customers");
    static final Noun ENTRY = new Noun("entry", "entries");
    static final Noun ANSWER = new Noun("answer", "answers");
    static final Noun LINE = new Noun("line", "lines");
    static final Noun REPORT_CARD = new Noun("report card", "report cards");

    /** The singular for one, else the plural. */
    String of(long count) {
        return count == 1 ? one : many;
    }

    /** The count and the noun: "1 customer", "1,000 customers". */
    String count(long count) {
        return String.format(Locale.ROOT, "%,d %s", count, of(count));
    }
}
