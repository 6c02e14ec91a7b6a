package io.rediscover.icims.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A person profile as the simulated tenant stores it. Immutable: every change produces a new instance.
 *
 * @param fieldStamps    per-field change stamps keyed by search name ({@code firstnamelastupdated}…);
 *                       a missing key means "unchanged since {@code createddate}"
 * @param linkedinUrl    the person's real LinkedIn URL (printed on some resumes), or null
 * @param linkedinInField whether the tenant's LinkedIn custom field holds {@code linkedinUrl}
 * @param details        explicit details, or null when they are derived from {@code detailSeed}
 * @param sourceProfileId id of the public profile this person was derived from (ground truth for
 *                       matching tests), or null; never rendered
 */
public record Person(long id, String firstname, String middlename, String lastname, String email,
                     List<Phone> phones, List<Address> addresses, ListNode folder, String externalid,
                     Instant createddate, Instant updateddate, Map<String, Instant> fieldStamps,
                     String linkedinUrl, boolean linkedinInField, PersonDetails details, long detailSeed,
                     String sourceProfileId) {
    public Person {
        phones = List.copyOf(phones);
        addresses = List.copyOf(addresses);
        fieldStamps = Map.copyOf(fieldStamps);
    }

    /** "First Last", as iCIMS shows people in links. */
    public String displayName() {
        return firstname + " " + lastname;
    }

    /** When a field last changed, by its {@code …lastupdated} search name. */
    public Instant stamp(String lastUpdatedName) {
        return fieldStamps.getOrDefault(lastUpdatedName, createddate);
    }
}
