package org.crmkit.messaging.smpp;

import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.kit.SmsGatewayContract;
import org.crmkit.messaging.kit.SmsProviderDouble;
import org.crmkit.messaging.sms.SmsGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The SMPP gateway passes the SPI's contract kit against the in-process SMSC over a real SMPP session. */
class SmppGatewayContractTest extends SmsGatewayContract {

    private static InProcessSmsc smsc;
    private static SmsGateway gateway;

    @BeforeAll
    static void start() {
        smsc = InProcessSmsc.start();
        gateway = new SmppGatewayProvider().create(ProviderConfig.empty()
                .with("host", "127.0.0.1")
                .with("port", String.valueOf(smsc.port()))
                .with("system-id", "crmkit")
                .with("password", "secret")
                .with("response-timeout", "PT5S"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        smsc.close();
    }

    @Override
    protected SmsGateway gateway() {
        return gateway;
    }

    @Override
    protected SmsProviderDouble providerDouble() {
        return smsc;
    }
}
