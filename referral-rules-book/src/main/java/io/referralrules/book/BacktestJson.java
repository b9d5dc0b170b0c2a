package io.referralrules.book;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.referralrules.book.BacktestReport.HeldBack;
import io.referralrules.book.BacktestReport.Outcomes;
import io.referralrules.book.BacktestReport.Side;

import java.util.Objects;

/**
 * A {@link BacktestReport} as a JSON document. Its {@code schemaVersion} ({@value #SCHEMA_VERSION}) changes when a
 * field changes meaning or goes; fields may be added within a version.
 *
 * <p>The document: {@code schemaVersion}, {@code outcomeDays}, {@code referredSaleDays}, {@code customers},
 * {@code failed}, {@code failures} (each {@code customerId}, {@code location}, {@code problem}), {@code asks},
 * {@code introductionsWithoutAsk}, {@code introductionsAfterWindow}, {@code first} (a side), and with a comparison
 * {@code second} (a side) and {@code better} ({@code FIRST}, {@code SECOND}, {@code EVEN} or {@code UNDECIDED}). A side:
 * {@code playbook} ({@code id}, {@code version}), {@code policy} (every threshold), {@code all}, {@code stages} (each
 * with its {@code stage}), {@code noWarning}, {@code warnings} (each with its {@code warning}), {@code trustBuilders}
 * (each {@code builder}, {@code met}, {@code notMet}, {@code lift}), {@code signals} (each {@code signal},
 * {@code with}, {@code without}, {@code lift}) and {@code heldBack} ({@code allowed}, {@code heldBack},
 * {@code shareHeldBack}, {@code separation}, {@code introductionsHeldBack}). A group's outcomes: {@code asks},
 * {@code introductions}, {@code confirmed}, {@code referredSales}, {@code rate}, {@code low}, {@code high} (the 95%
 * Wilson interval). A figure that cannot be worked out (a rate of no asks, a lift with an empty group) is
 * {@code null}.
 */
public final class BacktestJson {
    /** The version of this document's shape. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private BacktestJson() {
    }

    /**
     * The document, ending with a line break.
     *
     * @throws NullPointerException if {@code report} is {@code null}
     */
    public static String write(BacktestReport report) {
        Objects.requireNonNull(report, "report");
        ObjectNode out = MAPPER.createObjectNode();
        out.put("schemaVersion", SCHEMA_VERSION);
        out.put("outcomeDays", report.outcomeDays());
        out.put("referredSaleDays", report.referredSaleDays());
        out.put("customers", report.customers());
        out.put("failed", report.failed());
        ArrayNode failures = out.putArray("failures");
        for (BacktestReport.Failure f : report.failures()) {
            ObjectNode node = failures.addObject();
            node.put("customerId", f.customerId());
            node.put("location", f.location());
            node.put("problem", f.problem());
        }
        out.put("asks", report.asks());
        out.put("introductionsWithoutAsk", report.introductionsWithoutAsk());
        out.put("introductionsAfterWindow", report.introductionsAfterWindow());
        out.set("first", side(report.first()));
        if (report.second() != null) {
            out.set("second", side(report.second()));
            out.put("better", report.better().name());
        }
        try {
            return MAPPER.writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the backtest", e);
        }
    }

    private static ObjectNode side(Side side) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode playbook = node.putObject("playbook");
        playbook.put("id", side.playbook().id());
        playbook.put("version", side.playbook().version());
        node.set("policy", MAPPER.valueToTree(side.policy()));
        node.set("all", outcomes(side.all()));
        ArrayNode stages = node.putArray("stages");
        side.stages().forEach(s -> stages.addObject().put("stage", s.stage().name()).setAll(outcomes(s.outcomes())));
        node.set("noWarning", outcomes(side.noWarning()));
        ArrayNode warnings = node.putArray("warnings");
        side.warnings().forEach(w -> warnings.addObject().put("warning", w.warning().name()).setAll(outcomes(w.outcomes())));
        ArrayNode builders = node.putArray("trustBuilders");
        for (BacktestReport.TrustBuilderLift b : side.trustBuilders()) {
            ObjectNode row = builders.addObject();
            row.put("builder", b.builder().name());
            row.set("met", outcomes(b.met()));
            row.set("notMet", outcomes(b.notMet()));
            row.put("lift", b.lift());
        }
        ArrayNode signals = node.putArray("signals");
        for (BacktestReport.SignalLift s : side.signals()) {
            ObjectNode row = signals.addObject();
            row.put("signal", s.signal().name());
            row.set("with", outcomes(s.with()));
            row.set("without", outcomes(s.without()));
            row.put("lift", s.lift());
        }
        HeldBack h = side.heldBack();
        ObjectNode held = node.putObject("heldBack");
        held.set("allowed", outcomes(h.allowed()));
        held.set("heldBack", outcomes(h.heldBack()));
        held.put("shareHeldBack", h.shareHeldBack());
        held.put("separation", h.separation());
        held.put("introductionsHeldBack", h.introductionsHeldBack());
        return node;
    }

    private static ObjectNode outcomes(Outcomes o) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("asks", o.asks());
        node.put("introductions", o.introductions());
        node.put("confirmed", o.confirmed());
        node.put("referredSales", o.referredSales());
        node.put("rate", o.rate());
        Wilson.Interval i = o.interval();
        node.put("low", i == null ? null : i.low());
        node.put("high", i == null ? null : i.high());
        return node;
    }
}
