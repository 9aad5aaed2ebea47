package org.crmkit.messaging.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A host application's own HTTP server (127.0.0.1, free port) with a gateway's receipt handler mounted at a path. */
final class HostServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final String path;

    private volatile ReceiptHandler handler;

    HostServer(String path, ReceiptHandler handler) {
        this(path);
        mount(handler);
    }

    /** A server whose handler is mounted later, when the gateway knows the server's address. */
    HostServer(String path) {
        this.path = path;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext(path, exchange -> handler.asHttpHandler().handle(exchange));
        server.start();
    }

    void mount(ReceiptHandler handler) {
        this.handler = handler;
    }

    URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
