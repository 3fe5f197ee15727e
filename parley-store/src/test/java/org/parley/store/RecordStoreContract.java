package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.negotiation.NegotiationRecord;

/** What every database behind {@link RecordStore} must do; subclasses say which database. */
abstract class RecordStoreContract {

    protected RecordStore store;
    /** Unique per test, so that tests sharing a server database do not see each other's rows. */
    protected String scenario;

    abstract String url();

    @BeforeEach
    void open() {
        store = Databases.open(url());
        scenario = "scenario-" + UUID.randomUUID();
    }

    @AfterEach
    void close() {
        store.close();
    }

    static StoredNegotiation record(String id, String scenario, RecordStatus status, Instant created, String... strategies) {
        List<PartyAssignment> parties = new ArrayList<>();
        for (int i = 0; i < strategies.length; i++) {
            parties.add(new PartyAssignment("party-" + i, strategies[i]));
        }
        return new StoredNegotiation(id, scenario, "name: " + scenario + "\n", "{\"protocol\":\"sao\"}", "run", status,
                status == RecordStatus.RUNNING ? null : Boolean.TRUE,
                status == RecordStatus.RUNNING ? null : "{\"agreement\":true}", created,
                status == RecordStatus.RUNNING ? null : created.plusSeconds(1), null, parties);
    }

    @Test
    void savesAFinishedNegotiationWithItsEventsAndReadsItBack() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        StoredNegotiation record = record("n-" + UUID.randomUUID(), scenario, RecordStatus.FINISHED, now, "boulware", "conceder");
        store.save(record, List.of("{\"e\":0}", "{\"e\":1}", "{\"e\":2}"));
        assertThat(store.find(record.id())).contains(record);
        assertThat(store.events(record.id())).containsExactly("{\"e\":0}", "{\"e\":1}", "{\"e\":2}");
    }

    @Test
    void followsALiveNegotiationMoveByMove() {
        String id = "live-" + UUID.randomUUID();
        store.start(record(id, scenario, RecordStatus.RUNNING, Instant.now(), "human", "micro"));
        store.append(id, 0, "{\"move\":0}");
        store.append(id, 1, "{\"move\":1}");
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(RecordStatus.RUNNING);
        assertThatThrownBy(() -> store.append(id, 3, "{}")).hasMessageContaining("out of order: expected 2");
        assertThatThrownBy(() -> store.append(id, 1, "{}")).hasMessageContaining("out of order: expected 2");
        store.finish(id, RecordStatus.FINISHED, false, "{\"agreement\":false}");
        StoredNegotiation done = store.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo(RecordStatus.FINISHED);
        assertThat(done.agreement()).isFalse();
        assertThat(done.result()).isEqualTo("{\"agreement\":false}");
        assertThat(done.finishedAt()).isNotNull();
        assertThat(store.events(id)).containsExactly("{\"move\":0}", "{\"move\":1}");
        assertThatThrownBy(() -> store.append(id, 2, "{}")).hasMessageContaining("is finished");
        assertThatThrownBy(() -> store.finish(id, RecordStatus.ABORTED, null, null)).hasMessageContaining("No running negotiation");
        assertThatThrownBy(() -> store.append("nobody-" + UUID.randomUUID(), 0, "{}")).hasMessageContaining("No negotiation");
    }

    @Test
    void aFailedSaveLeavesNothingBehind() {
        Instant now = Instant.now();
        StoredNegotiation first = record("dup-" + UUID.randomUUID(), scenario, RecordStatus.FINISHED, now, "a");
        store.save(first, List.of("{}"));
        // Same id again: the insert fails, and none of the second record's events may remain.
        StoredNegotiation again = new StoredNegotiation(first.id(), scenario, "x", "{}", "run", RecordStatus.FINISHED, true,
                "{}", now, now, null, List.of(new PartyAssignment("p", "b")));
        assertThatThrownBy(() -> store.save(again, List.of("{\"second\":0}", "{\"second\":1}")));
        assertThat(store.events(first.id())).containsExactly("{}");
        assertThat(store.find(first.id()).orElseThrow().parties()).extracting(PartyAssignment::strategy).containsExactly("a");
    }

    @Test
    void filtersHistoryByScenarioStrategyAndDateNewestFirst() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        String other = scenario + "-other";
        store.save(record("h1-" + scenario, scenario, RecordStatus.FINISHED, t0, "boulware", "micro"), List.of());
        store.save(record("h2-" + scenario, scenario, RecordStatus.FINISHED, t0.plusSeconds(60), "time-dependent:e=0.2", "random"), List.of());
        store.save(record("h3-" + scenario, other, RecordStatus.FINISHED, t0.plusSeconds(120), "micro", "micro"), List.of());
        assertThat(store.history(new HistoryQuery(scenario, null, null, null, null, 10)))
                .extracting(StoredNegotiation::id).containsExactly("h2-" + scenario, "h1-" + scenario);
        assertThat(store.history(new HistoryQuery(scenario, "micro", null, null, null, 10)))
                .extracting(StoredNegotiation::id).containsExactly("h1-" + scenario);
        assertThat(store.history(new HistoryQuery(scenario, "time-dependent", null, null, null, 10)))
                .extracting(StoredNegotiation::id).containsExactly("h2-" + scenario);
        assertThat(store.history(new HistoryQuery(other, "micro", t0.plusSeconds(100), null, null, 10)))
                .extracting(StoredNegotiation::id).containsExactly("h3-" + scenario);
        assertThat(store.history(new HistoryQuery(scenario, null, t0.plusSeconds(30), null, null, 10)))
                .extracting(StoredNegotiation::id).containsExactly("h2-" + scenario);
        assertThat(store.history(new HistoryQuery(scenario, null, null, t0.plusSeconds(30), null, 10)))
                .extracting(StoredNegotiation::id).containsExactly("h1-" + scenario);
        assertThat(store.history(new HistoryQuery(scenario, null, null, null, null, 1))).hasSize(1);
    }

    @Test
    void concurrentWritersAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                futures.add(pool.submit(() -> store.save(
                        record("c" + n + "-" + scenario, scenario, RecordStatus.FINISHED, Instant.now(), "a", "b"),
                        List.of("{\"n\":" + n + "}", "{}"))));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        List<StoredNegotiation> all = store.history(new HistoryQuery(scenario, null, null, null, null, 100));
        assertThat(all).hasSize(40);
        for (StoredNegotiation record : all) {
            assertThat(store.events(record.id())).hasSize(2);
        }
    }

    /**
     * A writer killed with SIGKILL mid-way: every finished negotiation is complete, a live one has
     * a gap-free prefix of its events, and nothing is corrupt.
     */
    @Test
    void aWriterKilledMidWayLeavesEveryRecordCompleteOrAbsent() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KillWriter.class.getName(),
                url(), scenario)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (store.history(new HistoryQuery(scenario, null, null, null, null, 100)).size() < 30) {
                assertThat(writer.isAlive()).as("the writer died on its own").isTrue();
                assertThat(System.nanoTime()).as("the writer wrote too slowly").isLessThan(deadline);
                Thread.sleep(20);
            }
        } finally {
            writer.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback, no close
            writer.waitFor();
        }
        store.close();
        store = Databases.open(url());
        List<StoredNegotiation> records = store.history(new HistoryQuery(scenario, null, null, null, null, 100_000));
        assertThat(records.size()).isGreaterThanOrEqualTo(30);
        int running = 0;
        for (StoredNegotiation record : records) {
            List<String> events = store.events(record.id());
            int expected = Integer.parseInt(record.settings().replaceAll("\\D", ""));
            assertThat(record.parties()).hasSize(2);
            if (record.status() == RecordStatus.RUNNING) {
                running++;
                assertThat(events.size()).isLessThanOrEqualTo(expected);
            } else {
                assertThat(events).as(record.id()).hasSize(expected);
            }
            for (int e = 0; e < events.size(); e++) {
                assertThat(events.get(e)).contains("\"e\":" + e + ",");
            }
        }
        assertThat(running).isLessThanOrEqualTo(1);
        checkIntegrity();
    }

    /** A database-specific integrity check after the kill. */
    void checkIntegrity() {}

    static org.parley.core.model.Scenario builtIn(String name) {
        return org.parley.io.ScenarioReader.read(Path.of("..", "scenarios", name + ".yaml"));
    }

    static NegotiationRecord engineRun(org.parley.core.model.Scenario scenario, long seed) {
        var strategies = new java.util.LinkedHashMap<String, org.parley.core.negotiation.StrategySpec>();
        String[] specs = {"conceder", "boulware", "tit-for-tat", "micro"};
        for (int i = 0; i < scenario.parties().size(); i++) {
            strategies.put(scenario.parties().get(i).name(), org.parley.core.negotiation.StrategySpec.parse(specs[i % 4]));
        }
        var settings = new org.parley.core.negotiation.NegotiationSettings("sao",
                org.parley.core.negotiation.Deadline.rounds(60), strategies, seed, null);
        var negotiation = org.parley.core.engine.Negotiation.start(scenario, settings);
        negotiation.run();
        return negotiation.session().record();
    }

    @Test
    void theArchiveStoresAnEngineRunAndReadsBackTheSameScenarioAndRecord() {
        Archive archive = new Archive(store);
        for (String name : List.of("cardassian-talks", "trinity-station", "tavrik-accord")) {
            var scenario = builtIn(name);
            var run = engineRun(scenario, name.length());
            String id = archive.save(scenario, run, Archive.RUN, null);
            Archive.Entry entry = archive.load(id).orElseThrow();
            assertThat(entry.scenario()).isEqualTo(scenario);
            assertThat(entry.negotiation()).isEqualTo(run);
            assertThat(entry.stored().agreement()).isEqualTo(run.result().agreement());
            assertThat(entry.stored().parties()).extracting(PartyAssignment::party).containsExactlyElementsOf(scenario.partyNames());
            assertThat(entry.stored().parties().get(1).strategy()).isEqualTo("boulware");
            assertThat(store.events(id)).hasSize(run.events().size());
            assertThat(entry.debrief()).isEmpty();
            // With its debrief, kept in the result: the record reads back the same, and so does the debrief.
            var debrief = org.parley.core.analysis.NegotiationDebrief.of(scenario, run.result(), run.events());
            String with = archive.save(scenario, run, Archive.RUN, null, debrief);
            Archive.Entry debriefed = archive.load(with).orElseThrow();
            assertThat(debriefed.negotiation()).isEqualTo(run);
            assertThat(debriefed.debrief()).contains(debrief);
        }
    }

    @Test
    void theArchiveResolvesUniquePrefixesAndNamesAmbiguousOnes() {
        Archive archive = new Archive(store);
        var scenario = builtIn("cardassian-talks");
        var run = engineRun(scenario, 3);
        String stem = "p" + UUID.randomUUID().toString().substring(0, 8);
        archive.save(stem + "-a1", scenario, run, Archive.RUN, null, Instant.now());
        archive.save(stem + "-a2", scenario, run, Archive.RUN, null, Instant.now());
        archive.save(stem + "-b_%", scenario, run, Archive.RUN, null, Instant.now());
        assertThat(archive.resolve(stem + "-a1").id()).isEqualTo(stem + "-a1");
        assertThat(archive.resolve(stem + "-b").id()).isEqualTo(stem + "-b_%");
        assertThatThrownBy(() -> archive.resolve(stem + "-a")).hasMessageContaining("ambiguous")
                .hasMessageContaining(stem + "-a1, " + stem + "-a2");
        assertThatThrownBy(() -> archive.resolve(stem + "-_")).hasMessageContaining("No record");
        assertThatThrownBy(() -> archive.resolve(stem.toUpperCase(java.util.Locale.ROOT))).hasMessageContaining("No record");
        assertThat(archive.saveIfAbsent(stem + "-a1", scenario, run, Archive.TOURNAMENT, "t")).isFalse();
        assertThat(Archive.batchId("t", 4)).isEqualTo(Archive.batchId("t", 4)).isNotEqualTo(Archive.batchId("t", 5));
    }

    @Test
    void theArchiveFollowsALiveEngineNegotiation() {
        Archive archive = new Archive(store);
        var scenario = builtIn("cardassian-talks");
        var run = engineRun(scenario, 11);
        String id = Archive.newId();
        archive.start(id, scenario, run.settings(), Archive.SERVER, null);
        for (int i = 0; i < run.events().size(); i++) {
            archive.append(id, scenario, i, run.events().get(i));
            if (i == 1) {
                var partial = archive.load(id).orElseThrow().negotiation();
                assertThat(partial.finished()).isFalse();
                assertThat(partial.events()).isEqualTo(run.events().subList(0, 2));
            }
        }
        var debrief = org.parley.core.analysis.NegotiationDebrief.of(scenario, run.result(), run.events());
        archive.finish(id, scenario, run.result(), debrief);
        assertThat(archive.load(id).orElseThrow().negotiation()).isEqualTo(run);
        assertThat(archive.load(id).orElseThrow().debrief()).contains(debrief);
    }

    @Test
    void reopeningKeepsRecordsAndDoesNotRemigrate() {
        StoredNegotiation record = record("keep-" + UUID.randomUUID(), scenario, RecordStatus.FINISHED, Instant.now(), "a");
        store.save(record, List.of("{}"));
        store.close();
        store = Databases.open(url());
        assertThat(store.find(record.id())).isPresent();
    }

    /** A fresh 64-hex-digit hash: a server database outlives test runs, so fixed ones would collide. */
    static String randomHash() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    @Test
    void keepsJoinLinksByTokenHashWithTheNegotiation() {
        String id = "n-" + UUID.randomUUID();
        String partyHash = randomHash();
        String observerHash = randomHash();
        store.start(record(id, scenario, RecordStatus.RUNNING, Instant.now(), "human", "boulware"), List.of(
                new AccessGrant(partyHash, id, AccessGrant.PARTY, "party-0"),
                new AccessGrant(observerHash, id, AccessGrant.OBSERVER, null)));
        assertThat(store.access(partyHash)).contains(new AccessGrant(partyHash, id, AccessGrant.PARTY, "party-0"));
        assertThat(store.access(observerHash)).contains(new AccessGrant(observerHash, id, AccessGrant.OBSERVER, null));
        assertThat(store.access(randomHash())).isEmpty();
    }

    @Test
    void refusesAJoinLinkForAnotherNegotiationAndStoresNothing() {
        String id = "n-" + UUID.randomUUID();
        String hash = randomHash();
        assertThatThrownBy(() -> store.start(record(id, scenario, RecordStatus.RUNNING, Instant.now(), "human"),
                List.of(new AccessGrant(hash, "other", AccessGrant.PARTY, "party-0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other");
        assertThat(store.find(id)).isEmpty();
        assertThat(store.access(hash)).isEmpty();
    }

    @Test
    void appendsSeveralEventsAtOnceOrNone() {
        String id = "n-" + UUID.randomUUID();
        store.start(record(id, scenario, RecordStatus.RUNNING, Instant.now(), "human", "boulware"));
        store.append(id, 0, List.of("{\"e\":0}", "{\"e\":1}"));
        store.append(id, 2, List.of("{\"e\":2}"));
        assertThatThrownBy(() -> store.append(id, 5, List.of("{\"e\":5}", "{\"e\":6}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected 3");
        assertThat(store.events(id)).containsExactly("{\"e\":0}", "{\"e\":1}", "{\"e\":2}");
        store.append(id, 3, List.of());
        assertThat(store.events(id)).hasSize(3);
    }

    /**
     * Many live negotiations committing at once, as a server does: every unit lands, in each
     * negotiation's order, and a faulty unit (an event out of order) fails alone, leaving the
     * units committed with it in the same group untouched.
     */
    @Test
    void unitsCommittedTogetherLandInOrderAndFailAlone() throws Exception {
        int negotiations = 30;
        int moves = 20;
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int n = 0; n < negotiations; n++) {
            String id = "g" + n + "-" + UUID.randomUUID();
            ids.add(id);
            futures.add(store.commit(List.of(new Write.Start(record(id, scenario, RecordStatus.RUNNING, Instant.now(),
                    "human", "boulware"), List.of(new AccessGrant(randomHash(), id, AccessGrant.OBSERVER, null))))));
        }
        // Interleaved, as request threads would send them: each negotiation's moves in its order.
        CompletableFuture<Void> faulty = null;
        for (int m = 0; m < moves; m++) {
            for (int n = 0; n < negotiations; n++) {
                futures.add(store.commit(List.of(new Write.Append(ids.get(n), m, List.of("{\"m\":" + m + "}")))));
                if (n == 7 && m == 10) {
                    faulty = store.commit(List.of(new Write.Append(ids.get(n), 99, List.of("{\"m\":99}"))));
                }
            }
        }
        for (int n = 0; n < negotiations; n++) {
            futures.add(store.commit(List.of(new Write.Append(ids.get(n), moves, List.of("{\"end\":true}")),
                    new Write.Finish(ids.get(n), RecordStatus.FINISHED, n % 2 == 0, "{}"))));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertThatThrownBy(faulty::join).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("out of order");
        for (int n = 0; n < negotiations; n++) {
            List<String> events = store.events(ids.get(n));
            assertThat(events).hasSize(moves + 1);
            for (int m = 0; m < moves; m++) {
                assertThat(events.get(m)).isEqualTo("{\"m\":" + m + "}");
            }
            assertThat(store.find(ids.get(n)).orElseThrow().status()).isEqualTo(RecordStatus.FINISHED);
        }
    }

    /** A unit is all or none: a Finish after a faulty Append is not applied, nor the Append before it. */
    @Test
    void aUnitIsStoredWholeOrNotAtAll() {
        String id = "u-" + UUID.randomUUID();
        store.commit(List.of(new Write.Start(record(id, scenario, RecordStatus.RUNNING, Instant.now(), "human", "b"),
                List.of()))).join();
        CompletableFuture<Void> broken = store.commit(List.of(new Write.Append(id, 0, List.of("{}")),
                new Write.Append(id, 5, List.of("{}")), new Write.Finish(id, RecordStatus.FINISHED, true, "{}")));
        assertThatThrownBy(broken::join).hasMessageContaining("out of order");
        assertThat(store.events(id)).isEmpty();
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(RecordStatus.RUNNING);
        // A Start refused before it is queued (its grant names another negotiation): the future fails, nothing stored.
        assertThatThrownBy(() -> store.commit(List.of(new Write.Start(record("v-" + id, scenario, RecordStatus.RUNNING,
                Instant.now(), "human"), List.of(new AccessGrant(randomHash(), "other", AccessGrant.PARTY, "p")))))
                .join()).hasMessageContaining("other");
    }

    @Test
    void keepsWhoOrganizedANegotiationByTheHashOfTheirKey() {
        String mine = randomHash();
        String theirs = randomHash();
        String a = "o1-" + UUID.randomUUID();
        String b = "o2-" + UUID.randomUUID();
        String c = "o3-" + UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.commit(List.of(new Write.Start(record(a, scenario, RecordStatus.RUNNING, t0, "human"), List.of(), mine)))
                .join();
        store.commit(List.of(new Write.Start(record(b, scenario, RecordStatus.RUNNING, t0.plusSeconds(1), "human"),
                List.of(), mine))).join();
        store.commit(List.of(new Write.Start(record(c, scenario, RecordStatus.RUNNING, t0, "human"), List.of(), theirs)))
                .join();
        assertThat(store.organizedBy(mine, 10)).extracting(StoredNegotiation::id).containsExactly(b, a);
        assertThat(store.organizedBy(theirs, 10)).extracting(StoredNegotiation::id).containsExactly(c);
        assertThat(store.organizedBy(randomHash(), 10)).isEmpty();
        assertThat(store.organizedBy(mine, 1)).hasSize(1);
    }

    /**
     * A class session is stored in the unit that starts its tables: read back whole (tables in
     * order, seats in party order, AI seats without student or code), and a unit whose class is
     * faulty stores none of its tables either.
     */
    @Test
    void storesAClassWithItsTablesInOneUnit() {
        String a = "c1-" + UUID.randomUUID();
        String b = "c2-" + UUID.randomUUID();
        String classId = "class-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String codeHash = randomHash();
        ClassSession session = new ClassSession(classId, "Group B", scenario, 3, randomHash(), null, now, List.of(
                new ClassSession.Table(1, a, List.of(new ClassSession.Seat("party-0", 1, "ABCDE-FGHJK"),
                        new ClassSession.Seat("party-1", 3, "BCDEF-GHJKM"))),
                new ClassSession.Table(2, b, List.of(new ClassSession.Seat("party-0", null, null),
                        new ClassSession.Seat("party-1", 2, "CDEFG-HJKMN")))));
        store.commit(List.of(
                new Write.Start(record(a, scenario, RecordStatus.RUNNING, now, "human", "human"),
                        List.of(new AccessGrant(codeHash, a, AccessGrant.PARTY, "party-0"))),
                new Write.Start(record(b, scenario, RecordStatus.RUNNING, now, "boulware", "human"), List.of()),
                new Write.ClassStart(session))).join();
        assertThat(store.findClass(classId)).contains(session);
        assertThat(store.classesOrganizedBy(randomHash(), 10)).isEmpty();
        assertThat(store.access(codeHash).orElseThrow().negotiationId()).isEqualTo(a);
        assertThat(store.findClass("nobody-" + UUID.randomUUID())).isEmpty();

        // The same facilitator hash twice is refused, and the table started in that unit is not stored.
        String c = "c3-" + UUID.randomUUID();
        ClassSession twin = new ClassSession("class-" + UUID.randomUUID(), "Twin", scenario, 1,
                session.facilitatorHash(), null, now, List.of(new ClassSession.Table(1, c,
                        List.of(new ClassSession.Seat("party-0", 1, "DEFGH-JKMNP")))));
        CompletableFuture<Void> refused = store.commit(List.of(
                new Write.Start(record(c, scenario, RecordStatus.RUNNING, now, "human"), List.of()),
                new Write.ClassStart(twin)));
        assertThatThrownBy(refused::join).isInstanceOf(java.util.concurrent.CompletionException.class);
        assertThat(store.find(c)).isEmpty();
        assertThat(store.findClass(twin.id())).isEmpty();
    }

    @Test
    void listsTheClassesOfAnOrganizerNewestFirst() {
        String mine = randomHash();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            String negotiation = "oc" + k + "-" + UUID.randomUUID();
            String classId = "oclass" + k + "-" + UUID.randomUUID();
            ids.add(classId);
            store.commit(List.of(new Write.Start(record(negotiation, scenario, RecordStatus.RUNNING, t0, "human"),
                    List.of(), k < 2 ? mine : null), new Write.ClassStart(new ClassSession(classId, "Class " + k, scenario,
                    1, randomHash(), k < 2 ? mine : null, t0.plusSeconds(k), List.of(new ClassSession.Table(1, negotiation,
                    List.of(new ClassSession.Seat("party-0", 1, "ABCDE-FGHJ" + (k + 2))))))))).join();
        }
        assertThat(store.classesOrganizedBy(mine, 10)).extracting(ClassSession::id).containsExactly(ids.get(1), ids.get(0));
        assertThat(store.classesOrganizedBy(mine, 10).get(0).tables().get(0).seats().get(0).code()).isEqualTo("ABCDE-FGHJ3");
        assertThat(store.classesOrganizedBy(mine, 1)).hasSize(1);
    }

    @Test
    void aClassMustSeatEveryStudentOnce() {
        assertThatThrownBy(() -> new ClassSession("x", "X", scenario, 2, randomHash(), null, Instant.now(), List.of(
                new ClassSession.Table(1, "n", List.of(new ClassSession.Seat("p", 1, "ABCDE-FGHJK"))))))
                .hasMessageContaining("must seat each of them once");
        assertThatThrownBy(() -> new ClassSession.Seat("p", 1, null)).hasMessageContaining("neither");
    }

    static StoredWorld world(String id, String builtIn, String text) {
        return new StoredWorld(id, randomHash(), "duel", builtIn, text, randomHash(), "federation", -7L, null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), List.of());
    }

    /**
     * A world played in the browser: begun, its steps in order each linked to a stored negotiation,
     * the person's decision on one; read back whole. Steps out of order, twice, or a second decision
     * are refused with their unit, which then stores nothing.
     */
    @Test
    void storesAWorldStepByStepWithThePersonsDecisions() {
        String worldId = "w-" + UUID.randomUUID();
        StoredWorld begun = world(worldId, null, "name: duel\n");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String a = "w1-" + UUID.randomUUID();
        String b = "w2-" + UUID.randomUUID();
        store.commit(List.of(new Write.WorldStart(begun))).join();
        assertThat(store.findWorld(worldId)).contains(begun);
        // The first step: the person's table, started in the same unit as the step.
        store.commit(List.of(new Write.Start(record(a, scenario, RecordStatus.RUNNING, now, "human", "conceder"),
                List.of()), new Write.WorldStep(worldId, 0, a))).join();
        store.commit(List.of(new Write.WorldDecision(worldId, 0, true))).join();
        // A second decision on the same step is refused.
        assertThatThrownBy(store.commit(List.of(new Write.WorldDecision(worldId, 0, false)))::join)
                .hasMessageContaining("no step 0 waiting");
        // A step that is not the next is refused, and the negotiation started in its unit is not stored.
        String c = "w3-" + UUID.randomUUID();
        assertThatThrownBy(store.commit(List.of(new Write.Start(record(c, scenario, RecordStatus.RUNNING, now,
                "conceder"), List.of()), new Write.WorldStep(worldId, 2, c)))::join)
                .hasMessageContaining("cannot be the next");
        assertThat(store.find(c)).isEmpty();
        store.save(record(b, scenario, RecordStatus.FINISHED, now, "conceder", "conceder"), List.of("{}"));
        store.commit(List.of(new Write.WorldStep(worldId, 1, b))).join();
        assertThatThrownBy(store.commit(List.of(new Write.WorldStep(worldId, 1, b)))::join)
                .hasMessageContaining("cannot be the next");
        assertThat(store.findWorld(worldId).orElseThrow().steps()).containsExactly(
                new StoredWorld.Step(0, a, true), new StoredWorld.Step(1, b, null));
        assertThat(store.findWorld(worldId).orElseThrow().withoutSteps()).isEqualTo(begun);

        // A built-in world is kept by name (and the digest of its text), without its text.
        StoredWorld builtIn = world("wb-" + UUID.randomUUID(), "sector", null);
        store.commit(List.of(new Write.WorldStart(builtIn))).join();
        assertThat(store.findWorld(builtIn.id())).contains(builtIn);
        assertThat(store.findWorld("nowhere-" + UUID.randomUUID())).isEmpty();
        // Two worlds cannot share a token.
        StoredWorld twin = new StoredWorld("wt-" + UUID.randomUUID(), builtIn.tokenHash(), "sector", "sector", null,
                builtIn.worldDigest(), "kaldari", 1, null, now, List.of());
        assertThatThrownBy(store.commit(List.of(new Write.WorldStart(twin)))::join)
                .isInstanceOf(java.util.concurrent.CompletionException.class);
        assertThat(store.findWorld(twin.id())).isEmpty();
    }

    @Test
    void aStoredWorldIsEitherBuiltInOrUploaded() {
        assertThatThrownBy(() -> world("x", "sector", "name: x\n")).hasMessageContaining("not both");
        assertThatThrownBy(() -> world("x", null, null)).hasMessageContaining("not neither");
        assertThatThrownBy(() -> new StoredWorld("x", "nothex", "x", "sector", null, randomHash(), "p", 1, null,
                Instant.now(), List.of())).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> new StoredWorld("x", randomHash(), "x", "sector", null, randomHash(), "p", 1, null,
                Instant.now(), List.of(new StoredWorld.Step(1, "n", null)))).hasMessageContaining("numbered 0, 1");
    }
}
