// Types for accounts.mjs.

export interface Account {
  uuid: string;
  username: string;
  email: string;
  password: string;
  displayName: string;
  mfa: boolean;
  avatarImage: string | null;
  bannerImage: string | null;
  bio: string | null;
  roles: { name: string; slug: string; color: string | null; songRequests: number }[];
}

export const DEFAULT_MFA_CODE: string;
/** kana's seeded favorites per station (2,600 in all). */
export const KANA_FAVORITES: { readonly jpop: number; readonly kpop: number };
export const DEMO_ACCOUNTS: readonly Account[];
export function findAccount(login: string): Account | null;
export function findProfile(username: string): Omit<Account, "email" | "password" | "mfa"> | null;
export function createFavorites(
  catalogue: unknown,
  now: number,
): {
  list(username: string): { songId: number; createdAt: number }[];
  has(username: string, songId: number): boolean;
  toggle(username: string, songId: number): boolean;
  snapshot(): Record<string, number[]>;
  reset(): void;
};
