package org.crmkit.mailing.outbox;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;
import org.crmkit.messaging.email.EmailSender;
import org.crmkit.messaging.sms.SmsGateway;

/**
 * The providers a sender sends through (made by the host, e.g. with the SPI's {@code MessagingProviders}, and
 * closed by the host), with a rate limit per provider: an SMS gateway's is its declared
 * {@code maxMessagesPerSecond} unless the host gives one; an e-mail sender has none unless given. A channel
 * without a provider is not sent (its entries stay pending).
 */
public final class Outlets {
    private final Optional<EmailSender> email;
    private final Optional<SmsGateway> sms;
    private final Map<Channel, RateLimit> limits;

    private Outlets(Builder b) {
        this.email = Optional.ofNullable(b.email);
        this.sms = Optional.ofNullable(b.sms);
        Map<Channel, RateLimit> l = new EnumMap<>(Channel.class);
        if (b.emailLimit != null) {
            l.put(Channel.EMAIL, b.emailLimit);
        }
        if (b.smsLimit != null) {
            l.put(Channel.SMS, b.smsLimit);
        } else if (b.sms != null && b.sms.capabilities().maxMessagesPerSecond() > 0) {
            l.put(Channel.SMS, RateLimit.perSecond(b.sms.capabilities().maxMessagesPerSecond()));
        }
        this.limits = l;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<EmailSender> email() {
        return email;
    }

    public Optional<SmsGateway> sms() {
        return sms;
    }

    /** Whether a provider for the channel is given. */
    public boolean serves(Channel channel) {
        ValidationException.required(channel, "channel");
        return channel == Channel.EMAIL ? email.isPresent() : channel == Channel.SMS && sms.isPresent();
    }

    /** The rate limit of the channel's provider, if it has one. */
    public Optional<RateLimit> limit(Channel channel) {
        return Optional.ofNullable(limits.get(ValidationException.required(channel, "channel")));
    }

    /** Whether the channel's provider sends a message with an idempotency key it has accepted at most once. */
    public boolean resubmitsIdempotently(Channel channel) {
        ValidationException.required(channel, "channel");
        return channel == Channel.SMS && sms.map(g -> g.capabilities().idempotentResubmission()).orElse(false);
    }

    /** Collects the providers and limits. */
    public static final class Builder {
        private EmailSender email;
        private SmsGateway sms;
        private RateLimit emailLimit;
        private RateLimit smsLimit;

        private Builder() {
        }

        public Builder email(EmailSender sender) {
            this.email = ValidationException.required(sender, "sender");
            return this;
        }

        public Builder sms(SmsGateway gateway) {
            this.sms = ValidationException.required(gateway, "gateway");
            return this;
        }

        /** At most {@code perSecond} e-mails a second. */
        public Builder emailLimit(int perSecond) {
            this.emailLimit = RateLimit.perSecond(perSecond);
            return this;
        }

        /** At most {@code perSecond} SMS a second (in place of the gateway's declared limit). */
        public Builder smsLimit(int perSecond) {
            this.smsLimit = RateLimit.perSecond(perSecond);
            return this;
        }

        public Outlets build() {
            if (email == null && sms == null) {
                throw new ValidationException("outlets", "none", "give an e-mail sender, an SMS gateway or both");
            }
            return new Outlets(this);
        }
    }
}
