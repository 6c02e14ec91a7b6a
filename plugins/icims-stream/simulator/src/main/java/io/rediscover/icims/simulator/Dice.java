package io.rediscover.icims.simulator;

import java.util.List;
import java.util.SplittableRandom;

/** Small helpers over a seeded {@link SplittableRandom}: picks, weighted picks, chances. */
final class Dice {
    private final SplittableRandom random;

    Dice(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A generator for item {@code index} of a stream seeded with {@code seed}: independent per item. */
    static Dice forItem(long seed, long salt, long index) {
        return new Dice(seed * 0x9E3779B97F4A7C15L + salt * 0xC2B2AE3D27D4EB4FL + index);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Index chosen with the given relative weights. */
    int weighted(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    int between(int fromInclusive, int toInclusive) {
        return random.nextInt(fromInclusive, toInclusive + 1);
    }

    long nextLong() {
        return random.nextLong();
    }

    double nextDouble() {
        return random.nextDouble();
    }

    /** {@code digits} random decimal digits, leading zeros kept. */
    String digits(int digits) {
        StringBuilder sb = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    String hex(int chars) {
        StringBuilder sb = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }
}
