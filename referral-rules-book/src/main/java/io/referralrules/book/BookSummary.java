package io.referralrules.book;

import io.referralrules.api.Stage;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a book assessment did: how many entries were assessed, how many failed, and how many customers are at each
 * stage. {@code assessed + failed} is every entry delivered; the stage counts add up to {@code assessed}.
 *
 * @param asOf      the assessment day
 * @param assessed  entries assessed
 * @param failed    entries that could not be read or assessed
 * @param byStage   assessed customers per stage, every stage present (0 when none)
 * @param cancelled whether the run was cancelled before the end of the book
 */
public record BookSummary(LocalDate asOf, long assessed, long failed, Map<Stage, Long> byStage, boolean cancelled) {
    public BookSummary {
        byStage = everyStage(byStage);
    }

    /** The counts with every stage present (0 when none), in stage order, unmodifiable. */
    static Map<Stage, Long> everyStage(Map<Stage, Long> counts) {
        EnumMap<Stage, Long> all = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            all.put(stage, counts.getOrDefault(stage, 0L));
        }
        return Collections.unmodifiableMap(all);
    }

    /** Every entry delivered. */
    public long total() {
        return assessed + failed;
    }
}
