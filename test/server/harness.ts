// Shared setup: a fresh fake PortOne per test and a client whose clock the test controls.
import type { TestContext } from 'node:test';
import { PortOneClient, type PortOneClientOptions } from '../../src/server/index.js';
import { FakePortOne } from './fake-portone.js';

export interface Harness {
  fake: FakePortOne;
  client: PortOneClient;
  /** The client's clock in milliseconds; starts equal to the fake's. */
  clock: { ms: number };
  /** Moves both clocks, as real time passing would. */
  advance(seconds: number): void;
}

export async function setup(t: TestContext, options: Partial<PortOneClientOptions> = {}): Promise<Harness> {
  const fake = await FakePortOne.start();
  t.after(() => fake.close());
  const clock = { ms: fake.now * 1000 };
  const client = new PortOneClient({
    apiKey: fake.apiKey,
    apiSecret: fake.apiSecret,
    baseUrl: fake.baseUrl,
    timeoutMs: 2000,
    now: () => clock.ms,
    ...options,
  });
  return {
    fake,
    client,
    clock,
    advance(seconds) {
      fake.advance(seconds);
      clock.ms += seconds * 1000;
    },
  };
}

/** The paths the fake saw, in order, with the status it answered. */
export function trail(fake: FakePortOne): string[] {
  return fake.requests.map((r) => `${r.method} ${r.path} ${r.status ?? 'dropped'}`);
}
