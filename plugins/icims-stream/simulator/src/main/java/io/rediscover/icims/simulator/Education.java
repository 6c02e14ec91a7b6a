package io.rediscover.icims.simulator;

import java.time.LocalDate;

/** One entry of the {@code education} collection; any part but the school may be null. */
public record Education(long entry, ListNode school, ListNode degree, ListNode major, LocalDate start, LocalDate graduation) {
}
