package org.crmkit.messaging.smpp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.sms.SmsMessage;

/**
 * Throughput of {@link SmppGateway} against the in-process SMSC answering every {@code submit_sm}
 * after a simulated latency (50 ms), with a window of 1 and a window of 10, in the same run.
 * Twice as many caller threads as the window keep it full. The ideal is window / latency messages
 * per second; the target for window 10 is at least 0.9 of it (180 msg/s).
 *
 * <p>Not a test (no assertion on time): run it with
 * {@code mvn -q -pl crm-examples/crm-sms-smpp exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.crmkit.messaging.smpp.SmppThroughputBenchmark -Dexec.skip=false}.
 * Optional arguments: messages for window 10 (default 3000), messages for window 1 (default 300),
 * latency in milliseconds (default 50).
 */
public final class SmppThroughputBenchmark {

    private SmppThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messagesWide = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int messagesNarrow = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Duration latency = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 50);

        System.out.printf(Locale.ROOT, "SMPP throughput: in-process SMSC on 127.0.0.1, submit_sm_resp after %d ms, "
                + "single-part GSM-7 messages, %d cores%n", latency.toMillis(), Runtime.getRuntime().availableProcessors());
        try (InProcessSmsc smsc = InProcessSmsc.start()) {
            smsc.respondAfter(latency);
            run(smsc, 10, 200, latency, false);             // warm-up: JIT, connections
            double narrow = run(smsc, 1, messagesNarrow, latency, true);
            double wide = run(smsc, 10, messagesWide, latency, true);
            double target = 0.9 * 10 / (latency.toMillis() / 1000.0);
            System.out.printf(Locale.ROOT, "window 10 / window 1 = %.1fx; window 10 target >= %.0f msg/s: %s%n",
                    wide / narrow, target, wide >= target ? "met" : "NOT met");
        }
    }

    private static double run(InProcessSmsc smsc, int window, int messages, Duration latency, boolean print) throws Exception {
        smsc.reset();
        smsc.respondAfter(latency);
        SmppGateway gateway = new SmppGateway(SmppSettings.from(ProviderConfig.empty()
                .with("host", "127.0.0.1")
                .with("port", String.valueOf(smsc.port()))
                .with("system-id", "bench")
                .with("window", String.valueOf(window))
                .with("response-timeout", "PT30S")
                .with("bind-wait", "PT10S")));
        ExecutorService callers = Executors.newFixedThreadPool(2 * window);
        AtomicInteger next = new AtomicInteger();
        try {
            // bind before the clock starts
            if (!gateway.send(SmsMessage.of("bench-bind-" + window, "CrmKit", "+447700900123", "bind")).isAccepted()) {
                throw new IllegalStateException("the gateway did not bind");
            }
            List<Future<SendOutcome>> outcomes = new ArrayList<>(messages);
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                outcomes.add(callers.submit(() -> {
                    int n = next.incrementAndGet();
                    return gateway.send(SmsMessage.of("bench-" + window + "-" + n, "CrmKit", "+447700900123",
                            "Benchmark message " + n + " of the SMPP gateway"));
                }));
            }
            int accepted = 0;
            for (Future<SendOutcome> outcome : outcomes) {
                accepted += outcome.get().isAccepted() ? 1 : 0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = messages / seconds;
            if (print) {
                double ideal = window / (latency.toMillis() / 1000.0);
                System.out.printf(Locale.ROOT, "window %2d: %5d messages (%d accepted) in %6.2f s = %7.1f msg/s "
                                + "(ideal %.0f, %.2f of it); SMSC saw at most %d submits in flight%n",
                        window, messages, accepted, seconds, rate, ideal, rate / ideal, smsc.maxOutstandingSubmits());
            }
            return rate;
        } finally {
            callers.shutdownNow();
            gateway.close();
        }
    }
}
