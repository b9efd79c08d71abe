package io.github.connectedcar.service;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.VehicleAsyncClient;
import io.github.connectedcar.command.CommandFlux;
import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.service.Views.ProgressView;
import io.github.connectedcar.service.Views.ResultView;
import io.github.connectedcar.service.Views.StatusView;
import io.github.connectedcar.service.Views.VehicleView;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The account's cars: the list, each car's status (once, or as server-sent events), every car's status in one
 * stream, and commands with their progress. Nothing is called before a request subscribes, and a client that goes
 * away cancels its subscription: the car's one shared websocket closes when its last listener leaves.
 */
@RestController
@RequestMapping("/api")
class VehiclesController {
    private static final Logger LOG = LoggerFactory.getLogger(VehiclesController.class);

    /** The commands the service offers, by the name in the URL. */
    private static final Map<String, Function<VehicleAsyncClient, CommandFlux>> COMMANDS = Map.of(
        "start", VehicleAsyncClient::start,
        "stop", VehicleAsyncClient::stop,
        "lock", VehicleAsyncClient::lock,
        "unlock", VehicleAsyncClient::unlock,
        "refresh", VehicleAsyncClient::refreshStatus,
        "start-charging", VehicleAsyncClient::startCharging,
        "stop-charging", VehicleAsyncClient::stopCharging);

    private final ConnectedCarAsyncClient client;

    VehiclesController(ConnectedCarAsyncClient client) {
        this.client = client;
    }

    @GetMapping("/vehicles")
    Mono<List<VehicleView>> vehicles() {
        return client.vehicles().map(VehicleView::of).collectList();
    }

    @GetMapping("/vehicles/{vin}/status")
    Mono<StatusView> status(@PathVariable String vin) {
        return Mono.defer(() -> vehicle(vin).status()).map(status -> StatusView.of(vin, status));
    }

    /** One {@code status} event per snapshot: the current status first, then each change. */
    @GetMapping(path = "/vehicles/{vin}/status/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<StatusView>> statusStream(@PathVariable String vin) {
        return Flux.defer(() -> vehicle(vin).statusUpdates()).map(status -> statusEvent(vin, status));
    }

    /**
     * Every car of the account in one stream: {@code status} events (each names its car), and an {@code error} event
     * for a car whose stream failed, which does not end the others.
     */
    @GetMapping(path = "/fleet/status/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<?>> fleetStream() {
        return fleetStatus(client);
    }

    /**
     * The SDK's fleet stream as events: its connections bounded and its opens spread in time by
     * {@link ConnectedCarAsyncClient#fleetStatus()}; a car that failed becomes an {@code error} event naming it.
     */
    static Flux<ServerSentEvent<?>> fleetStatus(ConnectedCarAsyncClient client) {
        return client.fleetStatus().map(car -> {
            if (!car.isError()) {
                return statusEvent(car.vin(), car.status());
            }
            LOG.warn("The status stream of {} failed: {}", car.vin(), car.error().getMessage());
            ProblemDetail problem = Problems.of(car.error());
            problem.setProperty("vin", car.vin());
            return ServerSentEvent.builder(problem).event("error").build();
        });
    }

    private static ServerSentEvent<?> errorEvent(Throwable error) {
        return ServerSentEvent.builder(Problems.of(error)).event("error").build();
    }

    private static ServerSentEvent<StatusView> statusEvent(String vin, VehicleStatus status) {
        return ServerSentEvent.builder(StatusView.of(vin, status)).event("status").build();
    }

    /**
     * Sends a command and streams its progress: a {@code progress} event per step, then a {@code result} event, or
     * an {@code error} event holding the problem (409 with Ford's reason when the car refused). A command Ford did
     * not accept is answered with the problem's status instead of a stream.
     */
    @PostMapping(path = "/vehicles/{vin}/commands/{command}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<?>> commandWithProgress(@PathVariable String vin, @PathVariable String command) {
        return Flux.defer(() -> {
            CommandFlux sent = send(vin, command);
            Flux<ServerSentEvent<?>> steps = sent.map(step -> ServerSentEvent.builder(ProgressView.of(step))
                .event("progress").build());
            Mono<ServerSentEvent<?>> result = sent.result()
                .map(done -> ServerSentEvent.builder(ResultView.of(done)).event("result").build());
            // Until Ford accepted the command its error is the response's status; after that, an event.
            return steps.switchOnFirst((first, all) -> !first.hasValue() ? all : all.concatWith(result)
                .onErrorResume(error -> Mono.just(errorEvent(error))));
        });
    }

    /** Sends a command and answers its result once the car carried it out, or the problem (409 when refused). */
    @PostMapping(path = "/vehicles/{vin}/commands/{command}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResultView> command(@PathVariable String vin, @PathVariable String command) {
        return Mono.defer(() -> send(vin, command).result()).map(ResultView::of);
    }

    private CommandFlux send(String vin, String command) {
        Function<VehicleAsyncClient, CommandFlux> action = COMMANDS.get(command.toLowerCase(Locale.ROOT));
        if (action == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No command '" + command + "'; the service "
                + "offers " + String.join(", ", COMMANDS.keySet().stream().sorted().toList()) + ".");
        }
        return action.apply(vehicle(vin));
    }

    /** The client of a car; a VIN that cannot be one is an unknown car. */
    private VehicleAsyncClient vehicle(String vin) {
        try {
            return client.vehicle(vin);
        } catch (IllegalArgumentException notAVin) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, notAVin.getMessage());
        }
    }
}
