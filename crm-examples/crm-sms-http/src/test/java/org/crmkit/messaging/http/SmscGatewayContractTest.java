package org.crmkit.messaging.http;

import java.net.URI;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.kit.SmsGatewayContract;
import org.crmkit.messaging.kit.SmsProviderDouble;
import org.crmkit.messaging.sms.SmsGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@code smsc.ru} preset passes the plugin kit against {@link SmscDouble}, receipts through the built-in server. */
class SmscGatewayContractTest extends SmsGatewayContract {

    private static SmscDouble provider;
    private static HttpSmsGateway gateway;

    @BeforeAll
    static void start() {
        provider = new SmscDouble();
        gateway = new SmscGatewayProvider().create(ProviderConfig.empty()
                .with("base-url", provider.baseUrl().toString())
                .with("login", SmscDouble.LOGIN)
                .with("password", SmscDouble.PASSWORD)
                .with("receipts", "server")
                .with("callback-token", "kit-token"));
        provider.callbackUrl(URI.create(gateway.callbackAddress().orElseThrow() + "?token=kit-token"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        provider.close();
    }

    @Override
    protected SmsGateway gateway() {
        return gateway;
    }

    @Override
    protected SmsProviderDouble providerDouble() {
        return provider;
    }
}
