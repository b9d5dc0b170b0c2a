package io.referralrules.api;

import java.time.LocalDate;

/**
 * The bounds every input is held to, so that no rule, window or writer can overflow or run away on data that is
 * merely unusual. The API checks them itself (fact constructors, {@link CustomerSnapshot}, {@link ReadinessPolicy}),
 * so facts built in Java are held to them as much as facts read from JSON; a value outside them is an
 * {@link InvalidInputException} naming the field.
 *
 * <ul>
 *   <li>{@link #EARLIEST_DATE} to {@link #LATEST_DATE}: every date of a fact. {@code LocalDate} itself reaches the
 *       years -999,999,999 and +999,999,999, where adding a window or counting days between two dates overflows;
 *       a CRM's records all fall within these years, with room on both sides.</li>
 *   <li>{@link #MAX_POLICY_DAYS}: every day count of a {@link ReadinessPolicy} (windows, waits, cool-downs, the
 *       look-back). With dates within the range, {@code date.plusDays(days)} and {@code date.minusDays(days)} never
 *       leave the years {@code LocalDate} can hold, and a day count never overflows an {@code int}.</li>
 *   <li>{@link #MAX_FACTS_PER_CUSTOMER}: all the facts of one snapshot together. The rules' cost grows with the facts
 *       of one customer; a snapshot beyond this is far more than one relationship's history and is rejected before
 *       it costs memory and time, naming the customer and the count.</li>
 *   <li>{@link #MAX_AMOUNT_INTEGER_DIGITS} and {@link #MAX_AMOUNT_FRACTION_DIGITS}: an amount is kept exactly as
 *       given ({@code 99.50} stays {@code 99.50}), so its digits are bounded: {@code 1E+999999999} would take a billion
 *       digits to write out, and writing a record must never fail on a value that was accepted.</li>
 * </ul>
 */
public final class Limits {
    /** The earliest date a fact may carry: 1900-01-01. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    /** The latest date a fact may carry: 2999-12-31. */
    public static final LocalDate LATEST_DATE = LocalDate.of(2999, 12, 31);
    /** The most facts one snapshot may hold, all kinds together: 100,000. */
    public static final int MAX_FACTS_PER_CUSTOMER = 100_000;
    /** The largest day count a policy threshold may have: 36,500 days (about a hundred years). */
    public static final int MAX_POLICY_DAYS = 36_500;
    /** The most digits an amount may have before the decimal point: 30. */
    public static final int MAX_AMOUNT_INTEGER_DIGITS = 30;
    /** The most digits an amount may have after the decimal point: 10. */
    public static final int MAX_AMOUNT_FRACTION_DIGITS = 10;

    private Limits() {
    }
}
