package io.github.connectedcar.status.internal;

import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.status.FleetOptions;
import io.github.connectedcar.status.FleetStatus;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Many cars' status streams as one {@code Flux}, opened gently: a car starts opening at most every
 * {@link FleetOptions#openInterval()}, at most {@link FleetOptions#maxOpening()} are opening at a time, and once a
 * car has its first status (or error) it no longer counts against that bound. A car's error becomes a
 * {@link FleetStatus#failed} item and ends only that car.
 */
public final class Fleet {
    private Fleet() {
    }

    /**
     * The fleet stream. Lazy; cancelling it cancels every car's stream. Completes when every car's stream has
     * ended (status streams do not end by themselves, so in practice only when all cars failed).
     *
     * @param perCar a car's status stream
     */
    public static Flux<FleetStatus> of(List<String> vins, FleetOptions options,
                                       Function<String, Flux<VehicleStatus>> perCar) {
        return Flux.defer(() -> {
            Sinks.Many<Flux<FleetStatus>> cars = Sinks.many().unicast().onBackpressureBuffer();
            Flux<Void> opening = Flux.fromIterable(vins)
                .index()
                .concatMap(indexed -> indexed.getT1() == 0 || options.openInterval().isZero()
                    ? Mono.just(indexed.getT2())
                    : Mono.delay(options.openInterval()).thenReturn(indexed.getT2()), 1)
                .flatMap(vin -> {
                    Sinks.Empty<Void> opened = Sinks.empty();
                    Flux<FleetStatus> car = perCar.apply(vin)
                        .map(status -> FleetStatus.of(vin, status))
                        .onErrorResume(error -> Mono.just(FleetStatus.failed(vin, error)))
                        .doOnEach(signal -> opened.tryEmitEmpty())
                        .doFinally(signal -> opened.tryEmitEmpty());
                    // Only the source emits into the sink (serially): emitNext cannot fail but for cancellation.
                    cars.tryEmitNext(car);
                    return opened.asMono();
                }, options.maxOpening())
                .doOnComplete(cars::tryEmitComplete);
            // One item in flight per car: a car's inner queue (created when two cars emit at once and kept for the
            // car's life) then holds one slot, not 32; each car's stream replays to it without loss.
            return Flux.merge(cars.asFlux().flatMap(Function.identity(), Integer.MAX_VALUE, 1),
                opening.then(Mono.empty()));
        });
    }
}
