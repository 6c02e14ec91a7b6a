package io.rediscover.icims;

import io.rediscover.pluginapi.Capability;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.pluginapi.CredentialField;
import io.rediscover.pluginapi.FilterField;
import io.rediscover.pluginapi.ProfileField;
import io.rediscover.pluginapi.RequestQuota;
import io.rediscover.pluginapi.SetupNote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the iCIMS Stream connector declares: the credentials iCIMS issues (Client ID, Client Secret, Stream ID), the
 * filters and candidate-panel fields only iCIMS knows, and what to ask iCIMS before connecting.
 */
final class IcimsDescriptor {

    static final String ID = "icims-stream";

    // Credential keys.
    static final String CLIENT_ID = "clientId";
    static final String CLIENT_SECRET = "clientSecret";
    static final String STREAM_ID = "streamId";

    // Filter keys (values travel in AtsCandidate.attributes under these keys).
    static final String STATUS = "status";
    static final String JOB = "job";
    static final String SOURCE = "source";
    static final String RECRUITER = "recruiter";
    static final String LAST_UPDATED = "lastUpdated";
    static final String STAGE = "stage";

    // Profile-field keys.
    static final String PHONE = "phone";
    static final String EMAIL = "email";
    static final String RESUME = "resume";
    static final String CANDIDATE_ID = "candidateId";
    static final String CANDIDATE_NAME = "candidateName";
    static final String WORKFLOW_ID = "workflowId";
    static final String WORKFLOW_SOURCE = "workflowSource";
    static final String WORKFLOW_STATUS = "workflowStatus";
    static final String WORKFLOW_RECRUITER = "workflowRecruiter";
    static final String WORKFLOW_LAST_UPDATED = "workflowLastUpdated";

    /**
     * A standard iCIMS integration licence allows 10,000 web-service requests per customer per day, shared with every
     * other integration the customer runs [DOC S7]; searches, profile and resume reads all count (§5.1, B8: A2–A6). The
     * token endpoint is not a web-service resource, and the Data Stream is licensed apart (its own Streaming API
     * licence, S7): neither counts.
     */
    static final RequestQuota QUOTA = RequestQuota.daily(IcimsAssumptions.DAILY_QUOTA)
            .notCounting("/oauth/token$", "^/datastream/")
            .describedAs("Every iCIMS web-service request counts: searches, and reads of people, workflows, jobs and "
                    + "resumes. Token requests and Data Stream reads do not.");

    static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder(ID, "iCIMS Stream")
            .version(pluginVersion())
            .capabilities(Capability.REDISCOVERY)
            .credentials(
                    CredentialField.text(CLIENT_ID, "Client ID").asRequired()
                            .help("The OAuth client ID iCIMS issued for your integration user.")
                            .pattern("[A-Za-z0-9._-]{1,128}"),
                    CredentialField.secret(CLIENT_SECRET, "Client Secret").asRequired()
                            .help("The OAuth client secret that belongs to the client ID. Stored encrypted; never shown again."),
                    CredentialField.text(STREAM_ID, "Stream ID").asRequired()
                            .help("The Data Stream ID iCIMS gave you; it identifies your iCIMS customer and subscription. "
                                    + "Without a Data Stream licence, enter your iCIMS customer ID instead.")
                            .pattern("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}"))
            .filters(
                    FilterField.terms(STATUS, "Status"),
                    FilterField.terms(JOB, "Job/Title"),
                    FilterField.terms(SOURCE, "Source"),
                    FilterField.terms(RECRUITER, "Recruiter"),
                    FilterField.dateRange(LAST_UPDATED, "Last Updated"),
                    FilterField.terms(STAGE, "Stage"))
            .profileFields(
                    ProfileField.phone(PHONE, "Phone Number"),
                    ProfileField.email(EMAIL, "Email"),
                    ProfileField.document(RESUME, "Resume"),
                    ProfileField.text(CANDIDATE_ID, "Candidate ID"),
                    ProfileField.text(CANDIDATE_NAME, "Candidate Name"),
                    ProfileField.text(WORKFLOW_ID, "Workflow ID"),
                    ProfileField.text(WORKFLOW_SOURCE, "Workflow Source"),
                    ProfileField.text(WORKFLOW_STATUS, "Workflow Status"),
                    ProfileField.text(WORKFLOW_RECRUITER, "Workflow Recruiter"),
                    ProfileField.date(WORKFLOW_LAST_UPDATED, "Workflow Last Updated Date"))
            .setupNote("Allow-list our IP addresses",
                    "iCIMS restricts API users by IP address. Ask iCIMS support to allow these egress IP addresses "
                            + "for your integration user: " + SetupNote.EGRESS_IPS + ".")
            .setupNote("What to ask iCIMS for",
                    "An API integration user in the Integration User group with an OAuth client ID and secret, and a "
                            + "Data Stream subscription (its Stream ID). Without a Data Stream, Rediscover still finds "
                            + "every change by search, a little later for deletions. Rediscover only reads: people, "
                            + "recruiting workflows, jobs and resumes.")
            .setupNote("A share of your daily request budget",
                    "Your iCIMS licence allows a number of web-service requests a day (10,000 unless you bought more), "
                            + "shared with every other integration you run. Give Rediscover a share that leaves the "
                            + "others enough: the first download of a large tenant then takes several days, newest "
                            + "candidates first, and later syncs need far less.")
            .requestQuota(QUOTA)
            .build();

    private IcimsDescriptor() {
    }

    private static String pluginVersion() {
        try (InputStream in = IcimsDescriptor.class.getResourceAsStream("icims-stream.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException("icims-stream.properties is missing from the plugin jar",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }
}
