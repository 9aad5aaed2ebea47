package org.crmkit.messaging;

import org.crmkit.messaging.email.EmailMessage;
import org.crmkit.messaging.email.EmailSender;
import org.crmkit.messaging.email.EmailSenderProvider;
import org.crmkit.messaging.sms.SmsGateway;
import org.crmkit.messaging.sms.SmsGatewayProvider;
import org.crmkit.messaging.sms.SmsMessage;

/** Providers named in the test plugin directories under {@code plugins/}. */
public final class TestProviders {

    private TestProviders() {
    }

    /** A provider with a fixed name whose gateways remember the configuration they were created with. */
    public static class Named implements SmsGatewayProvider {
        private final String name;

        public Named(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ConfiguredGateway create(ProviderConfig config) {
            return new ConfiguredGateway(this, config);
        }
    }

    public static final class Alpha extends Named {
        public Alpha() {
            super("alpha");
        }
    }

    public static final class AlphaTwin extends Named {
        public AlphaTwin() {
            super("Alpha");
        }
    }

    public static final class Beta extends Named {
        public Beta() {
            super("beta");
        }
    }

    public static final class Gamma extends Named {
        public Gamma() {
            super("gamma");
        }
    }

    public static final class Exploding extends Named {
        public Exploding() {
            super("exploding");
            throw new IllegalStateException("Exploding provider cannot start");
        }
    }

    public static final class SmtpLike implements EmailSenderProvider {
        @Override
        public String name() {
            return "smtp-like";
        }

        @Override
        public EmailSender create(ProviderConfig config) {
            return new EmailSender() {
                @Override
                public SendOutcome send(EmailMessage message) {
                    return SendOutcome.accepted(message.messageId("test"), 1);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** A gateway that only records who made it and with what. */
    public static final class ConfiguredGateway implements SmsGateway {
        public final SmsGatewayProvider madeBy;
        public final ProviderConfig config;

        ConfiguredGateway(SmsGatewayProvider madeBy, ProviderConfig config) {
            this.madeBy = madeBy;
            this.config = config;
        }

        @Override
        public SendOutcome send(SmsMessage message) {
            return SendOutcome.accepted("x", 1);
        }

        @Override
        public void close() {
        }
    }
}
