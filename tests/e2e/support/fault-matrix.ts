/**
 * Measuring the fault matrix: a watcher that samples the page and the station side by side, and the
 * table of rows (fault → what the user sees → recovery time) the matrix prints and saves.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Page } from "playwright-core";
import {
  maxOpenSockets,
  normalizeStatus,
  readScreen,
  type Screen,
  type StationApi,
  screenMatches,
  sleep,
} from "../../soak/observe.mjs";
import type { StationState } from "../../station/server.mjs";

export interface Sample {
  /** Node's clock (the page's may be faked). */
  at: number;
  screen: Screen;
  state: StationState;
}

type Check = (sample: Sample) => boolean;

/** Samples page and station every `intervalMs` until stopped; waits and measurements read the samples. */
export class Watcher {
  readonly samples: Sample[] = [];
  private stopped = false;
  private waiters = new Set<() => void>();
  private readonly loop: Promise<void>;

  constructor(
    private readonly page: Page,
    private readonly station: StationApi,
    private readonly intervalMs = 100,
  ) {
    this.loop = this.run();
  }

  private async run() {
    while (!this.stopped) {
      try {
        const [screen, state] = await Promise.all([readScreen(this.page), this.station.state()]);
        this.samples.push({ at: Date.now(), screen, state });
        for (const wake of this.waiters) wake();
      } catch {
        // The station is restarting or the page is navigating: try again on the next tick.
      }
      await sleep(this.intervalMs);
    }
  }

  async stop() {
    this.stopped = true;
    await this.loop;
  }

  get latest(): Sample | undefined {
    return this.samples.at(-1);
  }

  /** Resolves with the first sample taken after `since` that passes `check`; fails after `timeoutMs`. */
  until(check: Check, message: string, timeoutMs: number, since = Date.now()): Promise<Sample> {
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const wake = () => {
        const hit = this.samples.find((s) => s.at >= since && check(s));
        if (!hit) return;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(hit);
      };
      timer = setTimeout(() => {
        this.waiters.delete(wake);
        const last = this.latest;
        reject(
          new Error(
            `Timed out after ${timeoutMs} ms: ${message}. Last screen: ${JSON.stringify(last?.screen)}; station: ${JSON.stringify(
              last && {
                jpop: last.state.stations.jpop.song.title,
                kpop: last.state.stations.kpop.song.title,
              },
            )}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(wake);
      wake();
    });
  }

  /** Time from `since` until the screen matches the station and says Live (and `extra` holds). */
  async recovery(since: number, timeoutMs: number, extra: Check = () => true): Promise<number> {
    const hit = await this.until(
      (s) => screenMatches(s.screen, s.state) && extra(s),
      "the screen shows the station's current song and says Live",
      timeoutMs,
      since,
    );
    return hit.at - since;
  }

  /** Fails if `check` is false for any sample in the next `ms`. */
  async holds(check: Check, message: string, ms: number) {
    const since = Date.now();
    await sleep(ms);
    const bad = this.samples.find((s) => s.at >= since && !check(s));
    if (bad) throw new Error(`${message}: ${JSON.stringify(bad.screen)}`);
  }

  /** The connection statuses shown since `since`, in order, without repeats or countdown numbers. */
  statusesSince(since: number): string[] {
    return runs(this.samples.filter((s) => s.at >= since).map((s) => normalizeStatus(s.screen.connection)));
  }

  /** The player's status lines shown since `since`, in order, without repeats. */
  playerSince(since: number): string[] {
    return runs(this.samples.filter((s) => s.at >= since).map((s) => s.screen.player));
  }

  /**
   * The longest unbroken stretch during which the player said "Playing" while the audio clock stood
   * still: "Playing" over silence. Measured between samples, so accurate to about one interval.
   */
  playingOverSilenceMs(since: number): number {
    let lastTime = -1;
    let lastAdvanceAt = since;
    let playingSince: number | null = null;
    let worst = 0;
    for (const { at, screen } of this.samples.filter((s) => s.at >= since)) {
      const time = screen.audio?.currentTime ?? 0;
      playingSince = screen.player === "Playing" ? (playingSince ?? at) : null;
      if (time > lastTime + 0.01) {
        lastTime = time;
        lastAdvanceAt = at;
      } else if (time < lastTime - 0.01) {
        // A reload restarts the clock at zero: a new baseline, not progress.
        lastTime = time;
      } else if (playingSince !== null) {
        worst = Math.max(worst, at - Math.max(lastAdvanceAt, playingSince));
      }
    }
    return worst;
  }

  /** The gateway socket the station had open at time `at`, from its connection log. */
  socketOpenAt(at: number, sample = this.latest) {
    const open = sample?.state.connections.filter(
      (c) => Date.parse(c.openedAt) < at && (c.closedAt === null || Date.parse(c.closedAt) >= at),
    );
    return open?.at(-1);
  }

  /** Gateway sockets the station saw opened since `since`. */
  socketsOpenedSince(since: number, sample = this.latest): number {
    return sample ? sample.state.connections.filter((c) => Date.parse(c.openedAt) >= since).length : 0;
  }

  /** The most sockets the station had open at once since `since` (closing handshakes excepted). */
  maxSocketsSince(since: number): number {
    const last = this.latest;
    return last ? maxOpenSockets(last.state.connections, { since }) : 0;
  }
}

function runs(values: string[]): string[] {
  return values.filter((value, i) => i === 0 || value !== values[i - 1]);
}

export interface MatrixRow {
  fault: string;
  /** What the person sees, in words, then the statuses observed on screen. */
  sees: string;
  /** Fault injected → screen matches the station's current song and says Live (or the row's own end). */
  recoveryMs: number | null;
  /** How long the fault itself lasted, when it lasts. */
  faultMs?: number;
  /** What the recovery time measures, when it is not "fault injected → Live and matching". */
  measured?: string;
}

/** The matrix's rows in test order, printed as a table and written as JSON at the end. */
export class MatrixTable {
  readonly rows: MatrixRow[] = [];

  add(row: MatrixRow) {
    this.rows.push(row);
  }

  markdown(): string {
    const lines = [
      "| fault | what the user sees | recovery (ms) |",
      "| --- | --- | ---: |",
      ...this.rows.map(
        (r) =>
          `| ${r.fault}${r.faultMs ? ` (fault lasts ${r.faultMs} ms)` : ""} | ${r.sees} | ${
            r.recoveryMs === null ? "—" : Math.round(r.recoveryMs)
          }${r.measured ? ` (${r.measured})` : ""} |`,
      ),
    ];
    return lines.join("\n");
  }

  write(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(
      path,
      `${JSON.stringify({ measuredAt: new Date().toISOString(), rows: this.rows }, null, 2)}\n`,
    );
  }
}

/** "Live → Reconnecting in N s → Live" from the statuses seen. */
export function sequence(statuses: string[]): string {
  return statuses.map((s) => (s === "" ? "(none)" : s)).join(" → ");
}
