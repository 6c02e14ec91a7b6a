package io.rediscover.icims.simulator;

/** One entry of a person's {@code addresses} collection; {@code state} may be null outside federal countries. */
public record Address(long entry, String street1, String city, ListNode state, String zip, ListNode country) {
}
