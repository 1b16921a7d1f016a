// What the local PortOne stand-ins (V1 in fake-portone.ts, V2 in fake-portone-v2.ts) share: a
// server on 127.0.0.1 at an ephemeral port that records every request and can be told to
// misbehave the ways a network and a proxy do. Each version adds its routes and its error body.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: Record<string, unknown>;
  /** The status the fake answered with; `undefined` when it dropped the connection. */
  status?: number;
}

/** What any server or the network between can do, whatever the API version. */
export type NetworkFault =
  /** Answer normally, but only after `ms`; a request given up on meanwhile is never processed. */
  | { type: 'slow'; ms: number }
  /** Process the request at once, but send the answer only after `ms`, as when a reply is lost on the way. */
  | { type: 'late'; ms: number }
  /** 200 with an HTML body. */
  | { type: 'non-json' }
  /** This status with an HTML body, as a proxy in front of PortOne would send. */
  | { type: 'status'; status: number }
  /** This status with a JSON body of someone else's making, as an API gateway in front of PortOne would send. */
  | { type: 'json'; status: number; body: unknown }
  /** Destroy the socket without answering. */
  | { type: 'drop' }
  /** A careless server that quotes the request (body and Authorization) in its error message. */
  | { type: 'echo-request' }
  /** A redirect to `location`, as a misconfigured proxy or a hijacked name would send. */
  | { type: 'redirect'; status: 301 | 302 | 303 | 307 | 308; location: string };

export interface Reply {
  status: number;
  body: unknown;
}

export type Body = Record<string, unknown>;

export abstract class FakeServer<ProtocolFault extends { type: string } = never> {
  readonly requests: RecordedRequest[] = [];
  readonly #server: Server;
  #faults: { fault: NetworkFault | ProtocolFault; path: string | undefined }[] = [];
  #timers = new Set<NodeJS.Timeout>();

  protected constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  /** The normal answer to a request. */
  protected abstract route(request: RecordedRequest): Reply;
  /** This version's error body carrying `message`, with `status`. */
  protected abstract errorReply(status: number, message: string): Reply;
  /** The answer for one of this version's own faults. */
  protected abstract protocolFault(fault: ProtocolFault): Reply;

  protected async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', resolve);
    });
  }

  get baseUrl(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** The next request (to `path`, if given) meets `fault`; several faults queue up in order. */
  injectFault(fault: NetworkFault | ProtocolFault, path?: string): void {
    this.#faults.push({ fault, path });
  }

  /** Drops the faults no request has met yet. */
  clearFaults(): void {
    this.#faults = [];
  }

  /** Requests to `path` (exact, without query). */
  count(path: string): number {
    return this.requests.filter((r) => r.path === path).length;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawBody = await readBody(req);
    const record: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      body: parseBody(req.headers['content-type'], rawBody),
    };
    this.requests.push(record);
    const send = (reply: Reply | { status: number; html: string }): void => {
      record.status = reply.status;
      if ('html' in reply) {
        res.writeHead(reply.status, { 'Content-Type': 'text/html' }).end(reply.html);
      } else {
        res.writeHead(reply.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply.body));
      }
    };
    const later = (ms: number, reply: () => Reply): void => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        if (!res.destroyed) send(reply());
      }, ms);
      this.#timers.add(timer);
      res.on('close', () => clearTimeout(timer));
    };

    const index = this.#faults.findIndex((f) => f.path === undefined || f.path === record.path);
    const fault = index === -1 ? undefined : this.#faults.splice(index, 1)[0]?.fault;
    if (fault === undefined) return send(this.route(record));
    switch (fault.type) {
      case 'slow':
        return later((fault as { ms: number }).ms, () => this.route(record));
      case 'late': {
        const reply = this.route(record);
        return later((fault as { ms: number }).ms, () => reply);
      }
      case 'non-json':
        return send({ status: 200, html: '<html><body>Service temporarily unavailable</body></html>' });
      case 'status': {
        const { status } = fault as { status: number };
        return send({ status, html: `<html><body>${status}</body></html>` });
      }
      case 'json': {
        const { status, body } = fault as { status: number; body: unknown };
        return send({ status, body });
      }
      case 'drop':
        req.socket.destroy();
        return;
      case 'echo-request':
        return send(this.errorReply(400, `Bad request ${rawBody} with ${req.headers.authorization ?? ''}`));
      case 'redirect': {
        const { status, location } = fault as { status: number; location: string };
        record.status = status;
        res.writeHead(status, { Location: location }).end();
        return;
      }
      default:
        return send(this.protocolFault(fault as ProtocolFault));
    }
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// PortOne V1 accepts JSON and form-encoded bodies alike; V2 takes JSON.
function parseBody(contentType: string | undefined, raw: string): Body {
  if (raw === '') return {};
  if (contentType?.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Body) : {};
  } catch {
    return {};
  }
}
