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
 * message in both), in the same run, alternating (odd rounds gateway first, even rounds baseline first). The baseline's reports go to a bare JDK HTTP server answering 200;
 * the gateway's go to its own report server. Each round waits until the reports of the round are in, so one round's
 * callbacks do not load the next. The target is gateway / baseline at least 0.9.
 *
 * <p>Not a test (no assertion on time): run it with
 * {@code mvn -q -pl crm-examples/crm-sms-kannel -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.crmkit.messaging.kannel.KannelThroughputBenchmark -Dexec.skip=false}
 * (Kannel must be installed). Optional arguments: messages per round (default 2000), rounds per side (default 4),
 * caller threads, comma separated (default {@code 1,8}).
 */
public final class KannelThroughputBenchmark {

    private static final String TEXT = "Your order %d is ready for pickup at the Tverskaya store.";

    private KannelThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String threadCounts = args.length > 2 ? args[2] : "1,8";
        System.out.printf(Locale.ROOT, "Kannel throughput: bearerbox + smsbox + fakesmsc on 127.0.0.1, %d single-part GSM-7"
                + " messages per round, %d rounds per side, dlr-mask 19, %d cores%n", messages, rounds,
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
                double gatewayTotal = 0;
                double baselineTotal = 0;
                for (int round = 1; round <= rounds; round++) {
                    double viaGateway;
                    double viaLoop;
                    // alternate which side goes first, so neither always runs on a warmer (or busier) Kannel
                    if (round % 2 == 1) {
                        viaGateway = runGateway(gateway, reports, threads, messages);
                        viaLoop = baseline.run(threads, messages);
                    } else {
                        viaLoop = baseline.run(threads, messages);
                        viaGateway = runGateway(gateway, reports, threads, messages);
                    }
                    gatewayTotal += viaGateway;
                    baselineTotal += viaLoop;
                    System.out.printf(Locale.ROOT, "threads %d round %d: gateway %.0f msg/s, plain HttpClient %.0f msg/s, ratio %.2f%n",
                            threads, round, viaGateway, viaLoop, viaGateway / viaLoop);
                }
                System.out.printf(Locale.ROOT, "threads %d mean: gateway %.0f msg/s, plain HttpClient %.0f msg/s, ratio %.2f (target >= 0.9)%n",
                        threads, gatewayTotal / rounds, baselineTotal / rounds, gatewayTotal / baselineTotal);
            }
        }
    }

    private static double runGateway(KannelGateway gateway, AtomicInteger reports, int threads, int messages) throws Exception {
        int reportsBefore = reports.get();
        AtomicInteger next = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>(messages);
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                outcomes.add(callers.submit(() -> {
                    int n = next.incrementAndGet();
                    return gateway.send(SmsMessage.of("bench-" + n + "-" + System.nanoTime(), "CrmKit", "+447700900123",
                            String.format(Locale.ROOT, TEXT, n))).isAccepted();
                }));
            }
            int accepted = count(outcomes);
            double rate = messages / ((System.nanoTime() - start) / 1e9);
            check(accepted, messages, "gateway");
            awaitReports(() -> reports.get() - reportsBefore, accepted, "gateway");
            return rate;
        } finally {
            callers.shutdown();
        }
    }

    private static int count(List<Future<Boolean>> outcomes) throws Exception {
        int accepted = 0;
        for (Future<Boolean> outcome : outcomes) {
            accepted += outcome.get() ? 1 : 0;
        }
        return accepted;
    }

    private static void check(int accepted, int messages, String side) {
        if (accepted != messages) {
            throw new IllegalStateException(side + ": only " + accepted + " of " + messages + " accepted");
        }
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
            int reportsBefore = reports.get();
            String prefix = sendsms + "?username=" + encode(LocalKannel.USERNAME) + "&password=" + encode(LocalKannel.PASSWORD) + "&";
            String dlrUrl = "http://127.0.0.1:" + reportServer.getAddress().getPort() + "/dlr?token=";
            AtomicInteger next = new AtomicInteger();
            ExecutorService callers = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Boolean>> outcomes = new ArrayList<>(messages);
                long start = System.nanoTime();
                for (int i = 0; i < messages; i++) {
                    outcomes.add(callers.submit(() -> {
                        int n = next.incrementAndGet();
                        String query = "from=CrmKit&to=" + encode("+447700900123") + "&text=" + encode(String.format(Locale.ROOT, TEXT, n))
                                + "&charset=UTF-8&coding=0&dlr-mask=19&dlr-url="
                                + encode(dlrUrl + "baseline-" + n + "&type=%d&time=%T&report=%A");
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(prefix + query))
                                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
                        return response.statusCode() == 202 && response.body().startsWith("0:");
                    }));
                }
                int accepted = count(outcomes);
                double rate = messages / ((System.nanoTime() - start) / 1e9);
                check(accepted, messages, "plain HttpClient");
                awaitReports(() -> reports.get() - reportsBefore, accepted, "plain HttpClient");
                return rate;
            } finally {
                callers.shutdown();
            }
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
