package io.referralrules.flink;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.CloseableIterator;

import java.util.ArrayList;
import java.util.List;

/** A job's two outputs collected by running it to its end: answers and rejections, in arrival order. */
record Collected(List<String> answers, List<String> rejected) {
    static Collected run(ReadinessJob.Outputs outputs, String name) throws Exception {
        DataStream<String> tagged = outputs.answers().map(line -> "A" + line).returns(Types.STRING)
                .union(outputs.rejected().map(line -> "R" + line).returns(Types.STRING));
        List<String> answers = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        try (CloseableIterator<String> lines = tagged.executeAndCollect(name)) {
            while (lines.hasNext()) {
                String line = lines.next();
                (line.charAt(0) == 'A' ? answers : rejected).add(line.substring(1));
            }
        }
        return new Collected(answers, rejected);
    }

    /** The answers for one customer, in the order they were emitted. */
    List<String> of(String customerId) {
        return answers.stream().filter(line -> FactEvents.customerIdOf(line).orElseThrow().equals(customerId)).toList();
    }
}
