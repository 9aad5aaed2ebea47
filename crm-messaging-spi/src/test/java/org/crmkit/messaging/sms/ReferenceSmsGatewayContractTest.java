package org.crmkit.messaging.sms;

import org.crmkit.messaging.kit.SmsGatewayContract;
import org.crmkit.messaging.kit.SmsProviderDouble;

/** The reference gateway passes the kit: the kit's own tests are satisfiable. */
class ReferenceSmsGatewayContractTest extends SmsGatewayContract {

    private final ReferenceSmsGateway gateway = new ReferenceSmsGateway();

    @Override
    protected SmsGateway gateway() {
        return gateway;
    }

    @Override
    protected SmsProviderDouble providerDouble() {
        return gateway;
    }
}
