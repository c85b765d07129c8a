// MPEG audio frame splitting, enough to loop an MP3 file as an endless stream: ID3v2/ID3v1 tags
// and the Xing/Info/VBRI header frame are dropped, leaving plain frames that can follow each other.

const BITRATES = {
  // kbps by bitrate index, Layer III
  mpeg1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  mpeg2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** Parses a Layer III frame header at `offset`, or returns null. */
function frameHeader(buf, offset) {
  if (offset + 4 > buf.length) return null;
  const b1 = buf[offset + 1];
  const b2 = buf[offset + 2];
  if (buf[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
  const layer = (b1 >> 1) & 3; // 1 = Layer III
  if (version === 1 || layer !== 1) return null;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const padding = (b2 >> 1) & 1;
  const kbps = (version === 3 ? BITRATES.mpeg1 : BITRATES.mpeg2)[bitrateIndex];
  const sampleRate = SAMPLE_RATES[version][rateIndex];
  const samples = version === 3 ? 1152 : 576;
  const length = Math.floor(((samples / 8) * kbps * 1000) / sampleRate) + padding;
  const mono = buf[offset + 3] >> 6 === 3;
  return { length, samples, sampleRate, version, mono };
}

/**
 * Splits an MP3 file into audio frames.
 * @returns {{frames: Buffer[], frameSeconds: number, sampleRate: number, durationSeconds: number}}
 */
export function describeMp3(buf) {
  let offset = 0;
  if (buf.subarray(0, 3).toString("latin1") === "ID3") {
    const size = ((buf[6] & 0x7f) << 21) | ((buf[7] & 0x7f) << 14) | ((buf[8] & 0x7f) << 7) | (buf[9] & 0x7f);
    offset = 10 + size + (buf[5] & 0x10 ? 10 : 0);
  }
  let end = buf.length;
  if (end >= 128 && buf.subarray(end - 128, end - 125).toString("latin1") === "TAG") end -= 128;
  const frames = [];
  let format = null;
  while (offset < end) {
    const header = frameHeader(buf, offset);
    if (!header || offset + header.length > end) {
      offset++; // resynchronise on junk
      continue;
    }
    const frame = buf.subarray(offset, offset + header.length);
    offset += header.length;
    if (frames.length === 0 && !format && isInfoFrame(frame, header)) continue;
    format ??= header;
    frames.push(frame);
  }
  if (!format || frames.length === 0) throw new Error("No MP3 frames found");
  const frameSeconds = format.samples / format.sampleRate;
  return {
    frames,
    frameSeconds,
    sampleRate: format.sampleRate,
    durationSeconds: frames.length * frameSeconds,
  };
}

/** Whether a frame is a Xing/Info/VBRI metadata frame (it must not be repeated mid-stream). */
function isInfoFrame(frame, header) {
  const sideInfo = header.version === 3 ? (header.mono ? 17 : 32) : header.mono ? 9 : 17;
  const tag = frame.subarray(4 + sideInfo, 8 + sideInfo).toString("latin1");
  return tag === "Xing" || tag === "Info" || frame.subarray(36, 40).toString("latin1") === "VBRI";
}
