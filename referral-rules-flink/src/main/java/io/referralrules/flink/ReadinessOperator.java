package io.referralrules.flink;

import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.TimestampedCollector;

/**
 * Runs a {@link ReadinessFunction}, and when the input ends decides the book run's customers still waiting for a
 * batch (a {@code KeyedProcessFunction} has no end-of-input hook of its own).
 */
final class ReadinessOperator extends KeyedProcessOperator<String, Input, String> implements BoundedOneInput {
    private static final long serialVersionUID = 1L;

    ReadinessOperator(ReadinessFunction function) {
        super(function);
    }

    @Override
    public void endInput() {
        ((ReadinessFunction) getUserFunction()).flush(new TimestampedCollector<>(output));
    }

    @Override
    public void finish() throws Exception {
        endInput();
        super.finish();
    }
}
