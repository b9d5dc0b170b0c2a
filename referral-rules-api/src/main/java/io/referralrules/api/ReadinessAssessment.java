package io.referralrules.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's answer for one customer on one day. Immutable; two assessments of the same snapshot, day, playbook and
 * policy are equal.
 *
 * @param customerId   the assessed customer's id
 * @param asOf         the assessment day
 * @param playbook     the playbook (rule set) and version that decided
 * @param stage        where the customer stands in the cycle (exactly one)
 * @param stageReason  the rule that decided the stage and why
 * @param trustEarned  whether the customer's trust builders earn the right to ask
 * @param trustBuilders the five trust builders, in {@link TrustBuilder} order (empty when there is no relationship)
 * @param actions      what to do next, by due date
 * @param warnings     what went wrong in the customer's history, by date
 * @param whyNot       when the customer is not {@link Stage#READY_TO_ASK}, every unmet condition for it with what would
 *                     satisfy it; empty when ready
 * @param earliestAsk  the earliest day the ask could be allowed if nothing else changes, or that new facts are needed
 * @param revisitOn    the first day after {@code asOf} on which {@linkplain #answer() the answer} could change with no new
 *                     facts (a due date passing, a window edge, the end of a veto or cool-down…), or {@code null} when
 *                     nothing in the answer is time-bound; the same at every {@link Detail}. Assessing the same facts
 *                     on any day from {@code asOf} to the day before gives the same answer; on {@code revisitOn} it may
 *                     differ (the engine errs early: re-assessing on that day can find the answer unchanged).
 *                     {@code null} too when the day would fall after {@link Limits#LATEST_DATE}, the last day the
 *                     engine assesses on.
 * @param reasons      every conclusion the rules drew, sorted by rule name then message (rules of one phase fire in
 *                     an order Drools does not define, so the engine does not pretend to one)
 * @param firedRules   the names of the rules that fired, sorted by name (a rule that fired for several facts
 *                     appears once per firing)
 */
public record ReadinessAssessment(String customerId, LocalDate asOf, PlaybookRef playbook, Stage stage, Reason stageReason,
                                  boolean trustEarned, List<TrustBuilderResult> trustBuilders,
                                  List<NextAction> actions, List<Warning> warnings, List<Obstacle> whyNot,
                                  EarliestAsk earliestAsk, LocalDate revisitOn, List<Reason> reasons,
                                  List<String> firedRules) {
    public ReadinessAssessment {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(stageReason, "stageReason");
        trustBuilders = List.copyOf(Objects.requireNonNull(trustBuilders, "trustBuilders"));
        actions = List.copyOf(Objects.requireNonNull(actions, "actions"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
        whyNot = List.copyOf(Objects.requireNonNull(whyNot, "whyNot"));
        Objects.requireNonNull(earliestAsk, "earliestAsk");
        if (revisitOn != null && !revisitOn.isAfter(asOf)) {
            String problem = "must be after asOf " + asOf + ", was " + revisitOn;
            throw new InvalidInputException("ReadinessAssessment.revisitOn " + problem, "revisitOn", problem);
        }
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        firedRules = List.copyOf(Objects.requireNonNull(firedRules, "firedRules"));
    }

    /** The first action of the given type, if any. */
    public Optional<NextAction> action(ActionType type) {
        return actions(type).stream().findFirst();
    }

    /** The actions of the given type, by due date. */
    public List<NextAction> actions(ActionType type) {
        Objects.requireNonNull(type, "type");
        return actions.stream().filter(a -> a.type() == type).toList();
    }

    /** The warnings of the given type, by date. */
    public List<Warning> warnings(WarningType type) {
        Objects.requireNonNull(type, "type");
        return warnings.stream().filter(w -> w.type() == type).toList();
    }

    /** Whether any warning of the given type was raised. */
    public boolean hasWarning(WarningType type) {
        return !warnings(type).isEmpty();
    }

    /** The unmet conditions of one kind. */
    public List<Obstacle> whyNot(ObstacleKind kind) {
        Objects.requireNonNull(kind, "kind");
        return whyNot.stream().filter(o -> o.kind() == kind).toList();
    }

    /** The result for one trust builder, if the customer has a relationship. */
    public Optional<TrustBuilderResult> trustBuilder(TrustBuilder builder) {
        Objects.requireNonNull(builder, "builder");
        return trustBuilders.stream().filter(t -> t.builder() == builder).findFirst();
    }

    /** The revisit day, if anything in the answer is time-bound. */
    public Optional<LocalDate> revisitDay() {
        return Optional.ofNullable(revisitOn);
    }

    /**
     * The answer: what this assessment decides, without its explanations and without what grows by itself from day
     * to day. Two assessments of one customer have the same answer when {@code a.answer().equals(b.answer())}; the
     * {@link Answer#digest() digest} says the same in 64 characters.
     */
    public Answer answer() {
        return new Answer(stage, stageReason.rule(), trustEarned,
                trustBuilders.stream().map(t -> new Answer.TrustState(t.builder(), t.met())).toList(),
                actions.stream().map(a -> new Answer.Action(a.type(), a.subjectId(),
                        a.dueDate().isEqual(asOf) ? null : a.dueDate(), a.overdue(), a.talkTrack())).toList(),
                warnings.stream().map(w -> new Answer.Flag(w.type(), w.date(), w.subjectId())).toList(),
                whyNot.stream().map(o -> new Answer.Unmet(o.kind(), o.subject(), o.clearsOn())).toList(),
                earliestAsk.date() == null || earliestAsk.date().isEqual(asOf) ? null : earliestAsk.date());
    }

    /** Whether the other assessment gives the same {@link #answer() answer} (whatever its customer or day). */
    public boolean sameAnswer(ReadinessAssessment other) {
        Objects.requireNonNull(other, "other");
        return answer().equals(other.answer());
    }

    /**
     * What an assessment decides, precisely: the stage and the name of the rule that decided it; whether trust is
     * earned; each trust builder met or not; each action's type, subject, due date, whether it is overdue, and talk
     * track; each warning's type, date and subject; each unmet condition's kind, subject and clearing day; the
     * earliest ask day. Not part of it: the customer id, the day, the playbook, the counters that grow every day
     * ({@link NextAction#overdueDays()}), and every text (reasons' messages and evidence, obstacles'
     * measured/needed/remedy, which quote the assessment day, prospect hints, the earliest ask's explanation, the fired
     * rules).
     *
     * <p>The answer does not name the assessment day, so that the same decision on two days is the same answer: an
     * action due on the assessment day is due "now" ({@code dueDate} {@code null}; the rules propose what has no
     * deadline of its own, such as a trust builder's remedy or the ask, for the assessment day, whatever the day),
     * and an earliest ask day on the assessment day (ready now, as the stage says) is {@code null}.
     *
     * <p>The lists are sorted by their components in order (enums in declaration order, texts and dates ascending,
     * {@code null} first, {@code false} before {@code true}) when the answer is made, so two answers are equal
     * whatever order the rules concluded in. An assessment at {@link Detail#DECISION} has no unmet
     * conditions and no earliest ask day: compare answers of assessments made at the same detail.
     *
     * @param stage       the stage
     * @param stageRule   the name of the rule that decided the stage
     * @param trustEarned whether the trust builders earn the right to ask
     * @param builders    each trust builder, met or not (empty when there is no relationship)
     * @param actions     the actions
     * @param warnings    the warnings
     * @param unmet       the unmet conditions for {@link Stage#READY_TO_ASK}
     * @param earliestAsk the earliest ask day when it is after the assessment day; {@code null} when the customer is
     *                    ready now, when time alone will not do, or when it was not worked out
     */
    public record Answer(Stage stage, String stageRule, boolean trustEarned, List<TrustState> builders,
                         List<Action> actions, List<Flag> warnings, List<Unmet> unmet, LocalDate earliestAsk) {
        /** The first line of every {@link #canonical()} text; changes whenever the definition of the answer does. */
        public static final String FORMAT = "referral-rules answer 1";

        public Answer {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(stageRule, "stageRule");
            builders = sorted(Objects.requireNonNull(builders, "builders"));
            actions = sorted(Objects.requireNonNull(actions, "actions"));
            warnings = sorted(Objects.requireNonNull(warnings, "warnings"));
            unmet = sorted(Objects.requireNonNull(unmet, "unmet"));
        }

        /**
         * The answer as text, one item a line, lines ending with {@code \n}: the {@link #FORMAT} line, then
         * {@code stage}, {@code stageRule}, {@code trustEarned}, one {@code builder}, {@code action}, {@code warning}
         * and {@code unmet} line per item in list order (an action's line: type, subject, due date, {@code overdue} or
         * {@code not-overdue}, talk track), then {@code earliestAsk}. Texts are quoted as JSON strings,
         * a missing value is {@code null}, dates are ISO-8601. Equal answers have equal texts and different answers
         * different texts; the text depends on nothing but the answer (no locale, no platform).
         */
        public String canonical() {
            StringBuilder out = new StringBuilder(256).append(FORMAT).append('\n');
            out.append("stage ").append(stage).append('\n');
            out.append("stageRule ").append(quote(stageRule)).append('\n');
            out.append("trustEarned ").append(trustEarned).append('\n');
            for (TrustState b : builders) {
                out.append("builder ").append(b.builder()).append(' ').append(b.met()).append('\n');
            }
            for (Action a : actions) {
                out.append("action ").append(a.type()).append(' ').append(quote(a.subjectId())).append(' ')
                        .append(a.dueDate()).append(' ').append(a.overdue() ? "overdue" : "not-overdue").append(' ')
                        .append(quote(a.talkTrack())).append('\n');
            }
            for (Flag w : warnings) {
                out.append("warning ").append(w.type()).append(' ').append(w.date()).append(' ')
                        .append(quote(w.subjectId())).append('\n');
            }
            for (Unmet u : unmet) {
                out.append("unmet ").append(u.kind()).append(' ').append(quote(u.subject())).append(' ')
                        .append(u.clearsOn()).append('\n');
            }
            return out.append("earliestAsk ").append(earliestAsk).append('\n').toString();
        }

        /** SHA-256 of the {@link #canonical()} text's UTF-8 bytes, in lower-case hex: stable across runs and JVMs. */
        public String digest() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                return HexFormat.of().formatHex(sha.digest(canonical().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        private static <T extends Comparable<T>> List<T> sorted(List<T> items) {
            return items.stream().map(Objects::requireNonNull).sorted().toList();
        }

        private static String quote(String text) {
            if (text == null) {
                return "null";
            }
            StringBuilder out = new StringBuilder(text.length() + 2).append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    default -> {
                        boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                                && Character.isLowSurrogate(text.charAt(i + 1));
                        if (pair) {
                            out.append(c).append(text.charAt(++i));
                        } else if (c < 0x20 || Character.isSurrogate(c)) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }

        private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
        private static final Comparator<LocalDate> DAY = Comparator.nullsFirst(Comparator.naturalOrder());

        /**
         * One trust builder in an answer.
         *
         * @param builder which builder
         * @param met     whether it is met
         */
        public record TrustState(TrustBuilder builder, boolean met) implements Comparable<TrustState> {
            public TrustState {
                Objects.requireNonNull(builder, "builder");
            }

            @Override
            public int compareTo(TrustState o) {
                return Comparator.comparing(TrustState::builder).thenComparing(TrustState::met).compare(this, o);
            }
        }

        /**
         * One action in an answer.
         *
         * @param type      what to do
         * @param subjectId the fact it is about, or {@code null}
         * @param dueDate   the day it is due, or {@code null} when it is due on the assessment day ("now")
         * @param overdue   whether it is past its due day
         * @param talkTrack its talk-track key, or {@code null}
         */
        public record Action(ActionType type, String subjectId, LocalDate dueDate, boolean overdue, String talkTrack)
                implements Comparable<Action> {
            private static final Comparator<Action> ORDER = Comparator.comparing(Action::type)
                    .thenComparing(Action::subjectId, TEXT).thenComparing(Action::dueDate, DAY)
                    .thenComparing(Action::overdue).thenComparing(Action::talkTrack, TEXT);

            public Action {
                Objects.requireNonNull(type, "type");
            }

            @Override
            public int compareTo(Action o) {
                return ORDER.compare(this, o);
            }
        }

        /**
         * One warning in an answer.
         *
         * @param type      what went wrong
         * @param date      its day
         * @param subjectId the fact it is about, or {@code null}
         */
        public record Flag(WarningType type, LocalDate date, String subjectId) implements Comparable<Flag> {
            private static final Comparator<Flag> ORDER = Comparator.comparing(Flag::type)
                    .thenComparing(Flag::date).thenComparing(Flag::subjectId, TEXT);

            public Flag {
                Objects.requireNonNull(type, "type");
                Objects.requireNonNull(date, "date");
            }

            @Override
            public int compareTo(Flag o) {
                return ORDER.compare(this, o);
            }
        }

        /**
         * One unmet condition in an answer.
         *
         * @param kind     what kind of condition
         * @param subject  what it is about, or {@code null}
         * @param clearsOn the day time clears it, or {@code null}
         */
        public record Unmet(ObstacleKind kind, String subject, LocalDate clearsOn) implements Comparable<Unmet> {
            private static final Comparator<Unmet> ORDER = Comparator.comparing(Unmet::kind)
                    .thenComparing(Unmet::subject, TEXT).thenComparing(Unmet::clearsOn, DAY);

            public Unmet {
                Objects.requireNonNull(kind, "kind");
            }

            @Override
            public int compareTo(Unmet o) {
                return ORDER.compare(this, o);
            }
        }
    }
}
