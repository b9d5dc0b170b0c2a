package io.referralrules.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.FollowUpType;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.Sale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fact events as JSON: the documented examples and generated events read, write back and match the schema; every
 * invalid shape is rejected naming its JSON path, without repeating free text. */
class FactEventsTest {
    private static final Path SCHEMAS = Path.of("../docs/schema");
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final Schema SCHEMA = schema();
    private static final String SECRET = "jane.doe@example.com";
    private static final Instant AT = Instant.parse("2026-06-15T09:30:00Z");

    private static Schema schema() {
        try {
            String snapshot = Files.readString(SCHEMAS.resolve("snapshot.schema.json"));
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemas(Map.of("https://referralrules.io/schema/snapshot-1.schema.json", snapshot)));
            return registry.getSchema(Files.readString(SCHEMAS.resolve("fact-event.schema.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> violations(String json) throws IOException {
        return SCHEMA.validate(PLAIN.readTree(json)).stream().map(Error::toString).toList();
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS.resolve("examples"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("fact-event-")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyDocumentedExampleMatchesTheSchemaReadsAndWritesBackTheSame(Path example) throws IOException {
        String json = Files.readString(example);
        assertThat(violations(json)).isEmpty();
        FactEvent event = FactEvents.read(json, example.getFileName().toString());
        String written = FactEvents.write(event);
        assertThat(violations(written)).isEmpty();
        assertThat(FactEvents.read(written, "written")).isEqualTo(event);
        // written as read, the time in UTC (an example may give another offset)
        var expected = (com.fasterxml.jackson.databind.node.ObjectNode) PLAIN.readTree(json);
        expected.put("occurredAt", event.occurredAt().toString());
        assertThat(PLAIN.readTree(written)).isEqualTo(expected);
    }

    @Test
    void theExamplesShowEveryTypeOfEvent() throws IOException {
        List<FactEvent.Type> types = examples().map(p -> {
            try {
                return FactEvents.read(Files.readString(p), p.toString()).type();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).distinct().sorted().toList();
        assertThat(types).containsExactly(FactEvent.Type.values());
    }

    @Test
    void generatedHistoriesMatchTheSchemaAndReadBackTheSame() throws IOException {
        long seed = Clusters.seed(3);
        for (String line : GeneratedEvents.of(seed, LocalDate.of(2026, 6, 15), 60)) {
            assertThat(violations(line)).as("seed %d: %s", seed, line).isEmpty();
            assertThat(FactEvents.write(FactEvents.read(line, "generated"))).as("seed %d", seed).isEqualTo(line);
        }
    }

    static Stream<Arguments> invalid() {
        String added = "{\"schemaVersion\":1,\"type\":\"FACT_ADDED\",\"customerId\":\"C-1\",\"occurredAt\":\"2026-06-15T09:30:00Z\",\"kind\":\"sales\",";
        String sale = "\"fact\":{\"id\":\"S-1\",\"date\":\"2026-06-11\",\"amount\":7400,\"problemSolved\":\"" + SECRET + "\"}}";
        String upsert = "{\"schemaVersion\":1,\"type\":\"CUSTOMER_UPSERTED\",\"customerId\":\"C-1\",\"occurredAt\":\"2026-06-15T09:30:00Z\",";
        return Stream.of(
                Arguments.of("not JSON", "{\"schemaVersion\":1, " + SECRET + "}", "$"),
                Arguments.of("a key given twice", added + "\"kind\":\"sales\"," + sale, "$"),
                Arguments.of("not an object", "[\"" + SECRET + "\"]", "$"),
                Arguments.of("text after the document", added + sale + " {}", "$"),
                Arguments.of("schemaVersion missing", added.replace("\"schemaVersion\":1,", "") + sale, "$.schemaVersion"),
                Arguments.of("schemaVersion 2", added.replace("\"schemaVersion\":1", "\"schemaVersion\":2") + sale, "$.schemaVersion"),
                Arguments.of("schemaVersion as text", added.replace("\"schemaVersion\":1", "\"schemaVersion\":\"1\"") + sale, "$.schemaVersion"),
                Arguments.of("schemaVersion wrapping to 1", added.replace("\"schemaVersion\":1", "\"schemaVersion\":4294967297") + sale, "$.schemaVersion"),
                Arguments.of("type missing", added.replace("\"type\":\"FACT_ADDED\",", "") + sale, "$.type"),
                Arguments.of("type in lower case", added.replace("FACT_ADDED", "fact_added") + sale, "$.type"),
                Arguments.of("type free text", added.replace("FACT_ADDED", SECRET) + sale, "$.type"),
                Arguments.of("a field of another type of event", added + "\"factId\":\"S-1\"," + sale, "$.factId"),
                Arguments.of("an unknown field", added + "\"note\":\"" + SECRET + "\"," + sale, "$.note"),
                Arguments.of("customerId missing", added.replace("\"customerId\":\"C-1\",", "") + sale, "$.customerId"),
                Arguments.of("customerId a number", added.replace("\"C-1\"", "42") + sale, "$.customerId"),
                Arguments.of("customerId blank", added.replace("\"C-1\"", "\" \"") + sale, "$.customerId"),
                Arguments.of("occurredAt without offset", added.replace("09:30:00Z", "09:30:00") + sale, "$.occurredAt"),
                Arguments.of("occurredAt a day", added.replace("2026-06-15T09:30:00Z", "2026-06-15") + sale, "$.occurredAt"),
                Arguments.of("occurredAt free text", added.replace("2026-06-15T09:30:00Z", SECRET) + sale, "$.occurredAt"),
                Arguments.of("occurredAt in year 3000", added.replace("2026-06-15T09", "3000-06-15T09") + sale, "$.occurredAt"),
                Arguments.of("kind unknown", added.replace("\"sales\"", "\"sale\"") + sale, "$.kind"),
                Arguments.of("kind free text", added.replace("\"sales\"", "\"" + SECRET + "\"") + sale, "$.kind"),
                Arguments.of("fact missing", added.substring(0, added.length() - 1) + "}", "$.fact"),
                Arguments.of("fact not an object", added + "\"fact\":\"" + SECRET + "\"}", "$.fact"),
                Arguments.of("fact date not a day", added + sale.replace("2026-06-11", "2026-13-01"), "$.fact.date"),
                Arguments.of("fact amount as text", added + sale.replace("7400", "\"7400\""), "$.fact.amount"),
                Arguments.of("fact with an unknown field", added + sale.replace("\"id\":\"S-1\"", "\"id\":\"S-1\",\"color\":\"red\""), "$.fact.color"),
                Arguments.of("fact id missing", added + sale.replace("\"id\":\"S-1\",", ""), "$.fact.id"),
                Arguments.of("fact of another kind", added.replace("\"sales\"", "\"asks\"") + sale, "$.fact.amount"),
                Arguments.of("a follow-up's introductionId a number", added.replace("\"sales\"", "\"followUps\"")
                        + "\"fact\":{\"id\":\"F-1\",\"date\":\"2026-06-11\",\"introductionId\":7,\"type\":\"THANK_REFERRER\"}}", "$.fact.introductionId"),
                Arguments.of("factId missing from a removal", added.replace("FACT_ADDED", "FACT_REMOVED").replace(",\"kind\":\"sales\",", ",\"kind\":\"sales\"}"), "$.factId"),
                Arguments.of("customer missing from an upsert", upsert.substring(0, upsert.length() - 1) + "}", "$.customer"),
                Arguments.of("customer of another id", upsert + "\"customer\":{\"id\":\"C-2\",\"type\":\"BUSINESS\",\"ownerId\":\"r\"}}", "$.customer.id"),
                Arguments.of("customer without an owner", upsert + "\"customer\":{\"id\":\"C-1\",\"type\":\"BUSINESS\",\"displayName\":\"" + SECRET + "\"}}", "$.customer.ownerId"),
                Arguments.of("customer's name a number", upsert + "\"customer\":{\"id\":\"C-1\",\"type\":\"BUSINESS\",\"ownerId\":\"r\",\"displayName\":5}}", "$.customer.displayName"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void everyInvalidShapeIsRejectedNamingItsPathWithoutFreeText(String name, String json, String path) throws IOException {
        assertThatThrownBy(() -> FactEvents.read(json, "events.ndjson:7"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.getMessage()).startsWith("events.ndjson:7: " + path + " ").doesNotContain(SECRET, "jane");
                });
    }

    @Test
    void applyingEventsBuildsTheSnapshotAndRejectsWhatDoesNotFitNamingTheFact() {
        Customer acme = new Customer("C-1", CustomerType.BUSINESS, "rep-1", SECRET);
        Sale sale = new Sale("S-1", LocalDate.of(2026, 6, 1), new BigDecimal("10"), SECRET);
        ReferralAsk ask = new ReferralAsk("A-1", LocalDate.of(2026, 6, 2), AskType.INTRODUCTION);
        Introduction intro = new Introduction("I-1", LocalDate.of(2026, 6, 3), "A-1", "P-1", IntroductionChannel.CALL, null, null);
        FollowUp thanks = new FollowUp("F-1", LocalDate.of(2026, 6, 4), "I-1", FollowUpType.THANK_REFERRER);

        CustomerSnapshot s = FactEvent.upserted(acme, AT).applyTo(null);
        for (FactEvent e : List.of(FactEvent.added("C-1", sale, AT), FactEvent.added("C-1", ask, AT),
                FactEvent.added("C-1", intro, AT), FactEvent.added("C-1", thanks, AT))) {
            s = e.applyTo(s);
        }
        assertThat(s).isEqualTo(CustomerSnapshot.builder(acme).add(sale).add(ask).add(intro).add(thanks).build());

        Sale corrected = new Sale("S-1", LocalDate.of(2026, 6, 1), new BigDecimal("12.50"), null);
        CustomerSnapshot after = FactEvent.corrected("C-1", corrected, AT).applyTo(s);
        assertThat(after.sales()).containsExactly(corrected);
        Customer moved = new Customer("C-1", CustomerType.BUSINESS, "rep-2", null);
        assertThat(FactEvent.upserted(moved, AT).applyTo(after).facts().toList()).isEqualTo(after.facts().toList());
        assertThat(FactEvent.removed("C-1", "sales", "S-1", AT).applyTo(after).sales()).isEmpty();

        CustomerSnapshot held = s;
        assertThatThrownBy(() -> FactEvent.added("C-1", sale, AT).applyTo(null)).hasMessageContaining("before the customer was upserted");
        assertThatThrownBy(() -> FactEvent.added("C-1", sale, AT).applyTo(held)).hasMessageContaining("$.factId is already held")
                .hasMessageContaining("sales S-1").hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> FactEvent.corrected("C-1", new Sale("S-9", LocalDate.of(2026, 6, 1), BigDecimal.ONE, SECRET), AT)
                .applyTo(held)).hasMessageContaining("is not held").hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> FactEvent.removed("C-1", "asks", "A-9", AT).applyTo(held)).hasMessageContaining("is not held");
        assertThatThrownBy(() -> FactEvent.removed("C-1", "introductions", "I-1", AT).applyTo(held))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("followUps[0].introductionId")
                .hasMessageNotContaining(SECRET);
    }
}
