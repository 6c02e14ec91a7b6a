package io.rediscover.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import io.rediscover.testing.TestTenants;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes the data directory of this release as an upgrade fixture: an org with an org admin and a recruiter, an API
 * token, an iCIMS connection (with a sealed secret) that completed a full sync of a small simulated tenant, its run
 * history and the audit log — everything through the public API, as a user would have made it. Beside the store file
 * and the master key it writes {@code manifest.json}: what a later release must find when it opens the directory.
 *
 * <p>Run once per release that changes what the store holds, and commit the output under
 * {@code host/src/test/resources/upgrade/<release>/}; {@link UpgradeFromFixturesTest} opens every fixture found there:
 * <pre>
 * ./mvnw -q -pl host -am -Pstore-fixture verify -DskipTests -Dfixture.release=0.1.0
 * </pre>
 */
public final class DataFixtureWriter {

    static final String SECRET = "fixture-secret-0123456789";

    private DataFixtureWriter() {
    }

    /**
     * @param args the release name, then the output directory
     * @throws Exception when the host or simulator fails
     */
    public static void main(String[] args) throws Exception {
        String release = args[0];
        Path out = Path.of(args[1]).resolve(release);
        Path work = Files.createTempDirectory("fixture-");
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode manifest = json.createObjectNode().put("release", release);
        try (ApiFixture api = new ApiFixture(work, SECRET, Map.of())) {
            api.org("acme", "ENTERPRISE", true, true);
            Http admin = api.user("acme", "ada@acme.example", "ORG_ADMIN");
            api.user("acme", "rita@acme.example", "RECRUITER");
            Http.Reply token = admin.post("/api/tokens", "{\"name\":\"fixture script\",\"expiresInDays\":365}");
            Http.Reply created = admin.post("/api/connections", api.icimsBody(SECRET, api.sim().streamId()));
            String connection = created.json().path("id").asText();
            ApiFixture.await("the first full sync", () -> admin.get("/api/connections/" + connection + "/runs")
                    .json().path("runs").path(0).path("result").asText().equals("SUCCEEDED"));

            manifest.put("org", "acme");
            manifest.set("users", json.valueToTree(new String[] {"ada@acme.example", "rita@acme.example"}));
            manifest.put("platformAdmin", TestTenants.ADMIN_EMAIL);
            manifest.put("apiToken", token.json().path("token").asText());
            manifest.put("connection", connection);
            manifest.set("credentials", json.valueToTree(Map.of("clientId", api.sim().clientId(),
                    "clientSecret", SECRET, "streamId", api.sim().streamId())));
            JsonNode sync = admin.get("/api/connections/" + connection + "/sync").json();
            manifest.set("mirror", sync.path("mirror"));
            JsonNode runs = admin.get("/api/connections/" + connection + "/runs").json().path("runs");
            ArrayNode runIds = manifest.putArray("runs");
            runs.forEach(r -> runIds.add(r.path("runId").asText()));
            ArrayNode people = manifest.putArray("candidates");
            api.sim().tenant().ids(ProfileType.PERSON).forEach(id -> people.add(Long.toString(id)));
            manifest.put("auditEvents", admin.get("/api/audit?limit=1000").json().path("events").size());
        }
        Files.createDirectories(out);
        Files.copy(work.resolve("data/store/rediscover.mv.db"), out.resolve("rediscover.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(work.resolve("data/master.key"), out.resolve("master.key"), StandardCopyOption.REPLACE_EXISTING);
        json.writeValue(out.resolve("manifest.json").toFile(), manifest);
        System.out.println("wrote " + out);
    }
}
