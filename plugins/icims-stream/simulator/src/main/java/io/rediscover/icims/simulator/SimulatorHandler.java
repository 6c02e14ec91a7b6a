package io.rediscover.icims.simulator;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one Jetty handler: checks the HTTP version (A8), routes, and runs every iCIMS call through the same
 * pipeline: count (for tests) → armed fault → concurrency cap (D11) → bearer auth (A7) → customer id →
 * daily quota (B8) → endpoint → write (with delivery faults). The control API under {@code /_sim/}
 * skips all of it.
 */
final class SimulatorHandler extends Handler.Abstract {
    private final IcimsSimulator sim;
    private final IcimsErrors errors;
    private final TokenEndpoint token;
    private final SearchEndpoint search;
    private final ProfileEndpoint profiles;
    private final ResumeEndpoint resumes;
    private final CustomerEndpoint customer;
    private final DataStreamEndpoint stream;
    private final ControlEndpoint control;

    SimulatorHandler(IcimsSimulator sim, IcimsErrors errors, TokenEndpoint token, SearchEndpoint search,
                     ProfileEndpoint profiles, ResumeEndpoint resumes, CustomerEndpoint customer,
                     DataStreamEndpoint stream, ControlEndpoint control) {
        this.sim = sim;
        this.errors = errors;
        this.token = token;
        this.search = search;
        this.profiles = profiles;
        this.resumes = resumes;
        this.customer = customer;
        this.stream = stream;
        this.control = control;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!isPlainHttp11(request)) {
            ResponseWriter.write(response, callback, errors.httpVersionNotSupported().withHeader("Connection", "close"), null);
            return true;
        }
        SimRequest req = read(request);
        String path = req.path();
        if (path.startsWith("/_sim/") || path.equals("/_sim")) {
            ResponseWriter.write(response, callback, control.handle(req), null);
            return true;
        }
        if (path.equals(sim.config().tokenPath)) {
            sim.counters().record(Endpoint.TOKEN, null);
            Optional<Fault> fault = sim.faults().next(Endpoint.TOKEN);
            SimResponse answer = fault.isPresent() && !fault.get().degradesDelivery() && !(fault.get() instanceof Fault.Unauthorized)
                    ? faultAnswer(fault.get(), null) : token.handle(req, fault);
            ResponseWriter.write(response, callback, answer, delivery(fault));
            return true;
        }
        Optional<ApiRoute> route = ApiRoute.parse(path);
        if (route.isEmpty() || (route.get().endpoint() == Endpoint.STREAM && !sim.config().dataStream)) {
            ResponseWriter.write(response, callback, errors.error(404, 2, "Resource not found."), null);
            return true;
        }
        api(req, route.get(), request, response, callback);
        return true;
    }

    private void api(SimRequest req, ApiRoute route, Request request, Response response, Callback callback) {
        Endpoint endpoint = route.endpoint();
        sim.counters().record(endpoint, route.detail());
        Optional<Fault> fault = sim.faults().next(endpoint);
        if (fault.isPresent() && isReplacingFault(fault.get(), endpoint)) {
            ResponseWriter.write(response, callback, faultAnswer(fault.get(), route.type()), null);
            return;
        }
        if (!sim.concurrency().tryEnter()) {
            ResponseWriter.write(response, callback, errors.tooManyRequests("Too many concurrent requests.",
                    Fault.RetryAfter.SECONDS, 1, sim.clock().now()), null);
            return;
        }
        try {
            sim.tokens().maybeRevokeAll();
            SimResponse denied = authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
            if (denied == null && route.customerId() != null && !route.customerId().equals(sim.customerId())) {
                // Credentials are issued per customer: another customer's id is an authorisation failure
                // (401 code 6) that no fresh token cures [ASSUME].
                denied = errors.invalidToken("The provided credentials are not authorized for customer " + route.customerId() + ".");
            }
            if (denied == null && endpoint.countsTowardsQuota() && !sim.quota().tryConsume()) {
                denied = errors.tooManyRequests("Daily API request limit exceeded.", Fault.RetryAfter.SECONDS,
                        sim.quota().secondsUntilReset(), sim.clock().now());
            }
            SimResponse answer = denied != null ? denied : switch (endpoint) {
                case SEARCH -> search.handle(req, route.type(), fault);
                case GET -> profiles.handle(req, route.type(), route.id(), fault);
                case RESUME -> resumes.handle(req, route.id(), fault);
                case CUSTOMER -> customer.handle(req);
                case STREAM -> stream.handle(req, route);
                case TOKEN -> throw new IllegalStateException("token is not an API route");
            };
            if (denied == null && fault.isPresent() && fault.get() instanceof Fault.InvalidJson && answer.status() == 200) {
                answer = invalidJson(answer);
            }
            ResponseWriter.write(response, callback, answer, delivery(fault));
        } finally {
            sim.concurrency().exit();
        }
    }

    /** Faults answered before auth, instead of the endpoint's answer. */
    private static boolean isReplacingFault(Fault f, Endpoint endpoint) {
        if (f.degradesDelivery() || f instanceof Fault.InvalidJson) {
            return false;
        }
        boolean endpointSpecific = f instanceof Fault.RecordNotFound || f instanceof Fault.AccessDenied
                || f instanceof Fault.SearchValidationError || f instanceof Fault.EmptySearchPage;
        return !endpointSpecific || endpoint == Endpoint.CUSTOMER || endpoint == Endpoint.STREAM;
    }

    private SimResponse faultAnswer(Fault f, ProfileType type) {
        java.time.Instant now = sim.clock().now();
        if (f instanceof Fault.Unauthorized) {
            return errors.invalidToken("The access token is expired or has been revoked.");
        } else if (f instanceof Fault.TooManyRequests t) {
            return errors.tooManyRequests("Too many requests.", t.retryAfter(), t.seconds(), now);
        } else if (f instanceof Fault.ServerError s) {
            return errors.serverError(s.status(), s.retryAfterSeconds());
        } else if (f instanceof Fault.QuotaExhausted) {
            return errors.tooManyRequests("Daily API request limit exceeded.", Fault.RetryAfter.SECONDS,
                    sim.quota().secondsUntilReset(), now);
        } else if (f instanceof Fault.ConcurrencyLimited) {
            return errors.tooManyRequests("Too many concurrent requests.", Fault.RetryAfter.SECONDS, 1, now);
        } else if (f instanceof Fault.HttpVersionNotSupported) {
            return errors.httpVersionNotSupported();
        } else if (f instanceof Fault.Forbidden) {
            return errors.forbidden();
        } else if (f instanceof Fault.RecordNotFound) {
            return errors.notFound(type == null ? ProfileType.PERSON : type);
        } else if (f instanceof Fault.AccessDenied) {
            return errors.accessDenied(type == null ? ProfileType.PERSON : type);
        }
        return errors.error(400, SearchErrors.ERROR_CODE, SearchErrors.PARSE_ERROR);
    }

    /** D6: the real answer cut mid-JSON, with a Content-Length that matches what is sent. */
    private static SimResponse invalidJson(SimResponse answer) {
        String text = answer.bodyText();
        String broken = text.substring(0, Math.max(1, text.length() / 2)) + "\u0000,]";
        return new SimResponse(200, answer.contentType(), broken.getBytes(StandardCharsets.UTF_8), answer.headers());
    }

    private static Fault delivery(Optional<Fault> fault) {
        return fault.filter(Fault::degradesDelivery).orElse(null);
    }

    /** A7: Bearer token (and Basic when configured). Null = accepted. */
    private SimResponse authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return errors.invalidToken("Authorization is required.");
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        String value = parts.length > 1 ? parts[1].trim() : "";
        if (scheme.equals("bearer")) {
            return switch (sim.tokens().check(value)) {
                case VALID -> null;
                case EXPIRED -> errors.invalidToken("The access token has expired.");
                case REVOKED -> errors.invalidToken("The access token has been revoked.");
                case UNKNOWN -> errors.invalidToken("The access token is invalid.");
            };
        }
        SimulatorConfig c = sim.config();
        if (scheme.equals("basic") && c.basicUser != null) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            if (decoded.equals(c.basicUser + ":" + c.basicPassword)) {
                return null;
            }
            return errors.error(401, 6, "Invalid Username or Password credentials provided.")
                    .withHeader("WWW-Authenticate", "Basic realm=\"iCIMS\"");
        }
        return errors.invalidToken("Unsupported authorization scheme.");
    }

    /** A8: only HTTP/1.1; an {@code Upgrade: h2c} attempt counts as HTTP/2 [DOC S2]. */
    private static boolean isPlainHttp11(Request request) {
        if (request.getConnectionMetaData().getHttpVersion() != HttpVersion.HTTP_1_1) {
            return false;
        }
        String upgrade = request.getHeaders().get(HttpHeader.UPGRADE);
        return upgrade == null || !upgrade.toLowerCase(Locale.ROOT).contains("h2");
    }

    private static SimRequest read(Request request) throws java.io.IOException {
        Fields params = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        Map<String, String> query = new HashMap<>();
        for (Fields.Field f : params) {
            query.put(f.getName(), f.getValue());
        }
        ByteBuffer body = Content.Source.asByteBuffer(request);
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        return new SimRequest(request.getMethod(), Request.getPathInContext(request), query,
                request.getHeaders().get(HttpHeader.CONTENT_TYPE), bytes);
    }
}
