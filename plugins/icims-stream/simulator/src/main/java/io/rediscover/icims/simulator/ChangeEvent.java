package io.rediscover.icims.simulator;

import java.time.Instant;

/**
 * One change in the tenant, as recorded for the data stream (E1). Its JSON form is defined in one place,
 * {@link DataStreamFormat}.
 *
 * @param sequence   position in the log, 1-based; also the event's id and paging key
 * @param mergedInto for {@link Type#MERGED}: the surviving person's id, else null
 */
public record ChangeEvent(long sequence, ProfileType profileType, long systemId, Type type, Instant timestamp,
                          Long mergedInto) {
    /** What happened to the record. */
    public enum Type {
        CREATED("created"), UPDATED("updated"), DELETED("deleted"), MERGED("merged");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
