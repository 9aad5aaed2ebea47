package org.crmkit.messaging.kannel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where Kannel is installed ({@code bearerbox}, {@code smsbox} and the fake SMSC of the Debian
 * packages {@code kannel} and {@code kannel-extras}). Elsewhere the tests are skipped with the reason, unless the
 * environment variable {@code CI} is {@code true}: then they fail, so that CI cannot pass without having run them.
 */
final class RequiresKannel implements ExecutionCondition {

    static final Path BEARERBOX = Path.of("/usr/sbin/bearerbox");
    static final Path SMSBOX = Path.of("/usr/sbin/smsbox");
    static final Path FAKESMSC = Path.of("/usr/lib/kannel/test/fakesmsc");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return decide(List.of(BEARERBOX, SMSBOX, FAKESMSC).stream().filter(path -> !Files.isExecutable(path))
                .map(Path::toString).collect(Collectors.toList()), System.getenv("CI"));
    }

    /** Enabled when nothing is missing; otherwise skipped, or an error when {@code ci} is {@code true}. */
    static ConditionEvaluationResult decide(List<String> missing, String ci) {
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Kannel is installed");
        }
        String reason = "Kannel is not installed (missing " + String.join(", ", missing)
                + "): install the Debian packages kannel and kannel-extras (apt-get install kannel kannel-extras)";
        if ("true".equals(ci)) {
            throw new IllegalStateException(reason + "; CI=true, so the Kannel tests fail instead of being skipped");
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
