// PortOne V2's side of the wire: `Authorization: PortOne <secret>`, plain JSON bodies, and
// errors as `{ type, message, pgCode?, pgMessage? }` with a non-2xx status.
import { parseJson, type ApiCall, type WireFormat } from '../http.js';

export function v2Wire(apiSecret: string): WireFormat {
  return {
    headers(call: ApiCall) {
      const headers: Record<string, string> = { Accept: 'application/json', Authorization: `PortOne ${apiSecret}` };
      if (call.body) headers['Content-Type'] = 'application/json';
      return headers;
    },
    read({ status, ok, text }) {
      const parsed = parseJson(text);
      const body = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
      if (!ok) {
        const said = (field: string): string | undefined => (typeof body?.[field] === 'string' ? (body[field] as string) : undefined);
        const [type, message] = [said('type'), said('message')];
        // A repeat while the first request with its key still runs: no refusal, an outcome not known yet.
        const inProgress = status === 409 && type === 'IDEMPOTENCY_OUTSTANDING_REQUEST';
        return {
          failure: {
            kind: inProgress ? 'in-progress' : 'http',
            detail: `HTTP ${status}, ${type ? `${type}: ${message ?? '(no message)'}` : 'no PortOne error in the body'}`,
            portOneType: type,
            portOneMessage: message,
            pgCode: said('pgCode'),
            pgMessage: said('pgMessage'),
          },
        };
      }
      if (!body) return { failure: { kind: 'invalid-response', detail: `HTTP ${status}, the body is not a JSON object` } };
      return { value: body };
    },
  };
}
