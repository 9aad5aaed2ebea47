package org.crmkit.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.kit.SmsGatewayContract;
import org.crmkit.messaging.kit.SmsProviderDouble;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs the kit against gateways that each break one rule, and checks that the kit notices: a kit
 * that passes everything would protect nobody.
 */
class SmsGatewayContractCatchesFaultsTest {

    @Test
    void aGatewayThatGarblesCyrillicFails() {
        assertThat(failedTests(GarblesCyrillic.class))
                .containsExactlyInAnyOrder("cyrillicTextArrivesIntact()", "gsm7ExtensionCharactersAndEmojiArriveIntact()",
                        "longTextsReportTheirPartCount()");
    }

    @Test
    void aGatewayThatAlwaysReportsOnePartFails() {
        assertThat(failedTests(ReportsOnePart.class)).containsExactly("longTextsReportTheirPartCount()");
    }

    @Test
    void aGatewayThatTreatsThrottlingAsPermanentFails() {
        assertThat(failedTests(ThrottlingIsPermanent.class)).containsExactly("throttlingIsATemporaryFailureAndTheGatewayRecovers()");
    }

    @Test
    void aGatewayThatDeclaresReceiptsButSendsNoneFails() {
        assertThat(failedTests(LosesReceipts.class)).containsExactly("receiptsArriveWhenDeclared()");
    }

    @Test
    void theReferenceGatewayPassesEverything() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ReferenceSmsGatewayContractTest.class))
                .execute().testEvents();

        assertThat(tests.failed().count()).isZero();
        assertThat(tests.skipped().count()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(9);
    }

    private static Set<String> failedTests(Class<?> contractTest) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contractTest)).execute()
                .testEvents().failed().stream()
                .map(event -> event.getTestDescriptor().getDisplayName())
                .collect(Collectors.toSet());
    }

    abstract static class FaultyGatewayContract extends SmsGatewayContract {
        private final ReferenceSmsGateway gateway = faulty();

        abstract ReferenceSmsGateway faulty();

        @Override
        protected SmsGateway gateway() {
            return gateway;
        }

        @Override
        protected SmsProviderDouble providerDouble() {
            return gateway;
        }

        @Override
        protected Duration patience() {
            return Duration.ofMillis(200);
        }
    }

    static class GarblesCyrillic extends FaultyGatewayContract {
        @Override
        ReferenceSmsGateway faulty() {
            return new ReferenceSmsGateway() {
                @Override
                protected String deliveredText(SmsMessage message) {
                    return message.text().replaceAll("[^\\x20-\\x7E]", "?");
                }
            };
        }
    }

    static class ReportsOnePart extends FaultyGatewayContract {
        @Override
        ReferenceSmsGateway faulty() {
            return new ReferenceSmsGateway() {
                @Override
                protected int reportedParts(SmsMessage message) {
                    return 1;
                }
            };
        }
    }

    static class ThrottlingIsPermanent extends FaultyGatewayContract {
        @Override
        ReferenceSmsGateway faulty() {
            return new ReferenceSmsGateway() {
                private volatile boolean throttled;

                @Override
                public void throttle(boolean on) {
                    throttled = on;
                }

                @Override
                public SendOutcome send(SmsMessage message) {
                    return throttled ? SendOutcome.permanent("throttled", "too fast") : super.send(message);
                }
            };
        }
    }

    static class LosesReceipts extends FaultyGatewayContract {
        @Override
        ReferenceSmsGateway faulty() {
            return new ReferenceSmsGateway() {
                @Override
                public void sendReceipt(String providerMessageId, org.crmkit.messaging.DeliveryStatus status) {
                    // the provider said so, but the gateway never passes it on
                }
            };
        }
    }
}
