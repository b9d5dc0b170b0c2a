package io.referralrules.flink;

import io.referralrules.api.Detail;
import io.referralrules.api.ReadinessPolicy;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.PolicyJson;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the job assesses: its clock, its business time zone, the playbook and policy.
 *
 * @param clock      {@link Clock#PROCESSING_TIME} live, {@link Clock#EVENT_TIME} when replaying history,
 *                   {@link Clock#BOOK} for one answer per customer as of {@code asOf} (the nightly full run, in BATCH
 *                   mode)
 * @param zone       the business time zone: a day starts at midnight there, and revisit timers fire then
 * @param asOf       the day a {@link Clock#BOOK} run assesses on; {@code null} otherwise
 * @param until      the last day a revisit timer may fall on, whatever the clock; meant for {@link Clock#EVENT_TIME} (a
 *                   replay of history ends somewhere: without it, the end of a bounded input would fire every revisit
 *                   day to year 2999); {@code null} for none
 * @param playbook   the bundled playbook's id
 * @param policyJson a policy document ({@link PolicyJson}) over the playbook's defaults, or {@code null}
 * @param detail     the detail of each answer (what the output lines hold)
 */
public record JobSettings(Clock clock, ZoneId zone, LocalDate asOf, LocalDate until, String playbook, String policyJson,
                          Detail detail) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Which clock decides the assessment day. */
    public enum Clock {
        /** Today in the business zone by the machine's clock; revisit timers in processing time. */
        PROCESSING_TIME,
        /** The day of each event's {@code occurredAt}; revisit timers in event time, fired by watermarks. */
        EVENT_TIME,
        /** One answer per customer, as of a given day, when its input ends. */
        BOOK
    }

    public JobSettings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(detail, "detail");
        if (clock == Clock.BOOK && asOf == null) {
            throw new IllegalArgumentException("a BOOK run needs asOf, the day it assesses on");
        }
    }

    /** Live: processing time in the given zone, earned-trust, full detail. */
    public static JobSettings live(ZoneId zone) {
        return new JobSettings(Clock.PROCESSING_TIME, zone, null, null, Playbook.EARNED_TRUST.id(), null, Detail.FULL);
    }

    /** A replay of history in event time, revisit timers up to {@code until}. */
    public static JobSettings replay(ZoneId zone, LocalDate until) {
        return new JobSettings(Clock.EVENT_TIME, zone, null, until, Playbook.EARNED_TRUST.id(), null, Detail.FULL);
    }

    /** A whole book as of one day. */
    public static JobSettings book(LocalDate asOf) {
        return new JobSettings(Clock.BOOK, ZoneId.of("UTC"), asOf, null, Playbook.EARNED_TRUST.id(), null, Detail.FULL);
    }

    /** These settings with another playbook and policy. */
    public JobSettings withPlaybook(String id, String policy) {
        return new JobSettings(clock, zone, asOf, until, id, policy, detail);
    }

    /** These settings with another detail. */
    public JobSettings withDetail(Detail other) {
        return new JobSettings(clock, zone, asOf, until, playbook, policyJson, other);
    }

    /** The engine these settings describe; bundled playbooks share their precompiled rules. */
    public ReferralReadinessEngine engine() {
        Playbook chosen = Playbook.byId(playbook);
        ReadinessPolicy policy = policyJson == null ? chosen.defaults() : PolicyJson.parse(policyJson, "policy", chosen.defaults());
        return ReferralRules.engine(chosen, policy);
    }
}
