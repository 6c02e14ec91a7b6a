package io.rediscover.icims.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * Everything an {@link IcimsSimulator} is started with. Build with {@link #builder()}; every setting has
 * a default that gives a small, realistic, noisy tenant on a random port.
 */
public final class SimulatorConfig {
    final String host;
    final int port;
    final String customerId;
    final String clientId;
    final String clientSecret;
    final String audience;
    final String tokenPath;
    final Duration tokenLifetime;
    final int tokenThrottleMax;
    final Duration tokenThrottleWindow;
    final long seed;
    final int people;
    final int jobs;
    final Path profiles;
    final int profilePeople;
    final String linkedinFieldId;
    final double linkedinFieldRate;
    final Instant clockStart;
    final boolean tickingClock;
    final int dailyQuota;
    final LocalTime quotaResetAt;
    final int otherIntegrationsPerDay;
    final int maxInFlight;
    final boolean noise;
    final double noiseUnknownKeyRate;
    final double noiseOmitRate;
    final boolean workflowChangesBumpPerson;
    final boolean resumeChangesBumpPerson;
    final boolean dataStream;
    final boolean dataStreamLicensed;
    final boolean subscriptionsNameStream;
    final boolean streamPathAcceptsStreamId;
    final boolean referenceRangeFilters;
    final boolean referenceFilters;
    final double tokenRevocationRate;
    final String streamId;
    final String subscriptionId;
    final int streamPageSize;
    final String basicUser;
    final String basicPassword;

    private SimulatorConfig(Builder b) {
        host = b.host;
        port = b.port;
        customerId = b.customerId;
        clientId = b.clientId;
        clientSecret = b.clientSecret;
        audience = b.audience;
        tokenPath = b.tokenPath;
        tokenLifetime = b.tokenLifetime;
        tokenThrottleMax = b.tokenThrottleMax;
        tokenThrottleWindow = b.tokenThrottleWindow;
        seed = b.seed;
        people = b.people;
        jobs = b.jobs >= 0 ? b.jobs : Math.max(5, b.people / 20);
        profiles = b.profiles;
        profilePeople = b.profilePeople;
        linkedinFieldId = b.linkedinFieldId;
        linkedinFieldRate = b.linkedinFieldRate;
        clockStart = (b.clockStart != null ? b.clockStart : Instant.now()).truncatedTo(ChronoUnit.MINUTES);
        tickingClock = b.tickingClock;
        dailyQuota = b.dailyQuota;
        quotaResetAt = b.quotaResetAt;
        otherIntegrationsPerDay = b.otherIntegrationsPerDay;
        maxInFlight = b.maxInFlight;
        noise = b.noise;
        noiseUnknownKeyRate = b.noiseUnknownKeyRate;
        noiseOmitRate = b.noiseOmitRate;
        workflowChangesBumpPerson = b.workflowChangesBumpPerson;
        resumeChangesBumpPerson = b.resumeChangesBumpPerson;
        dataStream = b.dataStream;
        dataStreamLicensed = b.dataStreamLicensed;
        subscriptionsNameStream = b.subscriptionsNameStream;
        streamPathAcceptsStreamId = b.streamPathAcceptsStreamId;
        referenceRangeFilters = b.referenceRangeFilters;
        referenceFilters = b.referenceFilters;
        tokenRevocationRate = b.tokenRevocationRate;
        streamId = b.streamId;
        subscriptionId = b.subscriptionId;
        streamPageSize = b.streamPageSize;
        basicUser = b.basicUser;
        basicPassword = b.basicPassword;
    }

    public static Builder builder() {
        return new Builder();
    }

    public long seed() {
        return seed;
    }

    public int people() {
        return people;
    }

    public int jobs() {
        return jobs;
    }

    public Instant clockStart() {
        return clockStart;
    }

    public String linkedinFieldId() {
        return linkedinFieldId;
    }

    /** Fluent builder; all setters optional. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private String customerId = "1234";
        private String clientId = "sim-client-id";
        private String clientSecret = "sim-client-secret";
        private String audience = "https://api.icims.com/v1/";
        private String tokenPath = "/oauth/token";
        private Duration tokenLifetime = Duration.ofSeconds(86_400);
        private int tokenThrottleMax = 500;
        private Duration tokenThrottleWindow = Duration.ofMinutes(10);
        private long seed = 42;
        private int people = 1000;
        private int jobs = -1;
        private Path profiles;
        private int profilePeople = Integer.MAX_VALUE;
        private String linkedinFieldId = IcimsFieldNames.DEFAULT_LINKEDIN_FIELD;
        private double linkedinFieldRate = 0.45;
        private Instant clockStart;
        private boolean tickingClock = true;
        private int dailyQuota = 10_000;
        private LocalTime quotaResetAt = LocalTime.MIDNIGHT;
        private int otherIntegrationsPerDay;
        private int maxInFlight = 0;
        private boolean noise = true;
        private double noiseUnknownKeyRate = 0.1;
        private double noiseOmitRate = 0.02;
        private boolean workflowChangesBumpPerson = false;
        private boolean resumeChangesBumpPerson = false;
        private boolean dataStream = true;
        private boolean dataStreamLicensed = true;
        private boolean subscriptionsNameStream = true;
        private boolean streamPathAcceptsStreamId = true;
        private boolean referenceRangeFilters = true;
        private boolean referenceFilters = true;
        private double tokenRevocationRate;
        private String streamId;
        private String subscriptionId;
        private int streamPageSize = 500;
        private String basicUser;
        private String basicPassword;

        private Builder() {
        }

        /** Bind address; default 127.0.0.1. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Port; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder customerId(String customerId) {
            this.customerId = customerId;
            return this;
        }

        public Builder credentials(String clientId, String clientSecret) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /** The {@code audience} the token endpoint insists on; default {@code https://api.icims.com/v1/}. */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Path of the token endpoint on this server; default {@code /oauth/token}. */
        public Builder tokenPath(String tokenPath) {
            this.tokenPath = tokenPath;
            return this;
        }

        /** {@code expires_in} of issued tokens; default 24 h. */
        public Builder tokenLifetime(Duration tokenLifetime) {
            this.tokenLifetime = tokenLifetime;
            return this;
        }

        /** D5: more than {@code max} tokens per {@code window} ⇒ 429; default 500 per 10 min. */
        public Builder tokenThrottle(int max, Duration window) {
            this.tokenThrottleMax = max;
            this.tokenThrottleWindow = window;
            return this;
        }

        /** Seed of the generated tenant, the noise and probabilistic faults; default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Number of people; default 1,000. */
        public Builder people(int people) {
            this.people = people;
            return this;
        }

        /** Number of jobs; default max(5, people / 20). */
        public Builder jobs(int jobs) {
            this.jobs = jobs;
            return this;
        }

        /**
         * A public-profile JSON Lines file (shared/design/profile-format.md): the first people are derived
         * from it, with realistic noise. When {@link #people} is smaller than the file, only that many are read.
         */
        public Builder profiles(Path profiles) {
            this.profiles = profiles;
            return this;
        }

        /**
         * At most this many of the people are derived from the {@link #profiles} corpus (default: all the corpus has);
         * the others are people of no profile, such as a real ATS holds too.
         */
        public Builder profilePeople(int profilePeople) {
            this.profilePeople = profilePeople;
            return this;
        }

        /** Id of the custom text field holding LinkedIn URLs; default {@code field4711}. */
        public Builder linkedinFieldId(String linkedinFieldId) {
            this.linkedinFieldId = linkedinFieldId;
            return this;
        }

        /** Share of people with a LinkedIn profile whose URL is also in the custom field; default 0.45. */
        public Builder linkedinFieldRate(double rate) {
            this.linkedinFieldRate = rate;
            return this;
        }

        /**
         * Simulated "now" at start (truncated to the minute); default the real now. The generated tenant's
         * dates are laid out before it, so fix it (with the seed) for a byte-identical tenant.
         */
        public Builder clockStart(Instant clockStart) {
            this.clockStart = clockStart;
            return this;
        }

        /** Whether simulated time also passes with real time (default) or only when advanced. */
        public Builder tickingClock(boolean ticking) {
            this.tickingClock = ticking;
            return this;
        }

        /** B8: calls per quota day over A2–A6; default 10,000; 0 = unlimited. */
        public Builder dailyQuota(int dailyQuota) {
            this.dailyQuota = dailyQuota;
            return this;
        }

        /** Time of day (UTC, simulated clock) when the quota resets; default midnight. */
        public Builder quotaResetAt(LocalTime resetAt) {
            this.quotaResetAt = resetAt;
            return this;
        }

        /**
         * B8: calls a day the customer's other integrations spend from the same quota, evenly over the day; default 0.
         * Their calls that find the quota spent are refused and counted ({@link Quota.DayUsage#othersRefused()}).
         */
        public Builder otherIntegrationsPerDay(int callsPerDay) {
            this.otherIntegrationsPerDay = callsPerDay;
            return this;
        }

        /** D11: more than this many API requests in flight ⇒ 429; default 0 = no cap. */
        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
            return this;
        }

        /** B4 forward-compatibility noise on (default) or off. */
        public Builder noise(boolean noise) {
            this.noise = noise;
            return this;
        }

        /** B4 rates: unknown keys per response (default 0.1), omission per optional key (default 0.02). */
        public Builder noiseRates(double unknownKeyRate, double omitRate) {
            this.noiseUnknownKeyRate = unknownKeyRate;
            this.noiseOmitRate = omitRate;
            return this;
        }

        /** B1: whether workflow changes also stamp the person; default false (worst case). */
        public Builder workflowChangesBumpPerson(boolean bump) {
            this.workflowChangesBumpPerson = bump;
            return this;
        }

        /** Whether a resume upload/removal stamps the person's updateddate; default false. */
        public Builder resumeChangesBumpPerson(boolean bump) {
            this.resumeChangesBumpPerson = bump;
            return this;
        }

        /** E1 data stream on (default) or off (its paths then answer 404). */
        public Builder dataStream(boolean enabled) {
            this.dataStream = enabled;
            return this;
        }

        /**
         * Whether the integration user holds a Data Stream licence (default yes). Without one the stream paths answer
         * 403 [ASSUME: iCIMS sells the Data Stream separately, S7; how it refuses an unlicensed user is unknown].
         */
        public Builder dataStreamLicensed(boolean licensed) {
            this.dataStreamLicensed = licensed;
            return this;
        }

        /**
         * Whether subscription listings echo the {@code streamId} of each subscription (default yes). Off: a tenant
         * whose listing only names the subscription and customer, as nothing published rules out.
         */
        public Builder subscriptionsNameStream(boolean names) {
            this.subscriptionsNameStream = names;
            return this;
        }

        /**
         * Whether the stream paths accept the Stream ID in place of the customer id (default yes). Off: only
         * {@code /streams/{customerId}/…} answers, the shape the one public client uses [OBS C3].
         */
        public Builder streamPathAcceptsStreamId(boolean accepts) {
            this.streamPathAcceptsStreamId = accepts;
            return this;
        }

        /**
         * Whether range operators ({@code < > <= >=}) work on the workflow's reference fields
         * {@code applicantworkflow.person.id} and {@code .job.id} (default yes). Off: they answer 400 "The filter
         * operator is not valid in the given context" [DOC S1 message], as a tenant would if iCIMS does not support
         * them there (no public page says it does).
         */
        public Builder referenceRangeFilters(boolean supported) {
            this.referenceRangeFilters = supported;
            return this;
        }

        /**
         * Whether the workflow's reference fields {@code applicantworkflow.person.id} and {@code .job.id} can be searched
         * at all (default yes, as [DOC S1] lists them). Off: any filter on them answers 400 "The following filter is
         * either not valid or hidden" [DOC S1 message], as for a tenant that hides them.
         */
        public Builder referenceFilters(boolean supported) {
            this.referenceFilters = supported;
            return this;
        }

        /**
         * D1 under load: on this fraction of API requests (0..1, default 0) every token issued so far is revoked
         * before the request is authorised, so that request and every other one in flight with the same token get
         * 401; draws come from the seeded random.
         */
        public Builder tokenRevocationRate(double rate) {
            this.tokenRevocationRate = rate;
            return this;
        }

        /** Stream id; default a UUID derived from the seed. */
        public Builder streamId(String streamId) {
            this.streamId = streamId;
            return this;
        }

        /** Subscription id; default a UUID derived from the seed. */
        public Builder subscriptionId(String subscriptionId) {
            this.subscriptionId = subscriptionId;
            return this;
        }

        /** Events per data-stream page; default 500. */
        public Builder streamPageSize(int pageSize) {
            this.streamPageSize = pageSize;
            return this;
        }

        /** E3: also accept {@code Authorization: Basic} with these credentials (legacy iCIMS auth). */
        public Builder basicAuth(String user, String password) {
            this.basicUser = user;
            this.basicPassword = password;
            return this;
        }

        public SimulatorConfig build() {
            if (people < 0 || streamPageSize < 1) {
                throw new IllegalArgumentException("people must be >= 0 and streamPageSize >= 1");
            }
            if (otherIntegrationsPerDay < 0) {
                throw new IllegalArgumentException("otherIntegrationsPerDay must be >= 0");
            }
            if (tokenRevocationRate < 0 || tokenRevocationRate > 1) {
                throw new IllegalArgumentException("tokenRevocationRate must be between 0 and 1");
            }
            return new SimulatorConfig(this);
        }
    }
}
