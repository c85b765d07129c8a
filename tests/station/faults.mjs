// Registry of the faults that last a while ("durable" faults): zombie, no-ack, no-welcome, refuse,
// graphql and audio (stall/404/503). One-shot faults (drop, malformed, restart, ...) are carried
// out by control.mjs at once and only logged here.
//
// A durable fault lasts `durationMs`, or `count` uses (graphql, audio 404/503), or until cleared.

import { EventEmitter } from "node:events";

/**
 * @typedef {object} Fault
 * @property {number} id
 * @property {string} type
 * @property {"jpop"|"kpop"} [station] only this station (default: both)
 * @property {string} [mount] only this audio mount (default: all)
 * @property {string} [mode] graphql / audio mode
 * @property {number|null} until epoch ms, or null = until cleared
 * @property {number|null} remaining uses left, or null = unlimited
 * @property {number} since
 * @property {Record<string, unknown>} params everything else that was posted
 */

export class Faults extends EventEmitter {
  constructor() {
    super();
    this.nextId = 1;
    /** @type {Fault[]} */
    this.active = [];
    /** @type {{type:string, at:number, params:object}[]} */
    this.history = [];
    this.timers = new Map();
  }

  /** Registers a durable fault. */
  add({ type, station, mount, mode, durationMs, count, ...params }) {
    const now = Date.now();
    /** @type {Fault} */
    const fault = {
      id: this.nextId++,
      type,
      station,
      mount,
      mode,
      since: now,
      until: durationMs != null ? now + durationMs : null,
      remaining: count != null ? count : null,
      params,
    };
    this.active.push(fault);
    this.record(type, { station, mount, mode, durationMs, count, ...params });
    if (durationMs != null) {
      const timer = setTimeout(() => this.remove(fault), durationMs);
      timer.unref?.();
      this.timers.set(fault.id, timer);
    }
    this.emit("added", fault);
    return fault;
  }

  record(type, params) {
    this.history.push({ type, at: Date.now(), params });
    if (this.history.length > 200) this.history.shift();
  }

  /**
   * The newest active fault of a type that applies to a station / mount / mode, if any.
   * @param {string} type
   * @param {{station?: string, mount?: string, mode?: string}} [scope]
   */
  find(type, scope = {}) {
    const now = Date.now();
    for (let i = this.active.length - 1; i >= 0; i--) {
      const f = this.active[i];
      if (f.type !== type) continue;
      if (f.until != null && f.until <= now) {
        this.remove(f);
        continue;
      }
      if (f.station && scope.station && f.station !== scope.station) continue;
      if (f.mount && scope.mount && f.mount !== scope.mount) continue;
      if (scope.mode && f.mode !== scope.mode) continue;
      return f;
    }
    return undefined;
  }

  has(type, scope) {
    return this.find(type, scope) !== undefined;
  }

  /** Uses one of a count-limited fault's uses. */
  consume(fault) {
    if (fault.remaining == null) return;
    fault.remaining--;
    if (fault.remaining <= 0) this.remove(fault);
  }

  remove(fault) {
    const index = this.active.indexOf(fault);
    if (index < 0) return;
    this.active.splice(index, 1);
    clearTimeout(this.timers.get(fault.id));
    this.timers.delete(fault.id);
    this.emit("removed", fault);
  }

  /** Clears all faults, or those matching `{id}` / `{type}`. Returns how many were cleared. */
  clear(filter = {}) {
    const doomed = this.active.filter(
      (f) => (filter.id == null || f.id === filter.id) && (filter.type == null || f.type === filter.type),
    );
    for (const f of doomed) this.remove(f);
    return doomed.length;
  }

  /** Active faults as plain JSON. */
  list() {
    const now = Date.now();
    for (const f of [...this.active]) if (f.until != null && f.until <= now) this.remove(f);
    return this.active.map((f) => ({ ...f }));
  }
}
