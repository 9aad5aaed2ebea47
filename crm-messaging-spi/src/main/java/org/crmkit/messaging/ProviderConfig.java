package org.crmkit.messaging;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The settings a provider creates its sender or gateway from: an immutable map of string keys to
 * string values, as read from a properties file or the host's own configuration.
 *
 * <p>Invariants: keys are non-blank, values are non-null; the map never changes after construction
 * ({@link #with} returns a copy). Every accessor that fails throws {@link InvalidConfigurationException}
 * naming the key, and the rejected value unless the key looks like a secret ({@code key}, {@code password},
 * {@code secret}, {@code token} in its name), which {@link #toString()} masks as well.
 */
public final class ProviderConfig {

    private static final ProviderConfig EMPTY = new ProviderConfig(Map.of());

    private final Map<String, String> values;

    private ProviderConfig(Map<String, String> values) {
        this.values = values;
    }

    /** A configuration holding a copy of {@code settings}; a blank key or a null value is rejected. */
    public static ProviderConfig of(Map<String, String> settings) {
        Objects.requireNonNull(settings, "settings");
        TreeMap<String, String> copy = new TreeMap<>();
        settings.forEach((key, value) -> {
            checkKey(key);
            if (value == null) {
                throw new InvalidConfigurationException(key, "configuration key \"" + key + "\" has a null value");
            }
            copy.put(key, value);
        });
        return new ProviderConfig(Map.copyOf(copy));
    }

    public static ProviderConfig empty() {
        return EMPTY;
    }

    /** A copy of this configuration with {@code key} set to {@code value}. */
    public ProviderConfig with(String key, String value) {
        checkKey(key);
        if (value == null) {
            throw new InvalidConfigurationException(key, "configuration key \"" + key + "\" has a null value");
        }
        TreeMap<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new ProviderConfig(Map.copyOf(copy));
    }

    /** The value of {@code key}; missing or blank is an {@link InvalidConfigurationException} naming the key. */
    public String require(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new InvalidConfigurationException(key, "configuration key \"" + key + "\" is required but missing");
        }
        if (value.isBlank()) {
            throw new InvalidConfigurationException(key, "configuration key \"" + key + "\" is required but blank");
        }
        return value.strip();
    }

    /** The value of {@code key}, stripped; empty if missing or blank. */
    public Optional<String> get(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public int intValue(String key, int fallback) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw invalid(key, value.get(), "an integer", e);
        }
    }

    public long longValue(String key, long fallback) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw invalid(key, value.get(), "an integer", e);
        }
    }

    /** {@code true} or {@code false} in any case; anything else is an error naming key and value. */
    public boolean booleanValue(String key, boolean fallback) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw invalid(key, value.get(), "true or false", null);
        }
    }

    /**
     * An ISO-8601 duration ({@code PT5S}) or a whole number of milliseconds ({@code 5000}); negative
     * durations are rejected.
     */
    public Duration duration(String key, Duration fallback) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get();
        Duration parsed;
        try {
            parsed = text.chars().allMatch(Character::isDigit)
                    ? Duration.ofMillis(Long.parseLong(text))
                    : Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw invalid(key, text, "an ISO-8601 duration such as PT5S or a number of milliseconds", e);
        }
        if (parsed.isNegative()) {
            throw invalid(key, text, "a duration that is not negative", null);
        }
        return parsed;
    }

    /**
     * The keys of this configuration that are neither in {@code known} nor {@value MessagingProviders#PROVIDER_KEY},
     * sorted: a plugin logs them once at WARN when it is created, so a misspelt key does not pass unnoticed.
     */
    public SortedSet<String> unknownKeys(Set<String> known) {
        Objects.requireNonNull(known, "known");
        SortedSet<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        unknown.remove(MessagingProviders.PROVIDER_KEY);
        return unknown;
    }

    /** All settings, unmodifiable. */
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderConfig && ((ProviderConfig) other).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The settings with the values of secret-looking keys masked. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ProviderConfig{");
        new TreeMap<>(values).forEach((key, value) -> {
            if (text.length() > "ProviderConfig{".length()) {
                text.append(", ");
            }
            text.append(key).append('=').append(isSecret(key) ? "****" : value);
        });
        return text.append('}').toString();
    }

    private static void checkKey(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidConfigurationException(String.valueOf(key), "configuration keys must not be blank, got \"" + key + "\"");
        }
    }

    static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("key") || lower.contains("password") || lower.contains("secret") || lower.contains("token");
    }

    private static InvalidConfigurationException invalid(String key, String value, String expected, Throwable cause) {
        String shown = isSecret(key) ? "(hidden)" : "\"" + value + "\"";
        return new InvalidConfigurationException(key,
                "configuration key \"" + key + "\" has value " + shown + ", expected " + expected, cause);
    }
}
