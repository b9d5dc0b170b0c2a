package io.referralrules.flink;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.facts.Complaint;
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

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The kinds of fact, named as the lists of a snapshot document name them. */
final class FactKinds {
    private static final Map<Class<? extends Fact>, String> KINDS = Map.ofEntries(
            Map.entry(Sale.class, "sales"), Map.entry(ServiceInteraction.class, "serviceInteractions"),
            Map.entry(ProactiveAction.class, "proactiveActions"), Map.entry(ExtraValue.class, "extraValues"),
            Map.entry(ReferralGiven.class, "referralsGiven"), Map.entry(SocialTouch.class, "socialTouches"),
            Map.entry(IndustryEvent.class, "industryEvents"),
            Map.entry(PositioningConversation.class, "positioningConversations"),
            Map.entry(FeedbackAnswer.class, "feedbackAnswers"), Map.entry(SurveyScore.class, "surveyScores"),
            Map.entry(Complaint.class, "complaints"), Map.entry(ReferralAsk.class, "asks"),
            Map.entry(Introduction.class, "introductions"), Map.entry(FollowUp.class, "followUps"),
            Map.entry(ReferredSale.class, "referredSales"));

    /** Every kind, in the order of the snapshot's lists. */
    static final List<String> ALL = Arrays.stream(CustomerSnapshot.class.getRecordComponents())
            .filter(c -> List.class.isAssignableFrom(c.getType())).map(c -> c.getName()).toList();

    private FactKinds() {
    }

    static String kindOf(Fact fact) {
        return KINDS.get(fact.getClass());
    }

    static String check(String kind) {
        if (!ALL.contains(kind)) {
            throw new IllegalArgumentException("unknown kind of fact: " + shown(kind));
        }
        return kind;
    }

    /** An id as messages show it: whole up to 64 characters, else its start. */
    static String shown(String id) {
        return id == null ? "null" : id.length() <= 64 ? id : id.substring(0, 64) + "... (" + id.length() + " characters)";
    }
}
