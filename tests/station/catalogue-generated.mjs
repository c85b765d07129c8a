// The station's back catalogue: thousands of generated songs beside the hand-written ones, so a
// listener can have 2,600 favorites (production accounts do) and search has something to search.
// Only the hand-written songs are in the on-air rotation (catalogue.stations), so existing tests
// about what plays keep their songs; generated ones play when requested.
//
// Titles are built from word lists crossed in a seeded order, so every title is unique within its
// station and the same seed always gives the same catalogue. Data comes back in the same tuple
// shapes as the hand-written tables in catalogue.mjs, so one builder handles both.

/** How many generated songs each station gets. */
export const GENERATED_SONGS = { jpop: 1700, kpop: 1100 };

// [native, romaji]
const JP_FIRST = [
  ["星", "Hoshi"],
  ["空", "Sora"],
  ["夢", "Yume"],
  ["恋", "Koi"],
  ["風", "Kaze"],
  ["花", "Hana"],
  ["月", "Tsuki"],
  ["海", "Umi"],
  ["雨", "Ame"],
  ["夜", "Yoru"],
  ["光", "Hikari"],
  ["虹", "Niji"],
  ["雪", "Yuki"],
  ["桜", "Sakura"],
  ["朝", "Asa"],
  ["心", "Kokoro"],
];
const JP_SECOND = [
  ["色", "iro"],
  ["降る", "furu"],
  ["待ち", "machi"],
  ["あかり", "akari"],
  ["だより", "dayori"],
  ["まつり", "matsuri"],
  ["かぜ", "kaze"],
  ["ゆめ", "yume"],
  ["いろは", "iroha"],
  ["めぐり", "meguri"],
  ["がたり", "gatari"],
  ["あそび", "asobi"],
  ["しるべ", "shirube"],
  ["むすび", "musubi"],
  ["ひかり", "hikari"],
  ["ことば", "kotoba"],
];
const JP_SUFFIX = [
  ["のうた", " no Uta"],
  ["メロディー", " Melody"],
  ["ダイアリー", " Diary"],
  ["ワルツ", " Waltz"],
  ["セレナーデ", " Serenade"],
  ["パレード", " Parade"],
  ["ラプソディ", " Rhapsody"],
  ["", ""],
];
const KR_FIRST = [
  ["별빛", "Byeolbit"],
  ["하늘", "Haneul"],
  ["바다", "Bada"],
  ["여름", "Yeoreum"],
  ["겨울", "Gyeoul"],
  ["달빛", "Dalbit"],
  ["봄날", "Bomnal"],
  ["첫눈", "Cheotnun"],
  ["노을", "Noeul"],
  ["새벽", "Saebyeok"],
  ["꽃잎", "Kkochip"],
  ["바람", "Baram"],
  ["무지개", "Mujigae"],
  ["은하", "Eunha"],
];
const KR_SECOND = [
  ["속으로", " Sogeuro"],
  ["아래", " Arae"],
  ["의 노래", "ui Norae"],
  ["의 꿈", "ui Kkum"],
  ["편지", " Pyeonji"],
  ["여행", " Yeohaeng"],
  ["소년", " Sonyeon"],
  ["소녀", " Sonyeo"],
  ["산책", " Sanchaek"],
  ["일기", " Ilgi"],
];
const KR_SUFFIX = [
  ["", ""],
  [" (Remix)", " (Remix)"],
  [" Part 2", " Part 2"],
  [" (Acoustic)", " (Acoustic)"],
  [" Ver. 2", " Ver. 2"],
  [" (Live)", " (Live)"],
  [" (Inst.)", " (Inst.)"],
  [" 2026", " 2026"],
];

// Artists, albums and sources for generated songs: [name, nameRomaji]; some names native-only or
// romaji-only, as in production.
const JP_ARTIST_NAMES = [
  ["ひなたカルテット", "Hinata Quartet"],
  ["夜空ポラリス", "Yozora Polaris"],
  [null, "MOMO BEAT"],
  ["水無月レイ", "Minazuki Rei"],
  ["PASTEL PARADE", null],
  ["白雪ミュージカ", "Shirayuki Musica"],
  ["しおかぜ放送部", "Shiokaze Housoubu"],
  [null, "Kirakira Lab"],
  ["朝霧まどか", "Asagiri Madoka"],
  ["Lemonade Syrup", null],
  ["天の川ガールズ", "Amanogawa Girls"],
  ["三日月こはる", "Mikazuki Koharu"],
];
const KR_ARTIST_NAMES = [
  ["은하수", "Eunhasu"],
  [null, "STARLIGHT 7"],
  ["PRISM", null],
  ["하루소녀", "HARU GIRLS"],
  ["김다은", "Kim Daeun"],
  [null, "LUMI"],
  ["새벽별", "Saebyeokbyeol"],
  ["ORBIT", null],
];
const JP_ALBUM_NAMES = [
  ["ひかりのアルバム", "Hikari no Album"],
  ["Colorful Days", null],
  ["星めぐりの夜", "Hoshimeguri no Yoru"],
  ["Summer Memories", null],
  ["ゆめいろパレット", "Yumeiro Palette"],
  ["Best of 2025", null],
];
const KR_ALBUM_NAMES = [
  ["우리들의 계절", "Urideurui Gyejeol"],
  ["Starlight Diary", null],
  ["첫 번째 이야기", "Cheot Beonjjae Iyagi"],
  ["Blue Wave", null],
];
const JP_SOURCE_NAMES = [
  [null, "Mahou Shoujo Lumi OP"],
  ["ほしぞら学園", "Hoshizora Gakuen ED"],
  [null, "Skyline Drift (Game)"],
];
const KR_SOURCE_NAMES = [
  ["별빛 드라마", "Byeolbit Drama OST"],
  [null, "Neon City (Game) OST"],
];

/** Every [first, second, suffix] combination, in a seeded order. */
function crossed(random, first, second, suffix) {
  const all = [];
  for (const a of first) for (const b of second) for (const c of suffix) all.push([a, b, c]);
  return random.shuffle(all);
}

/**
 * Generated station data in catalogue.mjs's tuple shapes (keys are prefixed so they never meet
 * the hand-written ones).
 * @param {"jpop"|"kpop"} station
 * @param {{int(min:number,max:number):number, shuffle<T>(list:T[]):T[], next():number}} random
 */
export function generatedStationData(station, random) {
  const jp = station === "jpop";
  const key = (kind, i) => `gen-${kind}-${i}`;
  const artists = (jp ? JP_ARTIST_NAMES : KR_ARTIST_NAMES).map(([name, romaji], i) => [
    key("artist", i),
    name,
    romaji,
    i % 3 === 0 ? `${name ?? romaji}_image.jpg` : null,
    [],
  ]);
  const albums = (jp ? JP_ALBUM_NAMES : KR_ALBUM_NAMES).map(([name, romaji], i) => [
    key("album", i),
    name ?? romaji,
    name ? romaji : null,
    `${name ?? romaji}_cover.jpg`,
    `20${10 + i}-0${1 + (i % 9)}-15`,
  ]);
  const sources = (jp ? JP_SOURCE_NAMES : KR_SOURCE_NAMES).map(([name, romaji], i) => [
    key("source", i),
    name,
    romaji,
    null,
  ]);
  const combos = jp
    ? crossed(random, JP_FIRST, JP_SECOND, JP_SUFFIX)
    : crossed(random, KR_FIRST, KR_SECOND, KR_SUFFIX);
  const count = GENERATED_SONGS[station];
  if (combos.length < count) throw new Error(`not enough title combinations for ${station}`);
  const songs = combos.slice(0, count).map(([a, b, c]) => {
    const artistKeys = [key("artist", random.int(0, artists.length - 1))];
    if (random.next() < 0.1) artistKeys.push(key("artist", random.int(0, artists.length - 1)));
    const albumKeys = random.next() < 0.6 ? [key("album", random.int(0, albums.length - 1))] : [];
    const sourceKeys = random.next() < 0.2 ? [key("source", random.int(0, sources.length - 1))] : [];
    return [
      `${a[0]}${b[0]}${c[0]}`,
      `${a[1]}${b[1]}${c[1]}`.trim(),
      [...new Set(artistKeys)],
      [],
      albumKeys,
      sourceKeys,
    ];
  });
  return { artists, characters: [], albums, sources, songs };
}
