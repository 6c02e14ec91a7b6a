package io.rediscover.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Latency samples (nanoseconds) and their percentiles, in milliseconds. */
final class Latencies {

    private final List<Long> samples = new ArrayList<>();

    synchronized void add(long nanos) {
        samples.add(nanos);
    }

    /** @param all sample sets @return one set holding them all */
    static Latencies of(Collection<Latencies> all) {
        Latencies out = new Latencies();
        all.forEach(l -> out.samples.addAll(l.samples));
        return out;
    }

    synchronized int count() {
        return samples.size();
    }

    /** @param p a percentile, 0 to 100 @return the sample at it (nearest rank), ms */
    synchronized double percentile(double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
    }

    /** @return the largest sample, ms */
    synchronized double max() {
        return samples.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }
}
