package io.referralrules.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.referralrules.api.Detail;
import io.referralrules.api.EarliestAsk;
import io.referralrules.api.NextAction;
import io.referralrules.api.Obstacle;
import io.referralrules.api.PlaybookRef;
import io.referralrules.api.ProspectHint;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.Reason;
import io.referralrules.api.TrustBuilderResult;
import io.referralrules.api.Warning;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Writes assessments one after another onto a {@link Writer} with Jackson's streaming generator: no tree and no
 * {@code String} per assessment. Made for NDJSON output of whole books.
 *
 * <pre>{@code
 * try (AssessmentWriter lines = AssessmentWriter.lines(out, Detail.FULL)) {
 *     for (ReadinessAssessment a : answers) {
 *         lines.write(a);
 *         lines.writeRaw("\n");
 *     }
 * }
 * }</pre>
 *
 * At {@link Detail#FULL} each document is, byte for byte, what {@link ReferralJson#writeAssessmentLine} gives (the
 * assessment schema, {@code docs/schema/assessment.schema.json}). At {@link Detail#DECISION} it is the decision only
 * ({@code docs/schema/decision.schema.json}): {@code schemaVersion}, {@code customerId}, {@code asOf}, {@code playbook},
 * {@code stage}, {@code stageReason}, {@code trustEarned}, {@code trustBuilders}, {@code actions}, {@code warnings},
 * {@code revisitOn}, in that order and written as in the assessment; {@code whyNot}, {@code earliestAsk},
 * {@code reasons} and {@code firedRules} are left out. Absent optional values are left out, as everywhere in the
 * contract ({@code revisitOn} when nothing is time-bound).
 *
 * Not thread-safe. Closing writes out what is buffered and flushes the writer, but leaves it open.
 */
public final class AssessmentWriter implements Flushable, Closeable {
    private final JsonGenerator gen;
    private final Detail detail;

    private AssessmentWriter(JsonGenerator gen, Detail detail) {
        this.gen = gen;
        this.detail = Objects.requireNonNull(detail, "detail");
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // documents are separated by what the caller writes (a line end, a comma), never by the generator's space
        gen.setRootValueSeparator(null);
    }

    /** Writes compact documents (one line each, no line end of their own) onto {@code out}. */
    public static AssessmentWriter lines(Writer out, Detail detail) throws IOException {
        return on(ReferralJson.compactMapper(), out, detail);
    }

    /** Writes indented documents, as {@link ReferralJson#writeAssessment} does, onto {@code out}. */
    static AssessmentWriter indented(Writer out, Detail detail) throws IOException {
        return on(ReferralJson.mapper(), out, detail);
    }

    private static AssessmentWriter on(ObjectMapper mapper, Writer out, Detail detail) throws IOException {
        Objects.requireNonNull(out, "out");
        return new AssessmentWriter(mapper.createGenerator(out), detail);
    }

    /** The detail written. */
    public Detail detail() {
        return detail;
    }

    /** Writes one assessment as one JSON document, at this writer's detail; no line end. */
    public void write(ReadinessAssessment a) throws IOException {
        Objects.requireNonNull(a, "assessment");
        gen.writeStartObject();
        gen.writeNumberField("schemaVersion", ReferralJson.SCHEMA_VERSION);
        gen.writeStringField("customerId", a.customerId());
        date("asOf", a.asOf());
        playbook(a.playbook());
        gen.writeStringField("stage", a.stage().name());
        reason("stageReason", a.stageReason());
        gen.writeBooleanField("trustEarned", a.trustEarned());
        gen.writeArrayFieldStart("trustBuilders");
        for (TrustBuilderResult t : a.trustBuilders()) {
            trustBuilder(t);
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("actions");
        for (NextAction action : a.actions()) {
            action(action);
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("warnings");
        for (Warning w : a.warnings()) {
            warning(w);
        }
        gen.writeEndArray();
        if (detail == Detail.FULL) {
            gen.writeArrayFieldStart("whyNot");
            for (Obstacle o : a.whyNot()) {
                obstacle(o);
            }
            gen.writeEndArray();
            earliestAsk(a.earliestAsk());
            date("revisitOn", a.revisitOn());
            gen.writeArrayFieldStart("reasons");
            for (Reason r : a.reasons()) {
                reason(r);
            }
            gen.writeEndArray();
            strings("firedRules", a.firedRules());
        } else {
            date("revisitOn", a.revisitOn());
        }
        gen.writeEndObject();
    }

    /** Writes text as it is: a line end, an array's bracket or comma. */
    public void writeRaw(String text) throws IOException {
        gen.writeRaw(Objects.requireNonNull(text, "text"));
    }

    /** Writes out what is buffered and flushes the writer. */
    @Override
    public void flush() throws IOException {
        gen.flush();
    }

    /** Writes out what is buffered and flushes the writer; the writer stays open. */
    @Override
    public void close() throws IOException {
        gen.close();
    }

    private void playbook(PlaybookRef p) throws IOException {
        gen.writeObjectFieldStart("playbook");
        string("id", p.id());
        string("version", p.version());
        gen.writeEndObject();
    }

    private void trustBuilder(TrustBuilderResult t) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("builder", t.builder().name());
        gen.writeBooleanField("met", t.met());
        strings("evidence", t.evidence());
        reason("reason", t.reason());
        gen.writeEndObject();
    }

    private void action(NextAction a) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("type", a.type().name());
        date("dueDate", a.dueDate());
        gen.writeNumberField("overdueDays", a.overdueDays());
        string("subjectId", a.subjectId());
        reason("reason", a.reason());
        string("talkTrack", a.talkTrack());
        if (a.prospectHints() != null) {
            gen.writeArrayFieldStart("prospectHints");
            for (ProspectHint h : a.prospectHints()) {
                gen.writeStartObject();
                gen.writeStringField("circle", h.circle().name());
                string("detail", h.detail());
                strings("evidence", h.evidence());
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
    }

    private void warning(Warning w) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("type", w.type().name());
        date("date", w.date());
        string("subjectId", w.subjectId());
        reason("reason", w.reason());
        gen.writeEndObject();
    }

    private void obstacle(Obstacle o) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("kind", o.kind().name());
        string("subject", o.subject());
        string("measured", o.measured());
        string("needed", o.needed());
        string("remedy", o.remedy());
        date("clearsOn", o.clearsOn());
        reason("reason", o.reason());
        gen.writeEndObject();
    }

    private void earliestAsk(EarliestAsk e) throws IOException {
        if (e == null) {
            return;
        }
        gen.writeObjectFieldStart("earliestAsk");
        date("date", e.date());
        string("explanation", e.explanation());
        gen.writeEndObject();
    }

    private void reason(String field, Reason r) throws IOException {
        if (r != null) {
            gen.writeFieldName(field);
            reason(r);
        }
    }

    private void reason(Reason r) throws IOException {
        gen.writeStartObject();
        string("rule", r.rule());
        string("file", r.file());
        string("message", r.message());
        strings("evidence", r.evidence());
        gen.writeEndObject();
    }

    /** A field left out when the value is absent, as the contract's mapper does. */
    private void string(String field, String value) throws IOException {
        if (value != null) {
            gen.writeStringField(field, value);
        }
    }

    private void date(String field, LocalDate value) throws IOException {
        if (value != null) {
            gen.writeStringField(field, DateTimeFormatter.ISO_LOCAL_DATE.format(value));
        }
    }

    private void strings(String field, List<String> values) throws IOException {
        if (values == null) {
            return;
        }
        gen.writeArrayFieldStart(field);
        for (String v : values) {
            gen.writeString(v);
        }
        gen.writeEndArray();
    }
}
