package io.referralrules.json;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.DecisionRecord;
import io.referralrules.api.InvalidInputException;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.ExtraValue;
import io.referralrules.api.facts.FeedbackAnswer;
import io.referralrules.api.facts.FeedbackSignal;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.FollowUpType;
import io.referralrules.api.facts.IndustryEvent;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.IntroductionChannel;
import io.referralrules.api.facts.IssueStatus;
import io.referralrules.api.facts.PositioningConversation;
import io.referralrules.api.facts.ProactiveAction;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferralGiven;
import io.referralrules.api.facts.ReferredSale;
import io.referralrules.api.facts.Sale;
import io.referralrules.api.facts.ServiceInteraction;
import io.referralrules.api.facts.SocialTouch;
import io.referralrules.api.facts.SurveyScore;
import io.referralrules.api.facts.SurveyType;
import io.referralrules.json.fuzz.JsonMutations;
import io.referralrules.json.fuzz.JsonMutations.Mutation;
import io.referralrules.json.fuzz.Seed;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The generated probe of issue 15, kept in the build: valid snapshots (the schema's example, a snapshot with every
 * kind of fact, the snapshot inside the decision-record example) with a name and an e-mail address planted in every
 * free-text field, mutated in every way {@link JsonMutations} knows, and read through every door (a snapshot
 * document, a book entry given as bytes, a decision record, and now and then a file). Every outcome must be clear:
 * either the document is still valid and reads, and writing it and reading it back gives the same value, or it is
 * rejected with an {@link InvalidInputException} whose path is a JSON path and whose message names the source and
 * repeats no planted value. Any other exception fails the run, listing each case with the seed to rerun it
 * ({@code -Dreferralrules.seed=…}).
 */
@DisplayName("Generated: mutated snapshots, book entries and decision records are read or rejected clearly")
class GeneratedSnapshotMutationsTest {
    private static final int CASES = 2_500;
    private static final Path EXAMPLES = Path.of("../docs/schema/examples");

    @TempDir
    Path dir;

    /** A document to mutate, the door it goes through, and how a value read through that door is written back. */
    private record Door(String name, String document, Function<byte[], Object> read, Function<Object, String> write,
                        boolean file) {
    }

    @Test
    void everyMutatedDocumentIsReadOrRejectedClearly() throws IOException {
        Seed seed = Seed.fromSystemProperty();
        SplittableRandom random = seed.random();
        String example = JsonMutations.withPlantedFreeText(Files.readString(EXAMPLES.resolve("snapshot.json"), StandardCharsets.UTF_8));
        String everyKind = JsonMutations.withPlantedFreeText(ReferralJson.writeSnapshot(everyKindOfFact()));
        String record = JsonMutations.withPlantedFreeText(Files.readString(EXAMPLES.resolve("decision-record.json"), StandardCharsets.UTF_8));
        List<Door> doors = List.of(
                snapshotDoor("snapshot.json", example),
                snapshotDoor("every-kind.json", everyKind),
                entryDoor("book.ndjson:1", ReferralJson.writeBookEntry(ReferralJson.readSnapshot(example, "example"))),
                entryDoor("book.ndjson:2", ReferralJson.writeBookEntry(ReferralJson.readSnapshot(everyKind, "every kind"))),
                new Door("record.json", record,
                        bytes -> ReferralJson.readRecord(ReferralJson.decodeUtf8(bytes, "record.json"), "record.json"),
                        value -> ReferralJson.writeRecord((DecisionRecord) value), true));
        for (Door door : doors) {
            door.read().apply(door.document().getBytes(StandardCharsets.UTF_8));   // each starts valid
        }

        MutationRun run = new MutationRun("GeneratedSnapshotMutationsTest", seed);
        for (int i = 0; i < CASES; i++) {
            Door door = doors.get(i % doors.size());
            Mutation m = JsonMutations.next(door.document(), random);
            Object read = probe(run, door, m);
            if (door.file() && i % 40 == 0) {
                sameThroughAFile(run, door, m, read);
            }
        }
        run.assertAllClear(2_000);
    }

    /** Reads the mutation through the door and records the outcome; returns what was read, or the exception. */
    private static Object probe(MutationRun run, Door door, Mutation m) {
        Object value;
        try {
            value = door.read().apply(m.bytes());
        } catch (InvalidInputException e) {
            run.rejected(m, door.name(), e);
            return e;
        } catch (RuntimeException | StackOverflowError e) {
            run.unexpected(m, e);
            return e;
        }
        try {
            String written = door.write().apply(value);
            Object again = door.read().apply(written.getBytes(StandardCharsets.UTF_8));
            if (!again.equals(value)) {
                run.fail(m, "reads, but written and read back it differs: " + again + " vs " + value);
            }
            run.valid(m);
        } catch (RuntimeException e) {
            run.unexpected(m, e);
        }
        return value;
    }

    /** The same bytes in a file, read by the door that takes a path, give the same outcome. */
    private void sameThroughAFile(MutationRun run, Door door, Mutation m, Object throughBytes) throws IOException {
        Path file = Files.write(dir.resolve(door.name()), m.bytes());
        Object throughFile;
        try {
            throughFile = door.name().startsWith("record") ? ReferralJson.readRecord(file) : ReferralJson.readSnapshot(file);
        } catch (InvalidInputException e) {
            throughFile = e;
        } catch (RuntimeException e) {
            run.fail(m, "through a file threw " + e);
            return;
        }
        String bytesOutcome = throughBytes instanceof InvalidInputException e ? e.getMessage().replace(door.name() + ": ", file + ": ")
                : String.valueOf(throughBytes);
        String fileOutcome = throughFile instanceof InvalidInputException e ? e.getMessage() : String.valueOf(throughFile);
        if (!bytesOutcome.equals(fileOutcome)) {
            run.fail(m, "through a file: " + fileOutcome + "; through bytes: " + bytesOutcome);
        }
    }

    private static Door snapshotDoor(String source, String document) {
        return new Door(source, document,
                bytes -> ReferralJson.readSnapshot(ReferralJson.decodeUtf8(bytes, source), source),
                value -> ReferralJson.writeSnapshot((CustomerSnapshot) value), true);
    }

    private static Door entryDoor(String source, String document) {
        return new Door(source, document,
                bytes -> ReferralJson.readBookEntry(bytes, source),
                value -> ReferralJson.writeBookEntry((CustomerSnapshot) value), false);
    }

    /** One snapshot with every kind of fact, the optional fields set and unset, and amounts that must keep their digits. */
    static CustomerSnapshot everyKindOfFact() {
        LocalDate d = LocalDate.of(2026, 3, 2);
        return CustomerSnapshot.builder(new Customer("C-77", CustomerType.INDIVIDUAL, "rep-9", "someone",
                        Map.of("industry", "banking", "region", "north")))
                .add(new Sale("S-1", d, new BigDecimal("99.50"), "slow invoicing"))
                .add(new Sale("S-2", d.plusDays(1), new BigDecimal("12345678901234567890.12"), null))
                .add(new ServiceInteraction("SI-1", d.plusDays(2), 4, IssueStatus.RESOLVED))
                .add(new ServiceInteraction("SI-2", d.plusDays(3), null, IssueStatus.ESCALATED))
                .add(new ProactiveAction("PA-1", d.plusDays(4), "a warning"))
                .add(new ExtraValue("EV-1", d.plusDays(5), null))
                .add(new ReferralGiven("RG-1", d.plusDays(6), "a lead"))
                .add(new SocialTouch("ST-1", d.plusDays(7), "lunch"))
                .add(new IndustryEvent("IE-1", d.plusDays(8), "a forum"))
                .add(new PositioningConversation("PC-1", d.plusDays(1)))
                .add(new FeedbackAnswer("FA-1", d.plusDays(9), "how are we doing?", FeedbackSignal.GREEN_LIGHT))
                .add(new SurveyScore("N-1", d.plusDays(10), SurveyType.NPS, 10))
                .add(new SurveyScore("CS-1", d.plusDays(10), SurveyType.CSAT, 1))
                .add(new SurveyScore("CE-1", d.plusDays(10), SurveyType.CES, 7))
                .add(new Complaint("CP-1", d.plusDays(11), d.plusDays(12)))
                .add(new Complaint("CP-2", d.plusDays(13), null))
                .add(new ReferralAsk("A-1", d.plusDays(14), AskType.INTRODUCTION))
                .add(new ReferralAsk("A-2", d.plusDays(15), AskType.NAMES_ONLY))
                .add(new Introduction("I-1", d.plusDays(16), "A-1", "P-1", IntroductionChannel.EMAIL, d.plusDays(17), d.plusDays(18)))
                .add(new Introduction("I-2", d.plusDays(16), null, "P-2", IntroductionChannel.MEETING, null, null))
                .add(new FollowUp("F-1", d.plusDays(19), "I-1", FollowUpType.THANK_REFERRER))
                .add(new ReferredSale("RS-1", d.plusDays(20), "I-1", new BigDecimal("0.0000000001")))
                .build();
    }
}
