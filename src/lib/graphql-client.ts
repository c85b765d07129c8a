/**
 * One GraphQL POST over fetch: `{operationName, query, variables}`, an optional bearer token, a timeout,
 * and every failure turned into a typed `GraphqlError` whose message a person can read. The token is
 * sent in a header only; it never appears in a URL, a message or a log.
 */
import * as v from "valibot";
import { endpoints } from "./config";
import { ENGLISH, getT, type Messages } from "./i18n";

export const GRAPHQL_TIMEOUT_MS = 12_000;

export type GraphqlErrorKind =
  /** fetch itself failed: offline, DNS, CORS, connection reset. */
  | "network"
  | "timeout"
  /** HTTP 5xx. */
  | "server"
  /** HTTP 429. */
  | "rate-limited"
  /** HTTP 401/403, or an `errors` entry that says the token is not (or no longer) good. */
  | "unauthorized"
  /** Any other `errors` envelope: the server understood and said no. */
  | "rejected"
  /** Not JSON, or JSON that does not match the schema. */
  | "bad-response";

/** What a person reads for an error of `kind`, in the dictionary's language. */
export function graphqlErrorText(
  t: Messages,
  kind: GraphqlErrorKind,
  serverMessages: readonly string[] = [],
): string {
  return kind === "rejected" && serverMessages.length > 0
    ? t.errors.serverSaid(serverMessages.join(" "))
    : t.errors[kind];
}

export class GraphqlError extends Error {
  readonly kind: GraphqlErrorKind;
  /** HTTP status when there was a response. */
  readonly status: number | null;
  /** `errors[].message` from the server, shown only as text and never containing our token. */
  readonly serverMessages: readonly string[];

  constructor(kind: GraphqlErrorKind, options: { status?: number | null; serverMessages?: string[] } = {}) {
    const server = options.serverMessages ?? [];
    // Logs stay in English; people see `errorMessage(error)`, in their language.
    super(graphqlErrorText(ENGLISH, kind, server));
    this.name = "GraphqlError";
    this.kind = kind;
    this.status = options.status ?? null;
    this.serverMessages = server;
  }

  /** Worth retrying without the user changing anything. */
  get transient(): boolean {
    return this.kind === "network" || this.kind === "timeout" || this.kind === "server";
  }
}

export function isGraphqlError(error: unknown, kind?: GraphqlErrorKind): error is GraphqlError {
  return error instanceof GraphqlError && (kind === undefined || error.kind === kind);
}

/** The user-facing text for anything a request can throw, in the page's language. */
export function errorMessage(error: unknown, t: Messages = getT()): string {
  return error instanceof GraphqlError
    ? graphqlErrorText(t, error.kind, error.serverMessages)
    : t.errors.unknown;
}

/** LISTEN.moe's REST-era wording, which the GraphQL API is expected to reuse (protocol §4.1, §4.4). */
const UNAUTHORIZED_TEXT = /invalid authori[sz]ation|not authori[sz]ed|unauthori[sz]ed|unauthenticated/i;
const INTERNAL_ERROR_TEXT = /internal server error/i;
const UNAUTHORIZED_CODES: ReadonlySet<string> = new Set(["UNAUTHENTICATED", "FORBIDDEN"]);
/** Server text is shown to people: keep it short. */
const MAX_SERVER_MESSAGE = 200;

const envelopeSchema = v.object({
  data: v.optional(v.unknown()),
  errors: v.optional(
    v.array(
      v.looseObject({
        message: v.optional(v.string(), ""),
        extensions: v.optional(v.looseObject({ code: v.optional(v.unknown()) })),
      }),
    ),
  ),
});

type EnvelopeErrors = NonNullable<v.InferOutput<typeof envelopeSchema>["errors"]>;

function errorFromEnvelope(errors: EnvelopeErrors, status: number): GraphqlError {
  const messages = errors.map((e) => e.message.slice(0, MAX_SERVER_MESSAGE)).filter(Boolean);
  const unauthorized = errors.some(
    (e) =>
      UNAUTHORIZED_TEXT.test(e.message) ||
      (typeof e.extensions?.code === "string" && UNAUTHORIZED_CODES.has(e.extensions.code)),
  );
  if (unauthorized) return new GraphqlError("unauthorized", { status, serverMessages: messages });
  // Apollo reports its own crashes inside a 200 answer; that is the server's problem, not a "no".
  const crashed = errors.some(
    (e) => e.extensions?.code === "INTERNAL_SERVER_ERROR" || INTERNAL_ERROR_TEXT.test(e.message),
  );
  return new GraphqlError(crashed ? "server" : "rejected", { status, serverMessages: messages });
}

function errorFromStatus(status: number): GraphqlError | null {
  if (status >= 500) return new GraphqlError("server", { status });
  if (status === 429) return new GraphqlError("rate-limited", { status });
  if (status === 401 || status === 403) return new GraphqlError("unauthorized", { status });
  return null;
}

export interface GraphqlRequest<TSchema extends v.GenericSchema> {
  operationName: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string | null;
  /** Validates `data`; its output is what the request resolves to. */
  schema: TSchema;
  /** The caller's cancellation (TanStack Query passes one). */
  signal?: AbortSignal;
  timeoutMs?: number;
  url?: string;
}

/** Relative endpoints ("/graphql") resolve against the page, so fetch gets an absolute URL everywhere. */
export function graphqlEndpoint(url = endpoints.graphqlUrl): string {
  const base = typeof location === "undefined" ? undefined : location.href;
  return new URL(url, base).href;
}

export async function graphqlRequest<TSchema extends v.GenericSchema>(
  request: GraphqlRequest<TSchema>,
): Promise<v.InferOutput<TSchema>> {
  const { operationName, query, variables = {}, token, schema, signal } = request;
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs ?? GRAPHQL_TIMEOUT_MS);
  const onCallerAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) onCallerAbort();
  signal?.addEventListener("abort", onCallerAbort, { once: true });

  try {
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(graphqlEndpoint(request.url), {
        method: "POST",
        headers,
        body: JSON.stringify({ operationName, query, variables }),
        signal: controller.signal,
      });
      body = await response.json().catch(() => undefined);
    } catch (error) {
      if (timedOut) throw new GraphqlError("timeout");
      // The caller cancelled: hand its own reason back so the query library recognises it.
      if (signal?.aborted) throw signal.reason ?? error;
      throw new GraphqlError("network");
    }
    // A body cut off by our timer or the caller reads as "not JSON"; say what really happened.
    if (timedOut) throw new GraphqlError("timeout");
    if (signal?.aborted) throw signal.reason;

    const envelope = v.safeParse(envelopeSchema, body);
    if (!envelope.success) {
      throw errorFromStatus(response.status) ?? new GraphqlError("bad-response", { status: response.status });
    }
    const { data, errors } = envelope.output;
    // 5xx wins over whatever the body says; a GraphQL `errors` list is more precise than other statuses.
    if (response.status >= 500) throw new GraphqlError("server", { status: response.status });
    if (errors && errors.length > 0) throw errorFromEnvelope(errors, response.status);
    const failed = errorFromStatus(response.status);
    if (failed) throw failed;
    if (!response.ok) throw new GraphqlError("bad-response", { status: response.status });

    const parsed = v.safeParse(schema, data);
    if (!parsed.success) throw new GraphqlError("bad-response", { status: response.status });
    return parsed.output;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onCallerAbort);
  }
}
