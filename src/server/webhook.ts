import { isIPv4 } from 'node:net';
import { PortOneInputError, WebhookVerificationError } from './errors.js';
import type { WebhookBody } from './types.js';
import { pathSegment, requireValue } from './validate.js';

/**
 * The addresses PortOne sends V1 webhooks from: 52.78.100.19 and 52.78.48.223, and 52.78.5.241
 * for test webhooks sent from the console (PortOne's webhook guide). V1 webhooks carry no
 * signature, so this is the only way to tell PortOne's requests from anyone else's.
 */
export const PORTONE_WEBHOOK_ADDRESSES: readonly string[] = Object.freeze(['52.78.100.19', '52.78.48.223', '52.78.5.241']);

/**
 * Refuses a webhook whose sender is not PortOne, when the caller passed a `remoteAddress` key.
 * Node reports IPv4 peers of a dual-stack socket as `::ffff:a.b.c.d`; that is the plain address.
 */
export function assertWebhookSender(options: { remoteAddress?: unknown } | undefined): void {
  if (!options || !Object.hasOwn(options, 'remoteAddress')) return;
  const address = options.remoteAddress;
  const plain = typeof address === 'string' ? address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '') : undefined;
  if (plain === undefined || !isIPv4(plain) || !PORTONE_WEBHOOK_ADDRESSES.includes(plain)) {
    throw new WebhookVerificationError(
      'untrusted-address',
      plain === undefined ? 'remoteAddress was given but holds no address' : 'the request came from an address PortOne does not send webhooks from',
    );
  }
}

/** PortOne's webhook bodies are a few hundred bytes: a larger one is no webhook, and is refused unread. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;

/** Whether a raw body is over `MAX_WEBHOOK_BYTES`. A string has at least as many UTF-8 bytes as UTF-16 units, so a long one is not encoded to tell. */
export function overWebhookLimit(body: string | Uint8Array): boolean {
  if (typeof body !== 'string') return body.byteLength > MAX_WEBHOOK_BYTES;
  return body.length > MAX_WEBHOOK_BYTES || Buffer.byteLength(body) > MAX_WEBHOOK_BYTES;
}

const BODY_SHAPES = 'must be a parsed JSON object, a JSON or form-encoded string, bytes or URLSearchParams';

/**
 * The `imp_uid` of a `notice_url` request. PortOne posts JSON or form-encoded bodies (a console
 * setting), and the URL is public, so nothing else in the body is worth reading.
 */
export function webhookImpUid(body: WebhookBody): string {
  if ((typeof body === 'string' || body instanceof Uint8Array) && overWebhookLimit(body)) {
    throw new PortOneInputError('body', `is larger than ${MAX_WEBHOOK_BYTES} bytes, which no PortOne webhook is`);
  }
  return requireValue(readFields(body).imp_uid, 'imp_uid', pathSegment());
}

function readFields(body: unknown): Record<string, unknown> {
  if (body instanceof URLSearchParams) return Object.fromEntries(body);
  if (body instanceof Uint8Array) return readFields(new TextDecoder().decode(body));
  if (typeof body === 'string') {
    const trimmed = body.trim();
    if (!trimmed.startsWith('{')) return Object.fromEntries(new URLSearchParams(trimmed));
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new PortOneInputError('body', 'is not valid JSON');
    }
    return readFields(parsed);
  }
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  throw new PortOneInputError('body', BODY_SHAPES);
}
