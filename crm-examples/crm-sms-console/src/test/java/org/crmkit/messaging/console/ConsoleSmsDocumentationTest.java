package org.crmkit.messaging.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.MessagingProviders;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.kit.CapturedLog;
import org.crmkit.messaging.kit.DocumentedConfiguration;
import org.crmkit.messaging.sms.SmsGateway;
import org.crmkit.messaging.sms.SmsMessage;
import org.junit.jupiter.api.Test;

/** The plugin page docs/plugins/sms-console.md: its example works as written, and its key table is complete. */
class ConsoleSmsDocumentationTest {

    private static final DocumentedConfiguration PAGE = DocumentedConfiguration.of(Path.of("../../docs/plugins/sms-console.md"));

    @Test
    void theExamplePrintsTheMessageAndItsReceiptAndRejectsTheListedDestination() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        BlockingQueue<DeliveryReceipt> receipts = new LinkedBlockingQueue<>();
        try (CapturedLog log = CapturedLog.start();
             SmsGateway gateway = MessagingProviders.discover().createSmsGateway(PAGE.properties())) {
            gateway.onReceipt(receipts::add);

            SendOutcome outcome = gateway.send(SmsMessage.of("order-42", "CrmKit", "+79161234567", "Заказ готов"));
            SendOutcome rejected = gateway.send(SmsMessage.of("order-43", "CrmKit", "+79990000000", "Заказ готов"));

            assertThat(outcome).isEqualTo(SendOutcome.accepted("console-1", 1));
            assertThat(rejected).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class,
                    failure -> assertThat(failure.code()).isEqualTo("invalid_destination"));
            assertThat(receipts.poll(10, TimeUnit.SECONDS)).isNotNull()
                    .satisfies(receipt -> assertThat(receipt.status()).isEqualTo(DeliveryStatus.DELIVERED));
            assertThat(log.text()).as("no warning about the example's keys").doesNotContain("unknown configuration keys");
        } finally {
            System.setOut(original);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).startsWith(
                "[console-sms] console-1 from CrmKit to +79161234567: 1 part, UCS2, 11 units, key order-42",
                "| Заказ готов");
        assertThat(lines.get(2)).startsWith("[console-sms] receipt console-1 DELIVERED at ");
        assertThat(PAGE.text()).contains(lines.get(0), lines.get(1));
    }

    @Test
    void theJavaAndPropertiesExamplesAgreeAndTheKeyTableListsWhatThePluginReads() {
        PAGE.assertExamplesAgreeAndKeyTableLists(ConsoleSmsGatewayProvider.KEYS);
    }
}
