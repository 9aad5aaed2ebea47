package org.crmkit.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import org.crmkit.messaging.email.EmailSender;
import org.crmkit.messaging.email.EmailSenderProvider;
import org.crmkit.messaging.sms.SmsGateway;
import org.crmkit.messaging.sms.SmsGatewayProvider;

/**
 * The providers a host can choose from: those registered explicitly and, unless switched off, those
 * found by {@link ServiceLoader} on a class loader.
 *
 * <p>SMS gateways and e-mail senders are chosen by the rules of {@link ProviderCatalogue}, the same rules
 * crm-core chooses its storage by: explicit registration wins; names are compared ignoring case; two
 * providers with the name asked for are an error naming their classes; no name chooses the only provider,
 * and none or several is a {@link ProviderSelectionException} listing them; an unknown name is an error
 * listing the names available; a provider that fails to load is logged and listed by {@link #loadFailures()},
 * and the others still load.
 * {@link #createSmsGateway(ProviderConfig)} and {@link #createEmailSender(ProviderConfig)} take the name from
 * the configuration key {@value #PROVIDER_KEY} when it is set. Instances are immutable and thread-safe;
 * discovery happens once, in {@link Builder#build()}.
 */
public final class MessagingProviders {

    /** The configuration key naming the provider to use. */
    public static final String PROVIDER_KEY = "provider";

    private static final String HOW_TO_CHOOSE = "set \"" + PROVIDER_KEY + "\"";

    private final ProviderCatalogue<SmsGatewayProvider> sms;
    private final ProviderCatalogue<EmailSenderProvider> email;

    private MessagingProviders(ProviderCatalogue<SmsGatewayProvider> sms, ProviderCatalogue<EmailSenderProvider> email) {
        this.sms = sms;
        this.email = email;
    }

    /** Discovers providers on the thread's context class loader, with nothing registered explicitly. */
    public static MessagingProviders discover() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All SMS gateway providers: explicitly registered first, then discovered ones. */
    public List<SmsGatewayProvider> smsGatewayProviders() {
        return sms.all();
    }

    /** All e-mail sender providers: explicitly registered first, then discovered ones. */
    public List<EmailSenderProvider> emailSenderProviders() {
        return email.all();
    }

    /** The only SMS gateway provider available (or the only one registered explicitly). */
    public SmsGatewayProvider smsGatewayProvider() {
        return sms.select(Optional.empty());
    }

    /** The SMS gateway provider with this name (ignoring case); explicit registrations are looked at first. */
    public SmsGatewayProvider smsGatewayProvider(String name) {
        return sms.select(Optional.of(requireName(name)));
    }

    /** The only e-mail sender provider available (or the only one registered explicitly). */
    public EmailSenderProvider emailSenderProvider() {
        return email.select(Optional.empty());
    }

    /** The e-mail sender provider with this name (ignoring case); explicit registrations are looked at first. */
    public EmailSenderProvider emailSenderProvider(String name) {
        return email.select(Optional.of(requireName(name)));
    }

    /** Creates a gateway with the provider named by {@value #PROVIDER_KEY} in {@code config}, or the only one. */
    public SmsGateway createSmsGateway(ProviderConfig config) {
        return sms.select(config.get(PROVIDER_KEY)).create(config);
    }

    /** Creates a sender with the provider named by {@value #PROVIDER_KEY} in {@code config}, or the only one. */
    public EmailSender createEmailSender(ProviderConfig config) {
        return email.select(config.get(PROVIDER_KEY)).create(config);
    }

    /** Providers that were found but failed to load, SMS gateways first; they are also logged as warnings. */
    public List<ProviderCatalogue.LoadFailure> loadFailures() {
        List<ProviderCatalogue.LoadFailure> failures = new ArrayList<>(sms.loadFailures());
        failures.addAll(email.loadFailures());
        return List.copyOf(failures);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("provider name must not be blank, got \"" + name + "\"");
        }
        return name;
    }

    /** Collects explicit registrations and the discovery settings. */
    public static final class Builder {
        private final List<SmsGatewayProvider> explicitSms = new ArrayList<>();
        private final List<EmailSenderProvider> explicitEmail = new ArrayList<>();
        private ClassLoader classLoader;
        private boolean discovery = true;

        private Builder() {
        }

        /** Registers an SMS gateway provider explicitly; it wins over discovered ones. */
        public Builder smsGatewayProvider(SmsGatewayProvider provider) {
            explicitSms.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Registers an e-mail sender provider explicitly; it wins over discovered ones. */
        public Builder emailSenderProvider(EmailSenderProvider provider) {
            explicitEmail.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** The class loader to discover on; the thread's context class loader by default. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /** Switches {@link ServiceLoader} discovery on (the default) or off. */
        public Builder discovery(boolean enabled) {
            this.discovery = enabled;
            return this;
        }

        /**
         * Discovers the providers of both kinds.
         *
         * @throws MessagingException when an explicitly registered provider fails in, or answers blank from, {@code name()}
         */
        public MessagingProviders build() {
            ProviderCatalogue.Builder<SmsGatewayProvider> sms = ProviderCatalogue
                    .builder(SmsGatewayProvider.class, SmsGatewayProvider::name).noun("SMS gateway");
            explicitSms.forEach(sms::explicit);
            ProviderCatalogue.Builder<EmailSenderProvider> email = ProviderCatalogue
                    .builder(EmailSenderProvider.class, EmailSenderProvider::name).noun("e-mail sender");
            explicitEmail.forEach(email::explicit);
            return new MessagingProviders(configured(sms), configured(email));
        }

        private <P> ProviderCatalogue<P> configured(ProviderCatalogue.Builder<P> catalogue) {
            catalogue.howToChoose(HOW_TO_CHOOSE).discovery(discovery);
            if (classLoader != null) {
                catalogue.classLoader(classLoader);
            }
            return catalogue.build();
        }
    }
}
