/**
 * The read-side model: immutable, typed views of what Ford reports about an account's vehicles.
 *
 * <ul>
 *   <li>{@link io.connectedcar.model.Vehicle} — one vehicle of the account (VIN, nickname, model, engine type,
 *       capabilities), joined from the dashboard's details, profile and capability sections.</li>
 *   <li>{@link io.connectedcar.model.VehicleStatus} — one telemetry snapshot, with typed getters returning
 *       {@link io.connectedcar.model.Measurement}s (value, {@link io.connectedcar.model.Unit}, time measured) and raw
 *       access to every metric, event and state.</li>
 * </ul>
 *
 * <p>Nothing here is fatal on odd data: a value that is missing or of the wrong type makes its getter empty, and
 * values Ford may extend ({@link io.connectedcar.model.EngineType}, {@link io.connectedcar.model.Capability},
 * {@link io.connectedcar.model.PlugStatus}, {@link io.connectedcar.model.ChargeDisplayStatus},
 * {@link io.connectedcar.model.CommandState}) are {@link io.connectedcar.model.OpenValue open value types} that keep
 * unknown strings as they came and all match by one rule. Every type is immutable and safe to share between threads.
 */
package io.connectedcar.model;
