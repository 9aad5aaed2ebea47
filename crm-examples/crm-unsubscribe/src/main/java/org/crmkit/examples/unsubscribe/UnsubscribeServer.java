package org.crmkit.examples.unsubscribe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.crmkit.common.TenantId;
import org.crmkit.consent.UnsubscribeTokens;

import com.sun.net.httpserver.HttpServer;

/**
 * The JDK's HTTP server answering {@code /u/{token}} for one tenant. It speaks plain HTTP: RFC 8058
 * needs https, so a TLS-terminating proxy stands in front of it, and the headers name the proxy's
 * address ({@link org.crmkit.consent.UnsubscribeHeaders}).
 */
public final class UnsubscribeServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    UnsubscribeServer(InetSocketAddress address, TenantId tenant, UnsubscribeTokens tokens, Unsubscriber unsubscriber) {
        try {
            server = HttpServer.create(address, 64);
        } catch (IOException cannotListen) {
            throw new UncheckedIOException("cannot listen on " + address, cannotListen);
        }
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "unsubscribe-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", new OneClickHandler(tenant, tokens, unsubscriber));
        server.start();
    }

    /** Where it answers, e.g. {@code http://127.0.0.1:43111/u/}: the base of the one-click URLs behind the proxy. */
    public URI base() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + bound.getPort() + OneClickHandler.PREFIX);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
