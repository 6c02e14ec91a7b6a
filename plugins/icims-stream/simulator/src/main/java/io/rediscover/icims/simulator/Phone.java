package io.rediscover.icims.simulator;

/** One entry of a person's {@code phones} collection. */
public record Phone(long entry, ListNode phonetype, String phonenumber) {
}
