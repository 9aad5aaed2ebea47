package org.crmkit.messaging.smtp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A line-level SMTP proxy on 127.0.0.1 in front of a real server (GreenMail), for tests. It counts the
 * connections clients open (to prove reuse), can drop every open connection (a lost link), and can answer
 * some commands itself so that GreenMail, which accepts everything, appears to refuse: a reply to
 * {@code MAIL FROM}, a reply to {@code RCPT TO} for one address, a reply to the end of data (the server
 * then never sees the message), a one-shot {@code 421} that closes the connection, and, after the server
 * accepted the data, a swallowed reply or a closed connection (the client cannot know the message arrived).
 * It relies on the client not pipelining commands, which Angus Mail does not.
 */
final class SmtpFaultProxy implements AutoCloseable {

    /** What happens to the server's reply after the end of data, when the server did get the message. */
    enum AfterData { FORWARD, SWALLOW_REPLY, CLOSE }

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Map<String, String> recipientReplies = new ConcurrentHashMap<>();
    private volatile String mailFromReply;
    private volatile String dataEndReply;
    private volatile AfterData afterData = AfterData.FORWARD;
    private final AtomicReference<String> closingMailFromReply = new AtomicReference<>();
    private final Thread acceptor;

    SmtpFaultProxy(int upstreamPort) throws IOException {
        this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "smtp-fault-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Client connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** Answer every {@code MAIL FROM} with {@code reply} (e.g. {@code 451 4.3.0 try later}); null forwards again. */
    void replyToMailFrom(String reply) {
        mailFromReply = reply;
    }

    /** Answer {@code RCPT TO} for {@code address} with {@code reply}. */
    void replyToRecipient(String address, String reply) {
        recipientReplies.put(address.toLowerCase(Locale.ROOT), reply);
    }

    /** Take the data but answer its end with {@code reply}; the server never sees the message. Null forwards again. */
    void replyToDataEnd(String reply) {
        dataEndReply = reply;
    }

    /** Answer the next {@code MAIL FROM} (one only) with {@code reply} and close the connection. */
    void closeOnNextMailFrom(String reply) {
        closingMailFromReply.set(reply);
    }

    void afterData(AfterData behaviour) {
        afterData = behaviour;
    }

    /** Closes every open client and server connection, as a dropped link would. */
    void dropAll() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }

    /** Forward everything again; the connection count stays. */
    void reset() {
        mailFromReply = null;
        dataEndReply = null;
        afterData = AfterData.FORWARD;
        closingMailFromReply.set(null);
        recipientReplies.clear();
    }

    @Override
    public void close() {
        closeQuietly(listener);
        dropAll();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            Thread session = new Thread(() -> serve(client), "smtp-fault-proxy-session");
            session.setDaemon(true);
            session.start();
        }
    }

    private void serve(Socket client) {
        sockets.add(client);
        Socket server = new Socket();
        sockets.add(server);
        try (client; server) {
            server.connect(upstream, 5_000);
            // every reply and line goes out whole and at once: no Nagle / delayed-ACK stalls in the tests
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toClient = client.getOutputStream();
            InputStream fromServer = new BufferedInputStream(server.getInputStream());
            OutputStream toServer = new BufferedOutputStream(server.getOutputStream());
            relayReply(fromServer, toClient);
            while (true) {
                byte[] line = readLine(fromClient);
                if (line == null) {
                    return;
                }
                String command = new String(line, StandardCharsets.US_ASCII).strip().toUpperCase(Locale.ROOT);
                if (command.startsWith("MAIL FROM")) {
                    String closing = closingMailFromReply.getAndSet(null);
                    if (closing != null) {
                        send(toClient, closing);
                        return;
                    }
                    if (mailFromReply != null) {
                        send(toClient, mailFromReply);
                        continue;
                    }
                }
                if (command.startsWith("RCPT TO")) {
                    String reply = recipientReplies.get(address(command).toLowerCase(Locale.ROOT));
                    if (reply != null) {
                        send(toClient, reply);
                        continue;
                    }
                }
                if (command.equals("DATA") && dataEndReply != null) {
                    String reply = dataEndReply;
                    send(toClient, "354 End data with <CR><LF>.<CR><LF>");
                    copyData(fromClient, null);
                    send(toClient, reply);
                    continue;
                }
                toServer.write(line);
                toServer.flush();
                byte[] reply = readReply(fromServer);
                if (reply == null) {
                    return;
                }
                if (command.equals("DATA") && reply.length > 0 && reply[0] == '3') {
                    toClient.write(reply);
                    toClient.flush();
                    copyData(fromClient, toServer);
                    byte[] dataReply = readReply(fromServer);
                    AfterData behaviour = afterData;
                    if (behaviour == AfterData.CLOSE || dataReply == null) {
                        return;
                    }
                    if (behaviour == AfterData.SWALLOW_REPLY) {
                        // hold the connection open and silent until the client gives up
                        while (readLine(fromClient) != null) {
                            // discard whatever the client still says
                        }
                        return;
                    }
                    reply = dataReply;
                }
                toClient.write(reply);
                toClient.flush();
                if (command.equals("QUIT")) {
                    return;
                }
            }
        } catch (IOException e) {
            // a dropped link or a client that went away: the session ends
        } finally {
            sockets.remove(client);
            sockets.remove(server);
        }
    }

    /** Copies (or discards, when {@code to} is null) the message data up to and including the lone "." line. */
    private static void copyData(InputStream from, OutputStream to) throws IOException {
        while (true) {
            byte[] line = readLine(from);
            if (line == null) {
                throw new IOException("client closed during DATA");
            }
            if (to != null) {
                to.write(line);
            }
            if (line.length == 3 && line[0] == '.' && line[1] == '\r' && line[2] == '\n') {
                if (to != null) {
                    to.flush();
                }
                return;
            }
        }
    }

    private static void relayReply(InputStream from, OutputStream to) throws IOException {
        byte[] reply = readReply(from);
        if (reply == null) {
            throw new IOException("server closed before its greeting");
        }
        to.write(reply);
        to.flush();
    }

    /** All lines of one reply ("250-..." continuation lines and the final "250 ..."), or null at end of stream. */
    private static byte[] readReply(InputStream from) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        while (true) {
            byte[] line = readLine(from);
            if (line == null) {
                return null;
            }
            reply.write(line);
            if (line.length < 4 || line[3] != '-') {
                return reply.toByteArray();
            }
        }
    }

    /** One line including its CRLF (or LF), or null at end of stream. */
    private static byte[] readLine(InputStream from) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = from.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static String address(String command) {
        int open = command.indexOf('<');
        int close = command.indexOf('>', open + 1);
        return open >= 0 && close > open ? command.substring(open + 1, close) : command;
    }

    private static void send(OutputStream to, String reply) throws IOException {
        to.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        to.flush();
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed or broken: nothing left to release
        }
    }
}
