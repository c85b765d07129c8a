/** Just enough of HTMLAudioElement to drive the audio controller in tests; engine quirks subclass it. */
export class FakeAudio extends EventTarget {
  src = "";
  currentTime = 0;
  paused = true;
  ended = false;
  volume = 1;
  muted = false;
  error: { code: number } | null = null;
  loads = 0;
  playResult: Promise<void> = Promise.resolve();
  get currentSrc() {
    return this.src;
  }
  load() {
    this.loads++;
    this.error = null;
    this.ended = false;
    this.currentTime = 0;
  }
  play() {
    this.paused = false;
    return this.playResult;
  }
  pause() {
    this.paused = true;
  }
  removeAttribute(name: string) {
    if (name === "src") this.src = "";
  }
  emit(type: string) {
    this.dispatchEvent(new Event(type));
  }
  fail(code: number) {
    this.error = { code };
    this.emit("error");
  }
}
