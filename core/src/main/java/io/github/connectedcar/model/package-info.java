/**
 * The read-side model: immutable, typed views of what Ford reports about an account's vehicles.
 *
 * <ul>
 *   <li>{@link io.github.connectedcar.model.Vehicle} — one vehicle of the account (VIN, nickname, model, engine type,
 *       capabilities), joined from the dashboard's details, profile and capability sections.</li>
 *   <li>{@link io.github.connectedcar.model.VehicleStatus} — one telemetry snapshot, with typed getters returning
 *       {@link io.github.connectedcar.model.Measurement}s (value, {@link io.github.connectedcar.model.Unit}, time measured) and raw
 *       access to every metric, event and state.</li>
 * </ul>
 *
 * <p>Nothing here is fatal on odd data: a value that is missing or of the wrong type makes its getter empty, and
 * values Ford may extend ({@link io.github.connectedcar.model.EngineType}, {@link io.github.connectedcar.model.Capability},
 * {@link io.github.connectedcar.model.PlugStatus}, {@link io.github.connectedcar.model.ChargeDisplayStatus},
 * {@link io.github.connectedcar.model.CommandState}) are {@link io.github.connectedcar.model.OpenValue open value types} that keep
 * unknown strings as they came and all match by one rule. Every type is immutable and safe to share between threads.
 */
package io.github.connectedcar.model;
