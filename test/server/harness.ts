// Shared setup: a fresh fake PortOne per test and a client (V1: whose clock the test controls).
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import {
  PortOneApiError,
  PortOneClient,
  PortOneError,
  PortOneInputError,
  PortOneV2Client,
  type PortOneClientOptions,
  type PortOneV2ClientOptions,
} from '../../src/server/index.js';
import { FakePortOne } from './fake-portone.js';
import { FakePortOneV2 } from './fake-portone-v2.js';

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

export interface V2Harness {
  fake: FakePortOneV2;
  client: PortOneV2Client;
}

/** A fresh V2 fake per test and a client for it, with the fake's live webhook secret. */
export async function setupV2(t: TestContext, options: Partial<PortOneV2ClientOptions> = {}): Promise<V2Harness> {
  const fake = await FakePortOneV2.start();
  t.after(() => fake.close());
  const client = new PortOneV2Client({
    apiSecret: fake.apiSecret,
    webhookSecret: fake.webhookSecrets[0] as string,
    baseUrl: fake.baseUrl,
    timeoutMs: 2000,
    ...options,
  });
  return { fake, client };
}

/** Runs `call` and returns the `PortOneApiError` it must reject with. */
export async function apiError(call: Promise<unknown>): Promise<PortOneApiError> {
  const error = await call.then(
    () => assert.fail('expected a rejection'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof PortOneApiError, `not a PortOneApiError: ${String(error)}`);
  assert.ok(error instanceof PortOneError);
  assert.equal(error.name, 'PortOneApiError');
  return error;
}

/** One test per case: the call is refused with a `PortOneInputError` naming `field`, and nothing reaches the fake. */
export function refusedBeforeAnyRequest<C>(
  label: string,
  cases: [description: string, field: string, call: (client: C) => Promise<unknown>][],
  start: (t: TestContext) => Promise<{ fake: { requests: unknown[] }; client: C }>,
): void {
  for (const [description, field, call] of cases) {
    test(`${label}: ${description} (${field})`, async (t) => {
      const { fake, client } = await start(t);
      await assert.rejects(call(client), (error: unknown) => {
        assert.ok(error instanceof PortOneInputError, String(error));
        assert.equal(error.field, field);
        assert.ok(error.message.startsWith(`${field} `), error.message);
        return true;
      });
      assert.equal(fake.requests.length, 0);
    });
  }
}

/** `input` with `field` moved onto its prototype, where a class getter or `Object.create(defaults)` holds it. */
export function inheriting(input: Record<string, unknown>, field: string): Record<string, unknown> {
  const { [field]: value, ...own } = input;
  return Object.assign(Object.create({ [field]: value }) as Record<string, unknown>, own);
}

/** The message of a `PortOneInputError` for a `field` the input inherits instead of holding it. */
export const inherited = (field: string): RegExp => new RegExp(`^${field} is inherited, not the input's own`);

/** Each method, given its input with each known field moved onto the prototype in turn, refuses it naming that field. */
export async function assertRefusesInherited(inputs: [string, Record<string, unknown>, (input: never) => Promise<unknown>][]): Promise<void> {
  for (const [method, input, call] of inputs) {
    for (const field of Object.keys(input)) {
      await assert.rejects(call(inheriting(input, field) as never), { name: 'PortOneInputError', field, message: inherited(field) }, `${method}: ${field}`);
    }
  }
}
