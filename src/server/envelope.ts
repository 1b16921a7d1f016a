// PortOne V1's side of the wire: Bearer token and Tier headers, and the `{ code, message, response }` envelope.
import { parseJson, type ApiCall, type WireFormat } from './http.js';

interface Envelope {
  code: number;
  message: string | null;
  response: unknown;
}

export function v1Wire(tierCode: string | undefined): WireFormat {
  return {
    headers(call: ApiCall) {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (call.body) headers['Content-Type'] = 'application/json';
      if (call.token !== undefined) {
        headers.Authorization = `Bearer ${call.token}`;
        if (tierCode) headers.Tier = tierCode;
      }
      return headers;
    },
    read({ status, ok, text }) {
      const envelope = parseEnvelope(text);
      const said = envelope ? `code ${envelope.code}: ${envelope.message ?? '(no message)'}` : 'no PortOne envelope in the body';
      const fromPortOne = { portOneCode: envelope?.code, portOneMessage: envelope?.message ?? undefined };
      if (!ok) return { failure: { kind: 'http', detail: `HTTP ${status}, ${said}`, ...fromPortOne } };
      if (!envelope) return { failure: { kind: 'invalid-response', detail: `HTTP ${status}, ${said}` } };
      if (envelope.code !== 0) return { failure: { kind: 'api', detail: said, ...fromPortOne } };
      return { value: envelope.response };
    },
  };
}

/**
 * PortOne always sends all three of `code`, `message` and `response` (reference §5). A gateway's
 * `{ "code": 404, "message": "Not Found" }` is not PortOne's word, and must not read as "none".
 */
function parseEnvelope(text: string): Envelope | undefined {
  const parsed = parseJson(text);
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as Envelope).code !== 'number' || !Object.hasOwn(parsed, 'response')) return undefined;
  const { code, message, response } = parsed as Envelope;
  return { code, message: typeof message === 'string' ? message : null, response };
}
