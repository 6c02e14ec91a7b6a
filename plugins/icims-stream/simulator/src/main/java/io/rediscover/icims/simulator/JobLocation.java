package io.rediscover.icims.simulator;

/** A job location: an address entry of a company profile, shown as "City, State, Country". */
public record JobLocation(long id, long companyId, String city, String state, String country) {
    public String displayValue() {
        return state == null || state.isEmpty() ? city + ", " + country : city + ", " + state + ", " + country;
    }
}
