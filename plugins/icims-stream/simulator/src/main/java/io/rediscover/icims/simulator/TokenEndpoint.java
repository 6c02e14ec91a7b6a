package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.util.UrlEncoded;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A1 {@code POST /oauth/token}: the client-credentials grant of iCIMS's (Auth0-like) login host
 * [OBS C1, C3]. Form body only. Error bodies follow OAuth/Auth0 style: {@code {"error","error_description"}};
 * bad client id, secret or audience ⇒ 401 {@code access_denied} [ASSUME 401; iCIMS says only "access_denied"].
 */
final class TokenEndpoint {
    private final ObjectMapper json;
    private final TokenService tokens;
    private final String clientId;
    private final String clientSecret;
    private final String audience;

    TokenEndpoint(ObjectMapper json, TokenService tokens, String clientId, String clientSecret, String audience) {
        this.json = json;
        this.tokens = tokens;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.audience = audience;
    }

    SimResponse handle(SimRequest request, Optional<Fault> fault) {
        if (!request.method().equals("POST")) {
            return oauthError(405, "invalid_request", "Use POST");
        }
        if (fault.isPresent()) {
            Fault f = fault.get();
            if (f instanceof Fault.Unauthorized) {
                return oauthError(401, "access_denied", "Unauthorized");
            }
        }
        String type = request.contentType() == null ? "" : request.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            return oauthError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }
        Map<String, String> form = new HashMap<>();
        UrlEncoded.decodeTo(request.bodyText(), form::putIfAbsent, StandardCharsets.UTF_8);
        String grant = form.get("grant_type");
        if (grant == null || form.get("client_id") == null) {
            return oauthError(400, "invalid_request", "Missing required parameter: " + (grant == null ? "grant_type" : "client_id"));
        }
        if (!grant.equals("client_credentials")) {
            return oauthError(400, "unsupported_grant_type", "Unsupported grant type: " + grant);
        }
        // [ASSUME] An unknown client id is told apart from a wrong secret by its description, so a client can name
        // the credential at fault; both are 401 access_denied, as Auth0 answers.
        if (!clientId.equals(form.get("client_id"))) {
            return oauthError(401, "access_denied", "Unknown client: the client id is not registered");
        }
        if (!clientSecret.equals(form.get("client_secret"))) {
            return oauthError(401, "access_denied", "Unauthorized");
        }
        if (!audience.equals(form.get("audience"))) {
            return oauthError(401, "access_denied", "Service not enabled within domain: " + form.get("audience"));
        }
        Optional<String> token = tokens.issue();
        if (token.isEmpty()) {
            return oauthError(429, "too_many_requests", "Too many token requests; slow down")
                    .withHeader("Retry-After", Long.toString(tokens.secondsUntilTokenAllowed()));
        }
        ObjectNode body = json.createObjectNode()
                .put("access_token", token.get())
                .put("token_type", "Bearer")
                .put("expires_in", tokens.lifetimeSeconds());
        return SimResponse.json(200, body.toString()).withHeader("Cache-Control", "no-store");
    }

    private SimResponse oauthError(int status, String error, String description) {
        return SimResponse.json(status, json.createObjectNode().put("error", error)
                .put("error_description", description).toString());
    }
}
