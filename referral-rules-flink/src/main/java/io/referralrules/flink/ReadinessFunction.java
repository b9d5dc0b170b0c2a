package io.referralrules.flink;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.Detail;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.Limits;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.json.ReferralJson;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps each customer's snapshot in keyed state, assesses it on every event and emits the answer (one JSON line of
 * the JSON contract) only when it changed; registers a timer at the start of the answer's revisit day in the
 * business zone, so a follow-up falling due emits a new answer with no new event. With {@link JobSettings.Clock#BOOK}
 * it emits one answer per customer as of the settings' day when its input ends (BATCH mode's end of a key), deciding
 * {@value #BOOK_BATCH} customers at a time; run it in a {@link ReadinessOperator}, which decides the last ones when
 * the input ends.
 *
 * <p>One engine per parallel instance, built in {@link #open}; engines of a bundled playbook share one precompiled
 * rule base. Lines that cannot be read, events that do not fit the customer's snapshot, and events whose time falls on
 * a day the engine does not assess on (event time) go to {@link #REJECTED} as a JSON line naming the customer, the
 * source and the problem (never the line's free text); the customer's state is left as it was.
 *
 * <p>A live revisit timer that fires late (the job was stopped over midnight, or restored from a savepoint days later)
 * assesses as of today, not as of the day it was set for: no answer for a day already past is emitted.
 *
 * <p>{@link JobSettings.Clock#BOOK} is for BATCH mode: a customer waiting for its batch is held in memory, not in
 * keyed state, so a streaming job with checkpoints could lose it on a restart.
 */
public final class ReadinessFunction extends KeyedProcessFunction<String, Input, String> {
    private static final long serialVersionUID = 1L;
    /** Lines and events rejected, one JSON line each: {@code {"customerId":…,"problem":…}}. */
    public static final OutputTag<String> REJECTED = new OutputTag<>("rejected", Types.STRING);

    private final JobSettings settings;
    private transient ReferralReadinessEngine engine;
    private transient ValueState<CustomerState> state;
    /** A book run's customers whose input has ended, waiting to be decided together. */
    private transient List<CustomerSnapshot> pending;
    /** How many customers a book run decides in one {@code assessAll}, as {@code BookAssessor}'s chunks. */
    static final int BOOK_BATCH = 256;

    /** A function assessing as the settings say. */
    public ReadinessFunction(JobSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void open(OpenContext context) {
        pending = new ArrayList<>();
        engine = settings.engine();
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("customer", CustomerStateSerializer.INSTANCE));
    }

    @Override
    public void processElement(Input in, Context ctx, Collector<String> out) throws Exception {
        CustomerState held = state.value();
        CustomerState current = held == null ? CustomerState.EMPTY : held;
        CustomerSnapshot next;
        try {
            next = in.snapshot() ? ReferralJson.readBookEntry(in.json(), in.source())
                    : FactEvents.read(in.json(), in.source()).applyTo(current.snapshot());
        } catch (InvalidInputException e) {
            ctx.output(REJECTED, Rejections.line(in.customerId(), e.getMessage()));
            return;
        }
        if (settings.clock() == JobSettings.Clock.BOOK) {
            current = current.withSnapshot(next);
            if (current.timer() == CustomerState.NO_TIMER) {
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
                current = new CustomerState(next, null, Long.MAX_VALUE, null);
            }
            state.update(current);
            return;
        }
        LocalDate day;
        if (settings.clock() == JobSettings.Clock.PROCESSING_TIME) {
            day = day(ctx.timerService().currentProcessingTime());
        } else {
            String problem = eventDayProblem(in);
            if (problem != null) {
                ctx.output(REJECTED, Rejections.line(in.customerId(), in.source() + ": $.occurredAt " + problem));
                return;
            }
            day = day(in.timestamp());
        }
        state.update(assess(current.withSnapshot(next), day, ctx, out));
    }

    /**
     * Why an event's time cannot be its assessment day in event time, or {@code null} when it can: the engine assesses
     * on the days of {@link Limits} only, and the day is taken in the business zone (an event of 1900-01-01T00:00Z
     * falls on 1899-12-31 west of Greenwich). Assessing on such a day would fail the job on every restart.
     */
    private String eventDayProblem(Input in) {
        if (in.snapshot() || in.timestamp() == Long.MIN_VALUE) {
            return "is missing: event time needs fact events with their time, not snapshots";
        }
        LocalDate day = day(in.timestamp());
        if (day.isBefore(Limits.EARLIEST_DATE) || day.isAfter(Limits.LATEST_DATE)) {
            return "falls on " + day + " in " + settings.zone() + ", outside the days the engine assesses on ("
                    + Limits.EARLIEST_DATE + " to " + Limits.LATEST_DATE + ")";
        }
        return null;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
        CustomerState current = state.value();
        if (current == null || current.snapshot() == null || current.timer() != timestamp) {
            return;
        }
        if (settings.clock() == JobSettings.Clock.BOOK) {
            // decided with others, as BookAssessor does: assessAll's batches take about half the time per customer
            pending.add(current.snapshot());
            state.clear();
            if (pending.size() >= BOOK_BATCH) {
                flush(out);
            }
            return;
        }
        CustomerState fired = new CustomerState(current.snapshot(), current.digest(), CustomerState.NO_TIMER, current.lastAsOf());
        // a processing-time timer fires late after a stop or a restore: today, not the day it was set for
        long now = settings.clock() == JobSettings.Clock.PROCESSING_TIME
                ? Math.max(timestamp, ctx.timerService().currentProcessingTime()) : timestamp;
        state.update(assess(fired, day(now), ctx, out));
    }

    /**
     * Decides and emits the book run's customers still waiting for a batch; {@link ReadinessOperator} calls it when
     * the input ends. Nothing to do with the other clocks.
     */
    void flush(Collector<String> out) {
        if (pending == null || pending.isEmpty()) {
            return;
        }
        for (ReadinessAssessment answer : engine.assessAll(pending, settings.asOf(), settings.detail())) {
            out.collect(line(answer));
        }
        pending.clear();
    }

    private CustomerState assess(CustomerState current, LocalDate day, Context ctx, Collector<String> out) {
        LocalDate asOf = current.lastAsOf() != null && current.lastAsOf().isAfter(day) ? current.lastAsOf() : day;
        ReadinessAssessment answer = engine.assess(current.snapshot(), asOf, settings.detail());
        String digest = answer.answer().digest();
        if (!digest.equals(current.digest())) {
            out.collect(line(answer));
        }
        long timer = timerFor(answer.revisitOn());
        if (timer != current.timer()) {
            if (current.timer() != CustomerState.NO_TIMER) {
                delete(ctx, current.timer());
            }
            if (timer != CustomerState.NO_TIMER) {
                register(ctx, timer);
            }
        }
        return new CustomerState(current.snapshot(), digest, timer, asOf);
    }

    private long timerFor(LocalDate revisitOn) {
        if (revisitOn == null || settings.until() != null && revisitOn.isAfter(settings.until())) {
            return CustomerState.NO_TIMER;
        }
        return revisitOn.atStartOfDay(settings.zone()).toInstant().toEpochMilli();
    }

    private void register(Context ctx, long timer) {
        if (settings.clock() == JobSettings.Clock.PROCESSING_TIME) {
            ctx.timerService().registerProcessingTimeTimer(timer);
        } else {
            ctx.timerService().registerEventTimeTimer(timer);
        }
    }

    private void delete(Context ctx, long timer) {
        if (settings.clock() == JobSettings.Clock.PROCESSING_TIME) {
            ctx.timerService().deleteProcessingTimeTimer(timer);
        } else {
            ctx.timerService().deleteEventTimeTimer(timer);
        }
    }

    private LocalDate day(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), settings.zone());
    }

    private String line(ReadinessAssessment answer) {
        return settings.detail() == Detail.DECISION ? ReferralJson.writeDecisionLine(answer)
                : ReferralJson.writeAssessmentLine(answer);
    }
}
