package org.crmkit.messaging.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.MessagingProviders;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.kit.CapturedLog;
import org.crmkit.messaging.kit.DocumentedConfiguration;
import org.crmkit.messaging.sms.SmsGateway;
import org.crmkit.messaging.sms.SmsMessage;
import org.junit.jupiter.api.Test;

/** The plugin page docs/plugins/sms-smpp.md: its example works as written, and its key table is complete. */
class SmppDocumentationTest {

    private static final DocumentedConfiguration PAGE = DocumentedConfiguration.of(Path.of("../../docs/plugins/sms-smpp.md"));

    @Test
    void theExampleSendsAndReceivesAReceiptWithOnlyHostAndPortPointedAtTheTestSmsc() throws InterruptedException {
        ProviderConfig example = PAGE.properties();
        assertThat(example.asMap()).containsEntry("host", "smsc.example.org").containsEntry("port", "2775");
        try (InProcessSmsc smsc = InProcessSmsc.start();
             CapturedLog log = CapturedLog.start();
             SmsGateway gateway = MessagingProviders.discover().createSmsGateway(example
                     .with("host", "127.0.0.1").with("port", String.valueOf(smsc.port())))) {
            BlockingQueue<DeliveryReceipt> receipts = new LinkedBlockingQueue<>();
            gateway.onReceipt(receipts::add);

            SendOutcome outcome = gateway.send(SmsMessage.of("order-42", "CrmKit", "+79161234567", "Заказ готов"));

            assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
            assertThat(smsc.binds()).singleElement().satisfies(bind -> {
                assertThat(bind.systemId()).isEqualTo("crmkit");
                assertThat(bind.password()).isEqualTo("s3cret");
                assertThat(bind.systemType()).isEqualTo("crm");
            });
            assertThat(smsc.received()).singleElement().satisfies(sms -> assertThat(sms.text()).isEqualTo("Заказ готов"));
            assertThat(gateway.capabilities().maxMessagesPerSecond()).isEqualTo(50);
            smsc.sendReceipt(((SendOutcome.Accepted) outcome).providerMessageId(), DeliveryStatus.DELIVERED);
            assertThat(receipts.poll(15, TimeUnit.SECONDS)).isNotNull()
                    .satisfies(receipt -> assertThat(receipt.status()).isEqualTo(DeliveryStatus.DELIVERED));
            assertThat(log.text()).as("no warning about the example's keys").doesNotContain("unknown configuration keys");
        }
    }

    @Test
    void theJavaAndPropertiesExamplesAgreeAndTheKeyTableListsWhatThePluginReads() {
        PAGE.assertExamplesAgreeAndKeyTableLists(SmppSettings.KEYS);
    }
}
