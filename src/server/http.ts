import { PortOneApiError, type PortOneApiErrorInit } from './errors.js';
import type { CallLimit } from './limit.js';
import type { FetchLike, FetchResponseLike } from './types.js';

export interface ApiCall {
  method: 'GET' | 'POST' | 'DELETE';
  /** Already URL-encoded. */
  path: string;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  /** V1's access token; absent for the token request itself and for V2. Scrubbed from errors. */
  token?: string;
  /**
   * What else this request sends that must never reach an error: the buyer's data, V1's API key.
   * Scrubbed from errors like the secret, but only values of `MIN_SCRUBBED_LENGTH` or more.
   */
  scrubbed?: string[];
  /** Extra headers for this call only, such as V2's `Idempotency-Key`. */
  headers?: Record<string, string>;
  /**
   * Whether a network error or a 502/503/504 may be retried: reads and the token request yes,
   * anything that moves money no.
   */
  retry?: boolean;
  /**
   * A refusal inside a successful reply (Paymentwall's, inside V1's `code: 0`): what went wrong,
   * or nothing. Its text is scrubbed like any reply's: of the secret, the token and `scrubbed`.
   */
  refusal?: (value: unknown) => WireFailure | undefined;
}

/** What went wrong, as a protocol reads it from a reply. */
export type WireFailure = Omit<PortOneApiErrorInit, 'endpoint' | 'status' | 'cause'>;

/** How one PortOne API version speaks HTTP: its headers and how it reads a reply. */
export interface WireFormat {
  headers(call: ApiCall): Record<string, string>;
  /** The reply's value, or what went wrong. Only called for replies that are not redirects. */
  read(reply: { status: number; ok: boolean; text: string }): { value: unknown } | { failure: WireFailure };
}

export interface HttpConfig {
  /** Without a trailing slash. */
  baseUrl: string;
  fetch: FetchLike;
  /** Scrubbed from anything that ends up in an error. */
  secret: string;
  wire: WireFormat;
}

const REDACTED = '[redacted]';
/**
 * The buyer's shorter values are left in server text: they would cut words apart (a country code
 * `DE` inside `DELIVERED`, or inside a `portOneType` your code compares) and say little of anyone.
 */
const MIN_SCRUBBED_LENGTH = 3;
const MAX_CAUSE_DEPTH = 4;
const ATTEMPTS = 3;
const BACKOFF_MS = 100;
const RETRIED_STATUSES = new Set([502, 503, 504]);

/**
 * One call to PortOne over HTTP, for either API version: URL, headers, the call's time limit and
 * signal, redirects refused, retries of reads, typed errors with every secret scrubbed.
 */
export class PortOneHttp {
  readonly #config: HttpConfig;

  constructor(config: HttpConfig) {
    this.#config = config;
  }

  /** Returns what the wire format reads from the reply, or throws a `PortOneApiError`. */
  async send(call: ApiCall, limit: CallLimit): Promise<unknown> {
    const endpoint = endpointOf(call);
    const attempts = call.retry ? ATTEMPTS : 1;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.#once(call, limit);
      } catch (error) {
        const wait = BACKOFF_MS * 2 ** (attempt - 1);
        if (attempt >= attempts || !isTransient(error) || limit.remainingMs() <= wait) throw error;
        await limit.pause(wait, endpoint);
      }
    }
  }

  async #once(call: ApiCall, limit: CallLimit): Promise<unknown> {
    const { baseUrl, fetch, secret, wire } = this.#config;
    const endpoint = endpointOf(call);
    // Server text and a custom fetch's errors could echo what we sent; scrub both before they reach an error.
    const hidden = quotedForms([secret, call.token, ...(call.scrubbed ?? []).filter((value) => value.length >= MIN_SCRUBBED_LENGTH)]);
    const redact = (text: string): string => scrub(text, hidden);
    const fail = (init: Omit<PortOneApiErrorInit, 'endpoint'>): PortOneApiError =>
      new PortOneApiError({
        ...init,
        endpoint,
        detail: redact(init.detail),
        // Every text PortOne or a PG sent back, not only the messages: a careless server may echo anything.
        portOneType: init.portOneType === undefined ? undefined : redact(init.portOneType),
        portOneMessage: init.portOneMessage === undefined ? undefined : redact(init.portOneMessage),
        pgCode: typeof init.pgCode === 'string' ? redact(init.pgCode) : init.pgCode,
        pgMessage: init.pgMessage === undefined ? undefined : redact(init.pgMessage),
      });

    limit.throwIfEnded(endpoint);
    const query = call.query ? `?${new URLSearchParams(call.query)}` : '';
    let status: number | undefined;
    let ok = false;
    let text: string;
    try {
      // Raced against the limit as well as given its signal: a custom fetch may ignore the signal.
      const response = await limit.race(
        fetch(`${baseUrl}${call.path}${query}`, {
          method: call.method,
          headers: { ...wire.headers(call), ...call.headers },
          ...(call.body ? { body: JSON.stringify(call.body) } : {}),
          // A redirect would carry the secret (V1's token request body, V2's Authorization) wherever it points.
          redirect: 'manual',
          // The limit covers reading the body too, so a reply that stalls halfway still ends.
          signal: limit.signal,
        }),
        endpoint,
      );
      status = response.status;
      ok = response.ok;
      text = await limit.race(readText(response, limit.signal), endpoint);
    } catch (error) {
      // The limit's own error, from the race, is no cause worth keeping: it is thrown again below.
      const cause = error instanceof PortOneApiError ? undefined : safeCopy(error, redact);
      if (limit.signal.aborted) throw limit.error(endpoint, status, cause);
      if (error instanceof ReplyTooLarge) throw fail({ kind: 'invalid-response', detail: error.message, status });
      throw fail({ kind: 'network', detail: status === undefined ? 'no reply' : 'the reply broke off', status, cause });
    }
    if (status >= 300 && status < 400) {
      throw fail({ kind: 'http', detail: `HTTP ${status}: a redirect, not followed`, status });
    }
    const read = wire.read({ status, ok, text });
    const failure = 'failure' in read ? read.failure : call.refusal?.(read.value);
    if (failure) throw fail({ ...failure, status });
    return (read as { value: unknown }).value;
  }
}

/** PortOne's replies are a few kilobytes; a proxy streaming without end must not fill the process's memory. */
export const MAX_REPLY_BYTES = 1024 * 1024;

class ReplyTooLarge extends Error {
  constructor() {
    super(`the reply is larger than ${MAX_REPLY_BYTES} bytes`);
  }
}

/**
 * The reply's text, read chunk by chunk and given up past `MAX_REPLY_BYTES` when its body can be
 * read so (the global fetch's web stream, node-fetch's Node stream). When the call ends meanwhile
 * the body is cancelled or destroyed, so a custom fetch that ignores the signal keeps no
 * connection open.
 */
async function readText(response: FetchResponseLike, signal: AbortSignal): Promise<string> {
  const { body } = response as { body?: unknown };
  const chunks = chunksOf(body, signal);
  if (!chunks) {
    const text = await response.text();
    if (Buffer.byteLength(text) > MAX_REPLY_BYTES) throw new ReplyTooLarge();
    return text;
  }
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for await (const chunk of chunks) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += data.byteLength;
    if (bytes > MAX_REPLY_BYTES) throw new ReplyTooLarge();
    text += decoder.decode(data, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * A body's chunks, or `undefined` when it cannot be read chunk by chunk. A web stream is read
 * through its reader, which the signal cancels even while a read waits (its async iterator would
 * wait for that read first); a Node stream is destroyed. Leaving early does the same.
 */
function chunksOf(body: unknown, signal: AbortSignal): AsyncIterable<Uint8Array | string> | undefined {
  const web = body as Partial<ReadableStream<Uint8Array>> | null | undefined;
  if (typeof web?.getReader === 'function') {
    const reader = web.getReader();
    return stopped(signal, () => void reader.cancel().catch(() => {}), {
      async *[Symbol.asyncIterator]() {
        for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value;
      },
    });
  }
  const node = body as (AsyncIterable<Uint8Array | string> & { destroy?: () => void }) | null | undefined;
  if (typeof node?.[Symbol.asyncIterator] !== 'function') return undefined;
  return stopped(signal, () => node.destroy?.(), node);
}

/** `chunks`, with `stop` called when the signal aborts or the reader leaves before the end. */
async function* stopped<T>(signal: AbortSignal, stop: () => void, chunks: AsyncIterable<T>): AsyncIterable<T> {
  if (signal.aborted) return stop();
  signal.addEventListener('abort', stop, { once: true });
  let ended = false;
  try {
    yield* chunks;
    ended = true;
  } finally {
    signal.removeEventListener('abort', stop);
    if (!ended) stop();
  }
}

function isTransient(error: unknown): boolean {
  if (!(error instanceof PortOneApiError)) return false;
  return error.kind === 'network' || (error.kind === 'http' && error.status !== undefined && RETRIED_STATUSES.has(error.status));
}

/** How errors name a call: method and path, never the query. */
export function endpointOf(call: Pick<ApiCall, 'method' | 'path'>): string {
  return `${call.method} ${call.path}`;
}

/** `value` as an object to read fields from; anything that is not an object as an empty one. */
export const fieldsOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/** `response` as an object with these fields of these types; anything else is an `invalid-response`. */
export function expectFields(
  response: unknown,
  endpoint: string,
  fields: Record<string, 'string' | 'number' | 'boolean' | 'object'>,
): Record<string, unknown> {
  if (typeof response !== 'object' || response === null || Array.isArray(response)) {
    throw new PortOneApiError({ kind: 'invalid-response', endpoint, detail: 'the response is not an object' });
  }
  const record = fieldsOf(response);
  const missing = Object.entries(fields).filter(([field, type]) => typeof record[field] !== type || record[field] === null);
  if (missing.length > 0) {
    const list = missing.map(([field, type]) => `${field} (${type})`).join(', ');
    throw new PortOneApiError({ kind: 'invalid-response', endpoint, detail: `the response lacks ${list}` });
  }
  return record;
}

/** A reply about something other than what was asked for: PortOne's or a proxy's mistake, never to be trusted. */
export function answeredAbout(what: string, endpoint: string): PortOneApiError {
  return new PortOneApiError({ kind: 'invalid-response', endpoint, detail: `the reply is about ${what}` });
}

/** JSON text, or `undefined` when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function scrub(text: string, hidden: string[]): string {
  return hidden.reduce<string>((out, value) => out.split(value).join(REDACTED), text);
}

/**
 * Each value as a server may quote it back: as sent; inside the JSON body it went in (`"` as
 * `\"`); in JSON that escapes all but ASCII (`\uc7ad`, Python's default, either case). Longest
 * first, so that a value inside another (a name in an e-mail address) leaves nothing of the longer.
 */
function quotedForms(values: (string | undefined)[]): string[] {
  const forms = values.flatMap((value) => {
    if (!value) return [];
    const json = JSON.stringify(value).slice(1, -1);
    const ascii = (hex: (code: string) => string): string =>
      json.replace(/[^\x00-\x7f]/g, (c) => `\\u${hex(c.charCodeAt(0).toString(16).padStart(4, '0'))}`);
    return [value, json, ascii((code) => code), ascii((code) => code.toUpperCase())];
  });
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** A thrown value's text; some (`Object.create(null)`) have none and throw when asked. */
function describe(value: unknown): string {
  try {
    return String(value);
  } catch {
    return 'a thrown value with no text';
  }
}

/**
 * A thrown value may hold references to the request (its headers, its body with the secret).
 * Keep only name, message and `code` of each link of the cause chain, scrubbed.
 */
function safeCopy(error: unknown, redact: (text: string) => string, depth = 0): Error | undefined {
  if (error === undefined || error === null || depth >= MAX_CAUSE_DEPTH) return undefined;
  const source = error instanceof Error ? error : undefined;
  const inner = safeCopy(source?.cause, redact, depth + 1);
  const copy = new Error(redact(source ? source.message : describe(error)), inner ? { cause: inner } : undefined);
  copy.name = source?.name ?? 'Error';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code: typeof code === 'string' ? redact(code) : code });
  return copy;
}
