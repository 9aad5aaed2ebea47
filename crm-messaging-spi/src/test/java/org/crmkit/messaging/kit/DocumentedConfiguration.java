package org.crmkit.messaging.kit;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.messaging.ProviderConfig;

/**
 * The example configuration of a plugin's documentation page, read from the page itself so that a test can
 * build the plugin from exactly what a host would copy: the first {@code ```properties} block, and the
 * {@code .with("key", "value")} calls of the first {@code ```java} block, which must say the same.
 */
public final class DocumentedConfiguration {

    private static final Pattern WITH = Pattern.compile("\\.with\\(\\s*\"([^\"]+)\"\\s*,\\s*\"([^\"]*)\"\\s*\\)");

    private final Path page;
    private final String text;

    private DocumentedConfiguration(Path page, String text) {
        this.page = page;
        this.text = text;
    }

    /** Reads {@code page} (UTF-8). */
    public static DocumentedConfiguration of(Path page) {
        try {
            return new DocumentedConfiguration(page, Files.readString(page, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the documentation page " + page.toAbsolutePath(), e);
        }
    }

    /** The whole page. */
    public String text() {
        return text;
    }

    /** The first {@code ```properties} block, as a configuration. */
    public ProviderConfig properties() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(block("properties", 0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return ProviderConfig.of(values);
    }

    /** The {@code ```java} block number {@code index} (from 0), as its {@code .with("key", "value")} pairs. */
    public ProviderConfig javaWith(int index) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher matcher = WITH.matcher(block("java", index));
        while (matcher.find()) {
            values.put(matcher.group(1), matcher.group(2));
        }
        return ProviderConfig.of(values);
    }

    /** The keys in the first column of every Markdown table row that starts with a key in backticks. */
    public List<String> tableKeys() {
        return text.lines()
                .filter(line -> line.startsWith("| `"))
                .map(line -> line.substring(3, line.indexOf('`', 3)))
                .toList();
    }

    /**
     * Fails unless the first {@code ```java} block sets exactly the keys and values of the {@code ```properties}
     * block, and the key table lists exactly {@code keys}: the page says what the plugin reads, in both forms.
     */
    public void assertExamplesAgreeAndKeyTableLists(Set<String> keys) {
        if (!javaWith(0).equals(properties())) {
            throw new AssertionError(page + ": the Java example " + javaWith(0) + " differs from the properties example "
                    + properties());
        }
        Set<String> listed = new TreeSet<>(tableKeys());
        if (!listed.equals(new TreeSet<>(keys)) || listed.size() != tableKeys().size()) {
            throw new AssertionError(page + ": the key table lists " + tableKeys() + ", the plugin reads " + new TreeSet<>(keys));
        }
    }

    private String block(String language, int index) {
        String fence = "```" + language + "\n";
        int start = -1;
        for (int i = 0; i <= index; i++) {
            start = text.indexOf(fence, start + 1);
            if (start < 0) {
                throw new IllegalStateException(page + " has no ```" + language + " block number " + index);
            }
        }
        int from = start + fence.length();
        int end = text.indexOf("```", from);
        return text.substring(from, end);
    }
}
