package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @TempDir
    Path folder;

    @Test
    void servesTheApiAndThePagesUntilStopped() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        String db = folder.resolve("records.db").toString();
        Thread serving = new Thread(() -> code.set(ParleyCommand.execute(new String[] {"serve", "--port", "0", "--db", db},
                new PrintWriter(out, true), new PrintWriter(err, true))));
        serving.start();
        Pattern url = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");
        Matcher matcher = url.matcher("");
        for (int i = 0; i < 1200 && !matcher.reset(out.toString()).find(); i++) {
            Thread.sleep(50);
        }
        assertThat(out.toString()).as(err.toString()).contains("Parley is serving on").contains(db);
        String base = "http://127.0.0.1:" + matcher.group(1);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"");
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Set up a negotiation");
        serving.interrupt();
        serving.join(10_000);
        assertThat(code.get()).isZero();
    }

    @Test
    void onTheNetworkItMakesAnOrganizerKeyAndPrintsIt() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String db = folder.resolve("network.db").toString();
        Thread serving = new Thread(() -> ParleyCommand.execute(new String[] {"serve", "--host", "0.0.0.0", "--port",
                "0", "--db", db}, new PrintWriter(out, true), new PrintWriter(err, true)));
        serving.start();
        Pattern page = Pattern.compile("Organizer's page: http://localhost:(\\d+)/organizer#(\\S+)");
        Matcher matcher = page.matcher("");
        for (int i = 0; i < 1200 && !matcher.reset(out.toString()).find(); i++) {
            Thread.sleep(50);
        }
        assertThat(matcher.find(0)).as(out + " " + err).isTrue();
        String base = "http://127.0.0.1:" + matcher.group(1);
        String key = matcher.group(2);
        assertThat(out.toString()).contains("Organizer key (needed to set up negotiations; keep it for this run): " + key);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String body = "{\"scenario\": \"cardassian-talks\", \"deadline\": {\"rounds\": 4}}";
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(base + "/api/negotiations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> organized = client.send(HttpRequest.newBuilder(URI.create(base + "/api/negotiations"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(organized.statusCode()).as(organized.body()).isEqualTo(201);
        serving.interrupt();
        serving.join(10_000);
    }

    /*
     * In a process of its own, since slf4j-simple reads its level once per JVM: by default nothing
     * is logged (warnings and errors only); with --verbose, the libraries' information and each
     * request, on standard error only, and a request's query (which can hold a token) never.
     */
    @Test
    void logsOnlyWarningsUnlessVerboseAndOnlyOnStandardError() throws Exception {
        Served quiet = serve("serve", "--port", "0", "--db", folder.resolve("quiet.db").toString());
        assertThat(quiet.out()).startsWith("Parley is serving on").hasLineCount(1);
        assertThat(quiet.err()).isEmpty();
        Served verbose = serve("--verbose", "serve", "--port", "0", "--db", folder.resolve("verbose.db").toString());
        assertThat(verbose.out()).startsWith("Parley is serving on").hasLineCount(1);
        assertThat(verbose.err()).contains("[INFO] ParleyServer - serving on 127.0.0.1:")
                .contains("[INFO] ParleyServer - GET /api/health 200 ").contains("[INFO] DbMigrate - ")
                .doesNotContain("secret-token");
        assertThat(serve("serve", "--verbose", "--port", "0", "--db", folder.resolve("again.db").toString()).err())
                .contains("[INFO] ParleyServer - GET /api/health 200 ");
    }

    private record Served(String out, String err) {}

    /** Runs parley with these arguments in a new JVM, asks for /api/health once, and stops it as Ctrl-C would. */
    private Served serve(String... args) throws Exception {
        Path out = folder.resolve("out-" + System.nanoTime());
        Path err = folder.resolve("err-" + System.nanoTime());
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ParleyCommand.class.getName()));
        command.addAll(java.util.List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            Matcher matcher = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher("");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!matcher.reset(java.nio.file.Files.readString(out)).find()) {
                assertThat(process.isAlive()).as(java.nio.file.Files.readString(err)).isTrue();
                assertThat(System.nanoTime()).as("the server took a minute to start").isLessThan(deadline);
                Thread.sleep(50);
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + matcher.group(1) + "/api/health?token=secret-token")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            process.destroy(); // SIGTERM: the shutdown hook closes the server and the store
            process.waitFor();
        }
        return new Served(java.nio.file.Files.readString(out), java.nio.file.Files.readString(err));
    }

    @Test
    void aBadPortIsTheUsersOneLineError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCommand.execute(new String[] {"serve", "--port", "70000", "--db",
                folder.resolve("x.db").toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: --port: (70000)").doesNotContain("Exception");
    }
}
