package io.referralrules.json.fuzz;

import io.referralrules.json.fuzz.JsonMutations.Kind;
import io.referralrules.json.fuzz.JsonMutations.Mutation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class JsonMutationsTest {
    private static final Path SNAPSHOT = Path.of("../docs/schema/examples/snapshot.json");

    private static String snapshot() throws IOException {
        return Files.readString(SNAPSHOT, StandardCharsets.UTF_8);
    }

    @Test
    void theSameSeedGivesTheSameMutations() throws IOException {
        String doc = snapshot();
        List<Mutation> first = JsonMutations.of(doc, new SplittableRandom(42));
        List<Mutation> second = JsonMutations.of(doc, new SplittableRandom(42));

        assertThat(first).hasSize(Kind.values().length);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).name()).isEqualTo(first.get(i).name());
            assertThat(second.get(i).bytes()).isEqualTo(first.get(i).bytes());
        }
    }

    @Test
    void everyKindChangesTheDocument() throws IOException {
        String doc = snapshot();
        byte[] original = doc.getBytes(StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(7);
        Set<Kind> changed = EnumSet.noneOf(Kind.class);
        for (int i = 0; i < 200; i++) {
            for (Mutation m : JsonMutations.of(doc, random)) {
                if (!java.util.Arrays.equals(m.bytes(), original)) {
                    changed.add(m.kind());
                }
                assertThat(m.name()).startsWith(m.kind().name());
            }
        }
        assertThat(changed).containsExactlyInAnyOrder(Kind.values());
    }

    @Test
    void invalidUtf8MutationsAreInvalidUtf8AndTheOthersAreValid() throws IOException {
        String doc = snapshot();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100; i++) {
            assertThat(JsonMutations.next(doc, Kind.INVALID_UTF8, random).validUtf8()).isFalse();
            assertThat(JsonMutations.next(doc, Kind.DATE, random).validUtf8()).isTrue();
        }
    }

    @Test
    void plantedFreeTextFillsEveryFreeTextFieldAndNoMutationNameRepeatsIt() throws IOException {
        String planted = JsonMutations.withPlantedFreeText(snapshot());

        assertThat(planted).contains(JsonMutations.PLANTED_NAME, JsonMutations.PLANTED_EMAIL)
                .doesNotContain("Harbourside", "logistics", "lunch after");
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            assertThat(JsonMutations.mentionsPlanted(JsonMutations.next(planted, random).name())).isFalse();
        }
        assertThat(JsonMutations.mentionsPlanted("a message about Zoë QUINTANA")).isTrue();
        assertThat(JsonMutations.mentionsPlanted("$.customer.displayName must be a string, was a number")).isFalse();
    }

    @Test
    void aGivenSeedPropertyFixesTheSeed() {
        String before = System.getProperty(Seed.PROPERTY);
        try {
            System.setProperty(Seed.PROPERTY, "1234");
            Seed seed = Seed.fromSystemProperty();

            assertThat(seed.value()).isEqualTo(1234L);
            assertThat(seed.rerun()).isEqualTo("seed 1234; rerun with -Dreferralrules.seed=1234");
            assertThat(seed.random().nextLong()).isEqualTo(new SplittableRandom(1234).nextLong());
        } finally {
            if (before == null) {
                System.clearProperty(Seed.PROPERTY);
            } else {
                System.setProperty(Seed.PROPERTY, before);
            }
        }
    }
}
