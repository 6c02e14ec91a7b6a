package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The simulator's own control API under {@code /_sim/} (not iCIMS; no auth; never called by the client
 * under test). It does over HTTP what the Java API of {@link IcimsSimulator} does; see the module README
 * for the path list. Errors: 400 bad input, 404 unknown record or path, 409 state conflict.
 */
final class ControlEndpoint {
    private final IcimsSimulator sim;
    private final ObjectMapper json;

    ControlEndpoint(IcimsSimulator sim, ObjectMapper json) {
        this.sim = sim;
        this.json = json;
    }

    SimResponse handle(SimRequest req) {
        try {
            return route(req, req.path().substring("/_sim".length()).replaceAll("/+$", "").split("/"));
        } catch (IllegalArgumentException | IOException e) {
            return message(400, e.getMessage());
        } catch (NoSuchElementException e) {
            return message(404, e.getMessage());
        } catch (IllegalStateException e) {
            return message(409, e.getMessage());
        }
    }

    private SimResponse route(SimRequest req, String[] s) throws IOException {
        String m = req.method();
        String first = s.length > 1 ? s[1] : "";
        switch (first) {
            case "state" -> {
                return ok(state());
            }
            case "counters" -> {
                if (s.length == 3 && s[2].equals("reset") && m.equals("POST")) {
                    sim.counters().reset();
                }
                return ok(json.valueToTree(sim.counters().snapshot()));
            }
            case "clock" -> {
                if (s.length == 3 && s[2].equals("advance") && m.equals("POST")) {
                    sim.clock().advance(duration(body(req)));
                } else if (s.length == 3 && s[2].equals("set") && m.equals("POST")) {
                    sim.clock().set(Instant.parse(text(body(req), "instant")));
                }
                return ok(json.createObjectNode().put("now", sim.clock().now().toString()));
            }
            case "quota" -> {
                if (m.equals("PUT")) {
                    JsonNode b = body(req);
                    if (b.has("dailyLimit")) {
                        sim.quota().setDailyLimit(b.get("dailyLimit").asInt());
                    }
                    if (b.has("resetAt")) {
                        sim.quota().setResetAt(LocalTime.parse(b.get("resetAt").asText()));
                    }
                    if (b.has("otherIntegrationsPerDay")) {
                        sim.quota().setOtherIntegrationsPerDay(b.get("otherIntegrationsPerDay").asInt());
                    }
                }
                ObjectNode quota = json.createObjectNode().put("dailyLimit", sim.quota().dailyLimit())
                        .put("resetAt", sim.quota().resetAt().toString()).put("used", sim.quota().used())
                        .put("otherIntegrationsPerDay", sim.quota().otherIntegrationsPerDay())
                        .put("secondsUntilReset", sim.quota().secondsUntilReset());
                quota.set("days", json.valueToTree(sim.quota().history()));
                return ok(quota);
            }
            case "faults" -> {
                return faults(req, s);
            }
            case "tokens" -> {
                if (s.length == 3 && s[2].equals("revoke") && m.equals("POST")) {
                    sim.tokens().revokeAll();
                } else if (m.equals("PUT")) {
                    JsonNode b = body(req);
                    if (b.has("lifetimeSeconds")) {
                        sim.tokens().setLifetime(Duration.ofSeconds(b.get("lifetimeSeconds").asLong()));
                    }
                    if (b.has("throttleMax")) {
                        sim.tokens().setThrottle(b.get("throttleMax").asInt(),
                                Duration.ofSeconds(b.path("throttleWindowSeconds").asLong(600)));
                    }
                    if (b.has("revocationRate")) {
                        sim.tokens().setRevocationRate(b.get("revocationRate").asDouble());
                    }
                }
                return ok(json.createObjectNode().put("issued", sim.tokens().issuedCount())
                        .put("lifetimeSeconds", sim.tokens().lifetimeSeconds())
                        .put("revocations", sim.tokens().revocations()));
            }
            case "datastream" -> {
                if (m.equals("PUT") && body(req).has("licensed")) {
                    sim.setDataStreamLicensed(body(req).get("licensed").asBoolean());
                }
                return ok(json.createObjectNode().put("licensed", sim.dataStreamLicensed()));
            }
            case "concurrency" -> {
                if (m.equals("PUT")) {
                    sim.concurrency().setMaxInFlight(body(req).path("maxInFlight").asInt(0));
                }
                return ok(json.createObjectNode().put("maxInFlight", sim.concurrency().maxInFlight())
                        .put("peakInFlight", sim.concurrency().peakInFlight()));
            }
            case "noise" -> {
                if (m.equals("PUT")) {
                    JsonNode b = body(req);
                    if (b.has("enabled")) {
                        sim.noise().setEnabled(b.get("enabled").asBoolean());
                    }
                    if (b.has("unknownKeyRate") || b.has("omitRate")) {
                        sim.noise().setRates(b.path("unknownKeyRate").asDouble(0.1), b.path("omitRate").asDouble(0.02));
                    }
                }
                return ok(json.createObjectNode().put("enabled", sim.noise().enabled()));
            }
            case "search-cache" -> {
                sim.clearSearchCache();
                return ok(json.createObjectNode().put("cleared", true));
            }
            case "events" -> {
                ArrayNode arr = json.createArrayNode();
                sim.events().all().forEach(e -> arr.add(json.valueToTree(e)));
                return ok(arr);
            }
            case "purge-folder" -> {
                return ok(json.createObjectNode().put("purged", sim.tenant().purgeFolder()));
            }
            default -> {
                Optional<ProfileType> type = ProfileType.fromPathSegment(first);
                if (type.isPresent()) {
                    return records(req, type.get(), s);
                }
                throw new NoSuchElementException("unknown control path " + req.path());
            }
        }
    }

    private SimResponse records(SimRequest req, ProfileType type, String[] s) throws IOException {
        String m = req.method();
        Tenant tenant = sim.tenant();
        if (s.length == 2 && m.equals("POST")) {
            Map<String, String> fields = fields(body(req));
            long id = switch (type) {
                case PERSON -> tenant.createPerson(fields);
                case JOB -> tenant.createJob(fields);
                case APPLICANT_WORKFLOW -> tenant.createWorkflow(Long.parseLong(required(fields.remove("personId"), "personId")),
                        Long.parseLong(required(fields.remove("jobId"), "jobId")), fields);
            };
            return message(201, "created").withHeader("Location", "/_sim/" + type.pathSegment() + "/" + id)
                    .withBody(json.createObjectNode().put("id", id));
        }
        if (s.length < 3) {
            throw new NoSuchElementException("unknown control path " + req.path());
        }
        long id = Long.parseLong(s[2]);
        String action = s.length > 3 ? s[3] : "";
        switch (action) {
            case "" -> {
                switch (m) {
                    case "GET" -> {
                        return ok(json.valueToTree(tenant.record(type, id)
                                .orElseThrow(() -> new NoSuchElementException(type.displayName() + " not found: " + id))));
                    }
                    case "PATCH", "POST" -> {
                        Map<String, String> fields = fields(body(req));
                        Object updated = switch (type) {
                            case PERSON -> tenant.updatePerson(id, fields);
                            case JOB -> tenant.updateJob(id, fields);
                            case APPLICANT_WORKFLOW -> tenant.updateWorkflow(id, fields);
                        };
                        return ok(json.valueToTree(updated));
                    }
                    case "DELETE" -> {
                        tenant.delete(type, id);
                        return message(200, "deleted");
                    }
                    default -> throw new IllegalArgumentException("method " + m + " not allowed here");
                }
            }
            case "merge" -> {
                tenant.mergePerson(id, body(req).path("into").asLong());
                return message(200, "merged");
            }
            case "purge" -> {
                tenant.purge(type, id);
                return message(200, "purged");
            }
            case "revoke-access" -> {
                tenant.revokeAccess(type, id);
                return message(200, "access revoked");
            }
            case "restore-access" -> {
                tenant.restoreAccess(type, id);
                return message(200, "access restored");
            }
            case "resume" -> {
                if (m.equals("DELETE")) {
                    tenant.removeResume(id);
                    return message(200, "resume removed");
                }
                String filename = req.param("filename") != null ? req.param("filename") : "resume";
                tenant.setResume(id, req.body(), req.contentType() != null ? req.contentType() : "application/octet-stream", filename);
                return message(200, "resume stored");
            }
            default -> throw new NoSuchElementException("unknown control path " + req.path());
        }
    }

    private SimResponse faults(SimRequest req, String[] s) throws IOException {
        switch (req.method()) {
            case "POST" -> {
                FaultPlan.Armed armed = sim.faults().arm(FaultJson.rule(body(req)));
                return ok(json.createObjectNode().put("id", armed.id()));
            }
            case "DELETE" -> {
                if (s.length == 3) {
                    sim.faults().disarm(Long.parseLong(s[2]));
                } else {
                    sim.faults().clear();
                }
                return message(200, "disarmed");
            }
            default -> {
                ArrayNode arr = json.createArrayNode();
                for (FaultPlan.Armed a : sim.faults().armed()) {
                    arr.addObject().put("id", a.id()).put("rule", a.rule().toString()).put("fired", a.fired());
                }
                return ok(arr);
            }
        }
    }

    private ObjectNode state() {
        ObjectNode o = json.createObjectNode()
                .put("baseUrl", sim.baseUrl()).put("tokenUrl", sim.tokenUrl()).put("customerId", sim.customerId())
                .put("clientId", sim.clientId()).put("clientSecret", sim.clientSecret()).put("audience", sim.audience())
                .put("streamId", sim.streamId()).put("subscriptionId", sim.subscriptionId())
                .put("now", sim.clock().now().toString());
        ObjectNode counts = o.putObject("records");
        for (ProfileType t : ProfileType.values()) {
            counts.put(t.pathSegment(), sim.tenant().size(t));
        }
        o.put("events", sim.events().size());
        return o;
    }

    private JsonNode body(SimRequest req) throws IOException {
        if (req.body().length == 0) {
            return json.createObjectNode();
        }
        return json.readTree(req.body());
    }

    /** A flat JSON object of field → value, values as strings (numbers and booleans converted). */
    private static Map<String, String> fields(JsonNode body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
        }
        return out;
    }

    private static Duration duration(JsonNode b) {
        if (b.has("duration")) {
            return Duration.parse(b.get("duration").asText());
        }
        return Duration.ofSeconds(b.path("seconds").asLong(0)).plusMinutes(b.path("minutes").asLong(0))
                .plusHours(b.path("hours").asLong(0)).plusDays(b.path("days").asLong(0));
    }

    private static String text(JsonNode b, String name) {
        return required(b.hasNonNull(name) ? b.get(name).asText() : null, name);
    }

    private static String required(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private SimResponse ok(JsonNode body) {
        return SimResponse.json(200, body.toString());
    }

    private SimResponse message(int status, String message) {
        return SimResponse.json(status, json.createObjectNode().put("message", message).toString());
    }
}
