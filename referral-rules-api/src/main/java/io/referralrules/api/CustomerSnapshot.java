package io.referralrules.api;

import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.ExtraValue;
import io.referralrules.api.facts.Fact;
import io.referralrules.api.facts.FeedbackAnswer;
import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.IndustryEvent;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.PositioningConversation;
import io.referralrules.api.facts.ProactiveAction;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferralGiven;
import io.referralrules.api.facts.ReferredSale;
import io.referralrules.api.facts.Sale;
import io.referralrules.api.facts.ServiceInteraction;
import io.referralrules.api.facts.SocialTouch;
import io.referralrules.api.facts.SurveyScore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything the host knows about one customer, grouped by kind. Immutable: the lists are copies.
 *
 * <p>The constructor rejects a snapshot that cannot be true with an {@link InvalidInputException} naming the
 * field: a {@code null} element, two facts of one kind with the same id, or a follow-up, referred sale or
 * introduction that points at an id the snapshot does not hold; and one of more than
 * {@link Limits#MAX_FACTS_PER_CUSTOMER} facts (all kinds together), naming the customer and the count (its path is
 * empty: the snapshot as a whole).
 *
 * <pre>{@code
 * CustomerSnapshot snapshot = CustomerSnapshot.builder(new Customer("C-1", CustomerType.BUSINESS, "rep-7", null))
 *         .add(new Sale("S-1", LocalDate.of(2026, 1, 5), new BigDecimal("9000"), "late deliveries"))
 *         .add(new ServiceInteraction("SI-1", LocalDate.of(2026, 2, 1), 5, IssueStatus.RESOLVED))
 *         .build();
 * }</pre>
 *
 * @param customer                 the customer
 * @param sales                    sales closed with the customer
 * @param serviceInteractions      service contacts and their ratings
 * @param proactiveActions         needs we handled before the customer asked
 * @param extraValues              value given beyond the contract
 * @param referralsGiven           business leads we referred to the customer
 * @param socialTouches            contact outside strict business
 * @param industryEvents           industry events the customer attended (offered as prospect hints)
 * @param positioningConversations positioning conversations held after sales
 * @param feedbackAnswers          answers from feedback and testimonial conversations
 * @param surveyScores             NPS, CSAT and CES scores
 * @param complaints               complaints raised
 * @param asks                     referral asks made
 * @param introductions            introductions the customer agreed to make
 * @param followUps                follow-ups done for introductions
 * @param referredSales            sales to referred prospects
 */
public record CustomerSnapshot(Customer customer, List<Sale> sales, List<ServiceInteraction> serviceInteractions,
                               List<ProactiveAction> proactiveActions, List<ExtraValue> extraValues,
                               List<ReferralGiven> referralsGiven, List<SocialTouch> socialTouches,
                               List<IndustryEvent> industryEvents,
                               List<PositioningConversation> positioningConversations,
                               List<FeedbackAnswer> feedbackAnswers, List<SurveyScore> surveyScores,
                               List<Complaint> complaints, List<ReferralAsk> asks, List<Introduction> introductions,
                               List<FollowUp> followUps, List<ReferredSale> referredSales) {

    public CustomerSnapshot {
        if (customer == null) {
            throw invalid("customer", "must not be null");
        }
        long facts = Stream.of(sales, serviceInteractions, proactiveActions, extraValues, referralsGiven, socialTouches,
                        industryEvents, positioningConversations, feedbackAnswers, surveyScores, complaints, asks,
                        introductions, followUps, referredSales)
                .filter(Objects::nonNull).mapToLong(List::size).sum();
        if (facts > Limits.MAX_FACTS_PER_CUSTOMER) {
            String problem = "has " + facts + " facts, at most " + Limits.MAX_FACTS_PER_CUSTOMER + " per customer (id=" + shown(customer.id()) + ")";
            throw new InvalidInputException("CustomerSnapshot " + problem, "", problem);
        }
        sales = checked("sales", sales);
        serviceInteractions = checked("serviceInteractions", serviceInteractions);
        proactiveActions = checked("proactiveActions", proactiveActions);
        extraValues = checked("extraValues", extraValues);
        referralsGiven = checked("referralsGiven", referralsGiven);
        socialTouches = checked("socialTouches", socialTouches);
        industryEvents = checked("industryEvents", industryEvents);
        positioningConversations = checked("positioningConversations", positioningConversations);
        feedbackAnswers = checked("feedbackAnswers", feedbackAnswers);
        surveyScores = checked("surveyScores", surveyScores);
        complaints = checked("complaints", complaints);
        asks = checked("asks", asks);
        introductions = checked("introductions", introductions);
        followUps = checked("followUps", followUps);
        referredSales = checked("referredSales", referredSales);

        Set<String> askIds = ids(asks);
        for (int i = 0; i < introductions.size(); i++) {
            Introduction intro = introductions.get(i);
            if (intro.askId() != null && !askIds.contains(intro.askId())) {
                throw invalid("introductions[" + i + "].askId", "refers to unknown ask '"
                        + shown(intro.askId()) + "' (id=" + shown(intro.id()) + ")");
            }
        }
        Set<String> introIds = ids(introductions);
        for (int i = 0; i < followUps.size(); i++) {
            FollowUp f = followUps.get(i);
            if (!introIds.contains(f.introductionId())) {
                throw invalid("followUps[" + i + "].introductionId", "refers to unknown introduction '"
                        + shown(f.introductionId()) + "' (id=" + shown(f.id()) + ")");
            }
        }
        for (int i = 0; i < referredSales.size(); i++) {
            ReferredSale s = referredSales.get(i);
            if (!introIds.contains(s.introductionId())) {
                throw invalid("referredSales[" + i + "].introductionId", "refers to unknown introduction '"
                        + shown(s.introductionId()) + "' (id=" + shown(s.id()) + ")");
            }
        }
    }

    private static <T extends Fact> List<T> checked(String field, List<T> facts) {
        if (facts == null) {
            throw invalid(field, "must not be null (use an empty list)");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            T fact = facts.get(i);
            if (fact == null) {
                throw invalid(field + "[" + i + "]", "must not be null");
            }
            Integer first = seen.putIfAbsent(fact.id(), i);
            if (first != null) {
                throw invalid(field + "[" + i + "].id", "duplicates '" + shown(fact.id())
                        + "' of " + field + "[" + first + "]");
            }
        }
        return List.copyOf(facts);
    }

    private static InvalidInputException invalid(String path, String problem) {
        return new InvalidInputException("CustomerSnapshot." + path + " " + problem, path, problem);
    }

    /** An id as messages show it: whole up to 64 characters, else its start and its length (as the facts' checks do). */
    private static String shown(String id) {
        return id.length() <= 64 ? id : id.substring(0, 64) + "... (" + id.length() + " characters)";
    }

    private static Set<String> ids(List<? extends Fact> facts) {
        return facts.stream().map(Fact::id).collect(Collectors.toUnmodifiableSet());
    }

    /** All facts of the snapshot, kind by kind in the order of the record's components. */
    public Stream<Fact> facts() {
        return Stream.of(sales, serviceInteractions, proactiveActions, extraValues, referralsGiven, socialTouches,
                industryEvents, positioningConversations, feedbackAnswers, surveyScores, complaints, asks, introductions, followUps,
                referredSales).flatMap(List::stream);
    }

    /**
     * The snapshot as the CRM knew it at the end of {@code day}: every fact dated after {@code day} left out, and
     * every later field of a kept fact rolled back: an {@link Introduction} confirmed or whose prospect was contacted
     * after {@code day} is unconfirmed / not contacted then, a {@link Complaint} resolved after {@code day} is open
     * then. The customer is kept as it is (it has no dates).
     *
     * <p>What the day does not yet know is not referred to either: a kept introduction that names an ask dated
     * after {@code day} keeps no ask id, and a kept follow-up or referred sale of an introduction dated after
     * {@code day} is left out with it (a history in which they come first is contradictory; this keeps the result a
     * valid snapshot). A {@link ServiceInteraction}'s status has no date of its own and is kept as recorded.
     *
     * <p>Pure: this snapshot is never changed; when nothing in it is after {@code day} the answer is {@code this}.
     *
     * <pre>{@code
     * CustomerSnapshot thenKnown = snapshot.asKnownOn(ask.date().minusDays(1));
     * }</pre>
     *
     * @param day the last day whose facts are known
     * @return the snapshot as known at the end of {@code day}
     * @throws NullPointerException if {@code day} is {@code null}
     */
    public CustomerSnapshot asKnownOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (facts().noneMatch(f -> isAfter(f, day))) {
            return this;
        }
        List<ReferralAsk> keptAsks = until(asks, day);
        Set<String> keptAskIds = ids(keptAsks);
        List<Introduction> keptIntroductions = new ArrayList<>();
        for (Introduction i : introductions) {
            if (!i.date().isAfter(day)) {
                boolean askKnown = i.askId() == null || keptAskIds.contains(i.askId());
                keptIntroductions.add(new Introduction(i.id(), i.date(), askKnown ? i.askId() : null, i.prospectId(),
                        i.channel(), knownOn(i.confirmedOn(), day), knownOn(i.prospectContactedOn(), day)));
            }
        }
        Set<String> keptIntroductionIds = ids(keptIntroductions);
        List<Complaint> keptComplaints = new ArrayList<>();
        for (Complaint c : complaints) {
            if (!c.date().isAfter(day)) {
                keptComplaints.add(new Complaint(c.id(), c.date(), knownOn(c.resolvedOn(), day)));
            }
        }
        return new CustomerSnapshot(customer, until(sales, day), until(serviceInteractions, day),
                until(proactiveActions, day), until(extraValues, day), until(referralsGiven, day),
                until(socialTouches, day), until(industryEvents, day), until(positioningConversations, day),
                until(feedbackAnswers, day), until(surveyScores, day), keptComplaints, keptAsks, keptIntroductions,
                until(followUps, day).stream().filter(f -> keptIntroductionIds.contains(f.introductionId())).toList(),
                until(referredSales, day).stream().filter(s -> keptIntroductionIds.contains(s.introductionId())).toList());
    }

    /** Whether the fact, or a later field of it, is dated after {@code day}. */
    private static boolean isAfter(Fact fact, LocalDate day) {
        if (fact.date().isAfter(day)) {
            return true;
        }
        if (fact instanceof Introduction i) {
            return after(i.confirmedOn(), day) || after(i.prospectContactedOn(), day);
        }
        if (fact instanceof Complaint c) {
            return after(c.resolvedOn(), day);
        }
        return false;
    }

    private static boolean after(LocalDate date, LocalDate day) {
        return date != null && date.isAfter(day);
    }

    private static LocalDate knownOn(LocalDate date, LocalDate day) {
        return after(date, day) ? null : date;
    }

    private static <T extends Fact> List<T> until(List<T> facts, LocalDate day) {
        return facts.stream().filter(f -> !f.date().isAfter(day)).toList();
    }

    /**
     * Starts a snapshot of the given customer.
     *
     * @throws NullPointerException if {@code customer} is {@code null}
     */
    public static Builder builder(Customer customer) {
        return new Builder(Objects.requireNonNull(customer, "customer"));
    }

    /** A builder pre-filled with this snapshot's facts, to add more. */
    public Builder toBuilder() {
        Builder b = new Builder(customer);
        facts().forEach(b::add);
        return b;
    }

    /** Collects a customer's facts; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private final Customer customer;
        private final List<Sale> sales = new ArrayList<>();
        private final List<ServiceInteraction> serviceInteractions = new ArrayList<>();
        private final List<ProactiveAction> proactiveActions = new ArrayList<>();
        private final List<ExtraValue> extraValues = new ArrayList<>();
        private final List<ReferralGiven> referralsGiven = new ArrayList<>();
        private final List<SocialTouch> socialTouches = new ArrayList<>();
        private final List<IndustryEvent> industryEvents = new ArrayList<>();
        private final List<PositioningConversation> positioningConversations = new ArrayList<>();
        private final List<FeedbackAnswer> feedbackAnswers = new ArrayList<>();
        private final List<SurveyScore> surveyScores = new ArrayList<>();
        private final List<Complaint> complaints = new ArrayList<>();
        private final List<ReferralAsk> asks = new ArrayList<>();
        private final List<Introduction> introductions = new ArrayList<>();
        private final List<FollowUp> followUps = new ArrayList<>();
        private final List<ReferredSale> referredSales = new ArrayList<>();

        private Builder(Customer customer) {
            this.customer = customer;
        }

        /**
         * Adds one fact to the list of its kind.
         *
         * @throws NullPointerException if {@code fact} is {@code null}
         */
        public Builder add(Fact fact) {
            Objects.requireNonNull(fact, "fact");
            if (fact instanceof Sale f) {
                sales.add(f);
            } else if (fact instanceof ServiceInteraction f) {
                serviceInteractions.add(f);
            } else if (fact instanceof ProactiveAction f) {
                proactiveActions.add(f);
            } else if (fact instanceof ExtraValue f) {
                extraValues.add(f);
            } else if (fact instanceof ReferralGiven f) {
                referralsGiven.add(f);
            } else if (fact instanceof SocialTouch f) {
                socialTouches.add(f);
            } else if (fact instanceof IndustryEvent f) {
                industryEvents.add(f);
            } else if (fact instanceof PositioningConversation f) {
                positioningConversations.add(f);
            } else if (fact instanceof FeedbackAnswer f) {
                feedbackAnswers.add(f);
            } else if (fact instanceof SurveyScore f) {
                surveyScores.add(f);
            } else if (fact instanceof Complaint f) {
                complaints.add(f);
            } else if (fact instanceof ReferralAsk f) {
                asks.add(f);
            } else if (fact instanceof Introduction f) {
                introductions.add(f);
            } else if (fact instanceof FollowUp f) {
                followUps.add(f);
            } else if (fact instanceof ReferredSale f) {
                referredSales.add(f);
            } else {
                throw new IllegalStateException("unhandled fact kind " + fact.getClass().getName());
            }
            return this;
        }

        /**
         * Adds several facts, each to the list of its kind.
         *
         * @throws NullPointerException if {@code facts} or one of them is {@code null}
         */
        public Builder addAll(Iterable<? extends Fact> facts) {
            Objects.requireNonNull(facts, "facts").forEach(this::add);
            return this;
        }

        /** Validates and builds the snapshot. */
        public CustomerSnapshot build() {
            return new CustomerSnapshot(customer, sales, serviceInteractions, proactiveActions, extraValues,
                    referralsGiven, socialTouches, industryEvents, positioningConversations, feedbackAnswers, surveyScores, complaints,
                    asks, introductions, followUps, referredSales);
        }
    }
}
