package io.rediscover.pluginapi.record;

/**
 * One entry of a candidate's education.
 *
 * @param school    school or university
 * @param degree    degree, e.g. "Bachelor of Science"
 * @param major     field of study
 * @param startDate partial ISO date, or null
 * @param endDate   partial ISO date, or null
 */
public record Education(String school, String degree, String major, String startDate, String endDate) {
}
