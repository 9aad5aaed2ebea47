package org.crmkit.messaging.kannel;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.sms.SmsMessage;

/**
 * Throughput of {@link KannelGateway} through a real Kannel to its fake SMSC, against a plain {@link HttpClient} loop
 * sending the same sendsms requests (same parameters, a dlr-url and dlr-mask 19 each, so Kannel calls back once per
 * message in both), in the same run, alternating in small blocks (gateway, baseline, baseline, gateway, ...) so
 * that both meet the same load of a shared machine; the time of each side is the sum of its blocks. The baseline's
 * reports go to a bare JDK HTTP server answering 200; the gateway's go to its own report server. Each block waits until the reports of the block are in, so one block's
 * callbacks do not load the next. The target is gateway / baseline at least 0.9.
 *
 * <p>Not a test (no assertion on time): run it with
 * {@code mvn -q -pl crm-examples/crm-sms-kannel -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.crmkit.messaging.kannel.KannelThroughputBenchmark -Dexec.skip=false}
 * (Kannel must be installed). Optional arguments: messages per side (default 2000), block size (default 100),
 * caller threads, comma separated (default {@code 1,8}).
 */
public final class KannelThroughputBenchmark {

    private static final String TEXT = "Your order %d is ready for pickup at the Tverskaya store.";

    private KannelThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int block = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String threadCounts = args.length > 2 ? args[2] : "1,8";
        System.out.printf(Locale.ROOT, "Kannel throughput: bearerbox + smsbox + fakesmsc on 127.0.0.1, %d single-part GSM-7"
                + " messages per side in blocks of %d (ABBA order), dlr-mask 19, %d cores%n", messages, block,
                Runtime.getRuntime().availableProcessors());
        try (LocalKannel kannel = LocalKannel.start(LocalKannel.Options.of(LocalKannel.Smsc.fake()));
             Baseline baseline = new Baseline(kannel.sendsmsUrl());
             KannelGateway gateway = new KannelGatewayProvider().create(ProviderConfig.of(Map.of(
                     "sendsms-url", kannel.sendsmsUrl().toString(),
                     "username", LocalKannel.USERNAME,
                     "password", LocalKannel.PASSWORD,
                     "dlr-server-port", "0",
                     "timeout", "PT60S")))) {
            AtomicInteger reports = new AtomicInteger();
            gateway.onReceipt(receipt -> reports.incrementAndGet());
            for (String each : threadCounts.split(",")) {
                int threads = Integer.parseInt(each.strip());
                // warm-up: JIT, connections, Kannel's own pools
                runGateway(gateway, reports, threads, Math.max(200, messages / 5));
                baseline.run(threads, Math.max(200, messages / 5));
                double gatewaySeconds = 0;
                double baselineSeconds = 0;
                double lowest = Double.MAX_VALUE;
                double highest = 0;
                for (int i = 0; i < messages / block; i++) {
                    double viaGateway;
                    double viaLoop;
                    // A B B A: neither side always runs on a warmer, or busier, Kannel
                    if (i % 2 == 0) {
                        viaGateway = runGateway(gateway, reports, threads, block);
                        viaLoop = baseline.run(threads, block);
                    } else {
                        viaLoop = baseline.run(threads, block);
                        viaGateway = runGateway(gateway, reports, threads, block);
                    }
                    gatewaySeconds += block / viaGateway;
                    baselineSeconds += block / viaLoop;
                    lowest = Math.min(lowest, viaGateway / viaLoop);
                    highest = Math.max(highest, viaGateway / viaLoop);
                }
                int sent = messages / block * block;
                System.out.printf(Locale.ROOT, "threads %d: gateway %d in %.2f s = %.0f msg/s, plain HttpClient %d in %.2f s = %.0f msg/s,"
                                + " ratio %.2f (target >= 0.9; block ratios %.2f to %.2f)%n", threads, sent, gatewaySeconds,
                        sent / gatewaySeconds, sent, baselineSeconds, sent / baselineSeconds, baselineSeconds / gatewaySeconds,
                        lowest, highest);
            }
        }
    }

    private static double runGateway(KannelGateway gateway, AtomicInteger reports, int threads, int messages) throws Exception {
        return measure("gateway", threads, messages, reports::get, n -> gateway.send(SmsMessage.of("bench-" + n + "-" + System.nanoTime(),
                "CrmKit", "+447700900123", String.format(Locale.ROOT, TEXT, n))).isAccepted());
    }

    /** Messages per second for {@code messages} sends from {@code threads} callers; then waits for their reports. */
    private static double measure(String side, int threads, int messages, java.util.function.IntSupplier reports, Send send)
            throws Exception {
        int reportsBefore = reports.getAsInt();
        AtomicInteger next = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>(messages);
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                outcomes.add(callers.submit(() -> send.accepted(next.incrementAndGet())));
            }
            int accepted = 0;
            for (Future<Boolean> outcome : outcomes) {
                accepted += outcome.get() ? 1 : 0;
            }
            double rate = messages / ((System.nanoTime() - start) / 1e9);
            if (accepted != messages) {
                throw new IllegalStateException(side + ": only " + accepted + " of " + messages + " accepted");
            }
            awaitReports(() -> reports.getAsInt() - reportsBefore, accepted, side);
            return rate;
        } finally {
            callers.shutdown();
        }
    }

    /** Sends message number {@code n}; whether Kannel accepted it. */
    @FunctionalInterface
    private interface Send {
        boolean accepted(int n) throws Exception;
    }

    private static void awaitReports(java.util.function.IntSupplier received, int expected, String side) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (received.getAsInt() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(side + ": " + received.getAsInt() + " of " + expected + " reports after 2 minutes");
            }
            Thread.sleep(20);
        }
    }

    /** The same sendsms requests from a bare HttpClient, with reports to a bare JDK server answering 200. */
    private static final class Baseline implements AutoCloseable {
        private final URI sendsms;
        private final HttpServer reportServer;
        private final AtomicInteger reports = new AtomicInteger();
        private final ExecutorService reportThreads = Executors.newFixedThreadPool(4);
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        Baseline(URI sendsms) throws IOException {
            this.sendsms = sendsms;
            reportServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            reportServer.setExecutor(reportThreads);
            reportServer.createContext("/dlr", exchange -> {
                reports.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            reportServer.start();
        }

        double run(int threads, int messages) throws Exception {
            String prefix = sendsms + "?username=" + encode(LocalKannel.USERNAME) + "&password=" + encode(LocalKannel.PASSWORD) + "&";
            String dlrUrl = "http://127.0.0.1:" + reportServer.getAddress().getPort() + "/dlr?token=";
            return measure("plain HttpClient", threads, messages, reports::get, n -> {
                String query = "from=CrmKit&to=" + encode("+447700900123") + "&text=" + encode(String.format(Locale.ROOT, TEXT, n))
                        + "&charset=UTF-8&coding=0&dlr-mask=19&dlr-url=" + encode(dlrUrl + "baseline-" + n + "&type=%d&time=%T&report=%A");
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(prefix + query))
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 202 && response.body().startsWith("0:");
            });
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            reportServer.stop(0);
            reportThreads.shutdownNow();
        }
    }
}
