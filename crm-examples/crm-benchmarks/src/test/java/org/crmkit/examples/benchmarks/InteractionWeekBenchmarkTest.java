package org.crmkit.examples.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * InteractionWeekBenchmark on a small H2 base: its correctness corpus (crmkit's weeks equal the
 * hand-written baseline's, the New York DST case gives the instants written down) passes, else
 * the main throws; and bad arguments are refused by name before a database starts.
 */
class InteractionWeekBenchmarkTest {

    @Test
    void crmkitAndTheBaselineAgreeOnEverySampledWeekOfASmallBase() throws Exception {
        Path results = Path.of("target", "benchmark-results.md");
        long before = Files.exists(results) ? Files.size(results) : 0;
        InteractionWeekBenchmark.main(new String[] {"--db", "h2", "--h2-fraction", "1", "--interactions", "4000", "--clients", "100",
            "--employees", "10", "--weeks", "40", "--warmup", "10"});
        String added = Files.readString(results, StandardCharsets.UTF_8).substring((int) before);
        assertThat(added).contains("both sides give the 14 instants written down")
                .containsPattern("Correctness corpus: 50 sampled \\(employee, week\\) pairs agree, [1-9][0-9,]* entries \\([1-9][0-9,]* occurrences of series");
    }

    @Test
    void badArgumentsAreRefusedByName() {
        assertThatThrownBy(() -> InteractionWeekBenchmark.main(new String[] {"--weeks", "0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--weeks must be positive, not 0");
        assertThatThrownBy(() -> InteractionWeekBenchmark.main(new String[] {"--week", "3"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown argument --week");
    }
}
