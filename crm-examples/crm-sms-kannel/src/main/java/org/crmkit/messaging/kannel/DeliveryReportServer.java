package org.crmkit.messaging.kannel;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.messaging.InvalidConfigurationException;

/**
 * The small HTTP server for hosts without one of their own: it serves {@link DeliveryReports} at {@value #PATH} on
 * {@code dlr-server-host}:{@code dlr-server-port}, with a few daemon threads.
 */
final class DeliveryReportServer implements AutoCloseable {

    static final String PATH = "/kannel/dlr";

    private final HttpServer server;
    private final ExecutorService executor;

    DeliveryReportServer(String host, int port, DeliveryReports reports) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigurationException(KannelSettings.DLR_SERVER_PORT, "cannot listen for delivery reports on "
                    + host + ":" + port + " (keys \"" + KannelSettings.DLR_SERVER_HOST + "\", \""
                    + KannelSettings.DLR_SERVER_PORT + "\"): " + e, e);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "kannel-dlr-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(PATH, reports.httpHandler());
        server.start();
    }

    /** Whether the server listens on every interface (then Kannel cannot be told an address from it). */
    boolean wildcard() {
        return server.getAddress().getAddress().isAnyLocalAddress();
    }

    /** {@code http://<bound address>:<port>/kannel/dlr}. */
    URI address() {
        InetSocketAddress bound = server.getAddress();
        try {
            // URI puts an IPv6 address in brackets itself
            return new URI("http", null, bound.getAddress().getHostAddress(), bound.getPort(), PATH, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no URI for the report server at " + bound, e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
