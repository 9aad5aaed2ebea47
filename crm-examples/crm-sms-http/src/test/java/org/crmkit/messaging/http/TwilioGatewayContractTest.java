package org.crmkit.messaging.http;

import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.kit.SmsGatewayContract;
import org.crmkit.messaging.kit.SmsProviderDouble;
import org.crmkit.messaging.sms.SmsGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The {@code twilio} preset passes the plugin kit against {@link TwilioDouble}; receipts come signed to the
 * built-in server, whose address the gateway sends as {@code StatusCallback}.
 */
class TwilioGatewayContractTest extends SmsGatewayContract {

    private static TwilioDouble provider;
    private static HttpSmsGateway gateway;

    @BeforeAll
    static void start() {
        provider = new TwilioDouble();
        gateway = new TwilioGatewayProvider().create(ProviderConfig.empty()
                .with("base-url", provider.baseUrl().toString())
                .with("account-sid", TwilioDouble.ACCOUNT_SID)
                .with("auth-token", TwilioDouble.AUTH_TOKEN)
                .with("receipts", "server"));
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
