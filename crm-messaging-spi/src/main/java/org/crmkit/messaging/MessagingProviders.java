package org.crmkit.messaging;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crmkit.messaging.email.EmailSender;
import org.crmkit.messaging.email.EmailSenderProvider;
import org.crmkit.messaging.sms.SmsGateway;
import org.crmkit.messaging.sms.SmsGatewayProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers a host can choose from: those registered explicitly and, unless switched off, those
 * found by {@link ServiceLoader} on a class loader.
 *
 * <p>Selection rules, the same for SMS gateways and e-mail senders:
 * <ul>
 *   <li>explicit registration wins: a name asked for is looked up among the registered providers first,
 *       and when no name is asked for, a single registered provider is chosen even if others were discovered;</li>
 *   <li>by name (ignoring case): the provider with that name; an unknown name is an error listing the names
 *       available; two discovered providers with the same name are an error naming their classes;</li>
 *   <li>no name: the only provider available; none, or several (and none registered explicitly), is a
 *       {@link ProviderSelectionException} listing them;</li>
 *   <li>a provider that fails to load (missing class, failing constructor, failing {@code name()}) is logged
 *       and listed by {@link #loadFailures()}; the other providers still load.</li>
 * </ul>
 * {@link #createSmsGateway(ProviderConfig)} and {@link #createEmailSender(ProviderConfig)} take the name from
 * the configuration key {@value #PROVIDER_KEY} when it is set. Instances are immutable and thread-safe;
 * discovery happens once, in {@link Builder#build()}.
 */
public final class MessagingProviders {

    /** The configuration key naming the provider to use. */
    public static final String PROVIDER_KEY = "provider";

    private static final Logger LOG = LoggerFactory.getLogger(MessagingProviders.class);
    private static final int MAX_CONSECUTIVE_FAILURES = 100;

    private final Catalogue<SmsGatewayProvider> sms;
    private final Catalogue<EmailSenderProvider> email;
    private final List<LoadFailure> loadFailures;

    private MessagingProviders(Catalogue<SmsGatewayProvider> sms, Catalogue<EmailSenderProvider> email,
                               List<LoadFailure> loadFailures) {
        this.sms = sms;
        this.email = email;
        this.loadFailures = List.copyOf(loadFailures);
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

    /** Providers that were found but failed to load; they are also logged as warnings. */
    public List<LoadFailure> loadFailures() {
        return loadFailures;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("provider name must not be blank, got \"" + name + "\"");
        }
        return name;
    }

    /**
     * A provider that was listed in {@code META-INF/services} but could not be used.
     *
     * @param service the SPI interface it was listed for
     * @param message what went wrong, as the JDK or the provider reported it
     * @param cause   the error
     */
    public record LoadFailure(Class<?> service, String message, Throwable cause) {
        public LoadFailure {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(cause, "cause");
        }
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

        public MessagingProviders build() {
            List<LoadFailure> failures = new ArrayList<>();
            Catalogue<SmsGatewayProvider> sms = catalogue(SmsGatewayProvider.class, "SMS gateway",
                    explicitSms, SmsGatewayProvider::name, failures);
            Catalogue<EmailSenderProvider> email = catalogue(EmailSenderProvider.class, "e-mail sender",
                    explicitEmail, EmailSenderProvider::name, failures);
            return new MessagingProviders(sms, email, failures);
        }

        private <P> Catalogue<P> catalogue(Class<P> service, String noun, List<P> explicit,
                                           Function<P, String> naming, List<LoadFailure> failures) {
            Map<P, String> explicitNames = new LinkedHashMap<>();
            for (P provider : explicit) {
                explicitNames.put(provider, checkedName(provider, naming));
            }
            Map<P, String> discovered = new LinkedHashMap<>();
            if (discovery) {
                ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
                Iterator<P> iterator = ServiceLoader.load(service, loader).iterator();
                int consecutiveFailures = 0;
                while (consecutiveFailures < MAX_CONSECUTIVE_FAILURES) {
                    try {
                        if (!iterator.hasNext()) {
                            break;
                        }
                        P provider = iterator.next();
                        discovered.put(provider, checkedName(provider, naming));
                        consecutiveFailures = 0;
                    } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                        consecutiveFailures++;
                        String message = e.getMessage() != null ? e.getMessage() : e.toString();
                        LOG.warn("{} provider failed to load and is skipped: {}", noun, message, e);
                        failures.add(new LoadFailure(service, message, e));
                    }
                }
            }
            return new Catalogue<>(noun, explicitNames, discovered);
        }

        private static <P> String checkedName(P provider, Function<P, String> naming) {
            String name;
            try {
                name = naming.apply(provider);
            } catch (RuntimeException e) {
                throw new MessagingException("provider " + provider.getClass().getName() + " failed in name(): " + e, e);
            }
            if (name == null || name.isBlank()) {
                throw new MessagingException("provider " + provider.getClass().getName() + " has a blank name()");
            }
            return name.strip();
        }
    }

    /** The providers of one SPI, explicit and discovered, with their names. */
    private static final class Catalogue<P> {
        private final String noun;
        private final Map<P, String> explicit;
        private final Map<P, String> discovered;

        Catalogue(String noun, Map<P, String> explicit, Map<P, String> discovered) {
            this.noun = noun;
            this.explicit = explicit;
            this.discovered = discovered;
        }

        List<P> all() {
            List<P> all = new ArrayList<>(explicit.keySet());
            all.addAll(discovered.keySet());
            return List.copyOf(all);
        }

        P select(Optional<String> name) {
            if (name.isPresent()) {
                String wanted = name.get().strip().toLowerCase(Locale.ROOT);
                Optional<P> registered = unique(explicit, wanted);
                if (registered.isPresent()) {
                    return registered.get();
                }
                Optional<P> found = unique(discovered, wanted);
                if (found.isPresent()) {
                    return found.get();
                }
                throw new ProviderSelectionException(
                        "no " + noun + " provider named \"" + name.get() + "\"; available: " + describe(names()),
                        names());
            }
            if (explicit.size() == 1) {
                return explicit.keySet().iterator().next();
            }
            if (explicit.size() > 1) {
                List<String> names = List.copyOf(explicit.values());
                throw new ProviderSelectionException("several " + noun + " providers are registered and none is named"
                        + " (set \"" + PROVIDER_KEY + "\"): " + describe(names), names);
            }
            if (discovered.size() == 1) {
                return discovered.keySet().iterator().next();
            }
            List<String> names = List.copyOf(discovered.values());
            if (discovered.isEmpty()) {
                throw new ProviderSelectionException("no " + noun + " provider found: register one explicitly or add a"
                        + " plugin jar with META-INF/services to the class path", names);
            }
            throw new ProviderSelectionException("several " + noun + " providers found and none is named"
                    + " (set \"" + PROVIDER_KEY + "\"): " + describe(names), names);
        }

        private Optional<P> unique(Map<P, String> providers, String wanted) {
            List<P> matches = providers.entrySet().stream()
                    .filter(e -> e.getValue().toLowerCase(Locale.ROOT).equals(wanted))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toList());
            if (matches.size() > 1) {
                throw new ProviderSelectionException("several " + noun + " providers are named \"" + wanted + "\": "
                        + matches.stream().map(p -> p.getClass().getName()).collect(Collectors.joining(", ")),
                        matches.stream().map(providers::get).collect(Collectors.toList()));
            }
            return matches.stream().findFirst();
        }

        private List<String> names() {
            List<String> names = new ArrayList<>(explicit.values());
            names.addAll(discovered.values());
            return List.copyOf(names);
        }

        private static String describe(List<String> names) {
            return names.isEmpty() ? "(none)" : String.join(", ", names);
        }
    }
}
