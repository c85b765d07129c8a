// Ogg page parsing and rewriting, enough to loop one Ogg Vorbis/Opus file as an endless chained Ogg
// stream, the way Icecast relays a source: a new logical bitstream (new serial, headers again) per song.
// Format: RFC 3533. Vorbis/Opus specifics: the Vorbis I spec (identification header) and RFC 7845.

const CAPTURE = 0x5367674f; // "OggS" read as little-endian u32
const FLAG_BOS = 0x02;
const FLAG_EOS = 0x04;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let j = 0; j < 8; j++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** Ogg's CRC-32 (polynomial 0x04c11db7, not reflected, initial value 0, no final XOR). */
export function oggCrc(bytes) {
  let crc = 0;
  for (let i = 0; i < bytes.length; i++)
    crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ bytes[i]) & 0xff]) >>> 0;
  return crc >>> 0;
}

/**
 * @typedef {object} OggPage
 * @property {Buffer} bytes whole page (header, segment table, body)
 * @property {number} flags header_type
 * @property {bigint} granule granule position (-1n when no packet ends on this page)
 * @property {number} serial
 * @property {number} sequence
 * @property {Buffer[]} packets packets (or packet pieces) that END on this page, in order
 * @property {Buffer} body
 * @property {number[]} lacing segment table
 */

/** Splits an Ogg file into pages (validates capture pattern and CRC). */
export function parseOggPages(buf) {
  /** @type {OggPage[]} */
  const pages = [];
  let offset = 0;
  while (offset < buf.length) {
    if (buf.length - offset < 27 || buf.readUInt32LE(offset) !== CAPTURE) {
      throw new Error(`Not an Ogg page at byte ${offset}`);
    }
    const segments = buf[offset + 26];
    const lacing = [...buf.subarray(offset + 27, offset + 27 + segments)];
    const bodyLength = lacing.reduce((a, b) => a + b, 0);
    const headerLength = 27 + segments;
    const bytes = buf.subarray(offset, offset + headerLength + bodyLength);
    const check = Buffer.from(bytes);
    check.writeUInt32LE(0, 22);
    if (oggCrc(check) !== bytes.readUInt32LE(22)) throw new Error(`Bad Ogg CRC at byte ${offset}`);
    const body = bytes.subarray(headerLength);
    const packets = [];
    let start = 0;
    let pos = 0;
    for (const size of lacing) {
      pos += size;
      if (size < 255) {
        packets.push(body.subarray(start, pos));
        start = pos;
      }
    }
    pages.push({
      bytes,
      flags: bytes[5],
      granule: bytes.readBigInt64LE(6),
      serial: bytes.readUInt32LE(14),
      sequence: bytes.readUInt32LE(18),
      packets,
      body,
      lacing,
    });
    offset += bytes.length;
  }
  return pages;
}

/** Samples in one Opus packet at 48 kHz, from its TOC byte (RFC 6716 §3.1). */
export function opusPacketSamples(packet) {
  if (packet.length === 0) return 0;
  const toc = packet[0];
  const config = toc >> 3;
  let frameSamples;
  if (config < 12) frameSamples = [480, 960, 1920, 2880][config & 3];
  else if (config < 16) frameSamples = config & 1 ? 960 : 480;
  else frameSamples = [120, 240, 480, 960][config & 3];
  const code = toc & 3;
  let frames = 1;
  if (code === 1 || code === 2) frames = 2;
  else if (code === 3) frames = packet.length > 1 ? packet[1] & 0x3f : 0;
  return frames * frameSamples;
}

/**
 * Describes a Vorbis or Opus Ogg file for looping.
 * @returns {{codec: "vorbis"|"opus", rate: number, headerPages: Buffer[], dataPages: OggPage[],
 *   loopGranule: bigint, pageEndSeconds: number[], durationSeconds: number, serial: number}}
 */
export function describeOgg(buf) {
  const pages = parseOggPages(buf);
  if (pages.length === 0 || !(pages[0].flags & FLAG_BOS)) throw new Error("Ogg file has no BOS page");
  const first = pages[0].packets[0];
  let codec;
  let rate;
  if (first.subarray(0, 7).toString("latin1") === "\x01vorbis") {
    codec = "vorbis";
    rate = first.readUInt32LE(12);
  } else if (first.subarray(0, 8).toString("latin1") === "OpusHead") {
    codec = "opus";
    rate = 48000; // Opus granule positions always count 48 kHz samples
  } else {
    throw new Error("Ogg file is neither Vorbis nor Opus");
  }
  // Header pages carry granule 0; encoders start audio on a fresh page.
  let firstData = pages.findIndex((page) => page.granule !== 0n);
  if (firstData < 0) firstData = pages.length;
  const headerPages = pages.slice(0, firstData).map((page) => page.bytes);
  const dataPages = pages.slice(firstData);
  if (dataPages.length === 0) throw new Error("Ogg file has no audio pages");

  // How far granule positions advance per pass through the file. For Opus we can count every
  // packet's samples exactly (this undoes the encoder's end trimming); for Vorbis we use the
  // final granule position (off by less than one block, inaudible).
  let loopGranule = dataPages.at(-1).granule;
  if (codec === "opus") {
    let total = 0;
    for (const page of dataPages) for (const packet of page.packets) total += opusPacketSamples(packet);
    loopGranule = BigInt(total);
  }
  const pageEndSeconds = [];
  let last = 0;
  for (const page of dataPages) {
    if (page.granule >= 0n) last = Number(page.granule) / rate;
    pageEndSeconds.push(last);
  }
  return {
    codec,
    rate,
    headerPages,
    dataPages,
    loopGranule,
    pageEndSeconds,
    durationSeconds: Number(loopGranule) / rate,
    serial: pages[0].serial,
  };
}

/**
 * Re-stamps a page for position `sequence` of an endless stream: new sequence number, granule
 * shifted by `granuleShift`, BOS/EOS set only where asked, optionally a new serial (a new logical
 * bitstream of a chain), CRC recomputed.
 * @param {OggPage} page
 * @param {number} sequence
 * @param {bigint} granuleShift
 * @param {{serial?: number, bos?: boolean, eos?: boolean}} [options]
 */
export function restampPage(
  page,
  sequence,
  granuleShift,
  { serial = page.serial, bos = false, eos = false } = {},
) {
  const out = Buffer.from(page.bytes);
  out[5] = (page.flags & ~(FLAG_BOS | FLAG_EOS)) | (bos ? FLAG_BOS : 0) | (eos ? FLAG_EOS : 0);
  if (page.granule >= 0n) out.writeBigInt64LE(page.granule + granuleShift, 6);
  out.writeUInt32LE(serial >>> 0, 14);
  out.writeUInt32LE(sequence >>> 0, 18);
  out.writeUInt32LE(0, 22);
  out.writeUInt32LE(oggCrc(out), 22);
  return out;
}
