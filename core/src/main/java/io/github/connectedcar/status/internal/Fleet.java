package io.github.connectedcar.status.internal;

import io.github.connectedcar.model.VehicleStatus;
import io.github.connectedcar.status.FleetOptions;
import io.github.connectedcar.status.FleetStatus;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Function;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;
import reactor.util.context.Context;

/**
 * Many cars' status streams as one {@code Flux}, opened gently: a car starts opening at most every
 * {@link FleetOptions#openInterval()}, at most {@link FleetOptions#maxOpening()} are opening at a time, and once a
 * car has its first status (or error) it no longer counts against that bound. A car's error becomes a
 * {@link FleetStatus#failed} item and ends only that car.
 *
 * <p>Each car is one small subscriber that keeps its car's latest status until the fleet's single, serialized
 * downstream takes it: a downstream slower than the cars gets each car's latest status, never a backlog (each
 * status is the car's whole state). Nothing per car but that subscriber: at fleet scale every object per car counts.
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
        List<String> cars = List.copyOf(vins);
        return new Flux<>() {
            @Override
            public void subscribe(CoreSubscriber<? super FleetStatus> actual) {
                Main main = new Main(actual, cars, options, perCar);
                actual.onSubscribe(main);
                main.openMore();
            }
        };
    }

    /** One subscription to the fleet stream. */
    private static final class Main implements Subscription {
        private static final AtomicLongFieldUpdater<Main> REQUESTED =
            AtomicLongFieldUpdater.newUpdater(Main.class, "requested");
        private static final AtomicIntegerFieldUpdater<Main> WIP =
            AtomicIntegerFieldUpdater.newUpdater(Main.class, "wip");
        private static final AtomicIntegerFieldUpdater<Main> OPENING_WIP =
            AtomicIntegerFieldUpdater.newUpdater(Main.class, "openingWip");
        private static final AtomicIntegerFieldUpdater<Main> LIVE =
            AtomicIntegerFieldUpdater.newUpdater(Main.class, "live");

        private final CoreSubscriber<? super FleetStatus> actual;
        private final List<String> vins;
        private final FleetOptions options;
        private final Function<String, Flux<VehicleStatus>> perCar;
        private final Car[] cars;
        /** Cars with something to hand on (a status, an error or their end). */
        private final Queue<Car> ready = Queues.<Car>unboundedMultiproducer().get();

        private volatile long requested;
        private volatile int wip;
        private volatile int openingWip;
        private volatile boolean cancelled;
        /** Cars opened and not ended. */
        private volatile int live;
        private volatile boolean allOpened;
        private boolean done;

        // Guarded by this.
        private int next;
        private int opening;
        private long lastOpenAt;
        private Disposable openTimer;

        Main(CoreSubscriber<? super FleetStatus> actual, List<String> vins, FleetOptions options,
             Function<String, Flux<VehicleStatus>> perCar) {
            this.actual = actual;
            this.vins = vins;
            this.options = options;
            this.perCar = perCar;
            this.cars = new Car[vins.size()];
        }

        /** Opens the cars that may open now, and arms a timer for the next one when it must wait. */
        void openMore() {
            if (OPENING_WIP.getAndIncrement(this) != 0) {
                return; // the running loop goes round once more
            }
            int missed = 1;
            do {
                Car car;
                while ((car = nextToOpen()) != null) {
                    perCar.apply(car.vin).subscribe(car);
                }
                missed = OPENING_WIP.addAndGet(this, -missed);
            } while (missed != 0);
            drain();
        }

        private synchronized Car nextToOpen() {
            if (cancelled || next == vins.size() || opening >= options.maxOpening() || openTimer != null) {
                allOpened = next == vins.size();
                return null;
            }
            long interval = options.openInterval().toMillis();
            long now = Schedulers.parallel().now(TimeUnit.MILLISECONDS);
            if (next > 0 && interval > 0 && now < lastOpenAt + interval) {
                openTimer = Schedulers.parallel().schedule(this::openTimerFired, lastOpenAt + interval - now,
                    TimeUnit.MILLISECONDS);
                return null;
            }
            lastOpenAt = now;
            opening++;
            LIVE.incrementAndGet(this);
            Car car = new Car(this, vins.get(next));
            cars[next++] = car;
            return car;
        }

        private void openTimerFired() {
            synchronized (this) {
                openTimer = null;
            }
            openMore();
        }

        /** A car had its first status or error, or ended: it no longer counts as opening. */
        void opened() {
            synchronized (this) {
                opening--;
            }
            openMore();
        }

        void ready(Car car) {
            ready.offer(car);
            drain();
        }

        @Override
        public void request(long n) {
            if (Operators.validate(n)) {
                Operators.addCap(REQUESTED, this, n);
                drain();
            }
        }

        @Override
        public void cancel() {
            if (cancelled) {
                return;
            }
            cancelled = true;
            Disposable timer;
            Car[] opened;
            synchronized (this) {
                timer = openTimer;
                opened = cars.clone();
            }
            if (timer != null) {
                timer.dispose();
            }
            for (Car car : opened) {
                if (car != null) {
                    car.cancel();
                }
            }
            if (WIP.getAndIncrement(this) == 0) {
                ready.clear();
            }
        }

        /** Hands on what the cars have, as far as the downstream asked. Serialized. */
        void drain() {
            if (WIP.getAndIncrement(this) != 0) {
                return;
            }
            int missed = 1;
            do {
                long handedOn = 0;
                long wanted = requested;
                while (!cancelled && !done) {
                    Car car = ready.peek();
                    if (car == null) {
                        if (allOpened && live == 0) {
                            done = true;
                            actual.onComplete();
                        }
                        break;
                    }
                    if (car.pending != null && handedOn == wanted) {
                        break;
                    }
                    ready.poll();
                    car.queued = false; // before taking: a status coming now queues the car again
                    FleetStatus item = Car.PENDING.getAndSet(car, null);
                    if (item != null) {
                        handedOn++;
                        actual.onNext(item);
                    }
                    if (car.ended && !car.counted && car.pending == null) {
                        car.counted = true;
                        LIVE.decrementAndGet(this);
                    }
                }
                if (cancelled) {
                    ready.clear();
                }
                if (handedOn > 0 && wanted != Long.MAX_VALUE) {
                    REQUESTED.addAndGet(this, -handedOn);
                }
                missed = WIP.addAndGet(this, -missed);
            } while (missed != 0);
        }
    }

    /** One car of the fleet: keeps its latest status (or error) until it is handed on. */
    private static final class Car implements CoreSubscriber<VehicleStatus> {
        static final AtomicReferenceFieldUpdater<Car, FleetStatus> PENDING =
            AtomicReferenceFieldUpdater.newUpdater(Car.class, FleetStatus.class, "pending");

        private final Main main;
        private final String vin;
        private volatile Subscription subscription;
        /** What to hand on next: the latest status, or the error. */
        volatile FleetStatus pending;
        /** Whether the car is in the fleet's queue of cars with something to hand on. */
        volatile boolean queued;
        volatile boolean ended;
        /** Counted off the fleet's live cars (by the hand-on loop only). */
        boolean counted;
        private boolean heard;

        Car(Main main, String vin) {
            this.main = main;
            this.vin = vin;
        }

        @Override
        public Context currentContext() {
            return main.actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (Operators.validate(subscription, s)) {
                subscription = s;
                if (main.cancelled) {
                    s.cancel();
                } else {
                    s.request(Long.MAX_VALUE);
                }
            }
        }

        @Override
        public void onNext(VehicleStatus status) {
            pending = FleetStatus.of(vin, status);
            firstHeard();
            ready();
        }

        @Override
        public void onError(Throwable error) {
            pending = FleetStatus.failed(vin, error);
            ended = true;
            firstHeard();
            ready();
        }

        @Override
        public void onComplete() {
            ended = true;
            firstHeard();
            ready();
        }

        private void ready() {
            if (!queued) {
                queued = true;
                main.ready(this);
            } else {
                main.drain(); // already queued: a downstream that waited may take it now
            }
        }

        private void firstHeard() {
            if (!heard) {
                heard = true;
                main.opened();
            }
        }

        void cancel() {
            Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
