package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Same seed ⇒ identical tenant; a 100,000-person tenant builds in seconds; the data looks varied. */
class DeterminismAndScaleTest {
    static final Instant ANCHOR = Instant.parse("2025-06-02T09:00:00Z");

    static TenantData generate(long seed, int people) {
        return new TenantGenerator(seed, ANCHOR, 0.45).generate(people, Math.max(5, people / 20), List.of());
    }

    @Test
    void sameSeedGivesTheSameTenantAndOtherSeedsDiffer() {
        TenantData a = generate(7, 2000);
        TenantData b = generate(7, 2000);
        assertThat(a).isEqualTo(b);
        PersonDetailsGenerator details = new PersonDetailsGenerator(ANCHOR.atZone(java.time.ZoneOffset.UTC).toLocalDate());
        for (int i = 0; i < a.people().size(); i += 97) {
            assertThat(details.details(a.people().get(i))).isEqualTo(details.details(b.people().get(i)));
        }
        TenantData c = generate(8, 2000);
        assertThat(c.people()).isNotEqualTo(a.people());
    }

    @Test
    void sameSeedGivesIdenticalHttpAnswers() {
        SimulatorConfig config = SimulatorConfig.builder().people(300).seed(99).noise(false).clockStart(ANCHOR).build();
        try (IcimsSimulator one = IcimsSimulator.start(config); IcimsSimulator two = IcimsSimulator.start(config)) {
            SimHttp h1 = new SimHttp(one);
            SimHttp h2 = new SimHttp(two);
            String fields = "?fields=id,firstname,middlename,lastname,email,phones,addresses,folder,createddate,updateddate,"
                    + "externalid,workexperience,education,field4711";
            for (long id : List.of(one.tenant().ids(ProfileType.PERSON).get(0), one.tenant().ids(ProfileType.PERSON).get(150))) {
                String path = "/customers/" + one.customerId() + "/people/" + id + fields;
                ObjectNode a = (ObjectNode) SimHttp.json(h1.get(path));
                ObjectNode b = (ObjectNode) SimHttp.json(h2.get(path));
                a.remove("links"); // self links differ only by port
                b.remove("links");
                assertThat(a.toString()).isEqualTo(b.toString());
            }
            assertThat(one.streamId()).isEqualTo(two.streamId());
        }
    }

    @Test
    void dataIsVariedAndRealistic() {
        TenantData t = generate(3, 5000);
        Set<String> countries = new HashSet<>();
        Set<String> states = new HashSet<>();
        Set<String> lastNames = new HashSet<>();
        int withLinkedinField = 0;
        for (Person p : t.people()) {
            lastNames.add(p.lastname());
            p.addresses().forEach(a -> {
                countries.add(a.country().value());
                if (a.country().value().equals("United States") && a.state() != null) {
                    states.add(a.state().value());
                }
            });
            withLinkedinField += p.linkedinInField() ? 1 : 0;
        }
        assertThat(countries.size()).isGreaterThanOrEqualTo(10);
        assertThat(states.size()).isGreaterThanOrEqualTo(10);
        assertThat(lastNames.size()).isGreaterThan(200);
        assertThat(withLinkedinField).isBetween(1000, 2500);
        assertThat(t.workflows().size()).isBetween(7000, 10000);
        assertThat(t.people()).extracting(Person::id).isSorted().doesNotHaveDuplicates();
        assertThat(t.workflows()).extracting(Workflow::id).isSorted();
        assertThat(t.workflows()).allSatisfy(w -> assertThat(w.updateddate()).isAfterOrEqualTo(ANCHOR.minusSeconds(86_400L * 731)));
    }

    @Test
    void hundredThousandPeopleBuildInSeconds() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        TenantData t = generate(42, 100_000);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        System.out.printf("100,000 people, %d jobs, %d workflows generated in %d ms; retained heap ~%d MB%n",
                t.jobs().size(), t.workflows().size(), millis, (heapAfter - heapBefore) / (1024 * 1024));
        assertThat(t.people()).hasSize(100_000);
        assertThat(millis).isLessThan(15_000);
    }
}
