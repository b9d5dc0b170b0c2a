package io.referralrules.engine.internal;

import io.referralrules.api.facts.FollowUp;
import io.referralrules.api.facts.FollowUpType;
import io.referralrules.api.facts.Introduction;
import io.referralrules.api.facts.ReferralAsk;
import io.referralrules.api.facts.ReferralGiven;
import io.referralrules.api.facts.ReferredSale;
import io.referralrules.api.facts.Sale;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A subject's look-ups that would otherwise join one list with another: facts in time order ({@link Chronology}), the
 * follow-ups done per introduction, an introduction's first referred sale. Each is built on first use (most customers
 * need few of them) and answers in constant or logarithmic time, so the rules' cost stays linear in the facts. One
 * subject, one session, one thread: no locking.
 */
public final class FactIndex {
    private final Chronology<ReferralAsk> asks;
    private final Chronology<Sale> sales;
    private final Chronology<Introduction> introductions;
    private final Chronology<ReferralGiven> referralsGiven;
    private final List<FollowUp> followUpList;
    private final List<ReferredSale> referredSaleList;
    private Map<String, FollowUp> followUps;
    private Map<String, ReferredSale> firstReferredSales;

    FactIndex(List<ReferralAsk> asks, List<Sale> sales, List<Introduction> introductions, List<ReferralGiven> referralsGiven,
              List<FollowUp> followUps, List<ReferredSale> referredSales) {
        this.asks = Chronology.ofAsks(asks);
        this.sales = Chronology.ofSales(sales);
        this.introductions = Chronology.ofIntroductions(introductions);
        this.referralsGiven = Chronology.ofReferralsGiven(referralsGiven);
        this.followUpList = followUps;
        this.referredSaleList = referredSales;
    }

    /** The asks in order. */
    public Chronology<ReferralAsk> asks() {
        return asks;
    }

    /** The sales in order. */
    public Chronology<Sale> sales() {
        return sales;
    }

    /** The introductions in order. */
    public Chronology<Introduction> introductions() {
        return introductions;
    }

    /** The referrals we gave, in order. */
    public Chronology<ReferralGiven> referralsGiven() {
        return referralsGiven;
    }

    /** A follow-up of this type done for the introduction, or nothing. */
    public List<FollowUp> followUp(String introductionId, FollowUpType type) {
        if (followUps == null) {
            Map<String, FollowUp> done = new HashMap<>(followUpList.size() * 2);
            for (FollowUp followUp : followUpList) {
                done.putIfAbsent(key(followUp.introductionId(), followUp.type()), followUp);
            }
            followUps = done;
        }
        FollowUp done = followUps.get(key(introductionId, type));
        return done == null ? List.of() : List.of(done);
    }

    private static String key(String introductionId, FollowUpType type) {
        return type.name() + '\u0000' + introductionId;
    }

    /** The introduction's first referred sale (the earliest, ties broken by the smallest id), or nothing. */
    public List<ReferredSale> firstReferredSale(String introductionId) {
        if (firstReferredSales == null) {
            Map<String, ReferredSale> first = new HashMap<>();
            for (ReferredSale sale : referredSaleList) {
                first.merge(sale.introductionId(), sale, (a, b) -> a.date().isBefore(b.date())
                        || (a.date().isEqual(b.date()) && a.id().compareTo(b.id()) < 0) ? a : b);
            }
            firstReferredSales = first;
        }
        ReferredSale sale = firstReferredSales.get(introductionId);
        return sale == null ? List.of() : List.of(sale);
    }
}
