package io.referralrules.engine.internal;

import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferralGiven;
import io.referralrules.api.facts.Sale;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One customer's dated facts of one kind in time order (by date, ties by id), so that a rule asking "the one just
 * before", "the first after" or "how many since" gets its answer by a binary search instead of joining every fact
 * with every other: the rules' cost stays linear in the facts however many a customer has (docs/PERFORMANCE.md).
 * A rule builds one per customer with {@code from} (once per customer, before it goes through the facts one by one).
 *
 * @param <T> the kind of fact
 */
public final class Chronology<T> {
    private final List<T> facts;
    private final Function<T, LocalDate> date;
    private final Function<T, String> id;
    /** Sorted on first use: most customers' asks are never looked up (one session, one thread: no locking). */
    private List<T> ordered;
    private Map<String, Integer> positionById;

    private Chronology(List<T> facts, Function<T, LocalDate> date, Function<T, String> id) {
        this.facts = facts;
        this.date = date;
        this.id = id;
    }

    private List<T> ordered() {
        if (ordered == null) {
            List<T> sorted = new ArrayList<>(facts);
            sorted.sort(Comparator.comparing(date).thenComparing(id));
            Map<String, Integer> positions = new HashMap<>(sorted.size() * 2);
            for (int i = 0; i < sorted.size(); i++) {
                positions.put(id.apply(sorted.get(i)), i);
            }
            positionById = positions;
            ordered = sorted;
        }
        return ordered;
    }

    /** A customer's asks in order. */
    public static Chronology<ReferralAsk> ofAsks(List<ReferralAsk> asks) {
        return new Chronology<>(asks, ReferralAsk::date, ReferralAsk::id);
    }

    /** A customer's sales in order. */
    public static Chronology<Sale> ofSales(List<Sale> sales) {
        return new Chronology<>(sales, Sale::date, Sale::id);
    }

    /** A customer's introductions in order. */
    public static Chronology<Introduction> ofIntroductions(List<Introduction> introductions) {
        return new Chronology<>(introductions, Introduction::date, Introduction::id);
    }

    /** The referrals we gave a customer, in order. */
    public static Chronology<ReferralGiven> ofReferralsGiven(List<ReferralGiven> given) {
        return new Chronology<>(given, ReferralGiven::date, ReferralGiven::id);
    }

    /** A customer's green lights in order (collected by a rule, so the list may hold any object). */
    public static Chronology<GreenLight> ofGreenLights(List<?> greenLights) {
        return new Chronology<>(cast(greenLights, GreenLight.class), GreenLight::date, GreenLight::factId);
    }

    /** A customer's premature asks in order (collected by a rule). */
    public static Chronology<PrematureAsk> ofPrematureAsks(List<?> premature) {
        return new Chronology<>(cast(premature, PrematureAsk.class), PrematureAsk::date, PrematureAsk::askId);
    }

    private static <T> List<T> cast(List<?> items, Class<T> type) {
        List<T> out = new ArrayList<>(items.size());
        for (Object item : items) {
            out.add(type.cast(item));
        }
        return out;
    }

    /** The last fact, or nothing. */
    public List<T> latest() {
        List<T> ordered = ordered();
        return ordered.isEmpty() ? List.of() : List.of(ordered.get(ordered.size() - 1));
    }

    /** The fact just before the one with this id (an earlier date, or the same date and a smaller id), or nothing. */
    public List<T> before(String id) {
        List<T> ordered = ordered();
        Integer at = positionById.get(id);
        return at == null || at == 0 ? List.of() : List.of(ordered.get(at - 1));
    }

    /** The last fact dated strictly before the day (ties: the greatest id), or nothing. */
    public List<T> latestBefore(LocalDate day) {
        int i = indexOnOrAfter(day);
        return i == 0 ? List.of() : List.of(ordered().get(i - 1));
    }

    /** The last fact dated on or before the day (ties: the greatest id), or nothing. */
    public List<T> latestOnOrBefore(LocalDate day) {
        return latestBefore(day.plusDays(1));
    }

    /** The first fact dated on or after the day (ties: the smallest id), or nothing. */
    public List<T> firstOnOrAfter(LocalDate day) {
        return firstAfter(day.minusDays(1));
    }

    /** The first fact dated strictly after the day (ties: the smallest id), or nothing. */
    public List<T> firstAfter(LocalDate day) {
        int i = indexOnOrAfter(day.plusDays(1));
        return i == ordered().size() ? List.of() : List.of(ordered().get(i));
    }

    /** How many facts come before the one with this id and are dated on or after {@code from}. */
    public int countBefore(String id, LocalDate from) {
        ordered();
        Integer at = positionById.get(id);
        return at == null ? 0 : Math.max(0, at - indexOnOrAfter(from));
    }

    /** The position of the first fact dated on or after the day ({@code size} when none is). */
    private int indexOnOrAfter(LocalDate day) {
        List<T> ordered = ordered();
        int low = 0;
        int high = ordered.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (date.apply(ordered.get(mid)).isBefore(day)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public String toString() {
        return "Chronology" + ordered();
    }
}
