package org.crmkit.examples.benchmarks;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** SalesBenchmark refuses bad arguments before it starts a database, naming the argument and the value. */
class SalesBenchmarkArgumentsTest {

    @Test
    void aSizeThatIsNotPositiveIsRefusedByName() {
        assertThatThrownBy(() -> SalesBenchmark.main(new String[] {"--deals", "0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--deals must be positive, not 0");
        assertThatThrownBy(() -> SalesBenchmark.main(new String[] {"--batch", "-5"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--batch must be positive, not -5");
    }

    @Test
    void anUnknownArgumentOrDatabaseIsRefused() {
        assertThatThrownBy(() -> SalesBenchmark.main(new String[] {"--fact", "10"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown argument --fact");
        assertThatThrownBy(() -> SalesBenchmark.main(new String[] {"--db", "oracle"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--db takes h2, pg or h2,pg; not oracle");
    }
}
