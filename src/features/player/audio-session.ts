/**
 * The page's one audio controller, wired to the player store. `startAudioSession` (called by the
 * session root) makes it possible; the `<audio>` element, the controller, their store subscriptions,
 * the sleep timer and the tab channel are created on the first Play and all undone by the disposer.
 */

import { type StreamFormat, streamUrl } from "@/lib/config";
import type { StationId } from "@/lib/stations";
import { type AudioController, createAudioController } from "./audio-controller";
import {
  formatFailed,
  getPlayerState,
  playbackChanged,
  subscribeToPlayer,
  volumeChanged,
} from "./player-store";
import { startSleepTimer } from "./sleep-timer";

/** One player per browser: a tab that starts playing tells the others to stop. */
const TAB_CHANNEL = "listen-moe-player";

interface AudioSession {
  play(): void;
  stop(): void;
  setStation(station: StationId): void;
  readonly wantsPlayback: boolean;
}

let active: AudioSession | null = null;

function canPlay(audio: HTMLAudioElement, type: string): boolean {
  return audio.canPlayType(type) !== "";
}

/** Vorbis where the browser decodes it (best quality, carries metadata), MP3 elsewhere (Safari, iOS). */
export function chooseStreamFormat(audio: HTMLAudioElement): StreamFormat {
  const { stream, formatBroken } = getPlayerState();
  if (stream !== "auto" && stream !== formatBroken) return stream;
  if (formatBroken !== "vorbis" && canPlay(audio, 'audio/ogg; codecs="vorbis"')) return "vorbis";
  return "mp3";
}

export interface AudioSessionEnvironment {
  window: Window;
  document: Document;
}

export function startAudioSession(env: AudioSessionEnvironment, initialStation: StationId): () => void {
  let station = initialStation;
  let controller: AudioController | null = null;
  const disposers: (() => void)[] = [];
  const tabId = Math.random().toString(36).slice(2);
  let channel: BroadcastChannel | null = null;

  function tabChannel(): BroadcastChannel | null {
    if (channel || typeof BroadcastChannel === "undefined") return channel;
    const opened = new BroadcastChannel(TAB_CHANNEL);
    opened.onmessage = (event: MessageEvent<{ type?: string; from?: string }>) => {
      if (event.data?.type === "playing" && event.data.from !== tabId) controller?.stop();
    };
    disposers.push(() => opened.close());
    channel = opened;
    return opened;
  }

  function getController(): AudioController {
    if (controller) return controller;
    const audio = env.document.createElement("audio");
    audio.preload = "none";
    audio.hidden = true;
    env.document.body.append(audio);
    const created = createAudioController({
      element: audio,
      streamUrl,
      chooseFormat: () => chooseStreamFormat(audio),
      onStatus: playbackChanged,
      onFormatFailed: formatFailed,
      environment: env.window,
    });
    created.setStation(station);
    let fade = 1;
    const applyVolume = () => {
      const { volume, muted } = getPlayerState();
      created.setVolume(volume * fade, muted);
    };
    applyVolume();
    disposers.push(
      subscribeToPlayer((s) => s.volume, applyVolume),
      subscribeToPlayer((s) => s.muted, applyVolume),
      subscribeToPlayer(
        (s) => s.stream,
        () => created.reload(),
      ),
      startSleepTimer({
        setFade(factor) {
          fade = factor;
          applyVolume();
        },
        stop: () => created.stop(),
      }),
      () => {
        created.dispose();
        audio.remove();
      },
    );
    controller = created;
    return created;
  }

  const session: AudioSession = {
    play() {
      getController().play();
      tabChannel()?.postMessage({ type: "playing", from: tabId });
    },
    stop: () => controller?.stop(),
    setStation(next) {
      station = next;
      controller?.setStation(next);
    },
    get wantsPlayback() {
      return controller?.wantsPlayback ?? false;
    },
  };
  active = session;
  return () => {
    if (active === session) active = null;
    for (const dispose of disposers.splice(0).reverse()) dispose();
    controller = null;
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
