package io.referralrules.book;

import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReferralReadinessEngine;
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
import io.referralrules.engine.Playbook;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No look-ahead: a fact dated after an ask never changes what the backtest says about that ask. Generated customers
 * with facts up to a cut day are backtested; then facts of every kind dated after the cut are added (new facts of all
 * fifteen kinds, and later confirmations, prospect contacts and complaint resolutions of the facts already there), and
 * every ask up to the cut must keep its stage, trust builders met, warnings and signals, under both bundled playbooks.
 * The seed is {@code -Dreferralrules.seed} (default 14), named in every failure.
 */
class BacktestLookAheadTest {
    private static final long SEED = Long.getLong("referralrules.seed", 14L);
    private static final int CUSTOMERS = 100;
    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final int SPAN_DAYS = 540;
    private static final ReferralReadinessEngine EARNED_TRUST = ReferralRules.engine();
    private static final ReferralReadinessEngine MOMENTUM = ReferralRules.engine(Playbook.POST_SALE_MOMENTUM);

    @Test
    void factsAfterAnAskNeverChangeWhatTheBacktestSaysAboutIt() {
        SplittableRandom random = new SplittableRandom(SEED);
        Backtest backtest = Backtest.builder(EARNED_TRUST).compareWith(MOMENTUM).build();
        int compared = 0;
        int changedToday = 0;
        for (int c = 0; c < CUSTOMERS; c++) {
            LocalDate cut = START.plusDays(60 + random.nextInt(SPAN_DAYS - 60));
            CustomerSnapshot known = generate("C" + c, cut, random);
            CustomerSnapshot later = withLaterFacts(known, cut, random);
            List<Backtest.AskResult> before = backtest.asks(known);
            List<Backtest.AskResult> after = backtest.asks(later);
            for (int i = 0; i < before.size(); i++) {
                Backtest.AskResult b = before.get(i);
                Backtest.AskResult a = after.get(i);
                assertThat(a.ask()).isEqualTo(b.ask());
                assertThat(a.first()).as("seed %d, customer %s, ask %s on %s (cut %s), earned-trust; rerun with"
                        + " -Dreferralrules.seed=%d", SEED, known.customer().id(), b.ask().id(), b.ask().date(), cut, SEED)
                        .isEqualTo(b.first());
                assertThat(a.second()).as("seed %d, customer %s, ask %s on %s (cut %s), post-sale-momentum; rerun with"
                        + " -Dreferralrules.seed=%d", SEED, known.customer().id(), b.ask().id(), b.ask().date(), cut, SEED)
                        .isEqualTo(b.second());
                compared++;
            }
            LocalDate end = cut.plusDays(120);
            if (EARNED_TRUST.assess(later, end).stage() != EARNED_TRUST.assess(known, end).stage()) {
                changedToday++;
            }
        }
        // the test has teeth: many asks compared, and the later facts do change the customers' stages afterwards
        assertThat(compared).as("seed %d: asks compared", SEED).isGreaterThan(CUSTOMERS);
        assertThat(changedToday).as("seed %d: customers whose later facts change their stage", SEED).isGreaterThan(CUSTOMERS / 10);
    }

    /** A customer with facts of every kind dated up to {@code cut}, second dates included. */
    private static CustomerSnapshot generate(String id, LocalDate cut, SplittableRandom r) {
        CustomerSnapshot.Builder b = CustomerSnapshot.builder(new Customer(id, CustomerType.BUSINESS, "rep-" + r.nextInt(3), null));
        int days = (int) (cut.toEpochDay() - START.toEpochDay());
        addFacts(b, id, "", START, days, r);
        int asks = 1 + r.nextInt(4);
        for (int a = 0; a < asks; a++) {
            LocalDate day = START.plusDays(r.nextInt(days + 1));
            String askId = id + "-A" + a;
            b.add(new ReferralAsk(askId, day, r.nextInt(4) == 0 ? AskType.NAMES_ONLY : AskType.INTRODUCTION));
            if (r.nextBoolean()) {
                LocalDate agreed = until(day.plusDays(r.nextInt(40)), cut);
                String introId = id + "-I" + a;
                b.add(new Introduction(introId, agreed, askId, "P-" + introId, IntroductionChannel.values()[r.nextInt(4)],
                        maybe(agreed, cut, r), maybe(agreed, cut, r)));
                if (r.nextBoolean()) {
                    b.add(new FollowUp(id + "-F" + a, until(agreed.plusDays(r.nextInt(20)), cut), introId,
                            FollowUpType.values()[r.nextInt(3)]));
                }
                if (r.nextInt(3) == 0) {
                    b.add(new ReferredSale(id + "-RS" + a, until(agreed.plusDays(r.nextInt(90)), cut), introId, BigDecimal.TEN));
                }
            }
        }
        return b.build();
    }

    /** A few facts of each kind that stands alone, dated from {@code from} to {@code days} after it. */
    private static void addFacts(CustomerSnapshot.Builder b, String id, String tag, LocalDate from, int days, SplittableRandom r) {
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            b.add(new Sale(id + tag + "-S" + i, day(from, days, r), new BigDecimal(100 + r.nextInt(9000)), null));
        }
        for (int i = 0; i < r.nextInt(5); i++) {
            b.add(new ServiceInteraction(id + tag + "-SI" + i, day(from, days, r), r.nextInt(4) == 0 ? null : 1 + r.nextInt(5),
                    IssueStatus.values()[r.nextInt(6) == 0 ? 1 + r.nextInt(2) : 0]));
        }
        for (int i = 0; i < r.nextInt(3); i++) {
            b.add(new ProactiveAction(id + tag + "-PA" + i, day(from, days, r), null));
        }
        for (int i = 0; i < r.nextInt(3); i++) {
            b.add(new ExtraValue(id + tag + "-EV" + i, day(from, days, r), null));
        }
        for (int i = 0; i < r.nextInt(3); i++) {
            b.add(new ReferralGiven(id + tag + "-RG" + i, day(from, days, r), null));
        }
        for (int i = 0; i < r.nextInt(3); i++) {
            b.add(new SocialTouch(id + tag + "-ST" + i, day(from, days, r), null));
        }
        for (int i = 0; i < r.nextInt(2); i++) {
            b.add(new IndustryEvent(id + tag + "-IE" + i, day(from, days, r), "fair"));
        }
        for (int i = 0; i < r.nextInt(3); i++) {
            b.add(new PositioningConversation(id + tag + "-PC" + i, day(from, days, r)));
        }
        for (int i = 0; i < r.nextInt(4); i++) {
            b.add(new FeedbackAnswer(id + tag + "-FA" + i, day(from, days, r), null, FeedbackSignal.values()[r.nextInt(3)]));
        }
        for (int i = 0; i < r.nextInt(5); i++) {
            SurveyType type = SurveyType.values()[r.nextInt(3)];
            b.add(new SurveyScore(id + tag + "-SS" + i, day(from, days, r), type, type.min() + r.nextInt(type.max() - type.min() + 1)));
        }
        LocalDate last = from.plusDays(days);
        for (int i = 0; i < r.nextInt(3); i++) {
            LocalDate raised = day(from, days, r);
            b.add(new Complaint(id + tag + "-CO" + i, raised, maybe(raised, last, r)));
        }
    }

    /**
     * The customer with facts of every kind dated after {@code cut} added, and the later second dates of what was open
     * at the cut: introductions confirmed and prospects contacted, complaints resolved.
     */
    private static CustomerSnapshot withLaterFacts(CustomerSnapshot known, LocalDate cut, SplittableRandom r) {
        CustomerSnapshot.Builder b = CustomerSnapshot.builder(known.customer());
        LocalDate next = cut.plusDays(1);
        for (Fact f : known.facts().toList()) {
            if (f instanceof Introduction i) {
                b.add(new Introduction(i.id(), i.date(), i.askId(), i.prospectId(), i.channel(),
                        i.confirmedOn() != null ? i.confirmedOn() : next.plusDays(r.nextInt(30)),
                        i.prospectContactedOn() != null ? i.prospectContactedOn() : next.plusDays(r.nextInt(30))));
            } else if (f instanceof Complaint c) {
                b.add(new Complaint(c.id(), c.date(), c.resolvedOn() != null ? c.resolvedOn() : next.plusDays(r.nextInt(30))));
            } else {
                b.add(f);
            }
        }
        String id = known.customer().id();
        addFacts(b, id, "-later", next, 200, r);
        Set<String> introductions = new HashSet<>();
        known.introductions().forEach(i -> introductions.add(i.id()));
        for (int a = 0; a < 2; a++) {
            LocalDate day = day(next, 100, r);
            String askId = id + "-later-A" + a;
            b.add(new ReferralAsk(askId, day, AskType.INTRODUCTION));
            String introId = id + "-later-I" + a;
            b.add(new Introduction(introId, day.plusDays(r.nextInt(10)), askId, "P-" + introId, IntroductionChannel.EMAIL, null, null));
            introductions.add(introId);
        }
        // follow-ups and referred sales after the cut, of earlier and later introductions alike
        List<String> ids = new ArrayList<>(introductions);
        ids.sort(null);
        for (int i = 0; i < ids.size(); i++) {
            b.add(new FollowUp(id + "-later-F" + i, day(next.plusDays(110), 30, r), ids.get(i), FollowUpType.values()[r.nextInt(3)]));
            b.add(new ReferredSale(id + "-later-RS" + i, day(next.plusDays(110), 60, r), ids.get(i), BigDecimal.ONE));
        }
        return b.build();
    }

    private static LocalDate day(LocalDate from, int days, SplittableRandom r) {
        return from.plusDays(r.nextInt(days + 1));
    }

    private static LocalDate until(LocalDate day, LocalDate cut) {
        return day.isAfter(cut) ? cut : day;
    }

    /** A second date from {@code from} to {@code last}, or none (open). */
    private static LocalDate maybe(LocalDate from, LocalDate last, SplittableRandom r) {
        if (r.nextBoolean()) {
            return null;
        }
        int room = (int) (last.toEpochDay() - from.toEpochDay());
        return from.plusDays(r.nextInt(Math.min(room, 40) + 1));
    }
}
