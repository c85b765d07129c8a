// Types for server.mjs, so TypeScript code (tests/e2e) can import the station.

export type StationKey = "jpop" | "kpop";

export interface StationOptions {
  /** 0 = any free port. */
  port?: number;
  /** Port of the event-image host (another origin, as i.imgur.com is in production). 0 = any free port. */
  imagePort?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** "seed": the v2 gateway paths also use the legacy v1 op 0 auth handshake. */
  protocol?: "v2" | "seed";
  /** Songs last duration / speed. Default 1. */
  speed?: number;
  /** Meaning of `startTime` on the wire: the real start (default) or start + duration. */
  startTime?: "start" | "end";
  /** Catalogue and rotation seed. Default 42. */
  seed?: number;
  /** Heartbeat advertised in the welcome. Default 35000 (v1 sockets: 45000 unless given). */
  heartbeatMs?: number;
  /** Close with 4001 after this long without op 9. Default 1.5 x heartbeat; 0 disables. */
  heartbeatTimeoutMs?: number | null;
  /** Two-factor code for mika. Default "246810". */
  mfaCode?: string;
  /** Lifetime of the temporary token returned by login with two-factor. Default 120000. */
  mfaTokenTtlMs?: number;
  /** "dev": /graphql answers CORS for the request Origin; "strict": no CORS headers. Default "dev". */
  cors?: "dev" | "strict";
  /** No logging. Default true. */
  quiet?: boolean;
  /** lastPlayed[].duration: always 0, mostly 0 (default "mixed"), or real. */
  lastPlayedDurations?: "zero" | "mixed" | "real";
  /** Drift listener counts every ~10-20 s / speed. Default true. */
  listenerDrift?: boolean;
  /** Sometimes re-send a same-song TRACK_UPDATE when the count drifts. Default true. */
  rebroadcastOnDrift?: boolean;
  /** How long the graphql "timeout" fault holds a request before 504. Default 30000. */
  graphqlHangMs?: number;
  /** Initial audio burst in bytes. Default 65536 (Icecast's burst-size). */
  audioBurstBytes?: number;
  /** Initial audio burst in seconds of audio. Default 3. */
  audioBurstSeconds?: number;
  /** Where in the jingle new listeners start, in seconds. Default: the live position. */
  audioStartSeconds?: number | null;
}

export type FaultSpec =
  | { type: "drop"; station?: StationKey; code?: number; reason?: string }
  | { type: "zombie" | "no-ack" | "no-welcome"; station?: StationKey; durationMs?: number }
  | { type: "refuse"; station?: StationKey; durationMs?: number; code?: number }
  | { type: "malformed"; station?: StationKey; payload?: string }
  | { type: "wrong-shape" | "unknown" | "stale-update" | "duplicate"; station?: StationKey }
  | { type: "oversized"; station?: StationKey; bytes?: number; variant?: "track" | "junk" }
  | { type: "flood"; station?: StationKey; count?: number; durationMs?: number; wait?: boolean }
  | { type: "restart"; downMs?: number }
  | { type: "revoke-tokens"; username?: string }
  | {
      type: "graphql";
      mode: "500" | "timeout" | "errors" | "wrong-shape";
      durationMs?: number;
      count?: number;
      hangMs?: number;
      /** Only this operationName (default: every operation). */
      operation?: string;
    }
  | {
      /** One error in a chosen wording: `{data:null, errors:[{message, path?, extensions?:{code}}]}`. */
      type: "graphql";
      mode: "message";
      message: string;
      /** `extensions.code`; absent = no extensions. */
      code?: string;
      /** HTTP status, default 200. */
      status?: number;
      /** false = no `path` (a request-level error); default: the operation's root field. */
      path?: boolean;
      operation?: string;
      durationMs?: number;
      count?: number;
    }
  | {
      type: "audio";
      mode: "cut" | "stall" | "404" | "503";
      mount?: string;
      durationMs?: number;
      count?: number;
    };

export interface GatewaySong {
  id: number;
  title: string;
  sources: { id: number; name: string | null; nameRomaji: string | null; image: string | null }[];
  artists: {
    id: number;
    name: string | null;
    nameRomaji: string | null;
    image: string | null;
    characters?: { id: number }[];
  }[];
  characters?: { id: number; name: string | null; nameRomaji: string | null; image: string | null }[];
  albums: { id: number; name: string | null; nameRomaji: string | null; image: string | null }[];
  duration: number;
  favorite?: boolean;
}

export interface TrackPayload {
  song: GatewaySong;
  requester: { uuid: string; username: string; displayName: string } | null;
  event: { id: number; name: string; slug: string; presence: string | null; image: string } | null;
  startTime: string;
  lastPlayed: GatewaySong[];
  queue?: { inQueue: number; inQueueByUser: number; inQueueBeforeUser: number };
  listeners: number;
}

export interface ConnectionEntry {
  id: number;
  path: string;
  station: StationKey;
  protocol: "v2" | "seed";
  openedAt: string;
  closedAt: string | null;
  closeCode: number | null;
  closeReason: string | null;
  closedBy: "server" | "client" | null;
  firstFrame: string | null;
  user: string | null;
  framesSent: number;
  framesReceived: number;
}

export interface StationSnapshot {
  song: GatewaySong;
  titleRomaji: string | null;
  startedAt: string;
  startTime: string;
  listeners: number;
  lastPlayed: GatewaySong[];
  requester: TrackPayload["requester"];
  event: TrackPayload["event"];
  queue: number;
  speed: number;
  payload: TrackPayload;
}

export interface StationState {
  url: string;
  /** Origin of the event images. */
  imageOrigin: string;
  config: Record<string, unknown>;
  stations: Record<StationKey, StationSnapshot>;
  sockets: { jpop: number; kpop: number; total: number };
  connections: ConnectionEntry[];
  audio: {
    open: Record<string, number>;
    requests: { path: string; query: string; at: string; status: number; range: string | null }[];
  };
  images: string[];
  graphql: { at: string; operationName: string | null; status: number; fault: string | null }[];
  /** Active faults grouped by type ({} when none). */
  faults: Record<
    string,
    {
      id: number;
      type: string;
      station?: StationKey;
      mount?: string;
      mode?: string;
      since: number;
      until: number | null;
      remaining: number | null;
      params: Record<string, unknown>;
    }[]
  >;
  faultLog: { type: string; at: number; params: Record<string, unknown> }[];
  favorites: Record<string, number[]>;
  /** Song requests each user made today (UTC), for the daily limit. */
  requestsToday: Record<string, number>;
  /** Profile overrides set through `profile` (until `reset`). */
  profiles: Record<string, { displayName?: string | null; avatarImage?: string | null }>;
}

export interface RunningStation {
  /** "http://127.0.0.1:PORT" */
  url: string;
  /** Origin of the event images ("http://127.0.0.1:OTHER_PORT"): event.image URLs point here. */
  imageOrigin: string;
  port: number;
  host: string;
  /** Live configuration; change it with configure(). */
  config: Record<string, unknown>;
  close(): Promise<void>;
  /** Drops every connection and listens again on the same port (catalogue position kept). */
  restart(options?: { downMs?: number }): Promise<void>;
  state(): StationState;
  next(station: StationKey): { ok: true; song: GatewaySong };
  fault(spec: FaultSpec): Promise<{ ok: true; [key: string]: unknown }>;
  clearFaults(filter?: { id?: number; type?: string }): { ok: true; cleared: number };
  configure(patch: {
    heartbeatMs?: number;
    heartbeatTimeoutMs?: number | null;
    speed?: number;
    startTime?: "start" | "end";
    lastPlayedDurations?: "zero" | "mixed" | "real";
    protocol?: "v2" | "seed";
    cors?: "dev" | "strict";
    mfaCode?: string;
    mfaTokenTtlMs?: number;
    graphqlHangMs?: number;
    audioBurstBytes?: number;
    audioBurstSeconds?: number;
    audioStartSeconds?: number | null;
  }): { ok: true; config: Record<string, unknown> };
  /** `requests`: forget every song request (daily counts) and empty both request queues. */
  reset(options?: { favorites?: boolean; tokens?: boolean; requests?: boolean }): { ok: true };
  /** Broadcasts one TRACK_UPDATE built from the current one with these fields replaced (inject.mjs). */
  inject(spec: {
    station: StationKey;
    song?: Partial<GatewaySong> & Record<string, unknown>;
    requester?: Record<string, unknown> | null;
    event?: Record<string, unknown> | null;
    lastPlayed?: unknown[];
    startTime?: string | null;
  }): { ok: true; sent: number; payload: TrackPayload };
  /** Overrides what GraphQL says about a user until `reset`. */
  profile(spec: { username: string; displayName?: string | null; avatarImage?: string | null }): {
    ok: true;
    profiles: Record<string, { displayName?: string | null; avatarImage?: string | null }>;
  };
  /**
   * `count` real updates on one station, `intervalMs` apart (0 = as fast as possible): "track" advances
   * the song each time, "listeners" re-sends the same song with the listener count one higher.
   * With `wait`, resolves once all went out, with the final song and listener count.
   */
  burst(spec: {
    station: StationKey;
    kind?: "track" | "listeners";
    count?: number;
    intervalMs?: number;
    wait?: boolean;
  }): Promise<{
    ok: true;
    station: StationKey;
    kind: "track" | "listeners";
    count: number;
    song?: GatewaySong;
    listeners?: number;
  }>;
  /** Runs a GraphQL request in-process. */
  graphql(request: {
    query: string;
    variables?: Record<string, unknown>;
    operationName?: string;
    authorization?: string;
  }): Promise<{ status: number; body: { data?: unknown; errors?: { message: string }[] } }>;
  // Internals, for in-process tests.
  catalogue: unknown;
  stations: Record<StationKey, unknown>;
  gateway: unknown;
  faults: unknown;
  tokens: unknown;
  favorites: {
    list(username: string): { songId: number; createdAt: number }[];
    has(username: string, songId: number): boolean;
    toggle(username: string, songId: number): boolean;
    snapshot(): Record<string, number[]>;
    reset(): void;
  };
  audio: unknown;
  cdn: unknown;
}

export function startStation(options?: StationOptions): Promise<RunningStation>;
