package org.crmkit.messaging.smtp;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.email.EmailMessage;
import org.crmkit.messaging.email.Mailbox;

/**
 * A benchmark main, not a test: sends the same e-mails to an in-process GreenMail (127.0.0.1) once over one
 * reused connection and once with a connection per message, after a warm-up of both, and prints both rates
 * and their ratio. The measured messages go in four alternating rounds (reused, per message, reused, ...)
 * and rotate over 100 recipients, as a mailing would.
 *
 * <p>It does so against two servers. Stock GreenMail writes its multi-line EHLO reply line by line with
 * Nagle's algorithm on, so every new connection waits for the client's delayed ACK (about 40 ms on Linux):
 * that inflates the cost of a connection far beyond what a production MTA charges. The second server is
 * GreenMail with {@code TCP_NODELAY} on its accepted sockets, which removes that stall and leaves the real
 * cost of a connection (TCP handshake, greeting, EHLO, QUIT, a server thread).
 *
 * <p>Arguments: number of measured messages per mode (default 10000), warm-up messages per mode (default
 * 1000), servers: {@code both} (default), {@code stock} or {@code nodelay}.
 *
 * <pre>
 * mvn -q -pl crm-examples/crm-email-smtp exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.crmkit.messaging.smtp.SmtpReuseBenchmark -Dexec.skip=false
 * </pre>
 */
public final class SmtpReuseBenchmark {

    /** Distinct recipients the messages rotate over, as a mailing would; GreenMail keeps a mailbox for each. */
    private static final int RECIPIENTS = 100;

    /** The measured messages of each mode are sent in this many alternating rounds. */
    private static final int ROUNDS = 4;

    private SmtpReuseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // before the first logger exists: GreenMail logs every connection at DEBUG, which would be measured too
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.crmkit", "warn");
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        String servers = args.length > 2 ? args[2] : "both";
        System.out.printf(Locale.ROOT, "SMTP reuse benchmark: %d e-mails per mode to GreenMail on 127.0.0.1, "
                + "after %d warm-up e-mails per mode; Java %s, %d CPUs%n",
                messages, warmUp, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        if (servers.equals("both") || servers.equals("nodelay")) {
            measure("GreenMail with TCP_NODELAY", new NoDelayGreenMail(), messages, warmUp);
        }
        if (servers.equals("both") || servers.equals("stock")) {
            measure("stock GreenMail", new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)),
                    messages, warmUp);
        }
    }

    private static void measure(String server, GreenMail greenMail, int messages, int warmUp) throws FolderException {
        greenMail.start();
        try {
            ProviderConfig config = ProviderConfig.of(Map.of(
                    SmtpSettings.HOST, "127.0.0.1",
                    SmtpSettings.PORT, Integer.toString(greenMail.getSmtp().getPort()),
                    SmtpSettings.SECURITY, "none",
                    SmtpSettings.HELO_NAME, "bench.crmkit.test"));
            ProviderConfig reused = config.with(SmtpSettings.REUSE_CONNECTION, "true");
            ProviderConfig perMessage = config.with(SmtpSettings.REUSE_CONNECTION, "false");

            run(greenMail, reused, "warm-up", warmUp);
            run(greenMail, perMessage, "warm-up", warmUp);
            // the modes alternate in rounds, so that drifting load on a shared machine hits both alike
            long reusedNanos = 0;
            long perMessageNanos = 0;
            int perRound = messages / ROUNDS;
            for (int round = 0; round < ROUNDS; round++) {
                reusedNanos += run(greenMail, reused, "reused-" + round, perRound);
                perMessageNanos += run(greenMail, perMessage, "single-" + round, perRound);
            }
            double reusedRate = report(server, "reused connection     ", perRound * ROUNDS, reusedNanos);
            double perMessageRate = report(server, "connection per message", perRound * ROUNDS, perMessageNanos);
            System.out.printf(Locale.ROOT, "%s: ratio reused / per message = %.2f%n", server, reusedRate / perMessageRate);
        } finally {
            greenMail.stop();
        }
    }

    /** Sends {@code count} messages with a fresh sender; returns the elapsed nanoseconds. */
    private static long run(GreenMail greenMail, ProviderConfig config, String label, int count) throws FolderException {
        Mailbox from = Mailbox.of("shop@bench.crmkit.test", "Магазин «Ромашка»");
        long started;
        long elapsed;
        try (SmtpEmailSender sender = new SmtpEmailSender(SmtpSettings.from(config))) {
            started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                EmailMessage message = EmailMessage.builder()
                        .idempotencyKey(label + "-" + i)
                        .from(from)
                        .to(Mailbox.of("client" + (i % RECIPIENTS) + "@bench.crmkit.test", "Иван Петров"))
                        .subject("Заказ №" + i + " готов")
                        .text("Здравствуйте, Иван! Ваш заказ №" + i + " готов к выдаче.")
                        .header("List-Unsubscribe", "<https://bench.crmkit.test/u/" + i + ">")
                        .build();
                SendOutcome outcome = sender.send(message);
                if (!outcome.isAccepted()) {
                    throw new IllegalStateException("message " + i + " of run " + label + " was not accepted: " + outcome);
                }
            }
            elapsed = System.nanoTime() - started;
        }
        if (greenMail.getReceivedMessages().length != count) {
            throw new IllegalStateException("GreenMail received " + greenMail.getReceivedMessages().length
                    + " messages in run " + label + ", expected " + count);
        }
        greenMail.purgeEmailFromAllMailboxes();
        return elapsed;
    }

    private static double report(String server, String label, int messages, long nanos) {
        double seconds = nanos / 1e9;
        double rate = messages / seconds;
        System.out.printf(Locale.ROOT, "%s, %s: %d e-mails in %.2f s = %.0f e-mails/s%n", server, label, messages, seconds, rate);
        return rate;
    }

    /** GreenMail whose SMTP server sets {@code TCP_NODELAY} on every accepted socket. */
    private static final class NoDelayGreenMail extends GreenMail {

        NoDelayGreenMail() {
            super(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            Map<String, AbstractServer> services = new HashMap<>(super.createServices(config, managers));
            services.replaceAll((protocol, service) -> service instanceof SmtpServer
                    ? new NoDelaySmtpServer(service.getServerSetup(), managers) : service);
            return services;
        }
    }

    private static final class NoDelaySmtpServer extends SmtpServer {

        NoDelaySmtpServer(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket socket) {
            try {
                socket.setTcpNoDelay(true);
            } catch (SocketException e) {
                throw new IllegalStateException("cannot set TCP_NODELAY on " + socket, e);
            }
            return super.createProtocolHandler(socket);
        }
    }
}
