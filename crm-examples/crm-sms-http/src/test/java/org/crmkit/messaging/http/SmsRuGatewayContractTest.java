package org.crmkit.messaging.http;

import java.net.URI;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.kit.SmsGatewayContract;
import org.crmkit.messaging.kit.SmsProviderDouble;
import org.crmkit.messaging.sms.SmsGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@code sms.ru} preset passes the plugin kit against {@link SmsRuDouble}, receipts through the built-in server. */
class SmsRuGatewayContractTest extends SmsGatewayContract {

    private static SmsRuDouble provider;
    private static HttpSmsGateway gateway;

    @BeforeAll
    static void start() {
        provider = new SmsRuDouble();
        gateway = new SmsRuGatewayProvider().create(ProviderConfig.empty()
                .with("base-url", provider.baseUrl().toString())
                .with("api-key", SmsRuDouble.API_ID)
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
