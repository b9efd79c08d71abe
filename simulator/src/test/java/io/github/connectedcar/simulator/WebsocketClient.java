package io.github.connectedcar.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.github.connectedcar.simulator.internal.http.Json;
import tools.jackson.databind.JsonNode;

/** A test websocket (java.net.http) that queues every text frame it receives and records how it ended. */
final class WebsocketClient implements WebSocket.Listener {

    /** What ends a wait for a frame that never comes. */
    static final Duration WAIT = Duration.ofSeconds(5);

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static WebsocketClient connect(HttpClient http, String wsBase, String vin, String tmc) {
        WebsocketClient client = new WebsocketClient();
        client.socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + tmc)
            .buildAsync(URI.create(wsBase + "/v1beta/telemetry/sources/fordpass/vehicles/" + vin + "/ws"), client)
            .orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        ended.complete("close " + statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        ended.complete("error " + error);
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /**
     * The next frame matching the condition (earlier ones are skipped), waiting at most {@link #WAIT}.
     *
     * @throws AssertionError when none arrives in time
     */
    JsonNode next(Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String frame = frames.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("No matching websocket frame within " + WAIT);
            }
            JsonNode json = Json.parse(frame);
            if (condition.test(json)) {
                return json;
            }
        }
    }

    /** Frames received so far and not yet taken. */
    BlockingQueue<String> pending() {
        return frames;
    }

    /** How the socket ended ("close <code>" or "error …"), waiting at most {@link #WAIT}. */
    String awaitEnd() {
        return ended.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    void abort() {
        socket.abort();
    }
}
