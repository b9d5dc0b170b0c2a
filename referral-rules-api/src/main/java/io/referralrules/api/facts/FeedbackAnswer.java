package io.referralrules.api.facts;

import java.time.LocalDate;

/**
 * One answer from a feedback or testimonial conversation: what to improve, what worked, what would make the customer
 * comfortable recommending us.
 *
 * <p>A {@link FeedbackSignal#COMPLAINT} answer is a complaint that stays open until a later green light (a
 * green-light answer or a promoter score).
 *
 * @param id       the host's id
 * @param date     the day of the conversation
 * @param question the question asked, in the host's words; may be {@code null}
 * @param signal   what the answer says
 */
public record FeedbackAnswer(String id, LocalDate date, String question, FeedbackSignal signal) implements Fact {
    public FeedbackAnswer {
        Checks.id("FeedbackAnswer", id);
        Checks.date("FeedbackAnswer", id, "date", date);
        Checks.required("FeedbackAnswer", id, "signal", signal);
    }
}
