package org.crmkit.messaging.http;

import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.kit.SmsGatewayContract;
import org.crmkit.messaging.kit.SmsProviderDouble;
import org.crmkit.messaging.sms.SmsGateway;
import org.junit.jupiter.api.AfterEach;

/** The HTTP gateway in polling mode passes the SMS contract against the fake service. */
class HttpSmsGatewayPollingContractTest extends SmsGatewayContract {

    private final FakeSmsService service = new FakeSmsService();
    private final HttpSmsGateway gateway = new HttpSmsGatewayProvider().create(ProviderConfig.empty()
            .with("base-url", service.baseUrl().toString())
            .with("api-key", FakeSmsService.API_KEY)
            .with("status-mode", "polling")
            .with("poll-interval", "PT0.05S"));

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
