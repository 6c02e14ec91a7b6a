package io.rediscover.icims.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The Rediscover demo's ATS: starts a simulated iCIMS tenant on loopback and answers, as plain data, how to connect to
 * it — which connector, its host settings ({@code setting.*}) and the connection's credentials ({@code credential.*}).
 * The host loads this class from {@code lib/demo/} by name (see {@code META-INF/rediscover-demo.properties}) and shares
 * no type with it but the JDK's, so the server itself carries no simulator code.
 *
 * <p>Options: {@code host} (default 127.0.0.1), {@code people} (default 500), {@code seed} (default 42),
 * {@code profiles} (a public-profile JSON Lines file to derive people from, optional; written first with
 * {@code profileCount} generated profiles when it does not exist yet), {@code profilePeople} (how many of the people come
 * from the corpus, default four in five: the others are in no profile). The wiring names the corpus as {@code profiles},
 * for the demo to import.
 */
public final class DemoTenant implements Function<Map<String, String>, Map<String, String>>, AutoCloseable {

    private IcimsSimulator sim;

    @Override
    public synchronized Map<String, String> apply(Map<String, String> options) {
        if (sim != null) {
            throw new IllegalStateException("the demo tenant is already running");
        }
        int people = Integer.parseInt(options.getOrDefault("people", "500"));
        SimulatorConfig.Builder config = SimulatorConfig.builder().host(options.getOrDefault("host", "127.0.0.1"))
                .people(people).seed(Long.parseLong(options.getOrDefault("seed", "42"))).dailyQuota(0).noise(false);
        String corpus = options.get("profiles");
        if (corpus != null) {
            Path file = Path.of(corpus);
            if (!Files.exists(file)) {
                try {
                    new SampleProfileWriter().write(file, Integer.parseInt(options.getOrDefault("profileCount", "5000")),
                            Long.parseLong(options.getOrDefault("seed", "42")));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the demo's profile corpus " + file, e);
                }
            }
            config.profiles(file).profilePeople(Integer.parseInt(options.getOrDefault("profilePeople",
                    Integer.toString(people * 4 / 5))));
        }
        sim = IcimsSimulator.start(config.build());
        Map<String, String> wiring = new LinkedHashMap<>();
        wiring.put("connector", "icims-stream");
        wiring.put("setting.apiBaseUrl", sim.baseUrl());
        wiring.put("setting.tokenUrl", sim.tokenUrl());
        wiring.put("setting.streamBaseUrl", sim.baseUrl());
        wiring.put("setting.audience", sim.audience());
        wiring.put("credential.clientId", sim.clientId());
        wiring.put("credential.clientSecret", sim.clientSecret());
        wiring.put("credential.streamId", sim.streamId());
        if (corpus != null) {
            wiring.put("profiles", corpus);
        }
        wiring.put("description", "Demo iCIMS (simulated, " + people + " people): " + sim.baseUrl()
                + " — Client ID " + sim.clientId() + ", Client Secret " + sim.clientSecret() + ", Stream ID " + sim.streamId());
        return wiring;
    }

    @Override
    public synchronized void close() {
        if (sim != null) {
            sim.close();
            sim = null;
        }
    }
}
