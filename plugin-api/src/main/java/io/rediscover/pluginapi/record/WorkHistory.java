package io.rediscover.pluginapi.record;

/**
 * One position in a candidate's work history.
 *
 * @param company   employer name
 * @param title     job title
 * @param startDate partial ISO date ({@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}), or null
 * @param endDate   partial ISO date, or null when current or unknown
 * @param current   whether this is a current position
 */
public record WorkHistory(String company, String title, String startDate, String endDate, boolean current) {
}
