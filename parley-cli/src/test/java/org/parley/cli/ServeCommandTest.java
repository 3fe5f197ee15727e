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
        for (int i = 0; i < 200 && !matcher.reset(out.toString()).find(); i++) {
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
    void aBadPortIsTheUsersOneLineError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCommand.execute(new String[] {"serve", "--port", "70000", "--db",
                folder.resolve("x.db").toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: --port: (70000)").doesNotContain("Exception");
    }
}
