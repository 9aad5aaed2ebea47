package org.crmkit.messaging.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Receipt parsing and the matching of per-part receipts to the message id the sender was given. */
class ReceiptReceiverTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private final List<DeliveryReceipt> published = new ArrayList<>();
    private ReceiptReceiver receiver;

    @BeforeEach
    void setUp() {
        receiver = new ReceiptReceiver(ZoneId.of("Europe/Moscow"), Duration.ofSeconds(20), Clock.fixed(NOW, ZoneOffset.UTC));
        receiver.addListener(published::add);
    }

    @Test
    void readsIdStatusAndDoneDateInTheSmscZone() throws Exception {
        receiver.onAcceptDeliverSm(receipt("id:4711 sub:001 dlvrd:001 submit date:2501011200 done date:2501011230 stat:DELIVRD err:000 text:"));

        assertThat(published).containsExactly(
                new DeliveryReceipt("4711", DeliveryStatus.DELIVERED, Instant.parse("2025-01-01T09:30:00Z")));
    }

    @Test
    void prefersTheReceiptedMessageIdParameterOverTheTextId() throws Exception {
        DeliverSm deliverSm = receipt("id:0000004711 sub:001 dlvrd:000 submit date:2501011200 done date:2501011230 stat:UNDELIV err:001 text:");
        deliverSm.setOptionalParameters(new OptionalParameter.Receipted_message_id("125F"));

        receiver.onAcceptDeliverSm(deliverSm);

        assertThat(published).extracting(DeliveryReceipt::providerMessageId).containsExactly("125F");
    }

    @Test
    void mapsFinalStatesAndSkipsIntermediateOnes() throws Exception {
        receiver.onAcceptDeliverSm(receipt("id:1 sub:001 dlvrd:000 submit date:2501011200 done date:2501011230 stat:REJECTD err:001 text:"));
        receiver.onAcceptDeliverSm(receipt("id:2 sub:001 dlvrd:000 submit date:2501011200 done date:2501011230 stat:EXPIRED err:001 text:"));
        receiver.onAcceptDeliverSm(receipt("id:3 sub:001 dlvrd:000 submit date:2501011200 done date:2501011230 stat:ENROUTE err:000 text:"));
        receiver.onAcceptDeliverSm(receipt("id:4 sub:001 dlvrd:000 submit date:2501011200 done date:2501011230 stat:DELETED err:001 text:"));

        assertThat(published).extracting(DeliveryReceipt::providerMessageId, DeliveryReceipt::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", DeliveryStatus.UNDELIVERABLE),
                org.assertj.core.groups.Tuple.tuple("2", DeliveryStatus.EXPIRED),
                org.assertj.core.groups.Tuple.tuple("4", DeliveryStatus.UNDELIVERABLE));
    }

    @Test
    void aReceiptWithoutDoneDateIsStampedWithItsArrival() throws Exception {
        receiver.onAcceptDeliverSm(receipt("id:9 stat:DELIVRD"));

        assertThat(published).containsExactly(new DeliveryReceipt("9", DeliveryStatus.DELIVERED, NOW));
    }

    @Test
    void garbageAndMobileOriginatedMessagesAreAcknowledgedAndIgnored() throws Exception {
        receiver.onAcceptDeliverSm(receipt("this is not a receipt"));
        DeliverSm mobileOriginated = new DeliverSm();
        mobileOriginated.setShortMessage("STOP".getBytes(StandardCharsets.US_ASCII));
        receiver.onAcceptDeliverSm(mobileOriginated);

        assertThat(published).isEmpty();
    }

    @Test
    void partsOfOneMessageReportOnceDeliveredWhenAllAreDelivered() throws Exception {
        receiver.beginConcatenated();
        receiver.endConcatenated(List.of("A", "B", "C"));

        receiver.onAcceptDeliverSm(delivered("B"));
        receiver.onAcceptDeliverSm(delivered("A"));
        assertThat(published).isEmpty();
        receiver.onAcceptDeliverSm(delivered("C"));

        assertThat(published).extracting(DeliveryReceipt::providerMessageId, DeliveryReceipt::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", DeliveryStatus.DELIVERED));
    }

    @Test
    void theFirstFailingPartReportsTheMessageAndLaterPartsAreSilent() throws Exception {
        receiver.beginConcatenated();
        receiver.endConcatenated(List.of("A", "B"));

        receiver.onAcceptDeliverSm(receipt("id:B sub:001 dlvrd:000 submit date:2501011200 done date:2501011230 stat:UNDELIV err:001 text:"));
        receiver.onAcceptDeliverSm(delivered("A"));

        assertThat(published).extracting(DeliveryReceipt::providerMessageId, DeliveryReceipt::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", DeliveryStatus.UNDELIVERABLE));
    }

    @Test
    void aReceiptFasterThanTheSubmittingThreadWaitsForThePartsToBeKnown() throws Exception {
        receiver.beginConcatenated();
        receiver.onAcceptDeliverSm(delivered("A"));
        receiver.onAcceptDeliverSm(delivered("B"));
        receiver.onAcceptDeliverSm(delivered("unrelated"));
        assertThat(published).as("held back while a message in parts is being submitted").isEmpty();

        receiver.endConcatenated(List.of("A", "B"));

        assertThat(published).extracting(DeliveryReceipt::providerMessageId).containsExactlyInAnyOrder("A", "unrelated");
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() throws Exception {
        List<DeliveryReceipt> second = new ArrayList<>();
        receiver = new ReceiptReceiver(ZoneId.of("UTC"), Duration.ofSeconds(20), Clock.fixed(NOW, ZoneOffset.UTC));
        receiver.addListener(receipt -> {
            throw new IllegalStateException("listener bug");
        });
        receiver.addListener(second::add);

        receiver.onAcceptDeliverSm(delivered("7"));

        assertThat(second).hasSize(1);
    }

    private static DeliverSm delivered(String id) {
        return receipt("id:" + id + " sub:001 dlvrd:001 submit date:2501011200 done date:2501011230 stat:DELIVRD err:000 text:");
    }

    private static DeliverSm receipt(String text) {
        DeliverSm deliverSm = new DeliverSm();
        deliverSm.setEsmClass(MessageType.compose((byte) 0, MessageType.SMSC_DEL_RECEIPT));
        deliverSm.setShortMessage(text.getBytes(StandardCharsets.US_ASCII));
        return deliverSm;
    }
}
