package org.crmkit.messaging.kit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What was printed to {@code System.err} while it was open: with slf4j-simple as the test binding (which
 * prints every log line there, looked up at each line), this is what a plugin logged. A plugin's test checks
 * with it that an unknown configuration key is warned about, or that a failure is logged once:
 *
 * <pre>
 * try (CapturedLog log = CapturedLog.start()) {
 *     provider.create(config.with("pasword", "x"));
 *     assertThat(log.text()).contains("unknown configuration keys [pasword]");
 * }
 * </pre>
 *
 * The captured lines are not printed; {@link #close()} puts the previous stream back. Not for tests that run
 * in parallel within one JVM.
 */
public final class CapturedLog implements AutoCloseable {

    private final PrintStream previous;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private CapturedLog() {
        previous = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    /** Starts capturing {@code System.err}. */
    public static CapturedLog start() {
        return new CapturedLog();
    }

    /** Everything printed so far. */
    public synchronized String text() {
        System.err.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** How many printed lines contain {@code fragment}. */
    public long linesContaining(String fragment) {
        return text().lines().filter(line -> line.contains(fragment)).count();
    }

    @Override
    public void close() {
        System.err.flush();
        System.setErr(previous);
    }
}
