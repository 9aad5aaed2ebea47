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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers of one service interface a host can choose from, and crmkit's one rule set for choosing
 * among them. {@link MessagingProviders} uses it for SMS gateways and e-mail senders, crm-core for storages.
 *
 * <ul>
 *   <li>Providers come from explicit registration and, unless switched off, from {@link ServiceLoader} on a
 *       class loader. A provider that fails to load (missing class, failing constructor, failing or blank
 *       {@code name()}) is logged, listed by {@link #loadFailures()} and skipped; the others still load.</li>
 *   <li>Explicit registration wins: a name is looked up among the registered providers first, and without
 *       a name a single registered provider is chosen even if others were discovered.</li>
 *   <li>Names are compared ignoring case ({@link Locale#ROOT}) and surrounding white space. Two providers of
 *       one origin (both registered, or both discovered) answering to the name asked for are an error naming
 *       their classes.</li>
 *   <li>Without a name: the only provider there is; none, or several, is an error listing them.</li>
 *   <li>An unknown name is an error listing the names there are.</li>
 * </ul>
 * Every error is a {@link ProviderSelectionException} whose {@link ProviderSelectionException#candidates()}
 * are the names to choose from. Instances are immutable and thread-safe; discovery happens once, in
 * {@link Builder#build()}.
 *
 * @param <P> the provider interface, e.g. {@code SmsGatewayProvider}
 */
public final class ProviderCatalogue<P> {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderCatalogue.class);
    private static final int MAX_CONSECUTIVE_FAILURES = 100;

    private final String noun;
    private final String howToChoose;
    private final Map<P, String> explicit;
    private final Map<P, String> discovered;
    private final List<LoadFailure> loadFailures;

    private ProviderCatalogue(Builder<P> builder, Map<P, String> explicit, Map<P, String> discovered,
                              List<LoadFailure> loadFailures) {
        this.noun = builder.noun;
        this.howToChoose = builder.howToChoose;
        this.explicit = explicit;
        this.discovered = discovered;
        this.loadFailures = List.copyOf(loadFailures);
    }

    /**
     * Starts a catalogue of the providers of {@code service}, known by the name {@code naming} gives.
     * The noun in messages is the interface's simple name until {@link Builder#noun} says otherwise.
     */
    public static <P> Builder<P> builder(Class<P> service, Function<? super P, String> naming) {
        return new Builder<>(service, naming);
    }

    /** All providers: explicitly registered first, then discovered ones, each in the order found. */
    public List<P> all() {
        List<P> all = new ArrayList<>(explicit.keySet());
        all.addAll(discovered.keySet());
        return List.copyOf(all);
    }

    /** Whether there is no provider at all, registered or discovered. */
    public boolean isEmpty() {
        return explicit.isEmpty() && discovered.isEmpty();
    }

    /** Providers that were listed in {@code META-INF/services} but failed to load; each was logged as a warning. */
    public List<LoadFailure> loadFailures() {
        return loadFailures;
    }

    /**
     * The provider with this name, or the only one when the name is empty, by the rules above.
     *
     * @throws ProviderSelectionException when none, or more than one, fits
     * @throws IllegalArgumentException   when the name is present but blank
     */
    public P select(Optional<String> name) {
        if (name.isPresent()) {
            return named(name.get());
        }
        if (explicit.size() == 1) {
            return explicit.keySet().iterator().next();
        }
        if (explicit.size() > 1) {
            List<String> names = List.copyOf(explicit.values());
            throw new ProviderSelectionException("several " + noun + " providers are registered and none is named ("
                    + howToChoose + "): " + describe(names), names);
        }
        if (discovered.size() == 1) {
            return discovered.keySet().iterator().next();
        }
        List<String> names = List.copyOf(discovered.values());
        if (discovered.isEmpty()) {
            throw new ProviderSelectionException("no " + noun + " provider found: register one explicitly or add a"
                    + " plugin jar with META-INF/services to the class path", names);
        }
        throw new ProviderSelectionException("several " + noun + " providers found and none is named ("
                + howToChoose + "): " + describe(names), names);
    }

    private P named(String name) {
        if (name.isBlank()) {
            throw new IllegalArgumentException(noun + " provider name must not be blank, got \"" + name + "\"");
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        Optional<P> registered = unique(explicit, wanted);
        if (registered.isPresent()) {
            return registered.get();
        }
        return unique(discovered, wanted).orElseThrow(() -> new ProviderSelectionException(
                "no " + noun + " provider named \"" + name + "\"; available: " + describe(names()), names()));
    }

    private Optional<P> unique(Map<P, String> providers, String wanted) {
        List<P> matches = providers.entrySet().stream()
                .filter(e -> e.getValue().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getKey)
                .collect(Collectors.toList());
        if (matches.size() > 1) {
            throw new ProviderSelectionException("several " + noun + " providers are named \"" + wanted
                    + "\" (ignoring case): " + matches.stream().map(p -> p.getClass().getName() + " (\"" + providers.get(p) + "\")")
                    .collect(Collectors.joining(", ")) + "; remove one of them from the class path",
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

    /** Collects explicit registrations, the discovery settings and the words for messages. */
    public static final class Builder<P> {
        private final Class<P> service;
        private final Function<? super P, String> naming;
        private final List<P> explicit = new ArrayList<>();
        private String noun;
        private String howToChoose = "name one";
        private ClassLoader classLoader;
        private boolean discovery = true;

        private Builder(Class<P> service, Function<? super P, String> naming) {
            this.service = Objects.requireNonNull(service, "service");
            this.naming = Objects.requireNonNull(naming, "naming");
            this.noun = service.getSimpleName();
        }

        /** What a provider makes, for messages: {@code "SMS gateway"} gives "no SMS gateway provider found". */
        public Builder<P> noun(String noun) {
            this.noun = requireText("noun", noun);
            return this;
        }

        /** How a host names the provider it wants, for messages: {@code "set \"provider\""}. */
        public Builder<P> howToChoose(String howToChoose) {
            this.howToChoose = requireText("howToChoose", howToChoose);
            return this;
        }

        /** Registers a provider explicitly; it wins over discovered ones. */
        public Builder<P> explicit(P provider) {
            explicit.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** The class loader to discover on; the thread's context class loader by default. */
        public Builder<P> classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /** Switches {@link ServiceLoader} discovery on (the default) or off. */
        public Builder<P> discovery(boolean enabled) {
            this.discovery = enabled;
            return this;
        }

        /**
         * Discovers the providers and makes the catalogue.
         *
         * @throws MessagingException when an explicitly registered provider fails in, or answers blank from, {@code name()}
         */
        public ProviderCatalogue<P> build() {
            Map<P, String> registered = new LinkedHashMap<>();
            for (P provider : explicit) {
                registered.put(provider, checkedName(provider));
            }
            List<LoadFailure> failures = new ArrayList<>();
            Map<P, String> found = discovery ? discover(failures) : Map.of();
            return new ProviderCatalogue<>(this, registered, found, failures);
        }

        private Map<P, String> discover(List<LoadFailure> failures) {
            Map<P, String> found = new LinkedHashMap<>();
            ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
            Iterator<P> iterator = ServiceLoader.load(service, loader).iterator();
            int consecutiveFailures = 0;
            while (consecutiveFailures < MAX_CONSECUTIVE_FAILURES) {
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    P provider = iterator.next();
                    found.put(provider, checkedName(provider));
                    consecutiveFailures = 0;
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    consecutiveFailures++;
                    String message = e.getMessage() != null ? e.getMessage() : e.toString();
                    LOG.warn("{} provider failed to load and is skipped: {}", noun, message, e);
                    failures.add(new LoadFailure(service, message, e));
                }
            }
            return found;
        }

        private String checkedName(P provider) {
            String name;
            try {
                name = naming.apply(provider);
            } catch (RuntimeException e) {
                throw new MessagingException("provider " + provider.getClass().getName() + " failed in name(): " + e, e);
            }
            if (name == null || name.isBlank()) {
                throw new MessagingException("provider " + provider.getClass().getName() + " has a blank name(): \""
                        + name + "\"");
            }
            return name.strip();
        }

        private static String requireText(String what, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank, got \"" + value + "\"");
            }
            return value;
        }
    }
}
