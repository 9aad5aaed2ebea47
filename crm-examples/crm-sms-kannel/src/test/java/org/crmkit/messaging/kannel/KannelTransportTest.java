package org.crmkit.messaging.kannel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.sms.SmsMessage;
import org.junit.jupiter.api.Test;

/**
 * What happens between the gateway and smsbox, without Kannel: nothing listening, no answer, a proxy's 502, and the
 * request exactly as it goes out (so this part runs where Kannel is not installed too).
 */
class KannelTransportTest {

    private static final SmsMessage MESSAGE = SmsMessage.of("transport-1", "CrmKit", "+79161234567", "Привет & 100% ok?");

    @Test
    void nothingListeningIsATemporaryFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (KannelGateway gateway = gateway("http://127.0.0.1:" + port + "/cgi-bin/sendsms", "PT5S")) {
            assertThat(gateway.send(MESSAGE)).isInstanceOf(SendOutcome.TemporaryFailure.class);
        }
    }

    @Test
    void noAnswerAfterTheRequestWentOutIsUnknown() throws IOException {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             KannelGateway gateway = gateway("http://127.0.0.1:" + silent.getLocalPort() + "/cgi-bin/sendsms", "PT0.3S")) {
            Thread acceptor = new Thread(() -> {
                try {
                    held.add(silent.accept());
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.start();

            assertThat(gateway.send(MESSAGE)).isInstanceOf(SendOutcome.Unknown.class);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void theRequestCarriesEveryParameterEncodedAndTheUrlsOwnQuery() throws IOException {
        AtomicReference<String> query = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        server.createContext("/cgi-bin/sendsms", exchange -> {
            query.set(exchange.getRequestURI().getRawQuery());
            byte[] body = "0: Accepted for delivery".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (KannelGateway gateway = new KannelGatewayProvider().create(ProviderConfig.of(Map.of(
                "sendsms-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/cgi-bin/sendsms?smsc=operator-a",
                "username", "crm", "password", "p&ss word",
                "dlr-url-base", "http://crm.example.com:8080/kannel/dlr?tenant=7")))) {
            SendOutcome outcome = gateway.send(MESSAGE.withValidity(java.time.Duration.ofSeconds(90)));

            assertThat(outcome.isAccepted()).isTrue();
            Map<String, String> sent = KannelSettings.queryParameters(query.get());
            assertThat(sent).containsEntry("smsc", "operator-a").containsEntry("username", "crm")
                    .containsEntry("password", "p&ss word").containsEntry("from", "CrmKit").containsEntry("to", "+79161234567")
                    .containsEntry("text", "Привет & 100% ok?").containsEntry("charset", "UTF-8").containsEntry("coding", "2")
                    .containsEntry("validity", "2").containsEntry("dlr-mask", "19");
            assertThat(sent.get("dlr-url")).matches("http://crm\\.example\\.com:8080/kannel/dlr\\?tenant=7&token=[A-Za-z0-9_-]{22}"
                    + "&type=%d&time=%T&report=%A");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aProxysBadGatewayIsUnknown() throws IOException {
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        proxy.createContext("/", exchange -> {
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        });
        proxy.start();
        try (KannelGateway gateway = gateway("http://127.0.0.1:" + proxy.getAddress().getPort() + "/cgi-bin/sendsms", "PT5S")) {
            assertThat(gateway.send(MESSAGE)).isInstanceOf(SendOutcome.Unknown.class);
        } finally {
            proxy.stop(0);
        }
    }

    private static KannelGateway gateway(String url, String timeout) {
        return new KannelGatewayProvider().create(ProviderConfig.of(Map.of(
                "sendsms-url", url, "username", "crm", "password", "secret", "timeout", timeout)));
    }
}
