package org.crmkit.messaging.http;

import org.crmkit.messaging.ProviderConfig;

/**
 * The {@code twilio} preset passes the plugin kit against {@link TwilioDouble}; receipts come signed to the
 * built-in server, whose address the gateway sends as {@code StatusCallback}.
 */
class TwilioGatewayContractTest extends PresetContract<TwilioDouble> {

    @Override
    TwilioDouble newDouble() {
        return new TwilioDouble();
    }

    @Override
    HttpSmsGateway newGateway(TwilioDouble provider) {
        return new TwilioGatewayProvider().create(ProviderConfig.empty()
                .with("base-url", provider.baseUrl().toString())
                .with("account-sid", TwilioDouble.ACCOUNT_SID)
                .with("auth-token", TwilioDouble.AUTH_TOKEN)
                .with("receipts", "server"));
    }
}
