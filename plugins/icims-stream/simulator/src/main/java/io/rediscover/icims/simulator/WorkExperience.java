package io.rediscover.icims.simulator;

import java.time.LocalDate;

/** One entry of the {@code workexperience} collection; {@code end == null} means the current job. */
public record WorkExperience(long entry, String employer, String title, LocalDate start, LocalDate end) {
    public boolean current() {
        return end == null;
    }
}
