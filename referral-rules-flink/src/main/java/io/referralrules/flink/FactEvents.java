package io.referralrules.flink;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.Fact;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferredSale;
import io.referralrules.json.ReferralJson;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes fact events as JSON ({@code docs/schema/fact-event.schema.json}), one document a line.
 *
 * <pre>{@code
 * {"schemaVersion":1,"type":"FACT_ADDED","customerId":"C-1","occurredAt":"2026-06-15T09:30:00Z",
 *  "kind":"sales","fact":{"id":"S-1","date":"2026-06-11","amount":7400,"problemSolved":"missed reminders"}}
 * }</pre>
 *
 * Reading is as strict as the JSON contract's ({@link ReferralJson}), and the customer and the fact are read by it:
 * exact types, exact enum names and dates, no unknown fields, no key given twice, {@code "schemaVersion": 1}. Every
 * failure is an {@link InvalidInputException} naming the source and the JSON path ({@code $.fact.date},
 * {@code $.customer.ownerId}); messages quote ids, dates, enum names and numbers, never free text.
 */
public final class FactEvents {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:-]{0,63}");
    private static final Map<FactEvent.Type, Set<String>> FIELDS = Map.of(
            FactEvent.Type.CUSTOMER_UPSERTED, Set.of("schemaVersion", "type", "customerId", "occurredAt", "customer"),
            FactEvent.Type.FACT_ADDED, Set.of("schemaVersion", "type", "customerId", "occurredAt", "kind", "fact"),
            FactEvent.Type.FACT_CORRECTED, Set.of("schemaVersion", "type", "customerId", "occurredAt", "kind", "fact"),
            FactEvent.Type.FACT_REMOVED, Set.of("schemaVersion", "type", "customerId", "occurredAt", "kind", "factId"));
    private static final LocalDate STUB_DAY = LocalDate.of(1900, 1, 1);

    private FactEvents() {
    }

    /**
     * Reads one fact event.
     *
     * @param json   the document
     * @param source what to call it in messages, e.g. {@code events.ndjson:17}
     * @throws InvalidInputException if it is not a valid fact event
     */
    public static FactEvent read(String json, String source) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(source, "source");
        JsonNode root = tree(json, source);
        if (!root.isObject()) {
            throw invalid(source, "$", "must be an object (a fact event), was " + kindOf(root));
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null) {
            throw invalid(source, "$.schemaVersion", "is missing; this reader understands " + ReferralJson.SCHEMA_VERSION);
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() != ReferralJson.SCHEMA_VERSION) {
            throw invalid(source, "$.schemaVersion", "must be " + ReferralJson.SCHEMA_VERSION
                    + " (the version this reader understands), was " + shown(version));
        }
        FactEvent.Type type = type(root.get("type"), source);
        int position = 0;
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); position++) {
            String name = names.next();
            if (!FIELDS.get(type).contains(name)) {
                throw invalid(source, "$." + key(name, position), "is not a field of a " + type + " event (fields: "
                        + String.join(", ", FIELDS.get(type).stream().sorted().toList()) + ")");
            }
        }
        String customerId = text(root, "customerId", source);
        if (customerId.isBlank()) {
            throw invalid(source, "$.customerId", "must not be blank");
        }
        Instant occurredAt = instant(root, source);
        if (type == FactEvent.Type.CUSTOMER_UPSERTED) {
            Customer customer = customer(root.get("customer"), source);
            if (!customer.id().equals(customerId)) {
                throw invalid(source, "$.customer.id", "must be the event's customerId " + FactKinds.shown(customerId)
                        + ", was " + FactKinds.shown(customer.id()));
            }
            return FactEvent.upserted(customer, occurredAt);
        }
        String kind = text(root, "kind", source);
        if (!FactKinds.ALL.contains(kind)) {
            throw invalid(source, "$.kind", "must be one of " + String.join(", ", FactKinds.ALL) + ", was "
                    + (WORD.matcher(kind).matches() ? "\"" + kind + "\"" : "another text"));
        }
        if (type == FactEvent.Type.FACT_REMOVED) {
            String factId = text(root, "factId", source);
            if (factId.isBlank()) {
                throw invalid(source, "$.factId", "must not be blank");
            }
            return FactEvent.removed(customerId, kind, factId, occurredAt);
        }
        Fact fact = fact(customerId, kind, root.get("fact"), source);
        return type == FactEvent.Type.FACT_ADDED ? FactEvent.added(customerId, fact, occurredAt)
                : FactEvent.corrected(customerId, fact, occurredAt);
    }

    /**
     * The customer id a line shows, without reading the rest strictly: {@code customerId} of an event or of one of the
     * job's answers, {@code customer.id} of a snapshot. Empty when the line is not JSON or shows none. The Kafka sink
     * keys answers by it; the job itself routes its input with a streaming parser ({@code ToInput}).
     */
    public static java.util.Optional<String> customerIdOf(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            JsonNode id = root.has("customerId") ? root.get("customerId") : root.path("customer").path("id");
            return id.isTextual() && !id.asText().isBlank() ? java.util.Optional.of(id.asText()) : java.util.Optional.empty();
        } catch (JsonProcessingException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The event as a document on one line (no line end), fields in schema order. */
    public static String write(FactEvent event) {
        Objects.requireNonNull(event, "event");
        ObjectNode out = MAPPER.createObjectNode();
        out.put("schemaVersion", ReferralJson.SCHEMA_VERSION);
        out.put("type", event.type().name());
        out.put("customerId", event.customerId());
        out.put("occurredAt", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        try {
            if (event.type() == FactEvent.Type.CUSTOMER_UPSERTED) {
                JsonNode snapshot = MAPPER.readTree(ReferralJson.writeBookEntry(CustomerSnapshot.builder(event.customer()).build()));
                out.set("customer", snapshot.get("customer"));
            } else {
                out.put("kind", event.kind());
                if (event.type() == FactEvent.Type.FACT_REMOVED) {
                    out.put("factId", event.factId());
                } else {
                    CustomerSnapshot.Builder wrapper = CustomerSnapshot.builder(stubCustomer(event.customerId()));
                    stubsFor(event.fact()).forEach(wrapper::add);
                    JsonNode snapshot = MAPPER.readTree(ReferralJson.writeBookEntry(wrapper.add(event.fact()).build()));
                    JsonNode list = snapshot.get(event.kind());
                    out.set("fact", list.get(list.size() - 1));
                }
            }
            return MAPPER.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + event.type() + " event", e);
        }
    }

    private static JsonNode tree(String json, String source) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw invalid(source, "$", "is empty (no JSON document)");
            }
            return root;
        } catch (StreamReadException e) {
            var where = e.getLocation();
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "a key given twice" : "a syntax error";
            throw invalid(source, "$", "is not valid JSON at line " + (where == null ? 0 : where.getLineNr()) + ", column "
                    + (where == null ? 0 : where.getColumnNr()) + ": " + what);
        } catch (JsonProcessingException e) {
            throw invalid(source, "$", "is not valid JSON (text after the document)");
        }
    }

    private static FactEvent.Type type(JsonNode node, String source) {
        if (node == null) {
            throw invalid(source, "$.type", "is missing");
        }
        if (!node.isTextual()) {
            throw invalid(source, "$.type", "must be a string, was " + kindOf(node));
        }
        for (FactEvent.Type t : FactEvent.Type.values()) {
            if (t.name().equals(node.asText())) {
                return t;
            }
        }
        throw invalid(source, "$.type", "must be one of " + List.of(FactEvent.Type.values()).toString().replaceAll("[\\[\\]]", "")
                + ", was " + (WORD.matcher(node.asText()).matches() ? "\"" + node.asText() + "\"" : "another text"));
    }

    private static String text(JsonNode root, String field, String source) {
        JsonNode node = root.get(field);
        if (node == null) {
            throw invalid(source, "$." + field, "is missing");
        }
        if (!node.isTextual()) {
            throw invalid(source, "$." + field, "must be a string, was " + kindOf(node));
        }
        return node.asText();
    }

    private static Instant instant(JsonNode root, String source) {
        String text = text(root, "occurredAt", source);
        try {
            OffsetDateTime at = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            int year = at.withOffsetSameInstant(ZoneOffset.UTC).getYear();
            if (year < 1900 || year > 2999) {
                throw invalid(source, "$.occurredAt", "must lie in the years 1900-2999, was " + text);
            }
            return at.toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(source, "$.occurredAt", "must be a date and time with its offset (e.g. 2026-06-15T09:30:00Z), was "
                    + (text.length() <= 40 && WORD.matcher(text.replace("+", "")).matches() ? "\"" + text + "\"" : "another text"));
        }
    }

    private static Customer customer(JsonNode node, String source) {
        if (node == null) {
            throw invalid(source, "$.customer", "is missing");
        }
        if (!node.isObject()) {
            throw invalid(source, "$.customer", "must be an object, was " + kindOf(node));
        }
        ObjectNode wrapper = MAPPER.createObjectNode();
        wrapper.set("customer", node);
        return ReferralJson.readBookEntry(wrapper.toString(), source).customer();
    }

    private static Fact fact(String customerId, String kind, JsonNode node, String source) {
        if (node == null) {
            throw invalid(source, "$.fact", "is missing");
        }
        if (!node.isObject()) {
            throw invalid(source, "$.fact", "must be an object, was " + kindOf(node));
        }
        ObjectNode wrapper = MAPPER.createObjectNode();
        ObjectNode customer = wrapper.putObject("customer");
        customer.put("id", customerId).put("type", CustomerType.BUSINESS.name()).put("ownerId", "stub");
        // the references a fact makes are checked against the customer's snapshot when the event is applied
        String ref = kind.equals("introductions") ? "askId" : kind.equals("followUps") || kind.equals("referredSales") ? "introductionId" : null;
        if (ref != null && node.get(ref) != null && node.get(ref).isTextual() && !node.get(ref).asText().isBlank()) {
            if (ref.equals("askId")) {
                wrapper.putArray("asks").addObject().put("id", node.get(ref).asText()).put("date", STUB_DAY.toString())
                        .put("type", AskType.INTRODUCTION.name());
            } else {
                wrapper.putArray("introductions").addObject().put("id", node.get(ref).asText())
                        .put("date", STUB_DAY.toString()).put("prospectId", "stub").put("channel", IntroductionChannel.CALL.name());
            }
        }
        wrapper.putArray(kind).add(node);
        try {
            CustomerSnapshot read = ReferralJson.readBookEntry(wrapper.toString(), source);
            List<Fact> facts = new ArrayList<>(read.facts().filter(f -> FactKinds.kindOf(f).equals(kind)).toList());
            return facts.get(facts.size() - 1);
        } catch (InvalidInputException e) {
            String path = e.path();
            String at = "$." + kind + "[0]";
            String mapped = path.startsWith(at) ? "$.fact" + path.substring(at.length())
                    : path.startsWith("$.asks") || path.startsWith("$.introductions") ? "$.fact." + ref
                    : path.startsWith("$." + kind) ? "$.fact" : path;
            throw invalid(source, mapped, e.problem());
        }
    }

    private static Customer stubCustomer(String customerId) {
        return new Customer(customerId, CustomerType.BUSINESS, "stub", null);
    }

    private static List<Fact> stubsFor(Fact fact) {
        if (fact instanceof Introduction i && i.askId() != null) {
            return List.of(new ReferralAsk(i.askId(), STUB_DAY, AskType.INTRODUCTION));
        }
        String intro = fact instanceof FollowUp f ? f.introductionId() : fact instanceof ReferredSale s ? s.introductionId() : null;
        if (intro != null) {
            return List.of(new Introduction(intro, STUB_DAY, null, "stub", IntroductionChannel.CALL, null, null));
        }
        return List.of();
    }

    private static String key(String name, int position) {
        return WORD.matcher(name).matches() ? name : "<key " + position + ">";
    }

    private static String kindOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "something else";
        };
    }

    private static String shown(JsonNode node) {
        return node.isNumber() ? node.asText().length() <= 40 ? node.asText() : "a long number" : kindOf(node);
    }

    private static InvalidInputException invalid(String source, String path, String problem) {
        return new InvalidInputException(source + ": " + path + " " + problem, path, problem);
    }
}
