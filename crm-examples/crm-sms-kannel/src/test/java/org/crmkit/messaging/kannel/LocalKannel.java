package org.crmkit.messaging.kannel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Kannel on 127.0.0.1 for one test class: it writes its own {@code kannel.conf} with free ports into a temporary
 * directory, starts bearerbox and smsbox (and the fake SMSC, for {@link Smsc#fake()}) as child processes logging into
 * that directory, waits until sendsms answers and the SMSC link is up, and kills them and deletes the directory on
 * {@link #close()} (also when starting fails, and when the JVM exits). With {@code -Dkannel.keep-logs=true} the
 * directory stays, for a look at Kannel's logs.
 *
 * <p>The sendsms-user is {@value #USERNAME} / {@value #PASSWORD} with {@code max-messages = 10} and {@code concatenation
 * = true}, so bearerbox splits long texts into concatenated parts.
 */
final class LocalKannel implements AutoCloseable {

    static final String USERNAME = "crm";
    static final String PASSWORD = "s3cret pass";
    private static final String ADMIN_PASSWORD = "admin-pass";
    private static final Duration START_PATIENCE = Duration.ofSeconds(30);
    private static final Pattern GOT_MESSAGE = Pattern.compile("Got message \\d+: <(.*)>");

    /** The SMSC link bearerbox gets: the fake SMSC, or SMPP to a port on 127.0.0.1. */
    record Smsc(OptionalInt smppPort) {
        static Smsc fake() {
            return new Smsc(OptionalInt.empty());
        }

        static Smsc smpp(int port) {
            return new Smsc(OptionalInt.of(port));
        }
    }

    /**
     * @param smsc               the SMSC link
     * @param outgoingQueueLimit bearerbox's {@code sms-outgoing-queue-limit}: with no link up, bearerbox holds this
     *                           many messages and answers "Temporal failure" to more
     * @param blackListed        a destination the sendsms-user's {@code black-list-regex} refuses
     * @param deniedPrefix       a destination prefix the SMSC link's {@code denied-prefix} refuses (not routable)
     */
    record Options(Smsc smsc, OptionalInt outgoingQueueLimit, Optional<String> blackListed, Optional<String> deniedPrefix) {
        static Options of(Smsc smsc) {
            return new Options(smsc, OptionalInt.empty(), Optional.empty(), Optional.empty());
        }

        Options outgoingQueueLimit(int limit) {
            return new Options(smsc, OptionalInt.of(limit), blackListed, deniedPrefix);
        }

        Options blackListed(String destination) {
            return new Options(smsc, outgoingQueueLimit, Optional.of(destination), deniedPrefix);
        }

        Options deniedPrefix(String prefix) {
            return new Options(smsc, outgoingQueueLimit, blackListed, Optional.of(prefix));
        }
    }

    private final Path dir;
    private final int adminPort;
    private final int sendsmsPort;
    private final List<Process> processes = new ArrayList<>();
    private final Thread killer = new Thread(this::kill, "kill-local-kannel");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalKannel(Path dir, int adminPort, int sendsmsPort) {
        this.dir = dir;
        this.adminPort = adminPort;
        this.sendsmsPort = sendsmsPort;
    }

    static LocalKannel start(Options options) {
        Path dir;
        try {
            dir = Files.createTempDirectory("crmkit-kannel-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for Kannel", e);
        }
        int[] ports = freePorts(4);
        LocalKannel kannel = new LocalKannel(dir, ports[0], ports[2]);
        Runtime.getRuntime().addShutdownHook(kannel.killer);
        try {
            Path conf = dir.resolve("kannel.conf");
            Files.writeString(conf, configuration(dir, options, ports), StandardCharsets.UTF_8);
            kannel.launch("bearerbox", RequiresKannel.BEARERBOX.toString(), conf.toString());
            kannel.awaitPort(ports[0], "bearerbox's admin port");
            kannel.launch("smsbox", RequiresKannel.SMSBOX.toString(), conf.toString());
            kannel.awaitSendsms();
            if (options.smsc().smppPort().isEmpty()) {
                kannel.awaitPort(ports[3], "the fake SMSC port of bearerbox");
                kannel.launch("fakesmsc", RequiresKannel.FAKESMSC.toString(), "-H", "127.0.0.1", "-r",
                        String.valueOf(ports[3]), "-i", "0.1", "-m", "0", "100 200 text unused");
            }
            kannel.awaitSmscOnline(true);
            return kannel;
        } catch (IOException | RuntimeException e) {
            String logs = kannel.logTail();
            kannel.close();
            throw new IllegalStateException("Kannel did not start: " + e.getMessage() + "\n" + logs, e);
        }
    }

    /** {@code http://127.0.0.1:<port>/cgi-bin/sendsms}. */
    URI sendsmsUrl() {
        return URI.create("http://127.0.0.1:" + sendsmsPort + "/cgi-bin/sendsms");
    }

    /** Sends one message with a bare sendsms request, as another client of this Kannel would; smsbox's answer. */
    String sendsms(String to, String text) {
        String query = "username=" + encode(USERNAME) + "&password=" + encode(PASSWORD) + "&from=Other&to=" + encode(to)
                + "&text=" + encode(text);
        try {
            return http.send(HttpRequest.newBuilder(URI.create(sendsmsUrl() + "?" + query)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Whether bearerbox reports its SMSC link online (admin {@code status.txt}). */
    boolean smscOnline() {
        try {
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + adminPort + "/status.txt?password=" + ADMIN_PASSWORD.replace(" ", "+")))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return status.body().lines().anyMatch(line -> line.contains("link[") && line.contains("(online"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until bearerbox reports its SMSC link online ({@code true}) or not online ({@code false}). */
    void awaitSmscOnline(boolean online) {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (smscOnline() != online) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("bearerbox's SMSC link is still " + (online ? "not " : "") + "online after "
                        + START_PATIENCE + "\n" + logTail());
            }
            pause(50);
        }
    }

    /** What the fake SMSC received, one line each as it prints them: {@code <from> <to> <type> <data>}. */
    List<String> fakeSmscReceived() {
        try {
            return Files.readAllLines(dir.resolve("fakesmsc.out"), StandardCharsets.UTF_8).stream()
                    .map(GOT_MESSAGE::matcher).filter(Matcher::find).map(m -> m.group(1)).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of Kannel's logs, for failure messages. */
    String logTail() {
        StringBuilder tail = new StringBuilder();
        for (String name : List.of("bearerbox.log", "smsbox.log", "bearerbox.out", "smsbox.out", "fakesmsc.out")) {
            Path file = dir.resolve(name);
            if (!Files.exists(file)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
                tail.append("--- ").append(name).append('\n');
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(line -> tail.append(line).append('\n'));
            } catch (IOException e) {
                tail.append("--- ").append(name).append(": ").append(e).append('\n');
            }
        }
        return tail.toString();
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and runs the hook anyway
        }
        if (Boolean.getBoolean("kannel.keep-logs")) {
            System.err.println("Kannel's configuration and logs are kept in " + dir);
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing a test for
        }
    }

    private void kill() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void launch(String name, String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(command));
        if (!name.equals("fakesmsc")) {
            // the console gets warnings and worse only; the log files get the rest
            line.add(1, "-v");
            line.add(2, "2");
        }
        processes.add(new ProcessBuilder(line).directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .start());
    }

    private void awaitPort(int port, String what) {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (true) {
            try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                checkAlive();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(what + " (" + port + ") is not listening after " + START_PATIENCE);
                }
                pause(50);
            }
        }
    }

    private void awaitSendsms() {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (true) {
            try {
                // without arguments smsbox answers with an error: enough to know it serves
                http.send(HttpRequest.newBuilder(sendsmsUrl()).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                checkAlive();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("sendsms does not answer after " + START_PATIENCE);
                }
                pause(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for sendsms", e);
            }
        }
    }

    private void checkAlive() {
        for (Process process : processes) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.info().command().orElse("a Kannel process")
                        + " exited with status " + process.exitValue());
            }
        }
    }

    private static String configuration(Path dir, Options options, int[] ports) {
        StringBuilder conf = new StringBuilder()
                .append("group = core\n")
                .append("admin-port = ").append(ports[0]).append('\n')
                .append("admin-interface = 127.0.0.1\n")
                .append("admin-password = \"").append(ADMIN_PASSWORD).append("\"\n")
                .append("smsbox-port = ").append(ports[1]).append('\n')
                .append("smsbox-interface = 127.0.0.1\n")
                .append("box-allow-ip = 127.0.0.1\n")
                .append("dlr-storage = internal\n")
                .append("log-file = \"").append(dir.resolve("bearerbox.log")).append("\"\n")
                .append("log-level = 1\n")
                .append("access-log = \"").append(dir.resolve("bearerbox-access.log")).append("\"\n");
        options.outgoingQueueLimit().ifPresent(limit -> conf.append("sms-outgoing-queue-limit = ").append(limit).append('\n'));
        conf.append("\ngroup = smsc\n")
                .append("smsc-id = link\n")
                .append("host = 127.0.0.1\n");
        if (options.smsc().smppPort().isPresent()) {
            conf.append("smsc = smpp\n")
                    .append("port = ").append(options.smsc().smppPort().getAsInt()).append('\n')
                    .append("transceiver-mode = true\n")
                    .append("smsc-username = kannel\n")
                    .append("smsc-password = smpp\n")
                    .append("system-type = \"\"\n")
                    .append("reconnect-delay = 1\n")
                    .append("enquire-link-interval = 30\n");
        } else {
            conf.append("smsc = fake\n")
                    .append("port = ").append(ports[3]).append('\n')
                    .append("connect-allow-ip = 127.0.0.1\n");
        }
        options.deniedPrefix().ifPresent(prefix -> conf.append("denied-prefix = \"").append(prefix).append("\"\n"));
        conf.append("\ngroup = smsbox\n")
                .append("bearerbox-host = 127.0.0.1\n")
                .append("bearerbox-port = ").append(ports[1]).append('\n')
                .append("sendsms-port = ").append(ports[2]).append('\n')
                .append("sendsms-interface = 127.0.0.1\n")
                .append("log-file = \"").append(dir.resolve("smsbox.log")).append("\"\n")
                .append("log-level = 1\n")
                .append("access-log = \"").append(dir.resolve("smsbox-access.log")).append("\"\n")
                .append("\ngroup = sendsms-user\n")
                .append("username = ").append(USERNAME).append('\n')
                .append("password = \"").append(PASSWORD).append("\"\n")
                .append("max-messages = 10\n")
                .append("concatenation = true\n");
        options.blackListed().ifPresent(number -> conf.append("black-list-regex = \"^[+]?")
                .append(number.startsWith("+") ? number.substring(1) : number).append("$\"\n"));
        return conf.toString();
    }

    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // released anyway
                }
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
