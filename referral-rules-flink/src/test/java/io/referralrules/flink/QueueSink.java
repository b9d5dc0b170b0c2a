package io.referralrules.flink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A sink into a queue the test reads while the job runs (the MiniCluster runs in the test's JVM). */
final class QueueSink implements Sink<String> {
    private static final long serialVersionUID = 1L;
    static final BlockingQueue<String> LINES = new LinkedBlockingQueue<>();

    private final String tag;

    QueueSink(String tag) {
        this.tag = tag;
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(String line, Context context) {
                LINES.add(tag + line);
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }
}
