package io.referralrules.book;

import io.referralrules.api.PlaybookRef;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The referral report card of a book: referrals are the measure of how well relationships are built. One
 * {@link Scorecard} for the whole book, one per team (when the host maps owners to teams) and one per account owner;
 * with trends ({@link ReportCardBuilder#trends}), the same figures for each of the last four calendar quarters and
 * their change. Build it with {@link ReportCardBuilder} while a book is assessed; write it with {@link ReportCardHtml}
 * or {@link ReportCardJson}.
 *
 * @param asOf        the assessment day
 * @param periodStart the first day counted (the policy's look-back before {@code asOf})
 * @param playbook    the playbook that decided
 * @param book        the whole book
 * @param teams       one per team, by name
 * @param owners      one per account owner, by id
 * @param trends      the last four quarters, when asked for
 */
public record ReportCard(LocalDate asOf, LocalDate periodStart, PlaybookRef playbook, Scorecard book,
                         List<Scorecard> teams, List<Scorecard> owners, Optional<Trends> trends) {
    public ReportCard {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(book, "book");
        teams = List.copyOf(teams);
        owners = List.copyOf(owners);
        Objects.requireNonNull(trends, "trends");
    }

    /** A report card without trends. */
    public ReportCard(LocalDate asOf, LocalDate periodStart, PlaybookRef playbook, Scorecard book,
                      List<Scorecard> teams, List<Scorecard> owners) {
        this(asOf, periodStart, playbook, book, teams, owners, Optional.empty());
    }

    /**
     * A calendar quarter, from its first day to its last, both counted.
     *
     * @param label {@code 2026-Q1}
     * @param start its first day
     * @param end   its last day: the day its customers are assessed as of
     */
    public record Quarter(String label, LocalDate start, LocalDate end) {
        public Quarter {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        /** The calendar quarter that holds {@code day}. */
        public static Quarter of(LocalDate day) {
            LocalDate start = day.with(IsoFields.DAY_OF_QUARTER, 1);
            LocalDate end = start.plusMonths(3).minusDays(1);
            return new Quarter(start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR), start, end);
        }

        /**
         * The {@code count} calendar quarters that ended on or before {@code day}, earliest first: when {@code day} is
         * a quarter's last day, that quarter is the latest; otherwise the quarter before the one holding {@code day}.
         */
        public static List<Quarter> endedBy(LocalDate day, int count) {
            Quarter latest = of(day);
            if (latest.end().isAfter(day)) {
                latest = of(latest.start().minusDays(1));
            }
            List<Quarter> quarters = new ArrayList<>();
            for (Quarter q = latest; quarters.size() < count; q = of(q.start().minusDays(1))) {
                quarters.add(0, q);
            }
            return List.copyOf(quarters);
        }
    }

    /**
     * The last four quarters: the same figures as the report card for each quarter, for the book, each team and each
     * owner. How a quarter is counted is written down in {@code docs/report-card.md}.
     *
     * @param quarters the quarters, earliest first
     * @param book     the whole book
     * @param teams    one per team, by name
     * @param owners   one per account owner, by id
     */
    public record Trends(List<Quarter> quarters, Trend book, List<Trend> teams, List<Trend> owners) {
        public Trends {
            quarters = List.copyOf(quarters);
            Objects.requireNonNull(book, "book");
            teams = List.copyOf(teams);
            owners = List.copyOf(owners);
        }
    }

    /**
     * One scope's figures quarter by quarter.
     *
     * @param scope    {@code book}, {@code team} or {@code owner}
     * @param name     the team's or owner's id; {@code all} for the book
     * @param quarters one scorecard per quarter, earliest first, in the order of {@link Trends#quarters()}; a quarter's
     *                 scorecard has no grade (the grade rule is for the look-back year), its grade and reason are empty
     */
    public record Trend(String scope, String name, List<Scorecard> quarters) {
        public Trend {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(name, "name");
            quarters = List.copyOf(quarters);
        }

        /** Each figure's change from the earliest quarter to the latest (0 with fewer than two quarters). */
        public Map<Figure, Double> change() {
            Map<Figure, Double> out = new EnumMap<>(Figure.class);
            for (Figure f : Figure.values()) {
                out.put(f, quarters.size() < 2 ? 0.0
                        : f.of(quarters.get(quarters.size() - 1)) - f.of(quarters.get(0)));
            }
            return out;
        }

        /** Each figure's change from the quarter before, one map per quarter after the earliest. */
        public List<Map<Figure, Double>> changePerQuarter() {
            List<Map<Figure, Double>> out = new ArrayList<>();
            for (int i = 1; i < quarters.size(); i++) {
                Map<Figure, Double> step = new EnumMap<>(Figure.class);
                for (Figure f : Figure.values()) {
                    step.put(f, f.of(quarters.get(i)) - f.of(quarters.get(i - 1)));
                }
                out.add(step);
            }
            return out;
        }
    }

    /** The figures whose change a trend reports: counts, and shares from 0 to 1 (their change in shares too). */
    public enum Figure {
        /** Customers assessed. */
        CUSTOMERS("customers", "Customers", false, Scorecard::customers),
        /** Referral asks made. */
        ASKS("asks", "Asks", false, Scorecard::asks),
        /** Referrals received: real introductions plus bare contacts. */
        REFERRALS_RECEIVED("referralsReceived", "Referrals received", false, Scorecard::referralsReceived),
        /** Real introductions. */
        INTRODUCTIONS("introductions", "Real introductions", false, Scorecard::introductions),
        /** Names-only asks. */
        BARE_CONTACTS("bareContacts", "Bare contacts", false, Scorecard::bareContacts),
        /** The share of referrals that were real introductions. */
        INTRODUCTION_SHARE("introductionShare", "Share of real introductions", true, Scorecard::introductionShare),
        /** Introductions confirmed. */
        INTRODUCTIONS_CONFIRMED("introductionsConfirmed", "Introductions confirmed", false, Scorecard::introductionsConfirmed),
        /** Referred sales. */
        REFERRED_SALES("referredSales", "Referred sales", false, Scorecard::referredSales),
        /** Referred sales per introduction. */
        CONVERSION("conversion", "Conversion", true, Scorecard::conversion),
        /** Follow-ups done on time. */
        FOLLOW_UPS_ON_TIME("followUpsOnTime", "Follow-ups done on time", false, Scorecard::followUpsOnTime),
        /** Follow-ups done late. */
        FOLLOW_UPS_LATE("followUpsLate", "Follow-ups late", false, Scorecard::followUpsLate),
        /** Follow-ups missed. */
        FOLLOW_UPS_MISSED("followUpsMissed", "Follow-ups missed", false, Scorecard::followUpsMissed),
        /** The share of due follow-ups done on time. */
        FOLLOW_UPS_ON_TIME_SHARE("followUpsOnTimeShare", "Share of follow-ups on time", true, Scorecard::followUpsOnTimeShare),
        /** Customers ready but not asked. */
        READY_NOT_ASKED("readyNotAsked", "Ready, not asked", false, Scorecard::readyNotAsked),
        /** Premature, fatigue and tit-for-tat asks. */
        BAD_ASKS("badAsks", "Bad asks", false, Scorecard::badAsks);

        private final String key;
        private final String label;
        private final boolean share;
        private final ToDoubleFunction<Scorecard> value;

        Figure(String key, String label, boolean share, ToDoubleFunction<Scorecard> value) {
            this.key = key;
            this.label = label;
            this.share = share;
            this.value = value;
        }

        /** Its name in the JSON, the scorecard's own. */
        public String key() {
            return key;
        }

        /** Its name on the page. */
        public String label() {
            return label;
        }

        /** Whether it is a share from 0 to 1 rather than a count. */
        public boolean share() {
            return share;
        }

        /** Its value in a scorecard. */
        public double of(Scorecard card) {
            return value.applyAsDouble(card);
        }
    }
}
