package io.referralrules.examples.host;

import io.referralrules.api.InvalidInputException;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import io.referralrules.json.ReferralJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A CRM host as it would ship in one shaded jar: reads customer snapshots (one JSON object per line), assesses each
 * with a bundled playbook as of a day, and prints one assessment per line, as the JSON contract writes it.
 *
 * <pre>{@code
 * java -jar referral-rules-example-host-0.1.0-SNAPSHOT-all.jar customers.ndjson 2026-06-15 post-sale-momentum
 * }</pre>
 */
public final class CrmHost {
    private CrmHost() {
    }

    /** Arguments: the snapshots file, the day ({@code yyyy-MM-dd}), and optionally a bundled playbook's id. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: CrmHost SNAPSHOTS.ndjson YYYY-MM-DD [PLAYBOOK]");
            System.exit(2);
            return;
        }
        Playbook playbook = args.length == 3 ? Playbook.byId(args[2]) : Playbook.EARNED_TRUST;
        List<String> answers;
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            answers = assess(ReferralRules.engine(playbook), new BufferedReader(in), LocalDate.parse(args[1]), args[0]);
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        answers.forEach(out::println);
        out.flush();
        if (out.checkError()) {
            System.exit(2);
        }
    }

    /** One assessment line per snapshot line; a line that is not a valid snapshot gets an {@code invalid} line. */
    static List<String> assess(ReferralReadinessEngine engine, BufferedReader snapshots, LocalDate asOf, String source)
            throws IOException {
        List<String> answers = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = snapshots.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                answers.add(ReferralJson.writeAssessmentLine(
                        engine.assess(ReferralJson.readBookEntry(line, source + ":" + number), asOf)));
            } catch (InvalidInputException e) {
                answers.add("invalid " + source + ":" + number + " " + e.path());
            }
        }
        return answers;
    }
}
