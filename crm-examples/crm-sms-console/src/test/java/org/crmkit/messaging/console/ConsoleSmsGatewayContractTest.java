package org.crmkit.messaging.console;

import java.time.Clock;
import java.util.Optional;
import org.crmkit.messaging.kit.SmsGatewayContract;
import org.crmkit.messaging.kit.SmsProviderDouble;
import org.crmkit.messaging.sms.SmsGateway;
import org.junit.jupiter.api.AfterEach;

/** The console gateway passes the SMS contract, its printed output read back as what the provider received. */
class ConsoleSmsGatewayContractTest extends SmsGatewayContract {

    private final PrintedSmsDouble printed = new PrintedSmsDouble();
    private final ConsoleSmsGateway gateway = new ConsoleSmsGateway(printed.stream(), Clock.systemUTC(), Optional.empty(), 10);

    ConsoleSmsGatewayContractTest() {
        printed.attach(gateway);
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    @Override
    protected SmsGateway gateway() {
        return gateway;
    }

    @Override
    protected SmsProviderDouble providerDouble() {
        return printed;
    }
}
