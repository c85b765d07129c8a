/**
 * The page's one audio session, wired to the player store. `startAudioSession` (called by the session
 * root) makes it possible; the audio machinery itself (`audio-engine.ts`: the `<audio>` element, the
 * controller, the sleep timer, the tab channel) is a chunk of its own that the first screen does not
 * wait for. It is fetched when the page is idle after its first paint, or earlier when a pointer or
 * the focus reaches the Play button (`audioWanted`), and the engine is created on the first Play. A
 * Play pressed before the chunk is in is not lost: the player says "connecting" at once and the
 * engine plays as soon as it arrives (unless Stop came first). The disposer undoes all of it.
 *
 * The `<audio>` element itself is made here, within the first Play press, and handed to the engine.
 * Safari on iOS lets an element play outside a user gesture only after play() was once called on it
 * within one. So a press that comes before the engine calls play() on the still empty element (which
 * plays nothing anywhere: it has no source yet, and the engine's first load aborts that call), and
 * the engine later starts that same element. (WebKitGTK with its autoplay policy set to deny, the
 * nearest engine here, lets any element play once the page has had a gesture, so it cannot show the
 * difference; Chromium and Firefox allow it either way.)
 */

import { loadChunk } from "@/lib/load-chunk";
import type { StationId } from "@/lib/stations";
import type { AudioEngine, AudioEngineEnvironment } from "./audio-engine";
import { getPlayerState, playbackChanged, volumeChanged } from "./player-store";

type AudioSessionEnvironment = AudioEngineEnvironment;

interface AudioSession {
  play(): void;
  stop(): void;
  setStation(station: StationId): void;
  warm(): void;
  readonly wantsPlayback: boolean;
}

let active: AudioSession | null = null;

type EngineModule = typeof import("./audio-engine");

let engineModule: Promise<EngineModule> | null = null;
/** The chunk once it is in: a Play then creates the engine within the click, as browsers want. */
let engineLoaded: EngineModule | null = null;

/** One fetch of the engine's chunk per page, retried until it arrives (lib/load-chunk.ts). */
function loadEngine(): Promise<EngineModule> {
  engineModule ??= loadChunk(() => import("./audio-engine")).then((loaded) => {
    engineLoaded = loaded;
    return loaded;
  });
  return engineModule;
}

function createAudioElement(document: Document): HTMLAudioElement {
  const audio = document.createElement("audio");
  audio.preload = "none";
  audio.hidden = true;
  document.body.append(audio);
  return audio;
}

/** Within a press: the browser now lets this element play later, outside it (see above). */
function allowLaterPlayback(audio: HTMLAudioElement) {
  // Settles only when the engine loads a source (an AbortError) or never; nothing to wait for. A page
  // without a media pipeline (jsdom) returns no promise at all.
  audio.play()?.catch(() => {});
}

export function startAudioSession(env: AudioSessionEnvironment, initialStation: StationId): () => void {
  let station = initialStation;
  let audio: HTMLAudioElement | null = null;
  let engine: AudioEngine | null = null;
  /** Play was pressed and the engine's chunk is not in yet. */
  let playPending = false;
  let disposed = false;

  function sessionAudio(): HTMLAudioElement {
    audio ??= createAudioElement(env.document);
    return audio;
  }

  function createEngine({ createAudioEngine }: EngineModule): AudioEngine {
    engine ??= createAudioEngine(env, sessionAudio(), station);
    return engine;
  }

  // Warm the chunk once the first frame is drawn and the page is idle, so Play rarely has to wait.
  const { window } = env;
  const idle =
    typeof window.requestIdleCallback === "function"
      ? window.requestIdleCallback(() => session.warm(), { timeout: 5_000 })
      : undefined;
  const timer = idle === undefined ? window.setTimeout(() => session.warm(), 2_000) : undefined;

  const session: AudioSession = {
    play() {
      if (!engine && engineLoaded) engine = createEngine(engineLoaded);
      if (engine) {
        engine.play();
        return;
      }
      if (playPending) return;
      playPending = true;
      allowLaterPlayback(sessionAudio());
      playbackChanged("connecting");
      void loadEngine().then((loaded) => {
        if (disposed || !playPending) return;
        playPending = false;
        createEngine(loaded).play();
      });
    },
    stop() {
      if (playPending) {
        playPending = false;
        audio?.pause();
        playbackChanged("stopped");
      }
      engine?.stop();
    },
    setStation(next) {
      station = next;
      engine?.setStation(next);
    },
    warm() {
      if (!disposed) void loadEngine();
    },
    get wantsPlayback() {
      return playPending || (engine?.wantsPlayback ?? false);
    },
  };
  active = session;
  return () => {
    disposed = true;
    if (idle !== undefined) window.cancelIdleCallback(idle);
    window.clearTimeout(timer);
    if (active === session) active = null;
    engine?.dispose();
    engine = null;
    audio?.remove();
    audio = null;
    playPending = false;
    playbackChanged("stopped");
  };
}

export function playRequested() {
  active?.play();
}

export function stopRequested() {
  active?.stop();
}

export function togglePlayback() {
  if (active?.wantsPlayback) stopRequested();
  else playRequested();
}

/** A pointer or the focus is on Play: fetch the audio machinery now, so the press finds it in. */
export function audioWanted() {
  active?.warm();
}

/** The station changed: a playing stream follows it at once. */
export function audioStationChanged(next: StationId) {
  active?.setStation(next);
}

const VOLUME_STEP = 0.05;

export function volumeStepped(direction: 1 | -1) {
  volumeChanged(getPlayerState().volume + direction * VOLUME_STEP);
}

let volumeSettable: boolean | undefined;

/** iOS ignores `audio.volume` (the hardware buttons rule); there a volume slider would lie. */
export function canSetVolume(): boolean {
  if (volumeSettable === undefined) {
    if (typeof document === "undefined") return true;
    const probe = document.createElement("audio");
    probe.volume = 0.5;
    volumeSettable = probe.volume === 0.5;
  }
  return volumeSettable;
}
