package org.crmkit.messaging.http;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.crmkit.messaging.ProviderConfig;
import org.junit.jupiter.api.AfterEach;

/**
 * The frame of a preset's own tests: its double, a gateway created with a fixed clock and a receipt collector
 * registered, and a host server when the test mounts the receipt handler; all closed after each test.
 */
abstract class PresetGatewayTest<D extends HttpProviderDouble> {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T09:00:00Z"), ZoneOffset.UTC);

    final D provider = newDouble();
    final ReceiptCollector receipts = new ReceiptCollector();
    HttpSmsGateway gateway;
    HostServer host;

    abstract D newDouble();

    abstract PresetProvider preset();

    /** A configuration the double accepts: its address and the right credentials. */
    abstract ProviderConfig config();

    HttpSmsGateway gateway(ProviderConfig config) {
        gateway = preset().create(config, CLOCK);
        gateway.onReceipt(receipts);
        return gateway;
    }

    /**
     * For providers with the handler address in the account (SMS.ru, SMSC.ru): a gateway with {@code receipts=mounted}
     * and {@code callback-token}, its handler mounted at {@code path} of a host server whose address, with
     * {@code ?token=}, is set in the double's account.
     */
    HttpSmsGateway mountedWithToken(String path, String token) {
        HttpSmsGateway mounted = gateway(config().with("receipts", "mounted").with("callback-token", token));
        host = new HostServer(path, mounted.receiptHandler());
        provider.accountCallbackUrl(URI.create(host.address() + "?token=" + token));
        return mounted;
    }

    @AfterEach
    void close() {
        if (gateway != null) {
            gateway.close();
        }
        if (host != null) {
            host.close();
        }
        provider.close();
    }
}
