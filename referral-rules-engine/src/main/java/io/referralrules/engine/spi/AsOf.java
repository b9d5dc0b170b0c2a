package io.referralrules.engine.spi;

import java.time.LocalDate;

/**
 * The assessment day, inserted by the engine into every session. Rules, bundled or the host's, take "today" from here
 * and never from the system clock, so re-assessing a snapshot as of an earlier day gives the earlier answer.
 *
 * <pre>{@code
 * rule "A sale older than a year is followed by a check-in call"
 * when
 *     AsOf( $today : date )
 *     $p : ReadinessPolicy()
 *     Sale( date < $today.minusDays( $p.lookbackDays() ), $id : id )
 * then
 *     ...
 * end
 * }</pre>
 *
 * @param date the assessment day
 */
public record AsOf(LocalDate date) {
}
