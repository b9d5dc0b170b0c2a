package io.referralrules.engine.internal;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessPolicy;
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
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One customer being assessed on one day: the one fact per customer in a session, whose fact lists the rules reach
 * with {@code from}, and whose {@link Window} gives the day, the policy and the first day of every window. Every fact
 * the rules derive names its subject, and the bundled rules join on it, so one session can assess many customers at
 * once (a host rule's veto is not joined: host rules run one customer per session). The lists hold the snapshot as it
 * stood on the assessment day: facts dated after it have not happened yet, and a later resolution or confirmation
 * date has not happened either (the host's objects are copied, never changed).
 */
public record Subject(Customer customer, List<Sale> sales, List<ServiceInteraction> serviceInteractions,
                      List<ProactiveAction> proactiveActions, List<ExtraValue> extraValues,
                      List<ReferralGiven> referralsGiven, List<SocialTouch> socialTouches,
                      List<IndustryEvent> industryEvents, List<PositioningConversation> positioningConversations,
                      List<FeedbackAnswer> feedbackAnswers, List<SurveyScore> surveyScores, List<Complaint> complaints,
                      List<ReferralAsk> asks, List<Introduction> introductions, List<FollowUp> followUps,
                      List<ReferredSale> referredSales, Sale latestSale, LocalDate firstSaleDate,
                      FactIndex index, Window window) {

    /** The snapshot as it stood on {@code asOf}, assessed on that day under the policy. */
    public static Subject of(CustomerSnapshot s, LocalDate asOf, ReadinessPolicy policy) {
        List<Sale> sales = upTo(s.sales(), asOf, null);
        Sale latest = null;
        LocalDate first = null;
        for (Sale sale : sales) {
            // the latest sale: the last to close, ties broken by the greatest id
            if (latest == null || sale.date().isAfter(latest.date())
                    || (sale.date().isEqual(latest.date()) && sale.id().compareTo(latest.id()) > 0)) {
                latest = sale;
            }
            if (first == null || sale.date().isBefore(first)) {
                first = sale.date();
            }
        }
        List<ReferralAsk> asks = upTo(s.asks(), asOf, null);
        List<ReferralGiven> given = upTo(s.referralsGiven(), asOf, null);
        List<Introduction> introductions = upTo(s.introductions(), asOf, i -> after(i.confirmedOn(), asOf) || after(i.prospectContactedOn(), asOf)
                ? new Introduction(i.id(), i.date(), i.askId(), i.prospectId(), i.channel(),
                        after(i.confirmedOn(), asOf) ? null : i.confirmedOn(),
                        after(i.prospectContactedOn(), asOf) ? null : i.prospectContactedOn())
                : i);
        List<FollowUp> followUps = upTo(s.followUps(), asOf, null);
        List<ReferredSale> referredSales = upTo(s.referredSales(), asOf, null);
        return new Subject(s.customer(), sales, upTo(s.serviceInteractions(), asOf, null),
                upTo(s.proactiveActions(), asOf, null), upTo(s.extraValues(), asOf, null),
                given, upTo(s.socialTouches(), asOf, null),
                upTo(s.industryEvents(), asOf, null), upTo(s.positioningConversations(), asOf, null),
                upTo(s.feedbackAnswers(), asOf, null), upTo(s.surveyScores(), asOf, null),
                upTo(s.complaints(), asOf, c -> after(c.resolvedOn(), asOf) ? new Complaint(c.id(), c.date(), null) : c),
                asks, introductions, followUps, referredSales, latest, first,
                new FactIndex(asks, sales, introductions, given, followUps, referredSales), Window.of(policy, asOf));
    }

    /**
     * The same facts assessed on another day: what time alone does to them (windows move, green lights age out), with
     * nothing that happened after the day the facts were taken. A new subject: two days are two assessments.
     */
    public Subject on(LocalDate day) {
        return new Subject(customer, sales, serviceInteractions, proactiveActions, extraValues, referralsGiven, socialTouches,
                industryEvents, positioningConversations, feedbackAnswers, surveyScores, complaints, asks, introductions,
                followUps, referredSales, latestSale, firstSaleDate, index, Window.of(window.policy(), day));
    }

    /** Identity: two subjects are two customers being assessed, whatever they hold. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    private static <T extends Fact> List<T> upTo(List<T> facts, LocalDate asOf, UnaryOperator<T> asItStood) {
        // the snapshot's lists are immutable copies: share one when every fact stands as it is on the day
        int i = 0;
        while (i < facts.size() && !facts.get(i).date().isAfter(asOf)
                && (asItStood == null || asItStood.apply(facts.get(i)) == facts.get(i))) {
            i++;
        }
        if (i == facts.size()) {
            return facts;
        }
        List<T> out = new ArrayList<>(facts.size());
        for (T fact : facts) {
            if (!fact.date().isAfter(asOf)) {
                out.add(asItStood == null ? fact : asItStood.apply(fact));
            }
        }
        return List.copyOf(out);
    }

    private static boolean after(LocalDate date, LocalDate asOf) {
        return date != null && date.isAfter(asOf);
    }

    /** The customer and every fact, as the host passed them (copies where a later date was removed). */
    public List<Object> facts() {
        List<Object> all = new ArrayList<>();
        all.add(customer);
        for (List<?> list : List.of(sales, serviceInteractions, proactiveActions, extraValues, referralsGiven,
                socialTouches, industryEvents, positioningConversations, feedbackAnswers, surveyScores, complaints, asks,
                introductions, followUps, referredSales)) {
            all.addAll(list);
        }
        return all;
    }

    public String id() {
        return customer.id();
    }

    /** How many facts the customer has on the day. */
    public int factCount() {
        return sales.size() + serviceInteractions.size() + proactiveActions.size() + extraValues.size() + referralsGiven.size()
                + socialTouches.size() + industryEvents.size() + positioningConversations.size() + feedbackAnswers.size()
                + surveyScores.size() + complaints.size() + asks.size() + introductions.size() + followUps.size()
                + referredSales.size();
    }

    /** Whether any sale closed (on or before the assessment day). */
    public boolean hasSale() {
        return latestSale != null;
    }

    @Override
    public String toString() {
        return "Subject[" + customer.id() + "]";
    }
}
