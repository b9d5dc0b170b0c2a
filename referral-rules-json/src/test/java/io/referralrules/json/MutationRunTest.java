package io.referralrules.json;

import io.referralrules.api.InvalidInputException;
import io.referralrules.json.fuzz.JsonMutations;
import io.referralrules.json.fuzz.JsonMutations.Kind;
import io.referralrules.json.fuzz.JsonMutations.Mutation;
import io.referralrules.json.fuzz.Seed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated suites can fail: each kind of unclear outcome fails the run, naming the mutation and the seed. */
class MutationRunTest {
    private static final Mutation M = new Mutation(Kind.TYPE, "TYPE 42 at $.customer.id", new byte[0]);

    private static MutationRun run() {
        return new MutationRun("probe", new Seed(99));
    }

    @Test
    void clearOutcomesPass() {
        MutationRun run = run();
        run.valid(M);
        run.rejected(M, "c.json", JsonText.invalid("c.json", "$.customer.id", "must be a string, was a number"));

        assertThatCode(() -> run.assertAllClear(2)).doesNotThrowAnyException();
    }

    @Test
    void aMessageRepeatingPlantedTextFails() {
        MutationRun run = run();
        run.rejected(M, "c.json", JsonText.invalid("c.json", "$.customer.displayName", "was " + JsonMutations.PLANTED_EMAIL));

        assertThatThrownBy(() -> run.assertAllClear(1)).hasMessageContaining("repeats planted free text")
                .hasMessageContaining("TYPE 42 at $.customer.id").hasMessageContaining("-Dreferralrules.seed=99");
    }

    @Test
    void aPathThatIsNotAJsonPathFails() {
        MutationRun run = run();
        run.rejected(M, "c.json", new InvalidInputException("c.json: id is bad", "id", "is bad"));

        assertThatThrownBy(() -> run.assertAllClear(1)).hasMessageContaining("is not a JSON path");
    }

    @Test
    void anotherExceptionFails() {
        MutationRun run = run();
        run.unexpected(M, new IllegalStateException("boom"));

        assertThatThrownBy(() -> run.assertAllClear(1)).hasMessageContaining("threw java.lang.IllegalStateException: boom");
    }

    @Test
    void tooFewCasesFail() {
        MutationRun run = run();
        run.valid(M);

        assertThatThrownBy(() -> run.assertAllClear(2)).hasMessageContaining("cases per run");
    }
}
