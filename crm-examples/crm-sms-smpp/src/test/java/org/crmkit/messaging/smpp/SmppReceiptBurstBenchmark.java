package org.crmkit.messaging.smpp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.sms.SmsMessage;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/**
 * A burst of delivery receipts: the Cloudhopper test SMSC sends N receipts (default 10,000) as fast as its
 * window (default 1,000 unanswered {@code deliver_sm}) lets it, and the run ends when every one is answered.
 * Three receivers in the same run, each bound afresh per round:
 * <ul>
 *   <li>the baseline, a bare jSMPP 3.0.1 transceiver with its defaults (3 receive threads, a queue of 100) and a
 *       listener that parses each receipt and counts it;</li>
 *   <li>the same bare jSMPP listener with its queue sized to the whole burst (no receipt refused);</li>
 *   <li>{@link SmppGateway} with its defaults for a window of 10, passing each receipt to a counting listener.</li>
 * </ul>
 * Printed per receiver: receipts per second (median of the measured rounds), how many the listener got, and
 * how many {@code deliver_sm} were answered with an error status (jSMPP's {@code ESME_RTHROTTLED}: lost with an
 * SMSC that does not resend).
 *
 * <p>Not a test (no assertion on time): run it with
 * {@code mvn -q -pl crm-examples/crm-sms-smpp exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.crmkit.messaging.smpp.SmppReceiptBurstBenchmark -Dexec.skip=false}.
 * Optional arguments: receipts per burst (10000), SMSC window (1000), measured rounds (5).
 */
public final class SmppReceiptBurstBenchmark {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private SmppReceiptBurstBenchmark() {
    }

    /** One bound receiver under test: how many receipts its listener got, and how to close it. */
    private record Receiver(AtomicInteger count, Runnable closer) implements AutoCloseable {
        int received() {
            return count.get();
        }

        @Override
        public void close() {
            closer.run();
        }
    }

    private interface ReceiverFactory {
        Receiver bind(int port) throws Exception;
    }

    private record Round(double perSecond, int received, int refused) {
    }

    public static void main(String[] args) throws Exception {
        int receipts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        System.out.printf(Locale.ROOT, "SMPP receipt burst: %d receipts from a Cloudhopper SMSC with a window of %d,"
                + " %d measured rounds after one warm-up, %d cores%n", receipts, window, rounds,
                Runtime.getRuntime().availableProcessors());
        Map<String, ReceiverFactory> receivers = new java.util.LinkedHashMap<>();
        receivers.put("bare jSMPP, defaults (baseline)", port -> bare(port, 100));
        receivers.put("bare jSMPP, queue = burst", port -> bare(port, receipts + 100));
        receivers.put("SmppGateway, defaults", SmppReceiptBurstBenchmark::gateway);
        Map<String, List<Round>> results = new java.util.LinkedHashMap<>();
        receivers.keySet().forEach(name -> results.put(name, new ArrayList<>()));
        try (CloudhopperSmsc smsc = CloudhopperSmsc.start(window)) {
            for (int round = 0; round <= rounds; round++) {
                for (Map.Entry<String, ReceiverFactory> receiver : receivers.entrySet()) {
                    Round result = burst(smsc, receiver.getValue(), receipts, "r" + round + "-");
                    if (round > 0) {
                        results.get(receiver.getKey()).add(result);
                    }
                }
            }
        }
        double baseline = median(results.get("bare jSMPP, defaults (baseline)"));
        for (Map.Entry<String, List<Round>> result : results.entrySet()) {
            List<Round> measured = result.getValue();
            double rate = median(measured);
            System.out.printf(Locale.ROOT, "%-34s %8.0f receipts/s (median; %.2f of baseline); listener got %s of %d;"
                            + " answered with an error status: %s%n",
                    result.getKey(), rate, rate / baseline,
                    measured.stream().map(r -> Integer.toString(r.received())).toList(), receipts,
                    measured.stream().map(r -> Integer.toString(r.refused())).toList());
        }
    }

    private static Round burst(CloudhopperSmsc smsc, ReceiverFactory factory, int receipts, String prefix) throws Exception {
        try (Receiver receiver = factory.bind(smsc.port())) {
            long start = System.nanoTime();
            Map<Integer, Integer> refused = smsc.sendReceiptBurst(prefix, receipts, PATIENCE);
            double seconds = (System.nanoTime() - start) / 1e9;
            int refusedCount = refused.values().stream().mapToInt(Integer::intValue).sum();
            return new Round(receipts / seconds, receiver.received(), refusedCount);
        }
    }

    private static double median(List<Round> rounds) {
        List<Double> rates = new ArrayList<>(rounds.stream().map(Round::perSecond).toList());
        Collections.sort(rates);
        return rates.get(rates.size() / 2);
    }

    private static Receiver bare(int port, int queueCapacity) throws Exception {
        AtomicInteger count = new AtomicInteger();
        SMPPSession session = new SMPPSession();
        session.setQueueCapacity(queueCapacity);
        session.setTransactionTimer(30_000);
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
                try {
                    if (deliverSm.isSmscDeliveryReceipt() && deliverSm.getShortMessageAsDeliveryReceipt().getId() != null) {
                        count.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new ProcessRequestException("bad receipt", 0x64);
                }
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("no data_sm", 0x03);
            }
        });
        session.connectAndBind("127.0.0.1", port, new BindParameter(BindType.BIND_TRX, "bench", "", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
        return new Receiver(count, session::unbindAndClose);
    }

    private static Receiver gateway(int port) {
        AtomicInteger count = new AtomicInteger();
        SmppGateway gateway = new SmppGateway(SmppSettings.from(ProviderConfig.empty()
                .with("host", "127.0.0.1")
                .with("port", String.valueOf(port))
                .with("system-id", "bench")
                .with("bind-wait", "PT10S")));
        gateway.onReceipt(receipt -> count.incrementAndGet());
        if (!gateway.send(SmsMessage.of("bench-bind", "CrmKit", "+447700900123", "bind")).isAccepted()) {
            gateway.close();
            throw new IllegalStateException("the gateway did not bind");
        }
        return new Receiver(count, gateway::close);
    }
}
