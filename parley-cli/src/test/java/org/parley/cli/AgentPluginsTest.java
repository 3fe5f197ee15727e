package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.io.Csv;

/**
 * Plugin jars through the command line: found with --agents, listed by parley strategies, and
 * isolated in a tournament exactly as a built-in is: a plugin that throws, one that sleeps past the
 * move limit and one that offers an outcome the domain lacks are each put out with the reason,
 * while the tournament completes and reports why.
 */
class AgentPluginsTest {

    private static final String TALKS = "../scenarios/cardassian-talks.yaml";

    /** Four strategies: one that plays fair (a steady conceder) and three that misbehave from round 2. */
    private static final String ROGUES = """
            package org.example.rogues;

            import java.util.List;
            import org.parley.api.StrategyProvider;
            import org.parley.core.model.Outcome;
            import org.parley.core.negotiation.Action;
            import org.parley.core.negotiation.Request;
            import org.parley.core.strategy.BidSpace;
            import org.parley.core.strategy.Setup;
            import org.parley.core.strategy.Strategy;
            import org.parley.core.strategy.StrategyRegistry.Entry;
            import org.parley.core.strategy.StrategyRegistry.Parameter;

            public final class Rogues implements StrategyProvider {

                /** Concedes linearly; misbehaves as told from round 2. */
                static final class Rogue implements Strategy {
                    private final String kind;
                    private final long sleepMillis;
                    private BidSpace bids;
                    private double floor;

                    Rogue(String kind, long sleepMillis) {
                        this.kind = kind;
                        this.sleepMillis = sleepMillis;
                    }

                    @Override
                    public void start(Setup setup) {
                        bids = setup.bids();
                        floor = Math.max(setup.reservation(), bids.min());
                    }

                    @Override
                    public Action act(Request request) {
                        if (request.round() >= 2) {
                            switch (kind) {
                                case "thrower" -> throw new IllegalStateException("the plugin lost its model");
                                case "sleeper" -> {
                                    try {
                                        Thread.sleep(sleepMillis);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                }
                                case "cheater" -> {
                                    int[] values = new int[bids.best().size()];
                                    java.util.Arrays.fill(values, 99);
                                    return new Action.Offer(Outcome.of(values));
                                }
                                default -> { }
                            }
                        }
                        double target = bids.max() - (bids.max() - floor) * request.time();
                        if (request.outcome() != null && bids.utility(request.outcome()) >= target) {
                            return new Action.Accept(request.outcome());
                        }
                        return new Action.Offer(bids.atLeast(target));
                    }
                }

                @Override
                public List<Entry> strategies() {
                    return List.of(
                            new Entry("fair", "concedes linearly", List.of(), p -> new Rogue("fair", 0)),
                            new Entry("thrower", "throws from round 2", List.of(), p -> new Rogue("thrower", 0)),
                            new Entry("sleeper", "sleeps past the move limit from round 2",
                                    List.of(Parameter.of("millis", "400", "how long it sleeps")),
                                    p -> new Rogue("sleeper", p.integer("millis"))),
                            new Entry("cheater", "offers an outcome the domain lacks from round 2", List.of(),
                                    p -> new Rogue("cheater", 0)));
                }
            }
            """;

    @TempDir
    static Path dir;

    static Path jar;

    @BeforeAll
    static void buildThePlugin() {
        jar = PluginJar.build(dir, "rogues", Map.of("org.example.rogues.Rogues", ROGUES), "org.example.rogues.Rogues");
    }

    @Test
    void strategiesListsThePluginsWithTheirParametersAndDefaults() {
        CliRunner run = CliRunner.run("strategies", "--agents", jar.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Built-in (default diplomat):", "boulware", "e=0.2", "ac=next",
                "From " + jar.toAbsolutePath().normalize() + ":", "sleeper", "millis=400", "how long it sleeps");
        CliRunner builtIns = CliRunner.run("strategies");
        assertThat(builtIns.out()).contains("boulware").doesNotContain("sleeper");
    }

    @Test
    void aMissingPluginPathIsAUserError() {
        CliRunner run = CliRunner.run("strategies", "--agents", dir.resolve("nowhere.jar").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--agents", "nowhere.jar", "does not exist");
    }

    @Test
    void misbehavingPluginsAreIsolatedAndTheTournamentReportsWhy() throws IOException {
        Path out = dir.resolve("rogues-tournament");
        CliRunner run = CliRunner.run("tournament", "--agents", jar.toString(), "--strategies",
                "boulware,fair,thrower,sleeper:millis=5000,cheater", "--scenarios", TALKS, "--rounds", "30", "--move-limit", "500ms",
                "--threads", "2", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // 5 strategies in 2 roles: 20 negotiations, all finished.
        Csv.Table csv = Csv.read(Files.readString(out.resolve("results.csv")), "results.csv");
        assertThat(csv.rows()).hasSize(20);
        int misbehaviour = csv.column("misbehaviour");
        List<String> rogues = List.of("thrower", "sleeper", "cheater");
        Map<String, String> reasons = Map.of("thrower", "exception: its move threw java.lang.IllegalStateException:"
                + " the plugin lost its model", "sleeper", "timeout: its",
                "cheater", "invalid move:");
        for (Csv.Row row : csv.rows()) {
            List<String> fields = row.fields();
            String first = fields.get(csv.column("strategy_1")).split(":")[0];
            String second = fields.get(csv.column("strategy_2")).split(":")[0];
            String why = fields.get(misbehaviour);
            if (rogues.contains(first) && rogues.contains(second)) {
                // The first to misbehave ends a two-party negotiation: the other never gets to.
                assertThat(why).as(first + " vs " + second).isNotEmpty();
            } else if (rogues.contains(first) || rogues.contains(second)) {
                String rogue = rogues.contains(first) ? first : second;
                String party = fields.get(csv.column(rogue.equals(first) ? "party_1" : "party_2"));
                assertThat(why).as(first + " vs " + second).startsWith(party + ": " + reasons.get(rogue));
                if (rogue.equals("sleeper")) {
                    // Its move, or the call the watchdog gave up on.
                    assertThat(why).contains("took longer than the limit of 500 ms");
                }
                assertThat(fields.get(csv.column("agreement"))).isEqualTo("false");
            } else {
                assertThat(why).as(first + " vs " + second).isEmpty();
                assertThat(fields.get(csv.column("agreement"))).as(first + " vs " + second).isEqualTo("true");
            }
        }
        assertThat(run.out()).contains("put out for misbehaving", "thrower: exception in", "sleeper:millis=5000: timeout in",
                "cheater: invalid move in");
        // The fair plugin is ranked like any strategy.
        assertThat(run.out()).containsPattern("\\d+\\s+fair\\s+0\\.\\d{3}");
        // The set-up remembers the plugin, so a resume finds it again.
        assertThat(Files.readString(out.resolve("tournament.json"))).contains(jar.toAbsolutePath().normalize().toString()
                .replace("\\", "\\\\"));
    }

    /*
     * In a JVM of its own, since the environment of this one cannot be changed: without --agents the
     * paths in PARLEY_AGENTS are loaded; --agents wins over them; a bad path there is named as theirs.
     */
    @Test
    void theEnvironmentVariableLoadsPluginsWhenNoOptionIsGiven() throws Exception {
        Process fromEnvironment = parley(jar.toString(), "strategies");
        String listed = new String(fromEnvironment.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fromEnvironment.waitFor()).as(listed).isZero();
        assertThat(listed).contains("From " + jar.toAbsolutePath().normalize() + ":", "sleeper", "millis=400");

        Path missing = dir.resolve("gone.jar");
        Process bad = parley(missing.toString(), "strategies");
        String error = new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bad.waitFor()).isEqualTo(2);
        assertThat(error).contains("PARLEY_AGENTS", "gone.jar", "does not exist").doesNotContain("--agents:");

        Process option = parley(missing.toString(), "strategies", "--agents", jar.toString());
        String overridden = new String(option.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(option.waitFor()).isZero();
        assertThat(overridden).contains("sleeper");
    }

    /** parley in a new JVM with PARLEY_AGENTS set to {@code agents}. */
    private static Process parley(String agents, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ParleyCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(AgentsOption.ENV, agents);
        return builder.start();
    }

    @Test
    void theServersAiSeatsPlayAPluginsStrategy() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread serving = new Thread(() -> ParleyCommand.execute(new String[] {"serve", "--port", "0", "--db",
                dir.resolve("served.db").toString(), "--agents", jar.toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true)));
        serving.start();
        try {
            Matcher address = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher("");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!address.reset(out.toString()).find()) {
                assertThat(System.nanoTime()).as("the server did not start: " + err).isLessThan(deadline);
                Thread.sleep(50);
            }
            HttpClient client = HttpClient.newHttpClient();
            String template = "{\"scenario\": \"cardassian-talks\", \"deadline\": {\"rounds\": 6}, \"parties\":"
                    + " {\"federation\": {\"player\": \"ai\", \"strategy\": \"%s\"}}}";
            URI create = URI.create("http://127.0.0.1:" + address.group(1) + "/api/negotiations");
            HttpResponse<String> plugin = client.send(HttpRequest.newBuilder(create).header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(template.formatted("fair"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plugin.statusCode()).as(plugin.body()).isEqualTo(201);
            HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(create).header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(template.formatted("unfair"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("parties.federation.strategy", "unfair");
        } finally {
            serving.interrupt();
            serving.join(30_000);
        }
    }

    @Test
    void runPlaysAPluginsStrategy() {
        CliRunner run = CliRunner.run("run", TALKS, "--agents", jar.toString(), "--strategy", "federation=fair",
                "--no-record");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("fair");
    }
}
