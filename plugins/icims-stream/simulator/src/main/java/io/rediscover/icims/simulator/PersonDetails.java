package io.rediscover.icims.simulator;

import java.util.List;

/**
 * The heavy part of a person: work history, education, skills and resume layout. Generated tenants derive
 * it on demand from the person's seed; people imported from public profiles or edited through the control
 * API carry it explicitly.
 */
public record PersonDetails(List<WorkExperience> workexperience, List<Education> education, List<String> skills,
                            ResumeSpec resume) {
    public PersonDetails {
        workexperience = List.copyOf(workexperience);
        education = List.copyOf(education);
        skills = List.copyOf(skills);
    }

    /** Current job title (first current entry), or null. */
    public String currentTitle() {
        return workexperience.stream().filter(WorkExperience::current).map(WorkExperience::title).findFirst().orElse(null);
    }
}
