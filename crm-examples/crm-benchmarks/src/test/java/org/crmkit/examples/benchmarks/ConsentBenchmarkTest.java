package org.crmkit.examples.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * ConsentBenchmark refuses bad arguments by name, and a small run on H2 passes its own
 * correctness checks (crmkit's count, page and id list against the hand-written SQL, and the
 * sample against {@code crm.consents().current}), which throw on any mismatch.
 */
class ConsentBenchmarkTest {

    @Test
    void badArgumentsAreRefusedByName() {
        assertThatThrownBy(() -> ConsentBenchmark.main(new String[] {"--lists", "some"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--lists takes all, narrow or none; not some");
        assertThatThrownBy(() -> ConsentBenchmark.main(new String[] {"--clients", "0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--clients must be positive, not 0");
        assertThatThrownBy(() -> ConsentBenchmark.main(new String[] {"--db", "oracle"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--db takes h2, pg or h2,pg; not oracle");
    }

    @Test
    void aSmallRunOnH2PassesItsChecksAndReportsTheRatios() throws Exception {
        ConsentBenchmark.main(new String[] {"--clients", "300", "--db", "h2", "--queries", "1", "--warmup", "0", "--list-rounds", "1",
            "--samples", "40", "--lists", "all"});
        String results = Files.readString(Path.of("target", "benchmark-results.md"), StandardCharsets.UTF_8);
        String run = results.substring(results.lastIndexOf("## Consent in a segment over 300 clients"));
        assertThat(run).contains("crmkit's count, first page of 100 and id list equal the hand-written SQL's")
                .contains("| H2 | every non-archived client | all ids |").contains("| H2 | sector ");
        // a second run reuses the consents instead of loading them again
        ConsentBenchmark.main(new String[] {"--clients", "300", "--db", "h2", "--queries", "1", "--warmup", "0", "--list-rounds", "1",
            "--samples", "10", "--lists", "none"});
        String again = Files.readString(Path.of("target", "benchmark-results.md"), StandardCharsets.UTF_8);
        assertThat(again.substring(again.lastIndexOf("## Consent in a segment over 300 clients"))).contains("Reusing the consents loaded earlier");
    }
}
