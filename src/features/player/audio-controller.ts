/**
 * Owns the single <audio> element. Free of React: components talk to it through the player store.
 * Live radio semantics: "stop" drops the connection, "play" always opens a fresh stream at the live
 * edge, and a watchdog reloads the stream whenever time stops moving while we should be playing.
 */
import { backoffDelayMs } from "@/lib/backoff";
import type { StreamFormat } from "@/lib/config";
import type { StationId } from "@/lib/stations";
import { outputMonitor } from "./audio-output-monitor";
import {
  GIVE_UP_AFTER_MS,
  HEALTHY_AFTER_MS,
  perceptualVolume,
  RELOAD_BACKOFF,
  WATCHDOG_TICK_MS,
} from "./audio-timing";
import { judgeProgress, respondToMediaError } from "./model/playback-policy";
import type { PlaybackStatus, PlayerNotice } from "./player-store";

export interface AudioControllerOptions {
  element: HTMLAudioElement;
  streamUrl(station: StationId, format: StreamFormat): string;
  /** The format to use now; called on every (re)load so a fallback takes effect at once. */
  chooseFormat(): StreamFormat;
  onStatus(status: PlaybackStatus, notice?: PlayerNotice | null): void;
  /** The format could not be decoded here; the caller should stop choosing it. */
  onFormatFailed(format: StreamFormat): void;
  now?: () => number;
  random?: () => number;
  environment?: Window;
}

export interface AudioController {
  play(): void;
  stop(): void;
  setStation(station: StationId): void;
  setVolume(position: number, muted: boolean): void;
  /** Reload the stream now if playback is wanted (after a format change, a retry button, `online`). */
  reload(): void;
  dispose(): void;
  readonly wantsPlayback: boolean;
}

type Timer = ReturnType<typeof setTimeout>;

const MEDIA_EVENTS = [
  "playing",
  "waiting",
  "stalled",
  "error",
  "ended",
  "emptied",
  "pause",
  "timeupdate",
] as const;

export function createAudioController(options: AudioControllerOptions): AudioController {
  const { element: audio, onStatus } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const env = options.environment ?? (typeof window === "undefined" ? undefined : window);

  let station: StationId = "jpop";
  let wantPlayback = false;
  let status: PlaybackStatus = "stopped";
  let format: StreamFormat = options.chooseFormat();
  let loadedUrl = "";
  let loadedAt = 0;
  let attempt = 0;
  let lastTime = 0;
  let lastProgressAt = 0;
  let progressSince = 0;
  let troubleSince = 0;
  let everPlayedFormat = false;
  /** Failures of the current format before it ever played. */
  let unplayedFailures = 0;
  /** A mount that failed repeatedly this visit; MP3 stands in for it until the listener picks a stream. */
  let mountDown: StreamFormat | null = null;
  let reloadTimer: Timer | undefined;
  let watchdog: ReturnType<typeof setInterval> | undefined;
  // Sound device failures (Firefox reports them as decode errors): see audio-output-monitor.ts.
  const output = outputMonitor({
    element: audio,
    now,
    environment: env,
    onOutputFailed() {
      clearReload();
      release();
      setStatus("no-output");
    },
    onOutputBack: () => load(),
    onCannotDecode() {
      options.onFormatFailed(format);
      scheduleReload(true);
    },
    onStreamError: () => retryAfterError(),
  });

  function setStatus(next: PlaybackStatus, notice: PlayerNotice | null = null) {
    if (next === status && notice === null) return;
    status = next;
    onStatus(next, notice);
  }

  function clearReload() {
    clearTimeout(reloadTimer);
    reloadTimer = undefined;
  }

  function release() {
    audio.pause();
    audio.removeAttribute("src");
    loadedUrl = "";
    try {
      audio.load();
    } catch {
      // jsdom has no media pipeline; real browsers release the connection here.
    }
  }

  function load() {
    clearReload();
    if (!wantPlayback) return;
    const preferred = options.chooseFormat();
    const chosen = preferred === mountDown ? "mp3" : preferred;
    if (chosen !== format) {
      everPlayedFormat = false;
      unplayedFailures = 0;
    }
    format = chosen;
    output.sourceChanged();
    // A unique URL per attempt: never resume a stale buffer, always join at the live edge.
    loadedUrl = `${options.streamUrl(station, format)}?_=${now().toString(36)}`;
    loadedAt = now();
    audio.src = loadedUrl;
    lastTime = 0;
    lastProgressAt = now();
    progressSince = 0;
    try {
      audio.load();
    } catch {
      // See release().
    }
    const pending = audio.play();
    if (pending && typeof pending.catch === "function") {
      pending.catch((error: unknown) => {
        const name = error instanceof DOMException ? error.name : "";
        if (name === "AbortError" || !wantPlayback) return; // superseded by a newer load
        if (name === "NotAllowedError") {
          wantPlayback = false;
          stopWatchdog();
          setStatus("blocked", "blockedByBrowser");
          return;
        }
        scheduleReload();
      });
    }
  }

  function scheduleReload(immediate = false) {
    if (!wantPlayback || reloadTimer) return;
    if (!troubleSince) troubleSince = now();
    if (now() - troubleSince > GIVE_UP_AFTER_MS) {
      giveUp();
      return;
    }
    setStatus("recovering");
    const delay = immediate ? 0 : backoffDelayMs(attempt++, RELOAD_BACKOFF, random);
    reloadTimer = setTimeout(load, delay);
  }

  function giveUp() {
    stopPlayback();
    setStatus("failed", "gaveUp");
  }

  function tick() {
    if (
      !wantPlayback ||
      output.handling({ formatPlayed: everPlayedFormat, fallbackAvailable: format !== "mp3" })
    )
      return;
    const t = audio.currentTime;
    const at = now();
    const verdict = judgeProgress({
      currentTime: t,
      lastTime,
      now: at,
      lastProgressAt,
      isPlaying: status === "playing",
    });
    if (verdict === "progress") {
      lastTime = t;
      lastProgressAt = at;
      if (!progressSince) progressSince = at;
      if (at - progressSince >= HEALTHY_AFTER_MS) {
        attempt = 0;
        troubleSince = 0;
        output.healthy();
      }
      if (!reloadTimer) setStatus("playing");
      return;
    }
    progressSince = 0;
    if (verdict === "reload") scheduleReload();
    else if (verdict === "buffering") setStatus("buffering");
  }

  function startWatchdog() {
    stopWatchdog();
    watchdog = setInterval(tick, WATCHDOG_TICK_MS);
  }

  function stopWatchdog() {
    clearInterval(watchdog);
    watchdog = undefined;
  }

  function isCurrentSource() {
    return loadedUrl !== "" && audio.currentSrc === loadedUrl;
  }

  function onMediaEvent(event: Event) {
    if (!wantPlayback) return;
    switch (event.type) {
      case "playing":
        everPlayedFormat = true;
        troubleSince = troubleSince && now() - troubleSince > HEALTHY_AFTER_MS ? 0 : troubleSince;
        setStatus("playing");
        break;
      case "timeupdate":
        tick();
        break;
      case "waiting":
      case "stalled":
        if (status === "playing") setStatus("buffering");
        break;
      case "error": {
        if (!isCurrentSource()) break;
        if (audio.error?.code === 3) {
          // Undecodable stream or failing sound device? The output monitor watches the clock to tell.
          output.decodeError({ formatPlayed: everPlayedFormat, fallbackAvailable: format !== "mp3" });
          break;
        }
        retryAfterError();
        break;
      }
      case "ended":
        // A live stream never ends: the connection broke.
        if (isCurrentSource()) scheduleReload();
        break;
      case "pause":
        // Not ours (we never pause without stopping): the OS or browser paused us. Honour it as a stop.
        // Chromium also pauses the element right after a network error; that one is ours to retry.
        // WebKit, when a cut stream plays out its buffer, pauses just before `ended`: ours too.
        if (
          audio.paused &&
          !audio.error &&
          !audio.ended &&
          !reloadTimer &&
          isCurrentSource() &&
          now() - loadedAt > 1_000
        )
          stopPlayback();
        break;
      case "emptied":
        break;
    }
  }

  /** A stream error (the output monitor has ruled out the decoder and the device): reload, or give up on the mount. */
  function retryAfterError() {
    if (!everPlayedFormat) unplayedFailures++;
    const response = respondToMediaError({
      code: undefined,
      format,
      everPlayed: everPlayedFormat,
      unplayedFailures,
    });
    if (response === "mount-down") mountDown = format;
    scheduleReload(response !== "retry");
  }

  function stopPlayback() {
    wantPlayback = false;
    stopWatchdog();
    clearReload();
    output.reset();
    release();
    setStatus("stopped");
  }

  function onOnline() {
    if (wantPlayback && status !== "playing") {
      clearReload();
      attempt = 0;
      load();
    }
  }

  for (const type of MEDIA_EVENTS) audio.addEventListener(type, onMediaEvent);
  env?.addEventListener("online", onOnline);

  return {
    get wantsPlayback() {
      return wantPlayback;
    },
    play() {
      if (wantPlayback && status !== "failed" && status !== "blocked") return;
      wantPlayback = true;
      attempt = 0;
      troubleSince = 0;
      setStatus("connecting");
      startWatchdog();
      load();
    },
    stop: stopPlayback,
    setStation(next) {
      if (next === station) return;
      station = next;
      if (wantPlayback) {
        setStatus("connecting");
        attempt = 0;
        load();
      }
    },
    setVolume(position, muted) {
      audio.volume = perceptualVolume(position);
      audio.muted = muted;
    },
    reload() {
      mountDown = null; // the listener picked a stream (or asked to retry): give it a fresh chance
      if (!wantPlayback) return;
      attempt = 0;
      setStatus("connecting");
      load();
    },
    dispose() {
      wantPlayback = false;
      stopWatchdog();
      clearReload();
      output.reset();
      for (const type of MEDIA_EVENTS) audio.removeEventListener(type, onMediaEvent);
      env?.removeEventListener("online", onOnline);
      release();
    },
  };
}
