/** The page's one audio controller, wired to the player store. Created on first use. */
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

let controller: AudioController | null = null;
let station: StationId = "jpop";

/** One player per browser: a tab that starts playing tells the others to stop. */
const TAB_CHANNEL = "listen-moe-player";
const tabId = Math.random().toString(36).slice(2);
let channel: BroadcastChannel | null = null;

function tabChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === "undefined") return channel;
  channel = new BroadcastChannel(TAB_CHANNEL);
  channel.onmessage = (event: MessageEvent<{ type?: string; from?: string }>) => {
    if (event.data?.type === "playing" && event.data.from !== tabId) controller?.stop();
  };
  return channel;
}

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

function getController(): AudioController {
  if (controller) return controller;
  const audio = document.createElement("audio");
  audio.preload = "none";
  audio.hidden = true;
  document.body.append(audio);
  const created = createAudioController({
    element: audio,
    streamUrl,
    chooseFormat: () => chooseStreamFormat(audio),
    onStatus: playbackChanged,
    onFormatFailed: formatFailed,
  });
  created.setStation(station);
  let fade = 1;
  const applyVolume = () => {
    const { volume, muted } = getPlayerState();
    created.setVolume(volume * fade, muted);
  };
  applyVolume();
  subscribeToPlayer((s) => s.volume, applyVolume);
  subscribeToPlayer((s) => s.muted, applyVolume);
  subscribeToPlayer(
    (s) => s.stream,
    () => created.reload(),
  );
  startSleepTimer({
    setFade(factor) {
      fade = factor;
      applyVolume();
    },
    stop: () => created.stop(),
  });
  controller = created;
  return created;
}

export function playRequested() {
  getController().play();
  tabChannel()?.postMessage({ type: "playing", from: tabId });
}

export function stopRequested() {
  controller?.stop();
}

export function togglePlayback() {
  if (controller?.wantsPlayback) stopRequested();
  else playRequested();
}

const VOLUME_STEP = 0.05;

export function volumeStepped(direction: 1 | -1) {
  volumeChanged(getPlayerState().volume + direction * VOLUME_STEP);
}

/** iOS ignores `audio.volume` (the hardware buttons rule); there a volume slider would lie. */
export function canSetVolume(): boolean {
  if (typeof document === "undefined") return true;
  const probe = document.createElement("audio");
  probe.volume = 0.5;
  return probe.volume === 0.5;
}

export function retryRequested() {
  playRequested();
}

export function audioStationChanged(next: StationId) {
  station = next;
  controller?.setStation(next);
}
