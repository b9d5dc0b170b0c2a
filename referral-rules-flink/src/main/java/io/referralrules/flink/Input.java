package io.referralrules.flink;

/**
 * One line of input on its way to the customer's state: routed by {@code customerId}, read strictly by
 * {@link ReadinessFunction} (so an invalid line is reported once, beside the customer it names).
 *
 * @param customerId the customer the line shows (the key)
 * @param timestamp  the event's {@code occurredAt} in epoch milliseconds, {@code Long.MIN_VALUE} when it has none (a
 *                   snapshot, or a line whose time does not read)
 * @param source     what to call the line in messages (the input's name)
 * @param json       the line
 * @param snapshot   whether the line is a whole snapshot (a book entry) rather than a fact event
 */
public record Input(String customerId, long timestamp, String source, String json, boolean snapshot) {
}
