/**
 * One GraphQL POST over fetch: `{operationName, query, variables}`, an optional bearer token, a timeout,
 * and every failure turned into a typed `GraphqlError` whose message a person can read. The token is
 * sent in a header only; it never appears in a URL, a message or a log.
 */
import * as v from "valibot";
import { endpoints } from "./config";
import { type ErrorMessages, errorMessages } from "./error-messages";
import { getMessages } from "./i18n";

export const GRAPHQL_TIMEOUT_MS = 12_000;

export type GraphqlErrorKind =
  /** fetch itself failed: offline, DNS, CORS, connection reset. */
  | "network"
  | "timeout"
  /** HTTP 5xx. */
  | "server"
  /** HTTP 429. */
  | "rate-limited"
  /** HTTP 401/403, `extensions.code` UNAUTHENTICATED, or (no telling code) "Invalid authorization." */
  | "unauthorized"
  /** Any other `errors` envelope: the server understood and said no. */
  | "rejected"
  /** Not JSON, or JSON that does not match the schema. */
  | "bad-response";

/** What a person reads for an error of `kind`, in the dictionary's language. */
export function graphqlErrorText(
  words: ErrorMessages,
  kind: GraphqlErrorKind,
  serverMessages: readonly string[] = [],
): string {
  return kind === "rejected" && serverMessages.length > 0
    ? words.serverSaid(serverMessages.join(" "))
    : words[kind];
}

/** One `errors[]` entry as the server sent it: its words, its machine code and the field it is about. */
export interface GraphqlProblem {
  message: string;
  /** `extensions.code` (Apollo: UNAUTHENTICATED, BAD_USER_INPUT, INTERNAL_SERVER_ERROR, …), if any. */
  code: string | null;
  /** The response path of the field that failed (`["loginMFA"]`); null for request-level errors. */
  path: readonly (string | number)[] | null;
}

export class GraphqlError extends Error {
  readonly kind: GraphqlErrorKind;
  /** HTTP status when there was a response. */
  readonly status: number | null;
  /** `errors[].message` from the server, shown only as text and never containing our token. */
  readonly serverMessages: readonly string[];
  /** The `errors` entries, for callers that classify by code and path (login does). */
  readonly problems: readonly GraphqlProblem[];

  constructor(
    kind: GraphqlErrorKind,
    options: { status?: number | null; serverMessages?: string[]; problems?: GraphqlProblem[] } = {},
  ) {
    const server = options.serverMessages ?? [];
    // Logs stay in English; people see `errorMessage(error)`, in their language.
    super(graphqlErrorText(errorMessages.en, kind, server));
    this.name = "GraphqlError";
    this.kind = kind;
    this.status = options.status ?? null;
    this.serverMessages = server;
    this.problems = options.problems ?? [];
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
export function errorMessage(error: unknown, words: ErrorMessages = getMessages(errorMessages)): string {
  return error instanceof GraphqlError
    ? graphqlErrorText(words, error.kind, error.serverMessages)
    : words.unknown;
}

/**
 * LISTEN.moe's REST-era wording, which the GraphQL API may reuse (protocol §4.1, §4.4). No source shows
 * the GraphQL texts, so wording is the last resort, after the status and `extensions.code`.
 */
const UNAUTHORIZED_TEXT = /invalid authori[sz]ation|not authori[sz]ed|unauthori[sz]ed|unauthenticated/i;
const INTERNAL_ERROR_TEXT = /internal server error/i;
/** Codes that say "the request was understood and refused": the server's words are the answer. */
const REFUSAL_CODES: ReadonlySet<string> = new Set([
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "BAD_REQUEST",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
]);
/** Server text is shown to people: keep it short. */
const MAX_SERVER_MESSAGE = 200;

const envelopeSchema = v.object({
  data: v.optional(v.unknown()),
  errors: v.optional(
    v.array(
      v.looseObject({
        message: v.optional(v.string(), ""),
        path: v.optional(v.unknown()),
        extensions: v.optional(v.looseObject({ code: v.optional(v.unknown()) })),
      }),
    ),
  ),
});

type EnvelopeErrors = NonNullable<v.InferOutput<typeof envelopeSchema>["errors"]>;

function toProblem(entry: EnvelopeErrors[number]): GraphqlProblem {
  const code = entry.extensions?.code;
  const path = Array.isArray(entry.path)
    ? entry.path.filter(
        (part): part is string | number => typeof part === "string" || typeof part === "number",
      )
    : null;
  return {
    message: entry.message.slice(0, MAX_SERVER_MESSAGE),
    code: typeof code === "string" ? code : null,
    path,
  };
}

/**
 * One `errors` entry, by structure first: a code that means something decides; Apollo's
 * INTERNAL_SERVER_ERROR is also what any thrown resolver error gets, so it decides nothing alone.
 * Then the words; then the path: a crash outside any field is the server's, a field's "no" is a refusal.
 */
export function classifyProblem(problem: GraphqlProblem): GraphqlErrorKind {
  if (problem.code === "UNAUTHENTICATED") return "unauthorized";
  if (problem.code !== null && REFUSAL_CODES.has(problem.code)) return "rejected";
  if (UNAUTHORIZED_TEXT.test(problem.message)) return "unauthorized";
  if (INTERNAL_ERROR_TEXT.test(problem.message)) return "server";
  if (problem.code === "INTERNAL_SERVER_ERROR" && (problem.path === null || problem.path.length === 0))
    return "server";
  return "rejected";
}

function errorFromEnvelope(errors: EnvelopeErrors, status: number): GraphqlError {
  const problems = errors.map(toProblem);
  const messages = problems.map((p) => p.message).filter(Boolean);
  const kinds = problems.map(classifyProblem);
  // A 401 is the clearest signal there is, whatever the body says.
  const kind: GraphqlErrorKind =
    status === 401 || kinds.includes("unauthorized")
      ? "unauthorized"
      : kinds.includes("server")
        ? "server"
        : "rejected";
  return new GraphqlError(kind, { status, serverMessages: messages, problems });
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
    // Structure first: 5xx and 429 win over whatever the body says (401 too, in errorFromEnvelope); for
    // other statuses a GraphQL `errors` list is more precise.
    if (response.status >= 500) throw new GraphqlError("server", { status: response.status });
    if (response.status === 429) throw new GraphqlError("rate-limited", { status: response.status });
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
