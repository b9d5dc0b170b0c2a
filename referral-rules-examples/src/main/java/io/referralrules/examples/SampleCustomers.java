package io.referralrules.examples;

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
import java.util.List;

/**
 * A small, fictional book of customers, one or more per stage of the referral cycle, as a CRM would hold them on
 * {@link #AS_OF}. Every fact is dated relative to that day so the demo's answers never change.
 */
public final class SampleCustomers {
    /** The day the demo assesses the book. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    private SampleCustomers() {
    }

    /** The sample book. */
    public static List<CustomerSnapshot> all() {
        return List.of(
                prospectOnly(), freshSale(), earningTrust(), confirming(), readyToAsk(), blockedByComplaint(),
                askedAWhileAgo(), awaitingIntroduction(), followingUp(), premature());
    }

    private static LocalDate ago(int days) {
        return AS_OF.minusDays(days);
    }

    private static CustomerSnapshot customer(String id, CustomerType type, String owner, String name, List<Fact> facts) {
        return CustomerSnapshot.builder(new Customer(id, type, owner, name)).addAll(facts).build();
    }

    /** A trusted long-standing business customer: every trust builder met, no feedback yet. */
    private static List<Fact> trusted(String p) {
        return new ArrayList<>(List.of(
                new Sale(p + "-S1", ago(240), new BigDecimal("18000"), "stock-outs in the spring season"),
                new PositioningConversation(p + "-PC1", ago(238)),
                new ServiceInteraction(p + "-SI1", ago(200), 5, IssueStatus.RESOLVED),
                new ServiceInteraction(p + "-SI2", ago(90), 4, IssueStatus.RESOLVED),
                new ProactiveAction(p + "-PA1", ago(150), "warned of a supplier delay before it hit them"),
                new ExtraValue(p + "-EV1", ago(120), "quarterly demand-planning briefing"),
                new ReferralGiven(p + "-RG1", ago(110), "introduced them to a logistics firm looking for a partner"),
                new SocialTouch(p + "-ST1", ago(100), "regional trade fair dinner")));
    }

    /** A green-light answer to "what has worked well for you?". */
    private static FeedbackAnswer greenLight(String id, int daysAgo) {
        return new FeedbackAnswer(id, ago(daysAgo), "What has worked well for you?", FeedbackSignal.GREEN_LIGHT);
    }

    private static List<Fact> plus(List<Fact> base, Fact... more) {
        base.addAll(List.of(more));
        return base;
    }

    static CustomerSnapshot prospectOnly() {
        return customer("C-100", CustomerType.BUSINESS, "rep-ana", "Northwind Prospects", List.of());
    }

    static CustomerSnapshot freshSale() {
        return customer("C-101", CustomerType.BUSINESS, "rep-ana", "Brightline Dental", List.of(
                new Sale("C-101-S1", ago(4), new BigDecimal("7400"), "missed appointment reminders"),
                // the customer says the reminders work: the moment to ask under post-sale-momentum
                greenLight("C-101-FA1", 1)));
    }

    static CustomerSnapshot earningTrust() {
        return customer("C-102", CustomerType.INDIVIDUAL, "rep-ben", "J. Okafor", List.of(
                new Sale("C-102-S1", ago(120), new BigDecimal("2300"), "home office network drops"),
                new PositioningConversation("C-102-PC1", ago(119)),
                new ServiceInteraction("C-102-SI1", ago(80), 5, IssueStatus.RESOLVED),
                new ServiceInteraction("C-102-SI2", ago(20), 3, IssueStatus.RESOLVED),
                new SocialTouch("C-102-ST1", ago(30), "local business breakfast")));
    }

    static CustomerSnapshot confirming() {
        return customer("C-103", CustomerType.BUSINESS, "rep-ben", "Harbor Freight Partners", trusted("C-103"));
    }

    static CustomerSnapshot readyToAsk() {
        return customer("C-104", CustomerType.BUSINESS, "rep-ana", "Cobalt Engineering", plus(trusted("C-104"),
                greenLight("C-104-FA1", 25),
                new SurveyScore("C-104-NPS1", ago(12), SurveyType.NPS, 10),
                new IndustryEvent("C-104-EV1", ago(60), "Precision Machining Expo")));
    }

    static CustomerSnapshot blockedByComplaint() {
        return customer("C-105", CustomerType.BUSINESS, "rep-carla", "Vantage Clinics", plus(trusted("C-105"),
                greenLight("C-105-FA1", 40),
                new Complaint("C-105-CP1", ago(9), null)));
    }

    static CustomerSnapshot askedAWhileAgo() {
        return customer("C-106", CustomerType.BUSINESS, "rep-carla", "Meridian Foods", plus(trusted("C-106"),
                greenLight("C-106-FA1", 70),
                new SurveyScore("C-106-NPS1", ago(65), SurveyType.NPS, 9),
                new ReferralAsk("C-106-A1", ago(45), AskType.INTRODUCTION),
                new Introduction("C-106-I1", ago(44), "C-106-A1", "P-5501", IntroductionChannel.CALL, ago(40), ago(38)),
                new FollowUp("C-106-F1", ago(43), "C-106-I1", FollowUpType.THANK_REFERRER),
                new FollowUp("C-106-F2", ago(35), "C-106-I1", FollowUpType.STATUS_REPORT)));
    }

    static CustomerSnapshot awaitingIntroduction() {
        return customer("C-107", CustomerType.BUSINESS, "rep-ana", "Quarry Lane Legal", plus(trusted("C-107"),
                greenLight("C-107-FA1", 30),
                new SurveyScore("C-107-NPS1", ago(28), SurveyType.NPS, 9),
                new ReferralAsk("C-107-A1", ago(12), AskType.INTRODUCTION),
                new Introduction("C-107-I1", ago(11), "C-107-A1", "P-7702", IntroductionChannel.EMAIL, null, null),
                new FollowUp("C-107-F1", ago(10), "C-107-I1", FollowUpType.THANK_REFERRER)));
    }

    static CustomerSnapshot followingUp() {
        return customer("C-108", CustomerType.BUSINESS, "rep-ben", "Silverline Print", plus(trusted("C-108"),
                greenLight("C-108-FA1", 80),
                new SurveyScore("C-108-NPS1", ago(75), SurveyType.NPS, 10),
                new ReferralAsk("C-108-A1", ago(60), AskType.INTRODUCTION),
                new Introduction("C-108-I1", ago(58), "C-108-A1", "P-8803", IntroductionChannel.CALL, ago(55), ago(50)),
                new FollowUp("C-108-F1", ago(57), "C-108-I1", FollowUpType.THANK_REFERRER),
                new FollowUp("C-108-F2", ago(47), "C-108-I1", FollowUpType.STATUS_REPORT),
                new ReferredSale("C-108-RS1", ago(10), "C-108-I1", new BigDecimal("5600"))));
    }

    static CustomerSnapshot premature() {
        return customer("C-109", CustomerType.INDIVIDUAL, "rep-carla", "R. Lindqvist", List.of(
                new Sale("C-109-S1", ago(50), new BigDecimal("1900"), "unreliable backups"),
                new ReferralAsk("C-109-A1", ago(49), AskType.NAMES_ONLY),
                new ReferralAsk("C-109-A2", ago(47), AskType.NAMES_ONLY),
                new ServiceInteraction("C-109-SI1", ago(30), 4, IssueStatus.OPEN)));
    }
}
