import { PortOneApiError } from './errors.js';
import { expectFields, type PortOneHttp } from './http.js';
import { CallLimit } from './limit.js';
import { HEADER_SAFE } from './validate.js';

/** Ask for a new token this long before PortOne's `expired_at`, so a call never lands on an expired one. */
export const REFRESH_MARGIN_MS = 60_000;

const TOKEN_ENDPOINT = '/users/getToken';

export interface IssuedToken {
  accessToken: string;
  /** UNIX seconds, on PortOne's clock. */
  expiredAt: number;
  /** UNIX seconds, PortOne's clock when it answered. */
  now: number;
}

/**
 * `POST /users/getToken`, with the response checked. The credentials live only in this closure.
 * The request has its own time limit, since calls waiting for it share it; PortOne hands out the
 * same token again, so it is retried like a read.
 */
export function tokenIssuer(http: PortOneHttp, apiKey: string, apiSecret: string, timeoutMs: number): () => Promise<IssuedToken> {
  return async () => {
    const response = await http.send(
      { method: 'POST', path: TOKEN_ENDPOINT, body: { imp_key: apiKey, imp_secret: apiSecret }, retry: true, scrubbed: [apiKey] },
      new CallLimit(timeoutMs),
    );
    const endpoint = `POST ${TOKEN_ENDPOINT}`;
    const issued = expectFields(response, endpoint, { access_token: 'string', expired_at: 'number', now: 'number' });
    // fetch would refuse it in the Authorization header before sending, so no 401 would ever replace
    // it: every call would fail until it expired. Refused here, it is never cached.
    if (!HEADER_SAFE.test(issued.access_token as string)) {
      throw new PortOneApiError({ kind: 'invalid-response', endpoint, detail: 'the access_token is not printable ASCII without spaces' });
    }
    return { accessToken: issued.access_token as string, expiredAt: issued.expired_at as number, now: issued.now as number };
  };
}

/**
 * Caches the access token. Unlike the official Node client (which compares our clock with the
 * issue time and so never refreshes), it measures the token's life on PortOne's clock
 * (`expired_at - now`) and counts it on ours from when it asked, so clock skew cancels out.
 */
export class AccessTokenCache {
  readonly #issue: () => Promise<IssuedToken>;
  readonly #now: () => number;
  #token: { value: string; refreshAt: number } | undefined;
  #pending: Promise<string> | undefined;

  constructor(issue: () => Promise<IssuedToken>, now: () => number) {
    this.#issue = issue;
    this.#now = now;
  }

  /** A usable token. Concurrent callers share one token request; each waits only as long as its own call may. */
  get(limit: CallLimit): Promise<string> {
    limit.throwIfEnded(`POST ${TOKEN_ENDPOINT}`);
    if (this.#token && this.#now() < this.#token.refreshAt) return Promise.resolve(this.#token.value);
    if (!this.#pending) {
      this.#pending = this.#refresh().finally(() => {
        this.#pending = undefined;
      });
      // Every caller may have given up waiting; the failure is theirs to see, not the process's.
      this.#pending.catch(() => undefined);
    }
    return limit.race(this.#pending, `POST ${TOKEN_ENDPOINT}`);
  }

  /** Forget `token` after PortOne refused it; a newer token someone else already fetched is kept. */
  invalidate(token: string): void {
    if (this.#token?.value === token) this.#token = undefined;
  }

  /**
   * A token is reused until a minute before it expires, and in any case for at least half of the
   * life it had when issued: PortOne may hand out a token with under a minute left.
   */
  async #refresh(): Promise<string> {
    const askedAt = this.#now();
    const issued = await this.#issue();
    const lifetimeMs = (issued.expiredAt - issued.now) * 1000;
    this.#token = { value: issued.accessToken, refreshAt: askedAt + Math.max(lifetimeMs - REFRESH_MARGIN_MS, lifetimeMs / 2) };
    return issued.accessToken;
  }
}
