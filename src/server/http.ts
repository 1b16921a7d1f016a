import { PortOneApiError, type PortOneApiErrorInit } from './errors.js';
import type { FetchLike } from './types.js';

export interface HttpConfig {
  /** Without a trailing slash. */
  baseUrl: string;
  timeoutMs: number;
  fetch: FetchLike;
  tierCode: string | undefined;
  /** Scrubbed from anything that ends up in an error. */
  secret: string;
}

export interface ApiCall {
  method: 'GET' | 'POST';
  /** Already URL-encoded. */
  path: string;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  /** The access token; absent only for the token request itself. */
  token?: string;
}

interface Envelope {
  code: number;
  message: string | null;
  response: unknown;
}

const REDACTED = '[redacted]';
const MAX_CAUSE_DEPTH = 4;

/** One HTTP exchange with PortOne: URL, headers, timeout, the `{ code, message, response }` envelope, typed errors. */
export class PortOneHttp {
  readonly #config: HttpConfig;

  constructor(config: HttpConfig) {
    this.#config = config;
  }

  /** Returns the envelope's `response`, or throws a `PortOneApiError`. */
  async send(call: ApiCall): Promise<unknown> {
    const { baseUrl, timeoutMs, fetch, tierCode, secret } = this.#config;
    const endpoint = endpointOf(call);
    // Server text and a custom fetch's errors could echo what we sent; scrub both before they reach an error.
    const redact = (text: string): string => scrub(text, [secret, call.token]);
    const fail = (init: Omit<PortOneApiErrorInit, 'endpoint'>): PortOneApiError =>
      new PortOneApiError({ ...init, endpoint, detail: redact(init.detail) });

    const headers: Record<string, string> = { Accept: 'application/json' };
    if (call.body) headers['Content-Type'] = 'application/json';
    if (call.token !== undefined) {
      headers.Authorization = `Bearer ${call.token}`;
      if (tierCode) headers.Tier = tierCode;
    }
    const query = call.query ? `?${new URLSearchParams(call.query)}` : '';
    // The timeout covers reading the body too, so a reply that stalls halfway still ends.
    const signal = AbortSignal.timeout(timeoutMs);

    let status: number | undefined;
    let ok = false;
    let text: string;
    try {
      const response = await fetch(`${baseUrl}${call.path}${query}`, {
        method: call.method,
        headers,
        ...(call.body ? { body: JSON.stringify(call.body) } : {}),
        signal,
      });
      status = response.status;
      ok = response.ok;
      text = await response.text();
    } catch (error) {
      const cause = safeCopy(error, redact);
      if (signal.aborted) throw fail({ kind: 'timeout', detail: `no complete reply within ${timeoutMs} ms`, status, cause });
      throw fail({ kind: 'network', detail: status === undefined ? 'no reply' : 'the reply broke off', status, cause });
    }

    const envelope = parseEnvelope(text);
    const said = envelope ? `code ${envelope.code}: ${envelope.message ?? '(no message)'}` : 'no PortOne envelope in the body';
    if (!ok) throw fail({ kind: 'http', detail: `HTTP ${status}, ${said}`, status, portOneCode: envelope?.code });
    if (!envelope) throw fail({ kind: 'invalid-response', detail: `HTTP ${status}, ${said}`, status });
    if (envelope.code !== 0) throw fail({ kind: 'api', detail: said, status, portOneCode: envelope.code });
    return envelope.response;
  }
}

/** How errors name a call: method and path, never the query. */
export function endpointOf(call: Pick<ApiCall, 'method' | 'path'>): string {
  return `${call.method} ${call.path}`;
}

/** The `response` as an object with these fields of these types; anything else is an `invalid-response`. */
export function expectFields(
  response: unknown,
  endpoint: string,
  fields: Record<string, 'string' | 'number'>,
): Record<string, unknown> {
  const record = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  const missing = Object.entries(fields).filter(([field, type]) => typeof record[field] !== type);
  if (missing.length > 0) {
    const list = missing.map(([field, type]) => `${field} (${type})`).join(', ');
    throw new PortOneApiError({ kind: 'invalid-response', endpoint, detail: `the response lacks ${list}` });
  }
  return record;
}

function parseEnvelope(text: string): Envelope | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as Envelope).code !== 'number') return undefined;
  const { code, message, response } = parsed as Envelope;
  return { code, message: typeof message === 'string' ? message : null, response };
}

function scrub(text: string, secrets: (string | undefined)[]): string {
  return secrets.reduce<string>((out, secret) => (secret ? out.split(secret).join(REDACTED) : out), text);
}

/**
 * A thrown value may hold references to the request (its headers, its body with `imp_secret`).
 * Keep only name, message and `code` of each link of the cause chain, scrubbed.
 */
function safeCopy(error: unknown, redact: (text: string) => string, depth = 0): Error | undefined {
  if (error === undefined || error === null || depth >= MAX_CAUSE_DEPTH) return undefined;
  const source = error instanceof Error ? error : undefined;
  const inner = safeCopy(source?.cause, redact, depth + 1);
  const copy = new Error(redact(source ? source.message : String(error)), inner ? { cause: inner } : undefined);
  copy.name = source?.name ?? 'Error';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code: typeof code === 'string' ? redact(code) : code });
  return copy;
}
