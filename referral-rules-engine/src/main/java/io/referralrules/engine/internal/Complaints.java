package io.referralrules.engine.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A customer's complaint signals, collected by a rule, for the two questions the rules ask of all of them at once:
 * when was the last complaint raised, and which complaint was still open on a given day. Built once per customer;
 * each answer is a binary search, so asking it for every ask or green light stays linear in the facts.
 */
public final class Complaints {
    /** Sorted by the day raised (ties by id). */
    private final List<ComplaintSignal> raised;
    /** For each prefix of {@link #raised}: the complaint settled last (an open one counts as never settled). */
    private final List<ComplaintSignal> settledLastSoFar;

    private Complaints(List<ComplaintSignal> signals) {
        List<ComplaintSignal> sorted = new ArrayList<>(signals);
        sorted.sort(Comparator.comparing(ComplaintSignal::date).thenComparing(ComplaintSignal::factId));
        this.raised = sorted;
        this.settledLastSoFar = new ArrayList<>(sorted.size());
        ComplaintSignal last = null;
        for (ComplaintSignal signal : sorted) {
            if (last == null || settlesLater(signal, last)) {
                last = signal;
            }
            settledLastSoFar.add(last);
        }
    }

    /** The complaint signals collected by a rule (the list may hold any object). */
    public static Complaints of(List<?> signals) {
        List<ComplaintSignal> out = new ArrayList<>(signals.size());
        for (Object signal : signals) {
            out.add((ComplaintSignal) signal);
        }
        return new Complaints(out);
    }

    private static boolean settlesLater(ComplaintSignal a, ComplaintSignal b) {
        if (b.settledOn() == null) {
            return false;
        }
        if (a.settledOn() == null) {
            return true;
        }
        int byDay = a.settledOn().compareTo(b.settledOn());
        return byDay > 0 || (byDay == 0 && a.factId().compareTo(b.factId()) < 0);
    }

    /** The day the last complaint was raised; {@link LocalDate#MIN} when none was, so every day is after it. */
    public LocalDate lastRaised() {
        return raised.isEmpty() ? LocalDate.MIN : raised.get(raised.size() - 1).date();
    }

    /**
     * A complaint still open on the day: raised on or before it and not settled by then (settled after it, or not
     * at all); of those, the one settled last. Nothing when no complaint was open.
     */
    public List<ComplaintSignal> openOn(LocalDate day) {
        int low = 0;
        int high = raised.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (raised.get(mid).date().isAfter(day)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        if (low == 0) {
            return List.of();
        }
        ComplaintSignal candidate = settledLastSoFar.get(low - 1);
        return candidate.settledOn() == null || candidate.settledOn().isAfter(day) ? List.of(candidate) : List.of();
    }
}
