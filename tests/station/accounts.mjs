// Demo accounts and their favorites. Log in with the username OR the e-mail address.
//   kana / kana-password: no two-factor.
//   mika / mika-password: two-factor; the one-time code is the station's `mfaCode` (default 246810).

import { REQUESTERS } from "./catalogue.mjs";
import { createRandom } from "./random.mjs";

/** kana's favorites per station: 3 + 1 hand-picked rotation songs, the rest from the back catalogue. */
export const KANA_FAVORITES = { jpop: 1600, kpop: 1000 };

export const DEFAULT_MFA_CODE = "246810";

/**
 * @typedef {object} Account
 * @property {string} uuid
 * @property {string} username
 * @property {string} email
 * @property {string} password
 * @property {string} displayName
 * @property {boolean} mfa
 * @property {string|null} avatarImage
 * @property {string|null} bannerImage
 * @property {string|null} bio
 * @property {{name:string, slug:string, color:string|null, songRequests:number}[]} roles
 */

/** @type {readonly Account[]} */
export const DEMO_ACCOUNTS = Object.freeze([
  {
    uuid: "5f0c9a8e-2b1d-4e6f-9a3c-7d8e1f2a3b4c",
    username: "kana",
    email: "kana@example.test",
    password: "kana-password",
    displayName: "Kana",
    mfa: false,
    avatarImage: "かな_avatar.png",
    bannerImage: "kana banner.jpg",
    bio: "Listening since 2017 ♪",
    roles: [{ name: "User", slug: "user", color: null, songRequests: 5 }],
  },
  {
    uuid: "9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
    username: "mika",
    email: "mika@example.test",
    password: "mika-password",
    displayName: "Mika",
    mfa: true,
    avatarImage: "mika_avatar.png",
    bannerImage: null,
    bio: null,
    roles: [
      { name: "Supporter", slug: "supporter", color: "#ff66aa", songRequests: 10 },
      { name: "User", slug: "user", color: null, songRequests: 5 },
    ],
  },
]);

/** Finds a demo account by username or e-mail (case-insensitive). */
export function findAccount(login) {
  const needle = String(login).trim().toLowerCase();
  return DEMO_ACCOUNTS.find((a) => a.username === needle || a.email === needle) ?? null;
}

/** Public profile for any known username: a demo account or one of the fictional requesters. */
export function findProfile(username) {
  const account = DEMO_ACCOUNTS.find((a) => a.username.toLowerCase() === String(username).toLowerCase());
  if (account) return account;
  const requester = REQUESTERS.find((r) => r.username.toLowerCase() === String(username).toLowerCase());
  if (!requester) return null;
  return { ...requester, email: null, avatarImage: null, bannerImage: null, bio: null, roles: [] };
}

/**
 * kana's favorites from the generated back catalogue (never the rotation, so which on-air songs
 * are hearted stays as it was): a seeded pick per station, favorited between 41 days and ~8 years
 * ago, so the hand-picked ones stay the most recent.
 * @param {import("./catalogue.mjs").Catalogue} catalogue
 * @param {number} now
 * @param {[number, number]} handPicked how many J-pop / K-pop favorites are already hand-picked
 */
function backCatalogueFavorites(catalogue, now, [jpopHand, kpopHand]) {
  const random = createRandom(catalogue.seed ^ 0x6b616e61);
  const day = 86_400_000;
  const pick = (key, count) => {
    const rotation = new Set(catalogue.stations[key].map((s) => s.id));
    const pool = catalogue.library[key].filter((s) => !rotation.has(s.id));
    return random.shuffle(pool).slice(0, count);
  };
  const songs = [
    ...pick("jpop", KANA_FAVORITES.jpop - jpopHand),
    ...pick("kpop", KANA_FAVORITES.kpop - kpopHand),
  ];
  return songs.map((song) => ({
    songId: song.id,
    createdAt: now - 41 * day - random.int(0, 2900) * day - random.int(0, day - 1),
  }));
}

/**
 * Per-user favorites, seeded from the catalogue: kana gets 2,600 (1,600 J-pop, 1,000 K-pop; four
 * hand-picked rotation songs first), mika one J-pop and two K-pop songs. createdAt is epoch ms.
 * @param {import("./catalogue.mjs").Catalogue} catalogue
 * @param {number} now
 */
export function createFavorites(catalogue, now) {
  const day = 86_400_000;
  const seed = () => {
    const j = catalogue.stations.jpop;
    const k = catalogue.stations.kpop;
    return new Map([
      [
        "kana",
        [
          { songId: j[0].id, createdAt: now - 40 * day },
          { songId: j[3].id, createdAt: now - 12 * day },
          { songId: k[2].id, createdAt: now - 5 * day },
          { songId: j[7].id, createdAt: now - 2 * day },
          ...backCatalogueFavorites(catalogue, now, [3, 1]),
        ],
      ],
      [
        "mika",
        [
          { songId: k[0].id, createdAt: now - 30 * day },
          { songId: j[1].id, createdAt: now - 9 * day },
          { songId: k[4].id, createdAt: now - day },
        ],
      ],
    ]);
  };
  let table = seed();
  return {
    /** Favorites of a user, most recent first. */
    list(username) {
      return [...(table.get(username) ?? [])].sort((a, b) => b.createdAt - a.createdAt);
    },
    has(username, songId) {
      return (table.get(username) ?? []).some((f) => f.songId === songId);
    },
    /** Toggles a favorite; returns the new state. */
    toggle(username, songId) {
      const list = table.get(username) ?? [];
      const index = list.findIndex((f) => f.songId === songId);
      if (index >= 0) list.splice(index, 1);
      else list.push({ songId, createdAt: Date.now() });
      table.set(username, list);
      return index < 0;
    },
    /** `{username: [songIds]}` for the control API. */
    snapshot() {
      return Object.fromEntries([...table].map(([user, list]) => [user, list.map((f) => f.songId)]));
    },
    reset() {
      table = seed();
    },
  };
}
