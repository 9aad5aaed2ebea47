package org.crmkit.messaging.http;

import org.crmkit.messaging.kit.SmsGatewayContract;
import org.crmkit.messaging.kit.SmsProviderDouble;
import org.crmkit.messaging.sms.SmsGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The kit run against one preset and its double, both created once for the class, receipts on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PresetContract<D extends HttpProviderDouble> extends SmsGatewayContract {

    private D provider;
    private HttpSmsGateway gateway;

    abstract D newDouble();

    /** The preset's gateway talking to {@code provider}, with {@code receipts=server}. */
    abstract HttpSmsGateway newGateway(D provider);

    @BeforeAll
    void start() {
        provider = newDouble();
        gateway = newGateway(provider);
    }

    @AfterAll
    void stop() {
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
