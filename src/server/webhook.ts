import { PortOneInputError } from './errors.js';
import type { WebhookBody } from './types.js';
import { requireValue, text } from './validate.js';

const BODY_SHAPES = 'must be a parsed JSON object, a JSON or form-encoded string, bytes or URLSearchParams';

/**
 * The `imp_uid` of a `notice_url` request. PortOne posts JSON or form-encoded bodies (a console
 * setting), and the URL is public, so nothing else in the body is worth reading.
 */
export function webhookImpUid(body: WebhookBody): string {
  return requireValue(readFields(body).imp_uid, 'imp_uid', text());
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
