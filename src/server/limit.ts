import { setTimeout as sleep } from 'node:timers/promises';
import { PortOneApiError } from './errors.js';

/**
 * The time and the caller's say a whole method call gets: `timeoutMs` from the start of the call
 * covers every request it makes (token, 401, new token, retries, backoff), and the caller's
 * `AbortSignal` ends it at any point.
 */
export class CallLimit {
  /** Fires when the time is up or the caller aborts. */
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  readonly #caller: AbortSignal | undefined;
  readonly #deadline: number;

  constructor(timeoutMs: number, caller?: AbortSignal) {
    this.timeoutMs = timeoutMs;
    this.#caller = caller;
    this.#deadline = performance.now() + timeoutMs;
    const timer = AbortSignal.timeout(timeoutMs);
    this.signal = caller ? AbortSignal.any([caller, timer]) : timer;
  }

  remainingMs(): number {
    return this.#deadline - performance.now();
  }

  /** The error for a call this limit has ended, naming the request that was under way. */
  error(endpoint: string, status?: number, cause?: Error): PortOneApiError {
    if (this.#caller?.aborted) {
      return new PortOneApiError({ kind: 'aborted', endpoint, detail: 'the caller aborted the call', status, cause });
    }
    return new PortOneApiError({ kind: 'timeout', endpoint, detail: `no complete answer within ${this.timeoutMs} ms`, status, cause });
  }

  throwIfEnded(endpoint: string): void {
    if (this.signal.aborted) throw this.error(endpoint);
  }

  /** Waits for `promise` (shared with other calls, such as a token request) as long as this call may. */
  async race<T>(promise: Promise<T>, endpoint: string): Promise<T> {
    // Heard before anything can throw: a promise given up on must not become an unhandled
    // rejection, which ends a Node process.
    promise.catch(() => {});
    this.throwIfEnded(endpoint);
    let stop: (() => void) | undefined;
    const ended = new Promise<never>((_, reject) => {
      stop = () => reject(this.error(endpoint));
      this.signal.addEventListener('abort', stop, { once: true });
    });
    try {
      return await Promise.race([promise, ended]);
    } finally {
      if (stop) this.signal.removeEventListener('abort', stop);
    }
  }

  /** Waits `ms` unless the call ends first. */
  async pause(ms: number, endpoint: string): Promise<void> {
    try {
      await sleep(ms, undefined, { signal: this.signal });
    } catch {
      throw this.error(endpoint);
    }
  }
}
