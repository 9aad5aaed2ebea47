package org.crmkit.examples.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one kind of call, in nanoseconds as measured; read out in milliseconds. */
final class Latencies {
    private long[] nanos = new long[1024];
    private int count;

    void add(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    /** The last latency added, in nanoseconds. */
    long last() {
        return count == 0 ? 0 : nanos[count - 1];
    }

    int count() {
        return count;
    }

    /** The value at or below which {@code fraction} of the calls lie (nearest rank), in ms. */
    double percentile(double fraction) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    double median() {
        return percentile(0.5);
    }

    double p99() {
        return percentile(0.99);
    }

    double mean() {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += nanos[i];
        }
        return count == 0 ? Double.NaN : sum / 1e6 / count;
    }

    static String ms(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f", value);
    }
}
