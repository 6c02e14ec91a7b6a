package io.rediscover.icims.simulator;

import java.util.List;
import java.util.Map;

/**
 * The initial content of a tenant, in ascending id order per type, and — for a tenant derived from a profile corpus —
 * each person's ground truth by person id.
 */
record TenantData(List<Person> people, List<Job> jobs, List<Workflow> workflows, Map<Long, MatchTruth> truths) {
}
