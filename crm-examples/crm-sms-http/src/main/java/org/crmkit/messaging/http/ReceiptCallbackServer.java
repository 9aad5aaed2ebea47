package org.crmkit.messaging.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.crmkit.messaging.InvalidConfigurationException;

/**
 * The small callback server for hosts without an HTTP server of their own ({@code receipts=server}): the JDK's
 * HTTP server on {@code callback-host}:{@code callback-port} serving a {@link ReceiptHandler} at {@value #PATH}.
 * It speaks plain HTTP: put a TLS-terminating proxy in front of it before giving a provider its address.
 */
final class ReceiptCallbackServer implements AutoCloseable {

    static final String PATH = "/sms-receipts";

    private final HttpServer server;
    private final ExecutorService executor;

    ReceiptCallbackServer(String host, int port, ReceiptHandler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigurationException(GatewaySettings.CALLBACK_PORT, "cannot listen for receipts on " + host + ":" + port
                    + " (keys \"" + GatewaySettings.CALLBACK_HOST + "\", \"" + GatewaySettings.CALLBACK_PORT + "\"): " + e, e);
        }
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "http-sms-receipts");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(PATH, handler.asHttpHandler());
        server.start();
    }

    /** The address the server answers on, e.g. {@code http://127.0.0.1:43111/sms-receipts}. */
    URI address() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + bound.getPort() + PATH);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
