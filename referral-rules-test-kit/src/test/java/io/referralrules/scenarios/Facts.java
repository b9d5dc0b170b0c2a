package io.referralrules.scenarios;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.facts.AskType;
import io.referralrules.api.facts.Complaint;
import io.referralrules.api.facts.Customer;
import io.referralrules.api.facts.CustomerType;
import io.referralrules.api.facts.ExtraValue;
import io.referralrules.api.facts.Fact;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Scenario vocabulary for the rule tests: every fact is dated in days before {@link #TODAY}, the assessment day.
 */
final class Facts {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private Facts() {
    }

    static LocalDate daysAgo(int days) {
        return TODAY.minusDays(days);
    }

    static CustomerSnapshot customer(Fact... facts) {
        return customer(Arrays.asList(facts));
    }

    /** A person rather than a company: they refer friends, colleagues, family and neighbours. */
    static CustomerSnapshot individual(Fact... facts) {
        return CustomerSnapshot.builder(new Customer("P-1", CustomerType.INDIVIDUAL, "rep-1", "Jo Example"))
                .addAll(Arrays.asList(facts)).build();
    }

    /** A business customer with host attributes, for host rules. */
    static CustomerSnapshot customerWith(Map<String, String> attributes, List<? extends Fact> facts) {
        return CustomerSnapshot.builder(new Customer("C-1", CustomerType.BUSINESS, "rep-1", "Acme Ltd", attributes))
                .addAll(facts).build();
    }

    static CustomerSnapshot customer(List<? extends Fact> facts) {
        return CustomerSnapshot.builder(new Customer("C-1", CustomerType.BUSINESS, "rep-1", "Acme Ltd"))
                .addAll(facts).build();
    }

    @SafeVarargs
    static List<Fact> join(List<? extends Fact>... parts) {
        List<Fact> all = new ArrayList<>();
        for (List<? extends Fact> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    static Sale sale(String id, int daysAgo) {
        return new Sale(id, daysAgo(daysAgo), new BigDecimal("10000"), "slow month-end close");
    }

    static ServiceInteraction service(String id, int daysAgo, Integer rating) {
        return new ServiceInteraction(id, daysAgo(daysAgo), rating, IssueStatus.RESOLVED);
    }

    static ServiceInteraction service(String id, int daysAgo, Integer rating, IssueStatus status) {
        return new ServiceInteraction(id, daysAgo(daysAgo), rating, status);
    }

    static ProactiveAction proactive(String id, int daysAgo) {
        return new ProactiveAction(id, daysAgo(daysAgo), "renewal reminder before expiry");
    }

    static ExtraValue extraValue(String id, int daysAgo) {
        return new ExtraValue(id, daysAgo(daysAgo), "industry briefing");
    }

    static ReferralGiven referralGiven(String id, int daysAgo) {
        return new ReferralGiven(id, daysAgo(daysAgo), "lead for their wholesale arm");
    }

    static SocialTouch social(String id, int daysAgo) {
        return new SocialTouch(id, daysAgo(daysAgo), "trade fair dinner");
    }

    static PositioningConversation positioning(String id, int daysAgo) {
        return new PositioningConversation(id, daysAgo(daysAgo));
    }

    static FeedbackAnswer greenLight(String id, int daysAgo) {
        return new FeedbackAnswer(id, daysAgo(daysAgo), "What have we done right?", FeedbackSignal.GREEN_LIGHT);
    }

    static FeedbackAnswer neutral(String id, int daysAgo) {
        return new FeedbackAnswer(id, daysAgo(daysAgo), "What could we improve?", FeedbackSignal.NEUTRAL);
    }

    static FeedbackAnswer complaintAnswer(String id, int daysAgo) {
        return new FeedbackAnswer(id, daysAgo(daysAgo), "What could we improve?", FeedbackSignal.COMPLAINT);
    }

    static SurveyScore nps(String id, int daysAgo, int score) {
        return new SurveyScore(id, daysAgo(daysAgo), SurveyType.NPS, score);
    }

    static Complaint complaint(String id, int openedDaysAgo, Integer resolvedDaysAgo) {
        return new Complaint(id, daysAgo(openedDaysAgo), resolvedDaysAgo == null ? null : daysAgo(resolvedDaysAgo));
    }

    static ReferralAsk ask(String id, int daysAgo) {
        return new ReferralAsk(id, daysAgo(daysAgo), AskType.INTRODUCTION);
    }

    static ReferralAsk namesOnlyAsk(String id, int daysAgo) {
        return new ReferralAsk(id, daysAgo(daysAgo), AskType.NAMES_ONLY);
    }

    /** An introduction agreed {@code daysAgo}; confirmation and our contact with the prospect in days ago, or null. */
    static Introduction introduction(String id, int daysAgo, String askId, Integer confirmedDaysAgo, Integer contactedDaysAgo) {
        return new Introduction(id, daysAgo(daysAgo), askId, "P-" + id, IntroductionChannel.EMAIL,
                confirmedDaysAgo == null ? null : daysAgo(confirmedDaysAgo),
                contactedDaysAgo == null ? null : daysAgo(contactedDaysAgo));
    }

    static FollowUp followUp(String id, int daysAgo, String introductionId, FollowUpType type) {
        return new FollowUp(id, daysAgo(daysAgo), introductionId, type);
    }

    static IndustryEvent industryEvent(String id, int daysAgo, String name) {
        return new IndustryEvent(id, daysAgo(daysAgo), name);
    }

    static ReferredSale referredSale(String id, int daysAgo, String introductionId) {
        return new ReferredSale(id, daysAgo(daysAgo), introductionId, new BigDecimal("4000"));
    }

    /** A customer who bought long ago and whose every trust builder is met (no feedback yet). */
    static List<Fact> trustEarned() {
        return List.of(
                sale("S-1", 200), positioning("PC-1", 199),
                service("SI-1", 150, 5), service("SI-2", 60, 4),
                proactive("PA-1", 120), extraValue("EV-1", 100), referralGiven("RG-1", 80), social("ST-1", 70));
    }

    /**
     * A fresh sale the customer has confirmed works: {@code POSITIONING} under earned-trust (no positioning
     * conversation yet), {@code READY_TO_ASK} under post-sale-momentum.
     */
    static List<Fact> freshSaleConfirmed() {
        return List.of(sale("S-9", 5), greenLight("FA-9", 2));
    }

    /** {@link #trustEarned()} plus two recent green lights: ready to ask. */
    static List<Fact> readyToAsk() {
        return join(trustEarned(), List.of(greenLight("FA-1", 20), nps("NPS-1", 10, 10)));
    }
}
