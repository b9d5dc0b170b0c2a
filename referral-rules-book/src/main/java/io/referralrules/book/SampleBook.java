package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic generator of realistic books of fictional customers, for demos, tests and benchmarks. The same seed,
 * size and day always give the same book, customer by customer, generated lazily (a million customers take no more
 * memory than one). The first {@value #ARCHETYPES} customers are one of each kind, with every optional twist, so any
 * book of that size or more has customers in every stage, with every built-in warning and action; after that, kinds
 * follow a typical mix (many customers still earning trust, few ready).
 *
 * <pre>{@code
 * SampleBook sample = new SampleBook(42, LocalDate.of(2026, 6, 15));
 * try (Stream<CustomerSnapshot> book = sample.customers(1_000_000)) { ... }
 * Map<String, String> teams = sample.teams(1_000_000);   // owner id -> team
 * }</pre>
 */
public final class SampleBook {
    /** How many kinds of customer there are; the first this many customers are one of each. */
    public static final int ARCHETYPES = 12;
    /** The typical mix: how many in 100 customers are of each kind, after the first of each. */
    private static final int[] MIX = {8, 8, 30, 10, 8, 4, 3, 8, 5, 7, 4, 5};
    private static final String[] FIRST = {"Harbor", "Summit", "Cedar", "Northwind", "Bluebird", "Granite", "Maple",
            "Riverside", "Lumen", "Atlas", "Copper", "Juniper", "Meadow", "Orchid", "Pioneer", "Quarry"};
    private static final String[] SECOND = {"Dental", "Logistics", "Print", "Legal", "Foods", "Engineering", "Clinics",
            "Freight", "Studio", "Analytics", "Builders", "Outfitters"};
    private static final String[] EVENTS = {"Regional Logistics Summit", "Practice Growth Forum", "Makers Expo",
            "Retail Futures Day", "Small Business Week"};

    private final long seed;
    private final LocalDate asOf;

    /** A generator for books assessed as of {@code asOf}. */
    public SampleBook(long seed, LocalDate asOf) {
        this.seed = seed;
        this.asOf = asOf;
    }

    /** How many account owners a book of this size has (25 customers each, 4 to 2,000). */
    public static int owners(long customers) {
        return (int) Math.max(4, Math.min(2000, customers / 25));
    }

    /** Owner id to team: two teams for small books, one team per ten owners for large ones. */
    public Map<String, String> teams(long customers) {
        int owners = owners(customers);
        int teams = Math.max(2, owners / 10);
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 1; i <= owners; i++) {
            map.put(owner(i), teams == 2 ? (i % 2 == 1 ? "North" : "South") : "Team-" + (1 + (i - 1) % teams));
        }
        return map;
    }

    private static String owner(int i) {
        return String.format("rep-%02d", i);
    }

    /** The book's customers, generated on demand. */
    public Stream<CustomerSnapshot> customers(long count) {
        Iterator<CustomerSnapshot> it = new Iterator<>() {
            private long i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public CustomerSnapshot next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return customer(i++, count);
            }
        };
        return StreamSupport.stream(Spliterators.spliterator(it, count, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Customer number {@code i} of a book of {@code count}. */
    public CustomerSnapshot customer(long i, long count) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + i);
        boolean first = i < ARCHETYPES;
        int kind = first ? (int) i : pick(rnd);
        String id = String.format("C-%06d", i + 1);
        boolean business = first ? kind != 2 && kind != 10 : rnd.nextInt(10) < 7;
        String name = business ? FIRST[rnd.nextInt(FIRST.length)] + " " + SECOND[rnd.nextInt(SECOND.length)]
                : (char) ('A' + rnd.nextInt(26)) + ". " + FIRST[rnd.nextInt(FIRST.length)] + "son";
        String ownerId = owner(1 + (int) (i % owners(count)));
        Customer customer = new Customer(id, business ? CustomerType.BUSINESS : CustomerType.INDIVIDUAL, ownerId, name,
                business ? Map.of("industry", SECOND[rnd.nextInt(SECOND.length)].toLowerCase()) : Map.of());
        return new Facts(id, rnd, first, customer).build(kind);
    }

    private static int pick(SplittableRandom rnd) {
        int r = rnd.nextInt(100);
        for (int k = 0; k < MIX.length; k++) {
            r -= MIX[k];
            if (r < 0) {
                return k;
            }
        }
        return MIX.length - 1;
    }

    /** Builds one customer's facts, dated in days before the assessment day. */
    private final class Facts {
        private final String id;
        private final SplittableRandom rnd;
        private final boolean full;
        private final CustomerSnapshot.Builder b;
        private int n;

        Facts(String id, SplittableRandom rnd, boolean full, Customer customer) {
            this.id = id;
            this.rnd = rnd;
            this.full = full;
            this.b = CustomerSnapshot.builder(customer);
        }

        private String next(String kind) {
            return id + "-" + kind + (++n);
        }

        private LocalDate ago(int days) {
            return asOf.minusDays(days);
        }

        private int between(int from, int to) {
            return from + rnd.nextInt(to - from + 1);
        }

        /** Sometimes, or always in the first customers. */
        private boolean twist(int percent) {
            return full || rnd.nextInt(100) < percent;
        }

        private String sale(int daysAgo) {
            String s = next("S");
            b.add(new Sale(s, ago(daysAgo), BigDecimal.valueOf(between(8, 400) * 100L), "slow quoting and lost orders"));
            return s;
        }

        private void trusted() {
            int saleAgo = between(200, 330);
            sale(saleAgo);
            b.add(new PositioningConversation(next("PC"), ago(saleAgo - 1)));
            b.add(new ServiceInteraction(next("SI"), ago(between(120, 180)), between(4, 5), IssueStatus.RESOLVED));
            b.add(new ServiceInteraction(next("SI"), ago(between(60, 110)), 5, IssueStatus.RESOLVED));
            b.add(new ProactiveAction(next("PA"), ago(between(90, 150)), "flagged a renewal saving"));
            b.add(new ExtraValue(next("EV"), ago(between(80, 140)), "shared a market briefing"));
            b.add(new ReferralGiven(next("RG"), ago(between(100, 160)), "introduced a supplier they needed"));
            b.add(new SocialTouch(next("ST"), ago(between(70, 130)), "met at a customer evening"));
        }

        private void greenLights(int newest) {
            b.add(new FeedbackAnswer(next("FA"), ago(newest + between(5, 20)), "What have we done right?", FeedbackSignal.GREEN_LIGHT));
            b.add(new SurveyScore(next("NPS"), ago(newest), SurveyType.NPS, between(9, 10)));
        }

        CustomerSnapshot build(int kind) {
            switch (kind) {
                case 0 -> {   // prospect: no sale yet; now and then asked anyway (not the first one: it stays NO_RELATIONSHIP)
                    if (!full && rnd.nextInt(100) < 30) {
                        b.add(new ReferralAsk(next("A"), ago(between(20, 120)), AskType.NAMES_ONLY));
                    }
                }
                case 1 -> {   // fresh sale, positioning due; often already a happy customer
                    int saleAgo = between(1, 25);
                    sale(saleAgo);
                    if (twist(50)) {
                        b.add(new FeedbackAnswer(next("FA"), ago(between(0, saleAgo)), "Is it working for you?", FeedbackSignal.GREEN_LIGHT));
                    }
                }
                case 2 -> {   // earning trust: some builders missing
                    int saleAgo = between(60, 300);
                    sale(saleAgo);
                    b.add(new PositioningConversation(next("PC"), ago(saleAgo - 1)));
                    if (!full && rnd.nextBoolean()) {
                        b.add(new ServiceInteraction(next("SI"), ago(between(20, 50)), between(3, 5), IssueStatus.RESOLVED));
                        b.add(new ServiceInteraction(next("SI"), ago(between(5, 19)), between(2, 5), IssueStatus.RESOLVED));
                    } else {
                        b.add(new ServiceInteraction(next("SI"), ago(between(5, 50)), 3, IssueStatus.OPEN));
                    }
                    if (!full && rnd.nextBoolean()) {
                        b.add(new ProactiveAction(next("PA"), ago(between(10, 60)), "called before a price change"));
                    }
                    if (!full && rnd.nextInt(3) == 0) {
                        b.add(new SocialTouch(next("ST"), ago(between(10, 60)), "coffee"));
                    }
                }
                case 3 -> trusted();   // trust earned, no feedback yet: confirm it
                case 4 -> {   // ready to ask
                    trusted();
                    greenLights(between(3, 40));
                    if (twist(40)) {
                        b.add(new IndustryEvent(next("IE"), ago(between(30, 200)), EVENTS[rnd.nextInt(EVENTS.length)]));
                    }
                }
                case 5 -> {   // an open complaint; sometimes asked during it
                    trusted();
                    int opened = between(5, 40);
                    b.add(new Complaint(next("CP"), ago(opened), null));
                    if (twist(40)) {
                        b.add(new ReferralAsk(next("A"), ago(between(1, opened - 1)), AskType.INTRODUCTION));
                    }
                }
                case 6 -> {   // complaint settled recently: vetoed
                    trusted();
                    greenLights(between(1, 4));
                    int resolved = between(5, 25);
                    b.add(new Complaint(next("CP"), ago(resolved + between(2, 10)), ago(resolved)));
                }
                case 7 -> {   // asked recently: cooling down, with the usual mistakes
                    trusted();
                    greenLights(between(3, 30));
                    int asked = between(10, 85);
                    if (twist(30)) {
                        b.add(new ReferralGiven(next("RG"), ago(asked + between(2, 10)), "sent them a lead"));
                    }
                    if (twist(30)) {
                        b.add(new ReferralAsk(next("A"), ago(asked + between(4, 60)), AskType.NAMES_ONLY));
                    }
                    b.add(new ReferralAsk(next("A"), ago(asked), AskType.INTRODUCTION));
                }
                case 8 -> {   // awaiting the introduction
                    trusted();
                    greenLights(between(8, 30));
                    if (full || rnd.nextBoolean()) {
                        String ask = next("A");
                        b.add(new ReferralAsk(ask, ago(6), AskType.INTRODUCTION));
                        String intro = next("I");
                        b.add(new Introduction(intro, ago(4), ask, "prospect-" + id, IntroductionChannel.EMAIL, null, null));
                        b.add(new FollowUp(next("F"), ago(3), intro, FollowUpType.THANK_REFERRER));
                    } else {
                        b.add(new ReferralAsk(next("A"), ago(between(1, 6)), AskType.INTRODUCTION));
                    }
                }
                case 9 -> {   // following up an introduction, some duties late or owed
                    trusted();
                    greenLights(between(45, 60));
                    int asked = between(30, 60);
                    String ask = next("A");
                    b.add(new ReferralAsk(ask, ago(asked), AskType.INTRODUCTION));
                    String intro = next("I");
                    b.add(new Introduction(intro, ago(asked - 2), ask, "prospect-" + id, IntroductionChannel.CALL,
                            ago(asked - 4), ago(asked - 10)));
                    // the thank-you is due the day after the introduction; now and then it comes late
                    boolean late = !full && rnd.nextInt(100) < 30;
                    b.add(new FollowUp(next("F"), ago(asked - (late ? 6 : 3)), intro, FollowUpType.THANK_REFERRER));
                    if (twist(60)) {
                        b.add(new ReferredSale(next("RS"), ago(between(10, 15)), intro, BigDecimal.valueOf(between(20, 200) * 100L)));
                    }
                    if (twist(40)) {
                        String second = next("I");
                        b.add(new Introduction(second, ago(2), ask, "prospect2-" + id, IntroductionChannel.MEETING, null, null));
                    }
                }
                case 10 -> {   // asked too soon after the sale, then chased
                    int saleAgo = between(40, 70);
                    sale(saleAgo);
                    b.add(new ReferralAsk(next("A"), ago(saleAgo - 2), AskType.NAMES_ONLY));
                    if (twist(60)) {
                        b.add(new ReferralAsk(next("A"), ago(saleAgo - 5), AskType.INTRODUCTION));
                    }
                }
                default -> {   // a referral cycle completed months ago, ready again
                    trusted();
                    greenLights(between(3, 30));
                    String ask = next("A");
                    b.add(new ReferralAsk(ask, ago(150), AskType.INTRODUCTION));
                    String intro = next("I");
                    b.add(new Introduction(intro, ago(148), ask, "prospect-" + id, IntroductionChannel.EMAIL, ago(146), ago(140)));
                    b.add(new FollowUp(next("F"), ago(147), intro, FollowUpType.THANK_REFERRER));
                    b.add(new FollowUp(next("F"), ago(138), intro, FollowUpType.STATUS_REPORT));
                    b.add(new ReferredSale(next("RS"), ago(120), intro, BigDecimal.valueOf(between(20, 200) * 100L)));
                    b.add(new FollowUp(next("F"), ago(116), intro, FollowUpType.THANK_YOU_GIFT));
                }
            }
            return b.build();
        }
    }
}
