// The station's music catalogue: fictional songs, artists, characters, albums and sources shaped
// like LISTEN.moe's (protocol §3). Names are hand-written; ids and durations come from the seeded
// PRNG, so the same seed always gives the same catalogue.
//
// Deliberate realism (protocol §2.9, §6): artists with `name: null` beside `nameRomaji`, artists
// voicing characters (referenced by id on the gateway), image file names with non-ASCII, spaces,
// `%`, `#` and `?`, songs without albums or sources, romanized and native titles.

import { generatedStationData } from "./catalogue-generated.mjs";
import { createRandom } from "./random.mjs";

/** @typedef {"jpop"|"kpop"} StationKey */
/** @typedef {{id:number, name:string|null, nameRomaji:string|null, image:string|null}} Named */
/** @typedef {Named & {characters:number[]}} Artist  characters: ids of characters this artist voices */
/** @typedef {Named & {releaseDate:string}} Album */
/**
 * @typedef {object} Song
 * @property {number} id
 * @property {string} title
 * @property {string|null} titleRomaji
 * @property {number} duration seconds
 * @property {number[]} artists artist ids
 * @property {number[]} characters character ids that appear in this song
 * @property {number[]} albums album ids
 * @property {number[]} sources source ids
 * @property {StationKey} station
 */

// [key, name, nameRomaji, image, voices(character keys)]
const JPOP_ARTISTS = [
  ["hoshizora", "星空リフレイン", "Hoshizora Refrain", "星空リフレイン_image.jpg", []],
  ["minato", "みなとシスターズ", "Minato Sisters", null, []],
  ["luna", null, "LUNA LUMINA", "LUNA-LUMINA_image.png", []],
  ["sakuraba", "桜庭ひより", "Sakuraba Hiyori", "桜庭ひより_image.jpg", ["kotori"]],
  ["aoi", "青井ゆずは", "Aoi Yuzuha", null, ["shizuku"]],
  ["sorano", "空野みのり", "Sorano Minori", "空野みのり_image.jpg", ["mashiro"]],
  ["neon", "NEON TETRA", null, "NEON-TETRA_image.jpg", []],
  ["tsubame", "つばめ通信", "Tsubame Tsuushin", null, []],
  ["machikado", "まちかど楽団", "Machikado Gakudan", "まちかど楽団 image.jpg", []],
  ["kanon", "結城カノン", "Yuuki Kanon", "結城カノン_image.jpg", ["lilia"]],
  ["sparkle", "Sparkle☆Drops", null, "Sparkle☆Drops_image.jpg", []],
  ["kuroneko", null, "Kuroneko Café", null, []],
  [
    "hoshinoko",
    "ほしのこ♪オールスターズ",
    "Hoshinoko ALLSTARS",
    "ほしのこ♪オールスターズ_image.jpg",
    ["hikaru", "kotori"],
  ],
];

// [key, name, nameRomaji, image]
const JPOP_CHARACTERS = [
  ["kotori", "天音ことり", "Amane Kotori", null],
  ["shizuku", "藤宮しずく", "Fujimiya Shizuku", null],
  ["mashiro", "日向ましろ", null, null],
  ["lilia", null, "Lilia Everhart", null],
  ["hikaru", "星野ひかる", "Hoshino Hikaru", null],
];

// [key, name, nameRomaji, image, releaseDate]
const JPOP_ALBUMS = [
  [
    "kirameki",
    "きらめき☆アフタースクール",
    "Kirameki After School",
    "きらめき☆アフタースクール_cover jpop.jpg",
    "2021-04-07",
  ],
  ["natsuiro", "夏色スターライト", "Natsuiro Starlight", "夏色スターライト_cover jpop.jpg", "2022-07-20"],
  ["marchen", "Märchen no Mori EP", null, "Märchen-no-Mori-EP_cover.jpg", "2019-11-13"],
  ["sunshine", "100% Sunshine", null, "100% Sunshine_cover.png", "2023-03-01"],
  ["rainy", "#1 Rainy Day?", null, "#1 Rainy Day?_cover.jpg", "2020-06-10"],
  ["hidamari", "ひだまりノート", "Hidamari Note", null, "2018-02-14"],
  ["neonlights", "Neon Lights", null, "Neon-Lights_cover jpop.jpg", "2024-01-24"],
  ["hoshikuzu", "星屑アーカイブ", "Hoshikuzu Archive", "星屑アーカイブ_cover.jpg", "2017-09-27"],
];

// [key, name, nameRomaji, image]
const JPOP_SOURCES = [
  ["academy", null, "Hoshizora Academy OP", null],
  ["kirameki", "きらめきアフタースクール", "Kirameki After School ED", null],
  ["lumina", null, "Lumina Chronicle (Game) Theme", null],
  ["mahoroba", "まほろば商店街", "Mahoroba Shoutengai IN", "まほろば商店街_source.jpg"],
];

// [title, titleRomaji, artist keys, character keys, album keys, source keys]
const JPOP_SONGS = [
  ["夏色スターライト", "Natsuiro Starlight", ["hoshizora"], [], ["natsuiro"], []],
  [
    "きらめきアフタースクール",
    "Kirameki After School",
    ["sakuraba", "aoi"],
    ["kotori", "shizuku"],
    ["kirameki"],
    ["kirameki"],
  ],
  ["ひだまりノート", "Hidamari Note", ["minato"], [], ["hidamari"], []],
  ["星屑アーカイブ", "Hoshikuzu Archive", ["hoshizora"], [], ["hoshikuzu"], []],
  ["放課後シンフォニー", "Houkago Symphony", ["sakuraba"], ["kotori"], [], ["academy"]],
  ["Rainy Day Parade", null, ["luna"], [], ["rainy"], []],
  ["恋するフォーチュン", "Koisuru Fortune", ["tsubame"], [], [], []],
  ["ねこみみ☆ぱにっく!", "Nekomimi☆Panic!", ["kuroneko"], [], [], []],
  ["虹のむこうへ", "Niji no Mukou e", ["sorano"], ["mashiro"], [], ["mahoroba"]],
  ["Neon Lights", null, ["neon"], [], ["neonlights"], []],
  ["さよならメトロノーム", "Sayonara Metronome", ["machikado"], [], [], []],
  ["Sunshine Days", null, ["sparkle"], [], ["sunshine"], []],
  ["月夜のワルツ", "Tsukiyo no Waltz", ["kanon"], ["lilia"], [], ["lumina"]],
  ["はじまりのうた", "Hajimari no Uta", ["hoshinoko"], ["hikaru", "kotori"], [], ["academy"]],
  ["Blue Moment", null, ["luna", "neon"], [], [], []],
  ["ぱられる☆わーるど", "Parallel☆World", ["sparkle"], [], ["sunshine"], []],
  ["君のとなりで", "Kimi no Tonari de", ["aoi"], [], [], []],
  ["HELLO, NEW WORLD", null, ["hoshinoko"], [], ["kirameki"], []],
  ["かくれんぼ", "Kakurenbo", ["minato"], [], ["hidamari"], []],
  ["流れ星に願いを", "Nagareboshi ni Negai wo", ["hoshizora", "sorano"], [], ["natsuiro"], []],
  ["Märchen no Mori", null, ["kanon"], [], ["marchen"], []],
  ["ミライ☆ステップ", "Mirai☆Step", ["sakuraba"], [], [], []],
  ["Starry Sky Bus", null, ["tsubame"], [], [], []],
  ["あの日の約束", "Ano Hi no Yakusoku", ["sorano"], ["mashiro"], [], ["mahoroba"]],
  ["ポップコーン・ハート", "Popcorn Heart", ["kuroneko"], [], [], []],
  ["風のメロディー", "Kaze no Melody", ["machikado"], [], ["hoshikuzu"], []],
  ["DREAMER!!", null, ["neon"], [], ["neonlights"], []],
  ["三日月ラプソディ", "Mikazuki Rhapsody", ["kanon"], ["lilia"], ["marchen"], ["lumina"]],
  ["サクラ色の空", "Sakura-iro no Sora", [], [], [], []],
];

const KPOP_ARTISTS = [
  ["haneul", "하늘소녀", "HANEUL GIRLS", "하늘소녀_image.jpg", []],
  ["byeolbit", "별빛", "Byeolbit", null, []],
  ["nova9", null, "NOVA9", "NOVA9_image.jpg", []],
  ["eclipse", "ECLIPSE", null, "ECLIPSE_image.jpg", []],
  ["seoyun", "이서윤", "Lee Seoyun", "이서윤_image.jpg", ["yuri"]],
  ["bomnal", "봄날의 기억", "Bomnarui Gieok", null, []],
  ["moonrise", "MOONRISE", null, null, []],
  ["hangyeol", "한결", "Hangyeol", "한결 image.jpg", []],
  ["parangsae", "파랑새", "Parangsae", "파랑새_image.jpg", []],
  ["crystal", "CRYSTAL HEART", null, "CRYSTAL-HEART_image.jpg", ["aria"]],
];

const KPOP_CHARACTERS = [
  ["yuri", "한유리", "Han Yuri", null],
  ["aria", null, "ARIA", null],
];

const KPOP_ALBUMS = [
  ["summer", "여름밤의 꿈", "Yeoreumbamui Kkum", "여름밤의 꿈_cover kpop.jpg", "2022-08-01"],
  ["parade", "Starlight Parade", null, "Starlight-Parade_cover.jpg", "2023-05-15"],
  ["firstlove", "첫사랑", "Cheotsarang", "첫사랑_cover kpop.jpg", "2021-02-14"],
  ["nova", "NOVA", null, "NOVA_cover.png", "2024-10-09"],
  ["blueseason", "푸른 계절", "Pureun Gyejeol", null, "2020-09-21"],
];

const KPOP_SOURCES = [
  ["cafe", "달빛 카페", "Dalbit Cafe OST", null],
  ["starbound", null, "Starbound (Game) OST", null],
];

const KPOP_SONGS = [
  ["별이 빛나는 밤", "Byeori Binnaneun Bam", ["haneul"], [], ["summer"], []],
  ["너에게 닿기를", "Neoege Dakireul", ["seoyun"], ["yuri"], [], ["cafe"]],
  ["Summer Breeze", null, ["nova9"], [], ["nova"], []],
  ["우리의 여름", "Uriui Yeoreum", ["haneul"], [], ["summer"], []],
  ["Midnight Drive", null, ["eclipse"], [], [], []],
  ["첫눈", "Cheotnun", ["byeolbit"], [], ["firstlove"], []],
  ["Butterfly Effect", null, ["moonrise"], [], [], []],
  ["달빛 산책", "Dalbit Sanchaek", ["seoyun"], [], [], ["cafe"]],
  ["Run to You", null, ["nova9"], [], ["nova"], []],
  ["너의 이름을", "Neoui Ireumeul", ["bomnal"], [], ["blueseason"], []],
  ["Blue Hour", null, ["parangsae"], [], ["blueseason"], []],
  ["비밀번호", "Bimilbeonho", ["hangyeol"], [], [], []],
  ["Candy Pop", null, ["haneul"], [], ["parade"], []],
  ["사랑의 온도", "Sarangui Ondo", ["byeolbit"], [], ["firstlove"], []],
  ["Echo", null, ["crystal"], ["aria"], [], ["starbound"]],
  ["꽃길", "Kkotgil", ["bomnal"], [], [], []],
  ["Shooting Star", null, ["eclipse", "nova9"], [], ["parade"], []],
  ["푸른 밤", "Pureun Bam", ["parangsae"], [], ["blueseason"], []],
  ["Paradise", null, ["moonrise"], [], [], []],
  ["하루 끝", "Haru Kkeut", ["hangyeol"], [], [], []],
  ["Neon Heart", null, ["crystal"], [], [], ["starbound"]],
  ["눈부신 날", "Nunbusin Nal", ["haneul", "seoyun"], [], ["parade"], []],
  ["Firework", null, ["nova9"], [], ["nova"], []],
  ["고백", "Gobaek", ["byeolbit"], [], ["firstlove"], []],
  ["Moonwalk", null, ["eclipse"], [], [], []],
  ["Lucky Day", null, ["parangsae"], [], [], []],
  ["여름 안에서", "Yeoreum Aneseo", [], [], [], []],
];

/** Fictional listeners who "request" songs (requester objects on the gateway). */
export const REQUESTERS = [
  { uuid: "6b3f1d2e-8a4c-4f0e-9c1a-2d7e5b9f0a11", username: "hoshi_fan", displayName: "ほしファン" },
  { uuid: "0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e22", username: "kwin4279", displayName: "kwin4279" },
  { uuid: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c33", username: "yuzu", displayName: "ゆず🍊" },
  { uuid: "c0ffee00-1234-4abc-9def-56789abcde44", username: "seoul_nights", displayName: "서울의 밤" },
];

/** A station event (protocol §2.9.7). `image` is filled in with the station's own URL. */
export const EVENTS = {
  jpop: { id: 73, name: "Throwback to some good stuff", slug: "throwback", presence: null },
  kpop: { id: 81, name: "K-pop Summer Festival ☀", slug: "summer-festival", presence: "summer_festival" },
};

function buildStation(station, random, nextId, data) {
  const ids = new Map();
  const idFor = (kind, key) => {
    const k = `${kind}:${key}`;
    if (!ids.has(k)) ids.set(k, nextId(kind));
    return ids.get(k);
  };
  const characters = data.characters.map(([key, name, nameRomaji, image]) => ({
    id: idFor("character", key),
    name,
    nameRomaji,
    image,
  }));
  const artists = data.artists.map(([key, name, nameRomaji, image, voices]) => ({
    id: idFor("artist", key),
    name,
    nameRomaji,
    image,
    characters: voices.map((c) => idFor("character", c)),
  }));
  const albums = data.albums.map(([key, name, nameRomaji, image, releaseDate]) => ({
    id: idFor("album", key),
    name,
    nameRomaji,
    image,
    releaseDate,
  }));
  const sources = data.sources.map(([key, name, nameRomaji, image]) => ({
    id: idFor("source", key),
    name,
    nameRomaji,
    image,
  }));
  /** @type {Song[]} */
  const songs = data.songs.map(([title, titleRomaji, a, c, al, s]) => ({
    id: nextId("song"),
    title,
    titleRomaji,
    duration: random.int(60, 280),
    artists: a.map((k) => idFor("artist", k)),
    characters: c.map((k) => idFor("character", k)),
    albums: al.map((k) => idFor("album", k)),
    sources: s.map((k) => idFor("source", k)),
    station,
  }));
  return { songs, artists, characters, albums, sources };
}

/**
 * Builds the whole catalogue for a seed. Song ids form one space shared by both stations.
 * @param {number} seed
 */
export function buildCatalogue(seed) {
  const random = createRandom(seed);
  const used = new Set();
  const ranges = {
    song: [1000, 29999],
    artist: [100, 2999],
    character: [100, 1999],
    album: [100, 6999],
    source: [100, 999],
  };
  const nextId = (kind) => {
    const [min, max] = ranges[kind];
    for (;;) {
      const id = random.int(min, max);
      if (!used.has(`${kind}:${id}`)) {
        used.add(`${kind}:${id}`);
        return id;
      }
    }
  };
  const jpop = buildStation("jpop", random, nextId, {
    artists: JPOP_ARTISTS,
    characters: JPOP_CHARACTERS,
    albums: JPOP_ALBUMS,
    sources: JPOP_SOURCES,
    songs: JPOP_SONGS,
  });
  const kpop = buildStation("kpop", random, nextId, {
    artists: KPOP_ARTISTS,
    characters: KPOP_CHARACTERS,
    albums: KPOP_ALBUMS,
    sources: KPOP_SOURCES,
    songs: KPOP_SONGS,
  });
  // Generated after the hand-written songs, from the same PRNG, so their ids stay what they were.
  const jpopMore = buildStation("jpop", random, nextId, generatedStationData("jpop", random));
  const kpopMore = buildStation("kpop", random, nextId, generatedStationData("kpop", random));
  const parts = [jpop, kpop, jpopMore, kpopMore];
  const index = (kind) => new Map(parts.flatMap((part) => part[kind]).map((item) => [item.id, item]));
  return {
    seed,
    /** The on-air rotation: the hand-written songs only. @type {Record<StationKey, Song[]>} */
    stations: { jpop: jpop.songs, kpop: kpop.songs },
    /** Every song of each station (rotation first, then the generated back catalogue). */
    library: { jpop: [...jpop.songs, ...jpopMore.songs], kpop: [...kpop.songs, ...kpopMore.songs] },
    songs: index("songs"),
    artists: index("artists"),
    characters: index("characters"),
    albums: index("albums"),
    sources: index("sources"),
  };
}

/** @typedef {ReturnType<typeof buildCatalogue>} Catalogue */

const named = ({ id, name, nameRomaji, image }) => ({ id, name, nameRomaji, image });

/**
 * A song as the gateway sends it (protocol §2.7, §3.1). v2: `characters` on the song and id
 * references on each artist, no `favorite`, no `titleRomaji`. v1 ("seed"): no characters at all,
 * plus `favorite` when the socket is authenticated.
 * @param {Catalogue} catalogue
 * @param {Song} song
 * @param {{protocol?: "v2"|"seed", favorite?: boolean, duration?: number}} [opts]
 */
export function gatewaySong(catalogue, song, opts = {}) {
  const protocol = opts.protocol ?? "v2";
  const sources = song.sources.map((id) => named(catalogue.sources.get(id)));
  const albums = song.albums.map((id) => named(catalogue.albums.get(id)));
  const duration = opts.duration ?? song.duration;
  if (protocol === "seed") {
    const artists = song.artists.map((id) => named(catalogue.artists.get(id)));
    const out = { id: song.id, title: song.title, sources, artists, albums, duration };
    if (opts.favorite !== undefined) out.favorite = opts.favorite;
    return out;
  }
  const artists = song.artists.map((id) => {
    const artist = catalogue.artists.get(id);
    const voiced = artist.characters.filter((c) => song.characters.includes(c));
    return { ...named(artist), characters: voiced.map((c) => ({ id: c })) };
  });
  const characters = song.characters.map((id) => named(catalogue.characters.get(id)));
  return { id: song.id, title: song.title, sources, artists, characters, albums, duration };
}
