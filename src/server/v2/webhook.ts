// Standard Webhooks signatures, checked by the `standardwebhooks` library (HMAC-SHA256 over
// `${id}.${timestamp}.${body}`, constant-time compare, ±5 minutes) rather than by hand.
import { Webhook, WebhookVerificationError as LibraryVerificationError } from 'standardwebhooks';
import { PortOneInputError, WebhookVerificationError, type WebhookRefusalReason } from '../errors.js';
import { MAX_WEBHOOK_BYTES, overWebhookLimit } from '../webhook.js';

const HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

/** One verifier per secret. A secret the library cannot read is an input error naming `field`, without the secret. */
export function webhookVerifiers(secrets: string[], field: string): Webhook[] {
  return secrets.map((secret) => {
    try {
      return new Webhook(secret);
    } catch {
      throw new PortOneInputError(field, 'must be the whsec_… secret from the PortOne console');
    }
  });
}

/**
 * The webhook's JSON body, once one of `verifiers` accepts its signature; otherwise a
 * `WebhookVerificationError`. Nothing in the body is read before that.
 */
export function verifiedBody(verifiers: Webhook[], rawBody: unknown, headers: unknown): unknown {
  const text = rawText(rawBody);
  const signed = signatureHeaders(headers);
  let refusal: LibraryVerificationError | undefined;
  for (const verifier of verifiers) {
    try {
      verifier.verify(text, signed, { jsonParse: false });
      refusal = undefined;
      break;
    } catch (error) {
      if (!(error instanceof LibraryVerificationError)) throw new WebhookVerificationError('bad-signature', 'the signature could not be checked');
      refusal ??= error;
    }
  }
  if (refusal) throw new WebhookVerificationError(reasonOf(refusal.message), refusal.message);
  try {
    // JSON may start with a byte order mark (RFC 8259 §8.1); it was signed, but it is no part of the value.
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new PortOneInputError('rawBody', 'is signed but is not JSON');
  }
}

/** The body as text; one too large to be PortOne's is refused before it is decoded or hashed. */
function rawText(rawBody: unknown): string {
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) {
    throw new PortOneInputError('rawBody', 'must be the raw request body (a string or bytes): the signature covers the exact bytes, so parsed JSON cannot be checked');
  }
  if (overWebhookLimit(rawBody)) throw new WebhookVerificationError('body-too-large', `the body is larger than ${MAX_WEBHOOK_BYTES} bytes`);
  // ignoreBOM keeps a leading byte order mark: the signature covers it.
  return typeof rawBody === 'string' ? rawBody : new TextDecoder('utf-8', { ignoreBOM: true }).decode(rawBody);
}

/**
 * Any Fetch-style `Headers`, not only the global class: undici's and node-fetch's are others. Their
 * entries are private, so they are read through `get`.
 */
const isFetchHeaders = (headers: object): headers is { get(name: string): unknown } => typeof (headers as { get?: unknown }).get === 'function';

/** The three headers, matched without regard to case; a missing, empty or repeated one is refused. */
function signatureHeaders(headers: unknown): Record<string, string> {
  if (typeof headers !== 'object' || headers === null) throw new PortOneInputError('headers', 'must be the request headers');
  const read = (name: string): unknown => {
    if (isFetchHeaders(headers)) return headers.get(name) ?? undefined;
    const matches = Object.entries(headers).filter(([key]) => key.toLowerCase() === name);
    return matches.length === 1 ? matches[0]?.[1] : undefined;
  };
  const signed: Record<string, string> = {};
  for (const name of HEADERS) {
    const value = read(name);
    const single = Array.isArray(value) && value.length === 1 ? value[0] : value;
    if (typeof single !== 'string' || single === '') {
      throw new WebhookVerificationError('missing-headers', `${name} is missing, empty or repeated`);
    }
    signed[name] = single;
  }
  return signed;
}

function reasonOf(message: string): WebhookRefusalReason {
  if (/too old/i.test(message)) return 'timestamp-too-old';
  if (/too new/i.test(message)) return 'timestamp-too-new';
  if (/header/i.test(message)) return 'missing-headers';
  return 'bad-signature';
}
