package io.referralrules.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas ship in this module's jar at {@code io/referralrules/json/schema/<name>.schema.json}, copied by the
 * build from {@code docs/schema/} (their one source): the copy is the file byte for byte, its {@code $id} is on the
 * domain of the groupId, and a host can validate documents with it straight from the class path.
 */
@DisplayName("JSON Schemas on the class path: the docs/schema files byte for byte, with referralrules.io ids")
class SchemaResourcesTest {
    private static final String RESOURCE_DIRECTORY = "io/referralrules/json/schema/";
    private static final List<String> NAMES = List.of("snapshot", "assessment", "decision", "fact-event", "replay",
            "decision-record");
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static byte[] classPathSchema(String name) throws IOException {
        String resource = RESOURCE_DIRECTORY + name + ".schema.json";
        try (InputStream in = SchemaResourcesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " is not on the class path: referral-rules-json's pom copies"
                    + " ../docs/schema/*.schema.json there").isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void docsSchemaHoldsExactlyTheShippedSchemas() throws IOException {
        try (Stream<Path> files = Files.list(AssessmentWriterTest.SCHEMAS)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".schema.json")))
                    .as("a schema added to docs/schema ships in the jar too: add its name to this test and the README")
                    .containsExactlyInAnyOrder("snapshot.schema.json", "assessment.schema.json", "decision.schema.json",
                            "fact-event.schema.json", "replay.schema.json", "decision-record.schema.json");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"snapshot", "assessment", "decision", "fact-event", "replay", "decision-record"})
    void theJarsCopyIsTheDocsSchemaFileByteForByte(String name) throws IOException {
        byte[] documented = Files.readAllBytes(AssessmentWriterTest.SCHEMAS.resolve(name + ".schema.json"));

        assertThat(classPathSchema(name)).as(name).isEqualTo(documented);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"snapshot", "assessment", "decision", "fact-event", "replay", "decision-record"})
    void theIdIsOnTheGroupIdsDomainAndCarriesTheSchemaVersion(String name) throws IOException {
        JsonNode schema = PLAIN.readTree(classPathSchema(name));

        assertThat(schema.path("$id").asText()).isEqualTo("https://referralrules.io/schema/" + name + "-1.schema.json");
        // the snapshot and assessment schemas describe their keys in $defs (a decision record embeds them) and refer to it
        JsonNode keys = schema.has("$ref") ? schema.at(schema.path("$ref").asText().substring(1)) : schema;
        assertThat(keys.path("properties").path("schemaVersion").path("const").asInt()).as("schemaVersion of the id")
                .isEqualTo(1);
        assertThat(schema.path("required").get(0).asText()).isEqualTo("schemaVersion");
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void everyIdIsDistinct() throws IOException {
        List<String> ids = NAMES.stream().map(name -> {
            try {
                return PLAIN.readTree(classPathSchema(name)).path("$id").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();

        assertThat(ids).doesNotHaveDuplicates().hasSize(NAMES.size());
    }

    /** The fact events' examples are validated by referral-rules-flink's FactEventsTest, with their reader. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"snapshot", "assessment", "decision", "replay", "decision-record"})
    void aHostValidatesWithTheClassPathSchema(String name) throws IOException {
        // every shipped schema under its $id, for the schemas that refer to another (replay's replayed assessment, the
        // record's assessment and snapshot)
        Map<String, String> byId = new HashMap<>();
        for (String shipped : NAMES) {
            String text = new String(classPathSchema(shipped), StandardCharsets.UTF_8);
            byId.put(PLAIN.readTree(text).path("$id").asText(), text);
        }
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                        builder -> builder.schemas(byId))
                .getSchema(new String(classPathSchema(name), StandardCharsets.UTF_8));
        JsonNode example = PLAIN.readTree(AssessmentWriterTest.EXAMPLES.resolve(name + ".json").toFile());
        ObjectNode wrongVersion = example.deepCopy();
        wrongVersion.put("schemaVersion", 2);

        assertThat(schema.validate(example)).as("docs/schema/examples/" + name + ".json").isEmpty();
        assertThat(schema.validate(wrongVersion).stream().map(Error::toString))
                .singleElement().asString().contains("schemaVersion");
    }
}
