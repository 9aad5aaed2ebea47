package org.crmkit.messaging.email;

import org.crmkit.messaging.ProviderConfig;

/**
 * The factory a plugin jar registers in {@code META-INF/services/org.crmkit.messaging.email.EmailSenderProvider}.
 * It needs a public no-arg constructor that does no work; {@link #create} does the work and fails with an
 * {@link org.crmkit.messaging.InvalidConfigurationException} naming the key when the configuration is wrong.
 */
public interface EmailSenderProvider {

    /** A short, stable, lower-case name the host selects the provider by, e.g. {@code "smtp"}. */
    String name();

    EmailSender create(ProviderConfig config);
}
