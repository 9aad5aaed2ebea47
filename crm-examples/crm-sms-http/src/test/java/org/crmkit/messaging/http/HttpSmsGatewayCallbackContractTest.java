package org.crmkit.messaging.http;

import java.util.Optional;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.kit.SmsGatewayContract;
import org.crmkit.messaging.kit.SmsProviderDouble;
import org.crmkit.messaging.sms.SmsGateway;
import org.junit.jupiter.api.AfterEach;

/** The HTTP gateway in callback mode passes the SMS contract; the fake service POSTs receipts to it. */
class HttpSmsGatewayCallbackContractTest extends SmsGatewayContract {

    private final FakeSmsService service = new FakeSmsService();
    private final HttpSmsGateway gateway = new HttpSmsGatewayProvider().create(ProviderConfig.empty()
            .with("base-url", service.baseUrl().toString())
            .with("api-key", FakeSmsService.API_KEY)
            .with("status-mode", "callback")
            .with("callback-host", "127.0.0.1")
            .with("callback-port", "0")
            .with("callback-token", "receipt-secret"));

    HttpSmsGatewayCallbackContractTest() {
        service.callback(gateway.callbackAddress().orElseThrow(), Optional.of("receipt-secret"));
    }

    @AfterEach
    void close() {
        gateway.close();
        service.close();
    }

    @Override
    protected SmsGateway gateway() {
        return gateway;
    }

    @Override
    protected SmsProviderDouble providerDouble() {
        return service;
    }
}
