package io.rediscover.icims;

import io.rediscover.icims.simulator.Endpoint;
import io.rediscover.icims.simulator.Person;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.ResumeSpec;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.icims.simulator.Workflow;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.pluginapi.record.AtsApplication;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.testkit.RecordingSink;
import io.rediscover.pluginapi.testkit.TestBudget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first download within a daily request budget, over several days: newest people first with what makes them
 * searchable, a clean stop at the budget, the changes made meanwhile neither missed nor read twice, resumes where they
 * matter first, and a reconciliation that keeps to its share.
 */
class BudgetedDownloadTest extends RigTest {

    private TestBudget budget;

    private void start(SimulatorConfig.Builder config, long perDay) {
        rig = Rig.start(config);
        budget = rig.context.budget(IcimsDescriptor.QUOTA, perDay);
    }

    /** Runs one day: a run that either completes (true) or stops cleanly at the budget (false). */
    private boolean day(RecordingSink sink) throws ConnectorException {
        try {
            rig.sync(sink);
            return true;
        } catch (ConnectorException e) {
            assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
            assertThat(e.quotaResetsAt()).as("a spent budget, not a fault: %s", e.getMessage()).isPresent();
            return false;
        }
    }

    /** The next budget day, some hours after the last run's start: both clocks move, the budget resets. */
    private void nextDay(int day) {
        rig.at(Duration.ofDays(day).plusHours(1));
        budget.newDay();
    }

    private List<Long> held(RecordingSink sink) {
        return sink.live(RecordKind.CANDIDATE).keySet().stream().map(Long::parseLong).sorted().toList();
    }

    private int window(long person) {
        Instant updated = rig.sim.tenant().person(person).orElseThrow().updateddate();
        List<Windows.Window> windows = Windows.of(Rig.START.toEpochMilli());
        for (int w = 0; w < windows.size(); w++) {
            Windows.Window window = windows.get(w);
            if ((window.from() == null || !updated.isBefore(window.from())) && updated.isBefore(window.until())) {
                return w;
            }
        }
        throw new IllegalStateException("person " + person + " updated after the download began");
    }

    private boolean hasResume(long person) {
        Person p = rig.sim.tenant().person(person).orElseThrow();
        return rig.sim.tenant().details(p).resume().format() != ResumeSpec.Format.NONE;
    }

    @Test
    void theFirstDayBringsTheNewestPeopleWithTheirWorkflowsAndEndsCleanlyAtTheBudget() throws Exception {
        start(SimulatorConfig.builder().people(600).seed(21), 700);
        RecordingSink sink = new RecordingSink();
        assertThat(day(sink)).as("600 people do not fit in 700 requests").isFalse();

        List<Long> read = held(sink);
        assertThat(read).hasSizeBetween(100, 500);
        // Newest first: nobody mirrored is in an older window than anybody not mirrored yet.
        int newestUnread = rig.sim.tenant().ids(ProfileType.PERSON).stream().filter(id -> !read.contains(id))
                .mapToInt(this::window).min().orElseThrow();
        assertThat(read).allSatisfy(id -> assertThat(window(id)).isLessThanOrEqualTo(newestUnread));
        // Searchable at once: each mirrored person has every workflow, with status, source and recruiter.
        for (long person : read) {
            for (Workflow w : rig.sim.tenant().workflowsOf(person)) {
                AtsApplication app = (AtsApplication) sink.live(RecordKind.APPLICATION).get(Long.toString(w.id()));
                assertThat(app).as("workflow %s of person %s", w.id(), person).isNotNull();
                assertThat(app.status()).isNotBlank();
                assertThat(app.source()).isNotBlank();
                boolean jobHasRecruiter = rig.sim.tenant().job(w.jobId()).orElseThrow().recruiterId() != null;
                assertThat(app.recruiter() != null).as("recruiter of workflow %s", w.id()).isEqualTo(jobHasRecruiter);
            }
        }
        // The run planned its batches: it used the day's budget and stopped before the host had to refuse a request.
        assertThat(budget.used()).isBetween(600L, 700L);
        assertThat(budget.refused()).isZero();
        assertThat(rig.sim.counters().count(Endpoint.GET) + rig.sim.counters().count(Endpoint.SEARCH)
                + rig.sim.counters().count(Endpoint.RESUME) + rig.sim.counters().count(Endpoint.CUSTOMER))
                .as("what left is what the budget counted").isEqualTo(budget.used());

        int days = 1;
        while (!day(sinkAfter(days++, sink))) {
            assertThat(days).as("the download ends").isLessThan(10);
        }
        assertThat(sink.live(RecordKind.CANDIDATE)).hasSize(rig.sim.tenant().size(ProfileType.PERSON));
        assertThat(sink.live(RecordKind.APPLICATION)).hasSize(rig.sim.tenant().size(ProfileType.APPLICANT_WORKFLOW));
        assertThat(sink.live(RecordKind.JOB)).hasSize(rig.sim.tenant().size(ProfileType.JOB));
        assertThat(rig.sim.counters().count(Endpoint.GET)).as("every record read once over the days")
                .isEqualTo(rig.sim.tenant().size(ProfileType.PERSON) + rig.sim.tenant().size(ProfileType.JOB)
                        + rig.sim.tenant().size(ProfileType.APPLICANT_WORKFLOW));
        assertThat(sink.live(RecordKind.CANDIDATE).values().stream().filter(c -> ((AtsCandidate) c).resume() != null).count())
                .as("the resumes that waited came at the end")
                .isEqualTo(rig.sim.tenant().ids(ProfileType.PERSON).stream().filter(this::hasResume).count());
    }

    private RecordingSink sinkAfter(int day, RecordingSink sink) {
        nextDay(day);
        return sink;
    }

    @Test
    void changesInFinishedAndUnfinishedWindowsDuringAMultiDayDownloadAreNeitherMissedNorReadTwice() throws Exception {
        start(SimulatorConfig.builder().people(900).seed(33), 1_100);
        rig.context.set("resumePriorityDays", "0"); // every resume waits while the budget is tight: counts stay exact
        RecordingSink sink = new RecordingSink();
        assertThat(day(sink)).isFalse();
        List<Long> people = rig.sim.tenant().ids(ProfileType.PERSON);

        int changedPeople = 0;
        int changedWorkflows = 0;
        Set<Long> changed = new java.util.HashSet<>();
        Map<Long, String> names = new java.util.HashMap<>();
        Map<Long, String> statuses = new java.util.HashMap<>();
        long created = -1;
        int day = 1;
        boolean done = false;
        while (!done) {
            List<Long> read = held(sink);
            int running = people.stream().filter(id -> !read.contains(id) && !changed.contains(id)).mapToInt(this::window)
                    .min().orElse(99);
            rig.at(Duration.ofDays(day));
            if (day <= 2) {
                // In a window the download finished: read before, so read again once.
                long finished = read.stream().filter(id -> !changed.contains(id) && window(id) < running && hasResume(id))
                        .findFirst().orElseThrow();
                // In a window it has not reached: it leaves that window, and is read once, by the next catch-up.
                long unfinished = people.stream().filter(id -> !changed.contains(id) && window(id) > running)
                        .reduce((a, b) -> b).orElseThrow();
                for (long id : List.of(finished, unfinished)) {
                    rig.sim.tenant().updatePerson(id, Map.of("lastname", "Changed-" + day + "-" + id));
                    names.put(id, "Changed-" + day + "-" + id);
                    changed.add(id);
                }
                changedPeople++; // only the finished one is read twice
                long readWorkflow = rig.sim.tenant().workflowsOf(finished).get(0).id();
                long unreadWorkflow = rig.sim.tenant().workflowsOf(unfinished).get(0).id();
                for (long w : List.of(readWorkflow, unreadWorkflow)) {
                    String status = day == 1 ? "Offer Extended" : "Hired";
                    rig.sim.tenant().updateWorkflow(w, Map.of("status", status));
                    statuses.put(w, status);
                }
                changedWorkflows++;
                if (day == 1) {
                    created = rig.sim.tenant().createPerson(Map.of("firstname", "New", "lastname", "Hire"));
                    rig.sim.tenant().createWorkflow(created, rig.sim.tenant().ids(ProfileType.JOB).get(0), Map.of());
                }
            }
            nextDay(day++);
            done = day(sink);
            assertThat(day).isLessThan(12);
        }
        // One more day: the change scan after the download finds nothing it has not read.
        long getsAfterDownload = rig.sim.counters().count(Endpoint.GET);
        nextDay(day);
        rig.sync(sink);
        assertThat(rig.sim.counters().count(Endpoint.GET)).as("nothing read again").isEqualTo(getsAfterDownload);

        // Nothing missed: the mirror is the tenant, changes included.
        assertThat(sink.live(RecordKind.CANDIDATE).keySet()).isEqualTo(rig.sim.tenant().ids(ProfileType.PERSON).stream()
                .map(String::valueOf).collect(Collectors.toSet()));
        assertThat(sink.live(RecordKind.CANDIDATE).containsKey(Long.toString(created))).isTrue();
        names.forEach((id, name) -> assertThat(((AtsCandidate) sink.live(RecordKind.CANDIDATE).get(Long.toString(id)))
                .lastName()).isEqualTo(name));
        assertThat(sink.live(RecordKind.APPLICATION)).hasSize(rig.sim.tenant().size(ProfileType.APPLICANT_WORKFLOW));
        statuses.forEach((id, status) -> assertThat(((AtsApplication) sink.live(RecordKind.APPLICATION)
                .get(Long.toString(id))).status()).isEqualTo(status));
        // Nothing read twice: each record once, and again only what changed after it was read.
        assertThat(rig.sim.counters().count("GET:people"))
                .isEqualTo(rig.sim.tenant().size(ProfileType.PERSON) + changedPeople);
        assertThat(rig.sim.counters().count("GET:applicantworkflows"))
                .isEqualTo(rig.sim.tenant().size(ProfileType.APPLICANT_WORKFLOW) + changedWorkflows);
        assertThat(rig.sim.counters().count("GET:jobs")).isEqualTo(rig.sim.tenant().size(ProfileType.JOB));
        // Resumes waited while the budget was tight: a changed person's was read with the change, the rest at the end.
        assertThat(rig.sim.counters().count(Endpoint.RESUME)).as("every resume once")
                .isEqualTo(rig.sim.tenant().size(ProfileType.PERSON));
        assertThat(budget.refused()).isZero();
    }

    @Test
    void whenTheBudgetIsTightResumesOfPeopleWithARecentWorkflowComeWithThemAndTheOthersAtTheEnd() throws Exception {
        start(SimulatorConfig.builder().people(500).seed(8), 800);
        rig.context.set("resumePriorityDays", "120");
        RecordingSink sink = new RecordingSink();
        assertThat(day(sink)).isFalse();
        Instant recent = Rig.START.minus(Duration.ofDays(120));
        long withRecentWorkflow = 0;
        for (long person : held(sink)) {
            boolean priority = rig.sim.tenant().workflowsOf(person).stream().anyMatch(w -> !w.updateddate().isBefore(recent));
            AtsCandidate c = (AtsCandidate) sink.live(RecordKind.CANDIDATE).get(Long.toString(person));
            if (priority && hasResume(person)) {
                withRecentWorkflow++;
                assertThat(c.resume()).as("person %s has a recent workflow", person).isNotNull();
            } else if (!priority) {
                assertThat(c.resume()).as("person %s waits for the end", person).isNull();
            }
        }
        assertThat(withRecentWorkflow).isPositive();
        int day = 1;
        while (!day(sinkAfter(day++, sink))) {
            assertThat(day).isLessThan(10);
        }
        assertThat(sink.live(RecordKind.CANDIDATE).values().stream().filter(c -> ((AtsCandidate) c).resume() != null).count())
                .isEqualTo(rig.sim.tenant().ids(ProfileType.PERSON).stream().filter(this::hasResume).count());
    }

    @Test
    void aResumeIsReadAgainOnlyWhenItsPersonChangedOrAnEventSaysSo() throws Exception {
        start(SimulatorConfig.builder().people(200).seed(5), 1_000_000);
        RecordingSink sink = rig.sync(new RecordingSink());
        List<Long> people = rig.sim.tenant().ids(ProfileType.PERSON);
        long withWorkflowChange = people.get(1);
        long renamed = people.get(2);
        long newResume = people.get(3);
        rig.at(Duration.ofHours(2));
        rig.sim.tenant().updateWorkflow(rig.sim.tenant().workflowsOf(withWorkflowChange).get(0).id(),
                Map.of("status", "Offer Extended"));
        rig.sim.tenant().updatePerson(renamed, Map.of("lastname", "Renamed"));
        // A new resume need not move the person's update time; the Data Stream still reports the person.
        rig.sim.tenant().setResume(newResume, "a new resume".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain", "cv.txt");
        rig.sim.counters().reset();
        rig.at(Duration.ofHours(3));
        rig.sync(sink);
        assertThat(rig.sim.counters().count("GET:people")).as("the two people that changed").isEqualTo(2);
        assertThat(rig.sim.counters().count(Endpoint.RESUME)).as("their resumes; none for the workflow's person").isEqualTo(2);
        assertThat(new String(((AtsCandidate) sink.live(RecordKind.CANDIDATE).get(Long.toString(newResume))).resume().content(),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("a new resume");
    }

    @Test
    void aQuotaThatIcimsSaysIsSpentEndsTheDayWithItsResetTime() throws Exception {
        start(SimulatorConfig.builder().people(300).seed(4), 100_000);
        rig.sim.quota().setDailyLimit(200);
        RecordingSink sink = new RecordingSink();
        assertThatThrownBy(() -> rig.sync(sink)).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
            assertThat(e.quotaResetsAt()).as("iCIMS's next quota day").contains(Instant.parse("2026-06-02T00:00:00Z"));
        });
        assertThat(sink.checkpoints()).as("what was read before is kept").isNotEmpty();
        rig.sim.quota().setDailyLimit(0);
        rig.at(Duration.ofDays(1));
        rig.sync(sink);
        assertThat(sink.live(RecordKind.CANDIDATE)).hasSize(rig.sim.tenant().size(ProfileType.PERSON));
    }

    @Test
    void aReconciliationKeepsToItsShareOfTheBudgetAndWaitsForADayItFits() throws Exception {
        // No Data Stream: a deletion is found by reconciliation only.
        start(SimulatorConfig.builder().people(2_100).seed(6).dataStream(false), 1_000_000);
        var credentials = rig.credentials(rig.sim.clientId(), rig.sim.clientSecret(), rig.sim.customerId());
        RecordingSink sink = rig.sync(credentials, io.rediscover.pluginapi.sync.SyncState.initial(), new RecordingSink());
        long deleted = rig.sim.tenant().ids(ProfileType.PERSON).get(7);
        rig.sim.tenant().delete(ProfileType.PERSON, deleted);
        rig.context.set("reconcileEveryDays", "1").set("reconcileSharePercent", "1");
        // Listing 2,100 people takes 3 searches; 1 % of 200 requests is 2: people wait (jobs, 1 search, go).
        budget.setPerDay(200);
        nextDay(2);
        rig.sync(credentials, sink.lastState(), sink);
        assertThat(sink.live(RecordKind.CANDIDATE).containsKey(Long.toString(deleted))).as("not reconciled yet").isTrue();
        // With 1 % of 1,000 (10 requests), they fit.
        budget.setPerDay(1_000);
        nextDay(3);
        rig.sync(credentials, sink.lastState(), sink);
        assertThat(sink.deleted(RecordKind.CANDIDATE)).contains(Long.toString(deleted));
    }
}
