package org.crmkit.mailing.recipient;

import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;

/**
 * Which channel each recipient is reached on: one for everybody ({@link #only}), or each person's
 * preferred one ({@link #preferred}): the contact person's preference, else its client's, else the
 * fallback; a preference for calls also falls back (a mailing sends e-mail and SMS only).
 */
public sealed interface ChannelChoice permits ChannelChoice.Only, ChannelChoice.Preferred {
    static ChannelChoice only(Channel channel) {
        return new Only(channel);
    }

    static ChannelChoice preferred(Channel fallback) {
        return new Preferred(fallback);
    }

    /** The channel for a recipient whose (person's, else client's) preference is {@code preference}, if any. */
    Channel channelFor(java.util.Optional<Channel> preference);

    /** Every channel this choice may give a recipient. */
    java.util.Set<Channel> possible();

    /** Every recipient on one channel. */
    record Only(Channel channel) implements ChannelChoice {
        public Only {
            requireMailing(channel, "channel");
        }

        @Override
        public Channel channelFor(java.util.Optional<Channel> preference) {
            ValidationException.required(preference, "preference");
            return channel;
        }

        @Override
        public java.util.Set<Channel> possible() {
            return java.util.Set.of(channel);
        }
    }

    /** Each recipient on their preferred channel, {@code fallback} where none (or calls) is preferred. */
    record Preferred(Channel fallback) implements ChannelChoice {
        public Preferred {
            requireMailing(fallback, "fallback");
        }

        @Override
        public Channel channelFor(java.util.Optional<Channel> preference) {
            ValidationException.required(preference, "preference");
            return preference.filter(p -> p != Channel.PHONE_CALL).orElse(fallback);
        }

        @Override
        public java.util.Set<Channel> possible() {
            return java.util.Set.of(Channel.EMAIL, Channel.SMS);
        }
    }

    private static void requireMailing(Channel channel, String field) {
        ValidationException.required(channel, field);
        if (channel == Channel.PHONE_CALL) {
            throw new ValidationException(field, channel, "is not a mailing channel (EMAIL or SMS)");
        }
    }
}
