/**
 * The fault matrix: every way the station can misbehave, one test each, each measuring the time from
 * the fault to a screen that shows the station's current song and says "Live". Every row also checks
 * that the page threw nothing and that the station never saw two gateway sockets open at once.
 * The measured table is printed at the end and saved to test-results/fault-matrix.json.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { accountMessages } from "../../src/features/auth/account-messages";
import { BUFFERING_AFTER_MS, WATCHDOG_TICK_MS } from "../../src/features/player/audio-timing";
import { errorMessages } from "../../src/lib/error-messages";
import { GRAPHQL_TIMEOUT_MS } from "../../src/lib/graphql-client";
import { type StationApi, sleep, stationApi, stationUp } from "../soak/observe.mjs";
import { closePlayers, launchBrowser, openPlayer, type PlayerPage } from "./support/browser";
import { MatrixTable, type Sample, sequence, Watcher } from "./support/fault-matrix";
import { countGatewayFrames, pageHandledFrames } from "./support/gateway-frames";
import { logInAsKana } from "./support/login";
import { eventually } from "./support/station";

const appUrl = inject("appUrl");
const station: StationApi = stationApi(inject("stationUrl"));
const table = new MatrixTable();
const RESULTS = "test-results/fault-matrix.json";

/** The station's defaults, restored after every row. */
const STATION_DEFAULTS = {
  heartbeatMs: 35_000,
  heartbeatTimeoutMs: null,
  audioBurstBytes: 64 * 1024,
  audioBurstSeconds: 3,
  graphqlHangMs: 30_000,
};
/** Heartbeat for rows where heartbeat timing matters: zombies show within seconds. */
const FAST_HEARTBEAT_MS = 2_000;
/** The watchdog's window: no audio progress for this long must turn "Playing" into "Buffering…". */
const SILENCE_BOUND_MS = BUFFERING_AFTER_MS + WATCHDOG_TICK_MS + 1_000;
const KANA = { username: "kana", password: "kana-password", displayName: "Kana" };

let browser: Browser;
let watcher: Watcher | undefined;
let testStart = 0;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (table.rows.length === 0) return;
  table.write(RESULTS);
  console.log(`\nFault matrix (measured, ${new Date().toISOString()}):\n${table.markdown()}\n`);
});
beforeEach(async () => {
  testStart = Date.now();
  await station.reset({ tokens: true });
});
afterEach(async () => {
  await watcher?.stop();
  watcher = undefined;
  await closePlayers();
  await station.clear();
  await station.config(STATION_DEFAULTS);
});

interface Started extends PlayerPage {
  watch: Watcher;
}

/**
 * Opens the player and waits until it is live on the station's current song. `beforeLoad` runs on the
 * blank page before the player loads (init scripts, a fake clock).
 */
async function start(options: { heartbeatMs?: number; beforeLoad?: (page: Page) => Promise<unknown> } = {}) {
  if (options.heartbeatMs) await station.config({ heartbeatMs: options.heartbeatMs });
  const player = await openPlayer(browser, appUrl, undefined, { beforeLoad: options.beforeLoad });
  const watch = new Watcher(player.page, station);
  watcher = watch;
  await watch.recovery(Date.now(), 20_000);
  return { ...player, watch } satisfies Started;
}

/** The invariants every row ends with: one socket, live on the current song, no page errors. */
async function settled({ watch, errors }: Started) {
  await watch.until((s) => s.state.sockets.total === 1, "exactly one gateway socket at the end", 10_000);
  expect(
    watch.maxSocketsSince(testStart),
    "gateway sockets open at once (station's log)",
  ).toBeLessThanOrEqual(1);
  expect(errors).toEqual([]);
}

const newSocketSince = (watch: Watcher, since: number) => (s: Sample) =>
  watch.socketsOpenedSince(since, s) >= 1;

/** The one gateway socket the station has open (waiting for it if a reconnect is under way). */
async function openSocket() {
  return eventually(async () => {
    const open = (await station.state()).connections.filter((c) => c.closedAt === null);
    return open.length === 1 ? open[0] : null;
  }, "exactly one open gateway socket");
}

/** Polls the station's log until the client closed socket `id`; returns its log entry. */
async function closedByClient(id: number | undefined, timeoutMs: number) {
  expect(id, "a socket was open").toBeDefined();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entry = (await station.state()).connections.find((c) => c.id === id);
    if (entry?.closedAt) {
      expect(entry.closedBy).toBe("client");
      return entry;
    }
    if (Date.now() > deadline) throw new Error(`socket ${id} still open after ${timeoutMs} ms`);
    await sleep(20);
  }
}

function accountRegion(page: Page) {
  return page.getByRole("region", { name: "Account" });
}

function title(page: Page) {
  return page.getByRole("region", { name: "Now playing" }).getByRole("heading", { level: 2 });
}

describe("gateway faults", () => {
  it.each([
    [1000, "gateway closes cleanly (1000)"],
    [4001, "gateway closes with 4001 (heartbeat missed)"],
    [4002, "gateway closes with 4002 (invalid opcode)"],
    [4003, "gateway closes with 4003 (invalid auth)"],
    [4004, "gateway closes with 4004 (already authenticated)"],
    [4005, "gateway closes with 4005 (packet needs a body)"],
    [1006, "connection drops without a close frame (1006)"],
  ])("recovers when the gateway closes with %i", async (code, label) => {
    const player = await start();
    const { watch } = player;
    const t0 = Date.now();
    await station.fault({ type: "drop", code });
    // The new song can only reach the screen through a new socket.
    await station.next("jpop");
    const ms = await watch.recovery(t0, 20_000, newSocketSince(watch, t0));
    table.add({
      fault: label,
      sees: `status ${sequence(watch.statusesSince(t0))}; then the new song`,
      recoveryMs: ms,
    });
    await settled(player);
  });

  it.each([
    [4003, "gateway closes with 4003 after an identify with a token (logged in)"],
    [4004, "gateway closes with 4004 after an identify with a token (logged in)"],
  ])("goes on anonymously and stays logged in when the gateway closes with %i", async (code, label) => {
    const player = await start();
    const { watch, page } = player;
    await logInAsKana(page);
    const withToken = await eventually(async () => {
      const socket = await openSocket();
      return socket?.firstFrame?.includes("Bearer ") ? socket : null;
    }, "a gateway socket identified with the token");
    const t0 = Date.now();
    await station.fault({ type: "drop", code });
    await station.next("jpop");
    const ms = await watch.recovery(t0, 20_000, newSocketSince(watch, t0));
    // Before the reload below, which has statuses of its own.
    const statuses = sequence(watch.statusesSince(t0));
    const after = await openSocket();
    expect(after?.id).not.toBe(withToken?.id);
    expect(JSON.parse(after?.firstFrame ?? "null"), "the new socket identified anonymously").toEqual({
      op: 0,
      d: { auth: "" },
    });
    // The GraphQL session is untouched: the account is still there after the account is asked again.
    await page.reload();
    await accountRegion(page).getByText(KANA.displayName, { exact: true }).waitFor({ timeout: 15_000 });
    table.add({
      fault: label,
      sees: `status ${statuses}; then the new song; still logged in (also after a reload)`,
      recoveryMs: ms,
    });
    await settled(player);
  });

  it("recovers from a server restart", async () => {
    const player = await start();
    const { watch } = player;
    const downMs = 2_000;
    const t0 = Date.now();
    await station.fault({ type: "restart", downMs });
    // The station answers the restart before it goes down: wait for down, then for up again, so the
    // next song is announced by the restarted station and can only reach a new socket.
    await eventually(
      () =>
        station.state().then(
          () => false,
          () => true,
        ),
      "the station goes down for its restart",
    );
    await stationUp(station);
    await station.next("jpop");
    const ms = await watch.recovery(t0, 30_000, newSocketSince(watch, t0));
    table.add({
      fault: "server restart",
      faultMs: downMs,
      sees: `status ${sequence(watch.statusesSince(t0))}`,
      recoveryMs: ms,
    });
    await settled(player);
  });

  it("recovers when the server refuses connections for 30 s", { timeout: 120_000 }, async () => {
    const player = await start();
    const { watch } = player;
    const refuseMs = 30_000;
    const t0 = Date.now();
    await station.fault({ type: "refuse", durationMs: refuseMs });
    await station.next("jpop");
    // Backoff is capped (RECONNECT_MAX_MS), so the first attempt after the refusal is at most that late.
    const ms = await watch.recovery(t0, refuseMs + 25_000, newSocketSince(watch, t0));
    expect(ms).toBeGreaterThanOrEqual(refuseMs - 1_000);
    // Several refusals in a row with the browser online: the page says the host can't be reached.
    expect(sequence(watch.statusesSince(t0))).toContain("Can't reach LISTEN.moe");
    table.add({
      fault: "server refuses connections (HTTP 503 on upgrade)",
      faultMs: refuseMs,
      sees: `status ${sequence(watch.statusesSince(t0))}`,
      recoveryMs: ms,
    });
    await settled(player);
  });

  it("notices a zombie socket (nothing at all arrives) and reconnects", async () => {
    const player = await start({ heartbeatMs: FAST_HEARTBEAT_MS });
    const { watch } = player;
    const zombieId = (await openSocket())?.id;
    const t0 = Date.now();
    await station.fault({ type: "zombie", station: "jpop" });
    await station.next("jpop");
    // The zombie lasts until the client gives up on it (a zombie also swallows new sockets' welcomes).
    const closed = await closedByClient(zombieId, 15_000);
    await station.clear();
    const ms = await watch.recovery(t0, 25_000, newSocketSince(watch, t0));
    expect(closed.closeCode, "the client closed the zombie socket itself").toBe(4000);
    table.add({
      fault: `zombie socket (no acks, no frames; heartbeat ${FAST_HEARTBEAT_MS} ms)`,
      sees: `old song until the ack deadline gives up on the socket (${
        Date.parse(closed.closedAt ?? "") - t0
      } ms); status ${sequence(watch.statusesSince(t0))}`,
      recoveryMs: ms,
    });
    await settled(player);
  });

  it("treats missing acks as a dead socket even while track updates keep coming", async () => {
    const player = await start({ heartbeatMs: FAST_HEARTBEAT_MS });
    const { watch } = player;
    // Longer than one beat plus the ack deadline, so the dead socket is always noticed meanwhile.
    const noAckMs = FAST_HEARTBEAT_MS + 3_000 + 1_000;
    const t0 = Date.now();
    await station.fault({ type: "no-ack", durationMs: noAckMs });
    await station.next("jpop");
    // Updates still flow, so the song is right at once; recovery is the reconnect to a healthy socket.
    const onTime = await watch.until(
      (s) => s.screen.title === s.state.stations.jpop.song.title,
      "the update arrives on the ack-less socket",
      5_000,
      t0,
    );
    const ms = await watch.recovery(t0, 25_000, newSocketSince(watch, t0));
    table.add({
      fault: `acks stop, track updates continue (heartbeat ${FAST_HEARTBEAT_MS} ms)`,
      faultMs: noAckMs,
      sees: `new song at once (${onTime.at - t0} ms); status ${sequence(watch.statusesSince(t0))}`,
      recoveryMs: ms,
      measured: "until a fresh, acknowledged socket is live",
    });
    await settled(player);
  });

  it("gives up on a socket whose welcome never comes", async () => {
    const player = await start();
    const { watch } = player;
    const silentMs = 5_000;
    const t0 = Date.now();
    await station.fault({ type: "no-welcome", durationMs: silentMs });
    await station.fault({ type: "drop", code: 1000 });
    await station.next("jpop");
    // The reconnect lands in silence; only the welcome timeout gets the client out of it.
    const ms = await watch.recovery(t0, 30_000, (s) => watch.socketsOpenedSince(t0, s) >= 2);
    const silent = watch.latest?.state.connections.find((c) => Date.parse(c.openedAt) >= t0);
    expect(silent, "the client abandoned the silent socket").toMatchObject({
      closedBy: "client",
      closeCode: 4000,
    });
    table.add({
      fault: "the welcome never comes (silent socket after a reconnect)",
      faultMs: silentMs,
      sees: `status ${sequence(watch.statusesSince(t0))}`,
      recoveryMs: ms,
    });
    await settled(player);
  });

  it.each([
    ["malformed JSON frames", { type: "malformed", station: "jpop" }],
    ["valid JSON of the wrong shape", { type: "wrong-shape", station: "jpop" }],
    ["unknown ops and events", { type: "unknown", station: "jpop" }],
    ["a 1 MB frame", { type: "oversized", station: "jpop", bytes: 1024 * 1024 }],
    [
      "a flood of 1,000 frames in a second",
      { type: "flood", station: "jpop", count: 1000, durationMs: 1000, wait: true },
    ],
  ] as const)("shrugs off %s and keeps its socket", async (label, spec) => {
    const player = await start();
    const { watch } = player;
    const before = watch.latest?.state.connections.filter((c) => c.closedAt === null).map((c) => c.id);
    const t0 = Date.now();
    await station.fault(spec);
    await station.next("jpop");
    const ms = await watch.recovery(t0, 15_000);
    // The socket that carried the junk is the one that carries the next song.
    const open = watch.latest?.state.connections.filter((c) => c.closedAt === null).map((c) => c.id);
    expect(open).toEqual(before);
    table.add({
      fault: label,
      sees: `nothing; the next song arrives on the same socket; status ${sequence(watch.statusesSince(t0))}`,
      recoveryMs: ms,
      measured: "fault → next song shown",
    });
    await settled(player);
  });

  it("keeps the newer song through duplicate and out-of-order track updates", async () => {
    const player = await start({
      beforeLoad: (page) => page.context().addInitScript(countGatewayFrames),
    });
    const { watch, page } = player;
    // Two songs one after the other, the second only once the first is on screen: their start times
    // differ (the page orders by the server's stamps), and the older one really was shown before.
    await station.next("jpop");
    await watch.recovery(Date.now(), 10_000);
    await station.next("jpop");
    await watch.recovery(Date.now(), 10_000);
    // The station's own word after both moves (a sample taken between them could name the first song).
    const now = (await station.state()).stations.jpop;
    const currentTitle = now?.song.title ?? null;
    await eventually(async () => (await title(page).textContent()) === currentTitle, "the second song shows");
    const olderTitle = now?.lastPlayed[0]?.title ?? null;
    expect(currentTitle).toBeTruthy();
    expect(olderTitle).not.toBe(currentTitle);
    const t0 = Date.now();
    // The previous song with its older startTime, the current one again, then the old one once more.
    const stale = await station.fault({ type: "stale-update", station: "jpop" });
    await station.fault({ type: "duplicate", station: "jpop" });
    await station.fault({ type: "stale-update", station: "jpop" });
    expect(stale.sent).toBe(1);
    // The last frame is a stale one: had the page taken it, the older song would stay on screen. Once
    // the page has handled every frame the station sent, and a sample was taken after that, a wrong
    // song would be in the samples.
    await pageHandledFrames(page, station);
    await watch.until(() => true, "a sample after the late frames were handled", 5_000);
    const shown = [...new Set(watch.samples.filter((s) => s.at >= t0).map((s) => s.screen.title))];
    expect(shown, "titles on screen after the late frames").not.toContain(olderTitle);
    expect(watch.statusesSince(t0)).toEqual(["Live"]);
    // Each history row names its song in full in a `title` attribute (the text may be truncated).
    const history = await page
      .getByRole("region", { name: "History" })
      .getByRole("listitem")
      .evaluateAll((rows) =>
        rows.map((row) => row.querySelector("button [title]")?.getAttribute("title") ?? ""),
      );
    expect(history.length).toBeGreaterThan(0);
    expect(history, "the current song is not in its own history").not.toContain(currentTitle);
    expect(new Set(history).size, "history has no repeats").toBe(history.length);
    // Still the current song, unless the station really moved on meanwhile.
    expect([currentTitle, watch.latest?.state.stations.jpop.song.title]).toContain(
      await title(page).textContent(),
    );
    table.add({
      fault: "duplicate and out-of-order (older startTime) track updates",
      sees: "nothing: the newer song stays, history has no duplicates",
      recoveryMs: 0,
      measured: "screen never left the current song (until the page had handled the late frames)",
    });
    await settled(player);
  });
});

describe("the browser", () => {
  it("waits for the network while offline and reconnects as soon as it is back", async () => {
    const player = await start({ beforeLoad: (page) => page.clock.install() });
    const { watch, page } = player;
    const context = page.context();
    // Let the code that loads after the first song arrive first: today a lazy chunk that fails to
    // load blanks the whole page (no error boundary around the deferred islands), a bug of its own.
    await page.getByRole("button", { name: "Log in", exact: true }).waitFor({ timeout: 10_000 });
    const t0 = Date.now();
    // Freeze the page's timers: then no backoff timer can reconnect, only the browser's "online"
    // event can, and "as soon as it is back" is what the recovery below shows. A margin the page
    // clock cannot overtake before the command lands, as in the hidden-tab row.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 2_000);
    await context.setOffline(true);
    // A real outage also kills the open socket; the emulation alone would leave it up.
    await station.fault({ type: "drop", code: 1006 });
    await station.next("jpop");
    await watch.until(
      (s) => s.screen.connection.startsWith("Offline"),
      "the status says offline",
      15_000,
      t0,
    );
    const t1 = Date.now();
    await context.setOffline(false);
    const ms = await watch.recovery(t1, 15_000, newSocketSince(watch, t0));
    await page.clock.resume();
    table.add({
      fault: "browser offline, then online",
      faultMs: t1 - t0,
      sees: `status ${sequence(watch.statusesSince(t0))}`,
      recoveryMs: ms,
      measured: "network back → Live",
    });
    await settled(player);
  });

  it("replaces a stale socket at once when a long-hidden tab becomes visible", async () => {
    // The server never times idle sockets out, so only the client can notice the socket went stale.
    await station.config({ heartbeatMs: FAST_HEARTBEAT_MS, heartbeatTimeoutMs: 0 });
    const player = await start({
      beforeLoad: async (page) => {
        // A hidden tab's timers barely run (Chrome's intensive throttling): a paused fake clock is that
        // tab. The visibility override is the only way to hide a page in headless Chromium.
        await page.context().addInitScript(() => {
          let hidden = false;
          Object.defineProperty(Document.prototype, "visibilityState", {
            configurable: true,
            get: () => (hidden ? "hidden" : "visible"),
          });
          Object.defineProperty(Document.prototype, "hidden", { configurable: true, get: () => hidden });
          (window as unknown as { __setHidden(h: boolean): void }).__setHidden = (h) => {
            hidden = h;
            document.dispatchEvent(new Event("visibilitychange"));
          };
        });
        await page.clock.install();
      },
    });
    const { watch, page } = player;
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => (window as unknown as { __setHidden(h: boolean): void }).__setHidden(h), hidden);
    const t0 = Date.now();
    await setHidden(true);
    // A margin the page clock cannot overtake before the command lands, even on a loaded machine.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 2_000);
    // The socket dies quietly while nobody looks (a sleeping laptop), and the song moves on.
    await station.fault({ type: "zombie", station: "jpop" });
    // No wait needed for "while nobody looks": the page's timers are frozen, so no real time that
    // passes here can change what it does; the 5 minutes below are the page's time.
    await station.next("jpop");
    await page.clock.setSystemTime((await page.evaluate(() => Date.now())) + 5 * 60_000);
    await station.clear();
    const t1 = Date.now();
    await setHidden(false);
    // Timers are still frozen: only the visibility handler can have reconnected.
    const ms = await watch.recovery(t1, 10_000, newSocketSince(watch, t0));
    await page.clock.resume();
    const stale = watch.socketOpenAt(t0);
    expect(stale, "the client replaced the stale socket itself").toMatchObject({
      closedBy: "client",
      closeReason: "reconnecting",
    });
    table.add({
      fault: "tab hidden for 5 min (timers frozen, socket silently dead), then visible",
      sees: `old song while hidden; status ${sequence(watch.statusesSince(t1))} on return`,
      recoveryMs: ms,
      measured: "visible → Live",
    });
    await settled(player);
  });
});

describe("GraphQL faults", () => {
  /** What the person reads, from the app's own (English) dictionary. */
  const ERRORS = errorMessages.en;
  const MESSAGE: Record<string, string> = {
    "500": ERRORS.server,
    timeout: ERRORS.timeout,
    // Apollo's INTERNAL_SERVER_ERROR in a 200 `errors` envelope is the server's fault, not the password's.
    errors: ERRORS.server,
    "wrong-shape": ERRORS["bad-response"],
  };

  function account(page: Page) {
    return page.getByRole("region", { name: "Account" });
  }

  /**
   * Waits until the station holds the page's `operationName` request (a "timeout" fault never answers
   * it), then moves the page's fake clock past GRAPHQL_TIMEOUT_MS, which fires the page's own timeout.
   */
  async function outlastHungRequest(page: Page, operationName: string, since: number) {
    await eventually(
      async () =>
        (await station.state()).graphql.some(
          (r) =>
            r.operationName === operationName &&
            r.fault === "timeout" &&
            r.status === 0 &&
            Date.parse(r.at) >= since,
        ),
      `the station holds the ${operationName} request`,
    );
    await page.clock.fastForward(GRAPHQL_TIMEOUT_MS);
  }

  async function submitLogin(page: Page) {
    await page.getByRole("button", { name: "Log in", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Username or email" }).fill(KANA.username);
    await dialog.getByRole("textbox", { name: "Password" }).fill(KANA.password);
    await dialog.getByRole("checkbox", { name: "Remember me" }).setChecked(true);
    await dialog.getByRole("button", { name: "Log in", exact: true }).click();
    return dialog;
  }

  it.each(["500", "timeout", "errors", "wrong-shape"] as const)(
    "explains GraphQL %s while logging in and while logged in, and recovers",
    { timeout: 90_000 },
    async (mode) => {
      const timeout = mode === "timeout";
      // The page gives up on a request after GRAPHQL_TIMEOUT_MS on its own clock: a fake one (running
      // at real speed) lets the test move it on once the station holds the request.
      const player = await start(timeout ? { beforeLoad: (page) => page.clock.install() } : {});
      const { watch, page } = player;

      // Logging in.
      const t0 = Date.now();
      await station.fault({ type: "graphql", mode });
      const dialog = await submitLogin(page);
      if (timeout) await outlastHungRequest(page, "LoginMutation", t0);
      const alert = dialog.getByRole("alert");
      await alert.waitFor({ timeout: 25_000 });
      const loginText = (await alert.textContent()) ?? "";
      expect(loginText).toBe(MESSAGE[mode]);
      const toMessage = Date.now() - t0;
      await station.clear();
      const t1 = Date.now();
      await dialog.getByRole("textbox", { name: "Password" }).fill(KANA.password);
      await dialog.getByRole("button", { name: "Log in", exact: true }).click();
      await account(page).getByText(KANA.displayName, { exact: true }).waitFor({ timeout: 15_000 });
      const loginRecovery = Date.now() - t1;

      // Logged in: a reload asks for the account again, into the fault. A timeout holds only the first
      // account request (count 1), so the query's retry gets in.
      await station.fault({ type: "graphql", mode, ...(timeout ? { operation: "user", count: 1 } : {}) });
      const t2 = Date.now();
      await page.reload();
      let accountText: string;
      let accountRecovery: number;
      if (timeout) {
        // The first request gives up after GRAPHQL_TIMEOUT_MS; the query retries, and the retry gets in.
        await account(page).getByText(accountMessages.en.loadingAccount).waitFor({ timeout: 10_000 });
        accountText = accountMessages.en.loadingAccount;
        await outlastHungRequest(page, "user", t2);
        await account(page).getByText(KANA.displayName, { exact: true }).waitFor({ timeout: 20_000 });
        accountRecovery = Date.now() - t2;
      } else {
        const retry = account(page).getByRole("button", { name: accountMessages.en.retry });
        await retry.waitFor({ timeout: 20_000 });
        accountText = (await account(page).getByText(MESSAGE[mode], { exact: true }).textContent()) ?? "";
        await station.clear();
        const t3 = Date.now();
        await retry.click();
        await account(page).getByText(KANA.displayName, { exact: true }).waitFor({ timeout: 15_000 });
        accountRecovery = Date.now() - t3;
      }
      // The radio never noticed.
      await watch.recovery(Date.now(), 15_000);
      table.add({
        fault: `GraphQL ${mode === "errors" ? "errors envelope" : mode}: logging in`,
        sees: `after ${toMessage} ms: "${loginText}"`,
        recoveryMs: loginRecovery,
        measured: "fault cleared → submit again → logged in",
      });
      table.add({
        fault: `GraphQL ${mode === "errors" ? "errors envelope" : mode}: logged in (reload)`,
        sees: timeout
          ? `"${accountText}" while the first request hangs (${GRAPHQL_TIMEOUT_MS} ms), then the account (the query retries)`
          : `"${accountText}" and a Retry button; music and song unaffected`,
        recoveryMs: accountRecovery,
        measured: timeout ? "reload → account shown" : "fault cleared → Retry → account shown",
      });
      await settled(player);
    },
  );
});

describe("audio stream faults", () => {
  async function startPlaying(config?: Record<string, number>) {
    if (config) await station.config(config);
    const player = await start();
    await player.page.getByRole("button", { name: "Play" }).click();
    await player.watch.until(
      (s) => s.screen.player === "Playing" && (s.screen.audio?.currentTime ?? 0) > 1,
      "the audio plays",
      20_000,
    );
    return player;
  }

  /**
   * Fault → after the fault is over, a stream request succeeded and the audio clock then moved a full
   * second while the player says "Playing".
   */
  async function audioRecovery(watch: Watcher, t0: number, faultEndsAt: number, timeoutMs: number) {
    const loaded = await watch.until(
      (s) =>
        s.at >= faultEndsAt && s.state.audio.requests.some((r) => Date.parse(r.at) >= t0 && r.status === 200),
      "a stream request succeeds",
      timeoutMs,
      t0,
    );
    const base = loaded.screen.audio?.currentTime ?? 0;
    const playing = await watch.until(
      (s) => s.screen.player === "Playing" && (s.screen.audio?.currentTime ?? 0) >= base + 1,
      "the audio clock moves again",
      timeoutMs,
      loaded.at,
    );
    return playing.at - t0;
  }

  async function audioRow(
    player: Started,
    t0: number,
    row: { fault: string; faultMs?: number; sees: string },
    faultEndsAt: number,
  ) {
    const { watch } = player;
    const ms = await audioRecovery(watch, t0, faultEndsAt, 40_000);
    const silent = watch.playingOverSilenceMs(testStart);
    expect(silent, '"Playing" shown over a frozen audio clock (ms)').toBeLessThanOrEqual(SILENCE_BOUND_MS);
    await watch.recovery(Date.now(), 15_000);
    table.add({
      fault: row.fault,
      faultMs: row.faultMs,
      sees: `${row.sees}; player ${sequence(watch.playerSince(t0))} ("Playing" over silence at most ${silent} ms)`,
      recoveryMs: ms,
      measured: "fault → audio clock moving again",
    });
    await settled(player);
  }

  it("recovers by itself when the stream is cut", async () => {
    const player = await startPlaying();
    const t0 = Date.now();
    await station.fault({ type: "audio", mode: "cut" });
    await audioRow(player, t0, { fault: "audio stream cut", sees: "a hiccup at most" }, t0);
  });

  it("reloads a stalled stream and plays again once it flows", { timeout: 90_000 }, async () => {
    // A ~5 s lead (24 KiB) so the stall is heard in seconds, not after ~20 s of buffer; the stall
    // outlasts lead + STALL_RELOAD_MS, so the watchdog's reload is part of the row.
    const player = await startPlaying({ audioBurstBytes: 24 * 1024, audioBurstSeconds: 2 });
    const stallMs = 15_000;
    const t0 = Date.now();
    await station.fault({ type: "audio", mode: "stall", durationMs: stallMs });
    await audioRow(
      player,
      t0,
      { fault: "audio stream stalls (connection open, no bytes)", faultMs: stallMs, sees: "silence" },
      t0 + stallMs,
    );
  });

  it.each(["404", "503"] as const)("retries through HTTP %s on the stream until it is back", async (mode) => {
    const player = await startPlaying();
    const failMs = 5_000;
    const t0 = Date.now();
    await station.fault({ type: "audio", mode, durationMs: failMs });
    await station.fault({ type: "audio", mode: "cut" });
    await audioRow(
      player,
      t0,
      { fault: `audio stream answers ${mode} (after a cut)`, faultMs: failMs, sees: "silence" },
      t0 + failMs,
    );
  });
});
