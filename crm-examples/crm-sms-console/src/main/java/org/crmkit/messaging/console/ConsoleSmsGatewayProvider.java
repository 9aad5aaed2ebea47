package org.crmkit.messaging.console;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.InvalidConfigurationException;
import org.crmkit.messaging.InvalidMessageException;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.sms.SmsGatewayProvider;
import org.crmkit.messaging.sms.SmsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates {@link ConsoleSmsGateway}s. Configuration keys, all optional:
 * <ul>
 *   <li>{@code stream}: {@code stdout} (default) or {@code stderr};</li>
 *   <li>{@code charset}: the encoding of the printed text, {@code UTF-8} by default;</li>
 *   <li>{@code auto-receipt}: {@code delivered} (default), {@code undeliverable}, {@code expired} or
 *       {@code none}: the receipt reported shortly after each accepted message;</li>
 *   <li>{@code reject-destinations}: comma-separated E.164 numbers answered with a permanent
 *       {@code invalid_destination} failure;</li>
 *   <li>{@code max-parts}: the most parts a message may have, 10 by default.</li>
 * </ul>
 * Keys it does not know are logged once at WARN by {@link #create}.
 */
public final class ConsoleSmsGatewayProvider implements SmsGatewayProvider {

    public static final String NAME = "console";

    /** Every key this provider reads. */
    public static final Set<String> KEYS = Set.of("stream", "charset", "auto-receipt", "reject-destinations", "max-parts");

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSmsGatewayProvider.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConsoleSmsGateway create(ProviderConfig config) {
        Set<String> unknown = config.unknownKeys(KEYS);
        if (!unknown.isEmpty()) {
            LOG.warn("console SMS gateway ignores unknown configuration keys {}; known keys are {}", unknown, new TreeSet<>(KEYS));
        }
        Charset charset = charset(config);
        PrintStream out = stream(config, charset);
        Optional<DeliveryStatus> autoReceipt = autoReceipt(config);
        int maxParts = config.intValue("max-parts", 10);
        if (maxParts < 1 || maxParts > 255) {
            throw new InvalidConfigurationException("max-parts",
                    "configuration key \"max-parts\" has value \"" + maxParts + "\", expected 1 to 255");
        }
        ConsoleSmsGateway gateway = new ConsoleSmsGateway(out, Clock.systemUTC(), autoReceipt, maxParts);
        rejectDestinations(config).forEach(gateway::rejectAsInvalid);
        return gateway;
    }

    private static Charset charset(ProviderConfig config) {
        String name = config.get("charset").orElse("UTF-8");
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidConfigurationException("charset",
                    "configuration key \"charset\" has value \"" + name + "\", expected a charset such as UTF-8", e);
        }
    }

    private static PrintStream stream(ProviderConfig config, Charset charset) {
        String stream = config.get("stream").orElse("stdout").toLowerCase(Locale.ROOT);
        switch (stream) {
            case "stdout":
                return new PrintStream(System.out, true, charset);
            case "stderr":
                return new PrintStream(System.err, true, charset);
            default:
                throw new InvalidConfigurationException("stream",
                        "configuration key \"stream\" has value \"" + stream + "\", expected stdout or stderr");
        }
    }

    private static Optional<DeliveryStatus> autoReceipt(ProviderConfig config) {
        String value = config.get("auto-receipt").orElse("delivered");
        if (value.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        try {
            return Optional.of(DeliveryStatus.valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("auto-receipt", "configuration key \"auto-receipt\" has value \""
                    + value + "\", expected delivered, undeliverable, expired or none", e);
        }
    }

    private static Set<String> rejectDestinations(ProviderConfig config) {
        return config.get("reject-destinations").stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip)
                .filter(number -> !number.isEmpty())
                .peek(number -> {
                    try {
                        SmsMessage.of("check", "check", number, "check");
                    } catch (InvalidMessageException e) {
                        throw new InvalidConfigurationException("reject-destinations", "configuration key"
                                + " \"reject-destinations\" has value \"" + number + "\", expected E.164 numbers separated by commas", e);
                    }
                })
                .collect(Collectors.toSet());
    }
}
