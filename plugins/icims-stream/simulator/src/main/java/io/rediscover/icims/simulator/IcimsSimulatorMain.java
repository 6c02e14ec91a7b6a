package io.rediscover.icims.simulator;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone iCIMS simulator: {@code java -jar icims-simulator.jar --port 8089 --people 2000 --seed 7}.
 * Prints the base URL and credentials, then serves until interrupted. {@code rediscover icims-sim} runs
 * the same command.
 */
@Command(name = "icims-sim", mixinStandardHelpOptions = true,
        description = "Runs a simulated iCIMS REST API (token, search, profiles, resumes, data stream) with a seeded tenant.")
public final class IcimsSimulatorMain implements Callable<Integer> {
    @Option(names = "--port", description = "Port to listen on (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port = 8089;

    @Option(names = "--host", description = "Bind address. Default: ${DEFAULT-VALUE}.")
    String host = "127.0.0.1";

    @Option(names = "--people", description = "Number of people. Default: ${DEFAULT-VALUE}.")
    int people = 1000;

    @Option(names = "--jobs", description = "Number of jobs. Default: max(5, people/20).")
    Integer jobs;

    @Option(names = "--seed", description = "Tenant seed. Default: ${DEFAULT-VALUE}.")
    long seed = 42;

    @Option(names = "--profiles", description = "Public-profile JSON Lines file to derive people from.")
    Path profiles;

    @Option(names = "--customer-id", description = "Customer id. Default: ${DEFAULT-VALUE}.")
    String customerId = "1234";

    @Option(names = "--client-id", description = "OAuth client id. Default: ${DEFAULT-VALUE}.")
    String clientId = "sim-client-id";

    @Option(names = "--client-secret", description = "OAuth client secret. Default: ${DEFAULT-VALUE}.")
    String clientSecret = "sim-client-secret";

    @Option(names = "--daily-quota", description = "Calls per day over search/profile/resume/customer (0 = unlimited). Default: ${DEFAULT-VALUE}.")
    int dailyQuota = 10_000;

    @Option(names = "--other-integrations", description = "Calls per day the customer's other integrations spend from the same quota. Default: ${DEFAULT-VALUE}.")
    int otherIntegrations;

    @Option(names = "--token-lifetime", description = "expires_in of tokens, ISO-8601 duration. Default: ${DEFAULT-VALUE}.")
    Duration tokenLifetime = Duration.ofHours(24);

    @Option(names = "--no-noise", description = "Switch off forward-compatibility noise (extra/omitted keys).")
    boolean noNoise;

    @Option(names = "--stream-id", description = "Data stream id. Default: derived from the seed.")
    String streamId;

    @Option(names = "--write-sample-profiles", description = "Write --people synthetic public profiles (JSON Lines) to this file and exit.")
    Path writeSampleProfiles;

    @Override
    public Integer call() throws Exception {
        if (writeSampleProfiles != null) {
            new SampleProfileWriter().write(writeSampleProfiles, people, seed);
            System.out.println("wrote " + people + " profiles to " + writeSampleProfiles);
            return 0;
        }
        SimulatorConfig.Builder b = SimulatorConfig.builder().host(host).port(port).people(people).seed(seed)
                .customerId(customerId).credentials(clientId, clientSecret).dailyQuota(dailyQuota)
                .otherIntegrationsPerDay(otherIntegrations)
                .tokenLifetime(tokenLifetime).noise(!noNoise).profiles(profiles).streamId(streamId);
        if (jobs != null) {
            b.jobs(jobs);
        }
        long t0 = System.nanoTime();
        IcimsSimulator sim = IcimsSimulator.start(b.build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "icims-sim-shutdown"));
        System.out.printf("iCIMS simulator ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        System.out.println("  base URL:        " + sim.baseUrl());
        System.out.println("  token URL:       " + sim.tokenUrl());
        System.out.println("  customer id:     " + sim.customerId());
        System.out.println("  client id:       " + sim.clientId());
        System.out.println("  client secret:   " + sim.clientSecret());
        System.out.println("  audience:        " + sim.audience());
        System.out.println("  data stream:     " + sim.dataStreamUrl() + "  stream id " + sim.streamId()
                + "  subscription " + sim.subscriptionId());
        System.out.println("  records:         " + sim.tenant().size(ProfileType.PERSON) + " people, "
                + sim.tenant().size(ProfileType.JOB) + " jobs, " + sim.tenant().size(ProfileType.APPLICANT_WORKFLOW) + " workflows");
        System.out.println("  control API:     " + sim.baseUrl() + "/_sim/state");
        System.out.flush();
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        // Jetty's start-up chatter would bury the URL and credentials printed below.
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        System.exit(new CommandLine(new IcimsSimulatorMain()).execute(args));
    }
}
