/**
 * The audio machinery behind the player store, loaded on demand by `audio-session.ts` (a chunk of its
 * own: the first screen needs none of it): the controller driving the session's `<audio>` element,
 * their store subscriptions, the sleep timer and the tab channel, all created when the engine is and
 * undone by its `dispose` (the element stays the session's).
 */

import { type StreamFormat, streamUrl } from "@/lib/config";
import type { StationId } from "@/lib/stations";
import { createAudioController } from "./audio-controller";
import { formatFailed, getPlayerState, playbackChanged, subscribeToPlayer } from "./player-store";
import { startSleepTimer } from "./sleep-timer";

/** One player per browser: a tab that starts playing tells the others to stop. */
const TAB_CHANNEL = "listen-moe-player";

export interface AudioEngine {
  play(): void;
  stop(): void;
  setStation(station: StationId): void;
  readonly wantsPlayback: boolean;
  dispose(): void;
}

export interface AudioEngineEnvironment {
  window: Window;
  document: Document;
}

function canPlay(audio: HTMLAudioElement, type: string): boolean {
  return audio.canPlayType(type) !== "";
}

/** Vorbis where the browser decodes it (best quality, carries metadata), MP3 elsewhere (Safari, iOS). */
function chooseStreamFormat(audio: HTMLAudioElement): StreamFormat {
  const { stream, formatBroken } = getPlayerState();
  if (stream !== "auto" && stream !== formatBroken) return stream;
  if (formatBroken !== "vorbis" && canPlay(audio, 'audio/ogg; codecs="vorbis"')) return "vorbis";
  return "mp3";
}

export function createAudioEngine(
  env: AudioEngineEnvironment,
  audio: HTMLAudioElement,
  station: StationId,
): AudioEngine {
  const disposers: (() => void)[] = [];
  const tabId = Math.random().toString(36).slice(2);
  const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(TAB_CHANNEL);

  const controller = createAudioController({
    element: audio,
    streamUrl,
    chooseFormat: () => chooseStreamFormat(audio),
    onStatus: playbackChanged,
    onFormatFailed: formatFailed,
    environment: env.window,
  });
  controller.setStation(station);
  if (channel) {
    channel.onmessage = (event: MessageEvent<{ type?: string; from?: string }>) => {
      if (event.data?.type === "playing" && event.data.from !== tabId) controller.stop();
    };
    disposers.push(() => channel.close());
  }
  let fade = 1;
  const applyVolume = () => {
    const { volume, muted } = getPlayerState();
    controller.setVolume(volume * fade, muted);
  };
  applyVolume();
  disposers.push(
    subscribeToPlayer((s) => s.volume, applyVolume),
    subscribeToPlayer((s) => s.muted, applyVolume),
    subscribeToPlayer(
      (s) => s.stream,
      () => controller.reload(),
    ),
    startSleepTimer({
      setFade(factor) {
        fade = factor;
        applyVolume();
      },
      stop: () => controller.stop(),
    }),
    () => controller.dispose(),
  );

  return {
    play() {
      controller.play();
      channel?.postMessage({ type: "playing", from: tabId });
    },
    stop: () => controller.stop(),
    setStation: (next) => controller.setStation(next),
    get wantsPlayback() {
      return controller.wantsPlayback;
    },
    dispose() {
      for (const dispose of disposers.splice(0).reverse()) dispose();
    },
  };
}
