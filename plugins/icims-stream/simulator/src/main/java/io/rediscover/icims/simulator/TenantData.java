package io.rediscover.icims.simulator;

import java.util.List;

/** The initial content of a tenant, in ascending id order per type. */
record TenantData(List<Person> people, List<Job> jobs, List<Workflow> workflows) {
}
