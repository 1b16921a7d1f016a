// What the generated (property-based) server tests share: hostile values, inputs built field by
// field from each rule's good and bad values (so the test knows, without the client's code,
// whether an input must be refused), and a way to watch one call and what reached the fake.
import assert from 'node:assert/strict';
import { PortOneError, PortOneInputError, PortOneApiError } from '../../src/server/index.js';
import { fc } from '../helpers/property.js';
import type { RecordedRequest } from './fake-server.js';

// ——— hostile values ———

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Strings that have broken parsers, paths and headers elsewhere. */
const nastyStrings = fc.constantFrom(
  ' ', '\t', '.', '..', '%', '%2e', '/', '?x=1', '#top', '../payments/x', '\u0000', '\r\n', 'a\nb',
  '\ud800', 'x\udc00y', '__proto__', 'constructor', 'toString', 'NaN', '1e3', '0x10', '１２３', 'İ', '😀',
  '"', '\\', "'; DROP TABLE x; --", '<script>', '\u202e', '\ufeff',
);

/** Strings of up to 40 units: full Unicode code points, graphemes and nasty ones. */
export const shortString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 3, arbitrary: nastyStrings },
);

/** Any string: short ones, and long ones (up to 20,000 characters). */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: shortString },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', '가', '😀', '\ud800'), fc.integer({ min: 41, max: 20_000 })).map(([c, n]) => c.repeat(n)) },
);

/** Numbers a rule for whole amounts must refuse, and bigints and boxed numbers that look like them. */
export const oddNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -0, -1, 0.5, 1.5, -1004, NaN, Infinity, -Infinity, MAX_SAFE + 1, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE, 1e21),
  fc.double({ noInteger: true }),
  fc.integer({ max: -1 }),
  fc.bigInt(),
  fc.integer({ min: 1, max: 10_000 }).map((n) => new Number(n)),
  fc.integer({ min: 1, max: 10_000 }).map(String),
);

/** Objects where a string or number belongs, prototype-pollution keys among them. */
const oddObject: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}').map((json) => JSON.parse(json) as unknown),
  fc.constant(Object.create(null) as unknown),
  fc.constantFrom([], [1], ['imp_1'], new Map([['a', 1]]), new Set([1]), new Date(NaN), /x/, () => 'x', Symbol('x')),
  fc.anything({ maxDepth: 2, maxKeys: 3, withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }),
);

/** Anything at all a JavaScript caller could pass. */
export const anything: fc.Arbitrary<unknown> = fc.oneof(anyString, oddNumber, oddObject, fc.boolean(), fc.constantFrom(null, undefined, ''));

/** `undefined`, `null` and `''`: the values the client reads as "not given". */
export const blank = fc.constantFrom(undefined, null, '');
const isBlank = (value: unknown): boolean => value === undefined || value === null || value === '';

/** Anything but a string and a blank. */
export const notString: fc.Arbitrary<unknown> = anything.filter((v) => typeof v !== 'string' && !isBlank(v));
/** Anything but a boolean and a blank. */
export const notBoolean: fc.Arbitrary<unknown> = anything.filter((v) => typeof v !== 'boolean' && !isBlank(v));

// ——— values each rule accepts and refuses ———

/** A value a rule accepts, and what the client sends for it (default: the value itself). */
export interface Good {
  value: unknown;
  wire: unknown;
}

export interface FieldSpec {
  good: fc.Arbitrary<Good>;
  bad: fc.Arbitrary<unknown>;
  /** `true`, or required when this holds for the input as given. */
  required?: true | ((input: Record<string, unknown>) => boolean);
  /** Only a missing key means "not given": a key holding `undefined`, `null` or `''` is refused. */
  strict?: true;
}

export type InputSpec = Record<string, FieldSpec>;

const same = (arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<Good> => arbitrary.map((value) => ({ value, wire: value }));

/** Code points, so a length counts as the rules count it (a Hangul syllable or an emoji is one). */
const codePointLength = (value: string): number => Array.from(value).length;

/** Strings of 1 to `max` code points, lone surrogates included (they travel as JSON escapes). */
export function textGood(max = 60): fc.Arbitrary<string> {
  const unit = fc.oneof({ weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udfff', ' ') });
  return fc.string({ unit, minLength: 1, maxLength: Math.min(max, 60) }).filter((s) => codePointLength(s) <= max);
}

/** Strings longer than `max` code points, most often by one. */
function tooLong(max: number): fc.Arbitrary<string> {
  const extra = fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 40 }) });
  return fc.tuple(fc.constantFrom('x', '가', '😀'), extra).map(([c, n]) => c.repeat(max + n));
}

export const text = (max?: number): FieldSpec => ({
  good: same(textGood(max)),
  bad: max === undefined ? notString : fc.oneof({ weight: 1, arbitrary: notString }, { weight: 2, arbitrary: tooLong(max) }),
});

/** Whether a string has a UTF-8 form, that is no lone surrogate (asked of encodeURIComponent, which throws on one). */
export function wellFormed(value: string): boolean {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * An id that goes into a URL path: any text but `.` and `..` (URL parsers would resolve them as
 * dot segments, so the request would reach another path) and strings with lone surrogates
 * (which have no UTF-8 form to percent-encode).
 */
export const pathId = (max?: number): FieldSpec => ({
  good: same(textGood(max).filter((s) => s !== '.' && s !== '..' && wellFormed(s))),
  bad: fc.oneof(text(max).bad, fc.constantFrom('.', '..', '\ud800', 'imp_\udc00', `order_${'\ud83d'}`)),
});

// The values just past a rule's edge come most often: they are where a broken rule shows.
export const positiveInteger: FieldSpec = {
  good: same(fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(1, MAX_SAFE), fc.integer({ min: 1, max: MAX_SAFE }))),
  bad: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(0, -0, -1, 0.5, MAX_SAFE + 1) },
    { weight: 2, arbitrary: oddNumber },
    { weight: 1, arbitrary: notString.filter((v) => typeof v !== 'number' || !Number.isInteger(v) || v <= 0 || v > MAX_SAFE) },
  ),
};

const MAX_TIMER_MS = 2 ** 31 - 1;

/** A time limit: a positive whole number of milliseconds a timer can hold, 2^31 - 1 at most. */
export const milliseconds: FieldSpec = {
  good: same(fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(1, MAX_TIMER_MS), fc.integer({ min: 1, max: MAX_TIMER_MS }))),
  bad: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(MAX_TIMER_MS + 1, MAX_SAFE) },
    { weight: 1, arbitrary: fc.integer({ min: MAX_TIMER_MS + 1, max: MAX_SAFE }) },
    { weight: 3, arbitrary: positiveInteger.bad },
  ),
};

export const nonNegativeInteger: FieldSpec = {
  good: same(fc.oneof(fc.constantFrom(0, -0, MAX_SAFE), fc.integer({ min: 0, max: MAX_SAFE }))),
  bad: fc
    .oneof({ weight: 6, arbitrary: fc.constantFrom(-1, -0.5, 0.5, MAX_SAFE + 1) }, { weight: 2, arbitrary: oddNumber }, { weight: 1, arbitrary: notString })
    .filter((v) => !(typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)),
};

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const currency: FieldSpec = {
  good: fc.string({ unit: fc.constantFrom(...letters), minLength: 3, maxLength: 3 }).map((value) => ({ value, wire: value.toUpperCase() })),
  bad: fc.oneof(notString, fc.constantFrom('KR', 'KRWW', 'US D', 'ÄBC', 'ıSD', '123', ' KRW', 'KRW\n', 'ＫＲＷ')),
};

export const flag: FieldSpec = { good: same(fc.boolean()), bad: fc.oneof(notBoolean, fc.constantFrom('true', 'false', 'yes')) };

export const oneOf = (...allowed: string[]): FieldSpec => ({
  good: same(fc.constantFrom(...allowed)),
  bad: fc.oneof(notString, anyString.filter((s) => s !== '' && !allowed.includes(s)), fc.constantFrom(...allowed).map((s) => `${s.toUpperCase() === s ? s.toLowerCase() : s.toUpperCase()}`)),
});

const emailChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => !/[\s@.]/u.test(c));
const emailPart = fc.string({ unit: emailChar, minLength: 1, maxLength: 8 });

/** E-mail addresses as the rule reads them: something, `@`, something, `.`, something, no white space. */
export const email = (max: number): FieldSpec => ({
  good: same(fc.tuple(emailPart, emailPart, emailPart).map(([l, d, t]) => `${l}@${d}.${t}`).filter((s) => codePointLength(s) <= max)),
  bad: fc.oneof(notString, tooLong(max), fc.constantFrom('jack', 'jack@', '@example.com', 'jack@example', 'jack @example.com', 'jack@@example.com', 'jack@exa mple.com', 'jack@example.com\n')),
});

/** Paymentwall's "First Last": two or more words of non-space characters, single spaces between. */
export const personName = (max: number): FieldSpec => {
  const word = fc.string({ unit: emailChar, minLength: 1, maxLength: 5 });
  return {
    good: same(fc.array(word, { minLength: 2, maxLength: 3 }).map((words) => words.join(' ')).filter((s) => codePointLength(s) <= max)),
    bad: fc.oneof(notString, fc.constantFrom('Jack', 'Jack  Son', ' Jack Son', 'Jack Son ', 'Jack\tSon', 'Jack\u00a0Son', 'J'.repeat(8) + ' ' + 'S'.repeat(8))),
  };
};

/** `jsonText`: a string as it is, or a plain object as its JSON. */
export const jsonText: FieldSpec = {
  good: fc.oneof(
    same(textGood()),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }).map((value) => ({ value, wire: JSON.stringify(value) })),
  ),
  bad: fc.oneof(
    fc.oneof(oddNumber, fc.boolean(), fc.constantFrom([], [1], () => 1)).filter((v) => typeof v !== 'string' && (typeof v !== 'object' || Array.isArray(v))),
    // Objects with no JSON: a bigint inside, or a cycle.
    fc.bigInt().map((n) => ({ n })),
    fc.constant(null).map(() => {
      const cycle: Record<string, unknown> = {};
      cycle.self = cycle;
      return cycle;
    }),
  ),
};

export const ipAddress: FieldSpec = {
  good: same(fc.oneof(fc.ipV4(), fc.ipV6())),
  bad: fc.oneof(notString, fc.constantFrom('256.1.1.1', '1.2.3', '1.2.3.4 ', '::g', 'localhost', '1.2.3.4/24', '[::1]')),
};

/** A Date from 1970 on (sent as whole UNIX seconds), or whole UNIX seconds. */
export const unixSeconds: FieldSpec = {
  good: fc.oneof(
    fc.integer({ min: 0, max: MAX_SAFE }).map((value) => ({ value, wire: value })),
    fc.date({ min: new Date(0), max: new Date(8.64e15), noInvalidDate: true }).map((value) => ({ value, wire: Math.floor(value.getTime() / 1000) })),
  ),
  bad: fc.oneof(
    oddNumber.filter((v) => !(typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)),
    fc.constant(new Date(NaN)),
    fc.date({ max: new Date(-1), noInvalidDate: true }),
    anyString.filter((s) => s !== ''),
  ),
};

/** `yes`/`no`, or a boolean sent as them. */
export const yesNo: FieldSpec = {
  good: fc.oneof(same(fc.constantFrom('yes', 'no')), fc.boolean().map((value) => ({ value, wire: value ? 'yes' : 'no' }))),
  bad: fc.oneof(oddNumber, fc.constantFrom('YES', 'No', 'y', 'true', 'false', '1', [], {})),
};

// ——— inputs built from the specs ———

/** One generated input: the object passed, whether the rules must refuse it, and what must be sent if not. */
export interface Generated {
  input: unknown;
  valid: boolean;
  /** Field → what the client must send for it; only present fields. */
  wire: Record<string, unknown>;
  /** Why the test expects a refusal, for the failure message. */
  why: string;
}

type Choice = { kind: 'good'; good: Good } | { kind: 'omit' } | { kind: 'blank'; value: unknown } | { kind: 'bad'; value: unknown };

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'amount ', 'Amount', 'imp_uid', 'merchant_uid', 'buyer_email', 'customer_uid', 'paymentID', 'storeId', 'signal'];

/**
 * Inputs for `spec`: all good; one field wrong (left out, blank or bad) and the rest good; several
 * fields wrong at once, unknown keys added (`__proto__` and `constructor` as own keys among them);
 * or not an object at all.
 */
export function inputOf(spec: InputSpec): fc.Arbitrary<Generated> {
  const fields = Object.keys(spec);
  const good = (field: FieldSpec): fc.Arbitrary<Choice> => {
    const value = field.good.map((g) => ({ kind: 'good' as const, good: g }));
    return field.required === true ? value : fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant({ kind: 'omit' as const }) });
  };
  const wrong = (field: FieldSpec): fc.Arbitrary<Choice> =>
    fc.oneof(
      { weight: 4, arbitrary: field.bad.map((value) => ({ kind: 'bad' as const, value })) },
      { weight: 1, arbitrary: blank.map((value) => ({ kind: 'blank' as const, value })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'omit' as const }) },
    );
  const goodChoices = fc.record(Object.fromEntries(fields.map((f) => [f, good(spec[f] as FieldSpec)])));
  const oneWrong = fc
    .tuple(goodChoices, fc.constantFrom(...fields))
    .chain(([choices, field]) => wrong(spec[field] as FieldSpec).map((choice) => ({ ...choices, [field]: choice })));
  const mixed = fc.record(Object.fromEntries(fields.map((f) => [f, fc.oneof({ weight: 3, arbitrary: good(spec[f] as FieldSpec) }, wrong(spec[f] as FieldSpec))])));
  const extras = fc.dictionary(fc.constantFrom(...EXTRA_KEYS.filter((k) => !fields.includes(k))), anything, { minKeys: 1, maxKeys: 2 });
  const object = fc
    .tuple(
      fc.oneof({ weight: 3, arbitrary: goodChoices }, { weight: 5, arbitrary: oneWrong }, { weight: 2, arbitrary: mixed }),
      fc.oneof({ weight: 6, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extras }),
      fc.boolean(),
    )
    .map(([choices, extra, nullPrototype]) => build(spec, choices, extra, nullPrototype));
  const notAnObject = anything
    .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
    .map((input) => ({ input, valid: false, wire: {}, why: 'not an object' }));
  return fc.oneof({ weight: 15, arbitrary: object }, { weight: 1, arbitrary: notAnObject });
}

function build(spec: InputSpec, choices: Record<string, Choice>, extra: Record<string, unknown>, nullPrototype: boolean): Generated {
  const input: Record<string, unknown> = nullPrototype ? (Object.create(null) as Record<string, unknown>) : {};
  const put = (key: string, value: unknown): void => {
    // defineProperty, so `__proto__` becomes an own key as it does from JSON.parse.
    Object.defineProperty(input, key, { value, enumerable: true, writable: true, configurable: true });
  };
  const wire: Record<string, unknown> = {};
  for (const [field, choice] of Object.entries(choices)) {
    if (choice.kind === 'good') {
      put(field, choice.good.value);
      wire[field] = choice.good.wire;
    } else if (choice.kind !== 'omit') put(field, choice.value);
  }
  for (const [key, value] of Object.entries(extra)) put(key, value);
  const problems: string[] = Object.keys(extra).map((key) => `unknown key ${key}`);
  for (const [field, rule] of Object.entries(spec)) {
    const choice = choices[field] as Choice;
    if (choice.kind === 'bad') problems.push(`bad ${field}`);
    const absent = choice.kind === 'omit' || (choice.kind === 'blank' && !rule.strict);
    if (choice.kind === 'blank' && !absent) problems.push(`blank ${field} where only a missing key means "not given"`);
    const required = rule.required === true || (typeof rule.required === 'function' && rule.required(input));
    if (absent && required) problems.push(`missing ${field}`);
  }
  return { input, valid: problems.length === 0, wire, why: problems.join(', ') || 'valid' };
}

/** One argument by itself (an id): good, blank or bad. */
export function argumentOf(spec: FieldSpec): fc.Arbitrary<Generated & { wireValue?: unknown }> {
  return fc.oneof(
    { weight: 6, arbitrary: spec.good.map((good) => ({ input: good.value, valid: true, wire: {}, wireValue: good.wire, why: 'valid' })) },
    { weight: 1, arbitrary: blank.map((input) => ({ input, valid: false, wire: {}, why: 'blank' })) },
    { weight: 3, arbitrary: spec.bad.map((input) => ({ input, valid: false, wire: {}, why: 'bad' })) },
  );
}

/** `spec` with ids the fake knows among its good values, so found and not-found answers both occur. */
export const withKnown = (spec: FieldSpec, known: string[]): FieldSpec => ({
  ...spec,
  good: fc.oneof(spec.good, fc.constantFrom(...known).map((value) => ({ value, wire: value }))),
});

/** A constructor given generated options builds, or throws a PortOneInputError exactly when they break a rule. */
export function assertConstructor(build: (options: unknown) => unknown, generated: Generated): void {
  let error: unknown;
  try {
    build(generated.input);
  } catch (thrown) {
    error = thrown;
  }
  if (generated.valid) assert.equal(error, undefined, `refused valid options: ${describe(error)}`);
  else assert.ok(error instanceof PortOneInputError, `expected a PortOneInputError (${generated.why}), got ${describe(error)}`);
}

/** What `build` makes, or `undefined` when it refuses with a PortOneInputError (any other throw fails). */
export function builtOrRefused<T>(build: () => T): T | undefined {
  try {
    return build();
  } catch (error) {
    assert.ok(error instanceof PortOneInputError, describe(error));
    return undefined;
  }
}

/** camelCase → PortOne V1's snake_case. */
export const snake = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** What a JSON body carrying `value` reads back as. */
export const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

// ——— call options ———

export interface GeneratedOptions {
  options: unknown;
  valid: boolean;
  /** The caller's signal has already fired: the call ends before any request. */
  aborted: boolean;
}

/** The optional last argument: mostly absent or fine, sometimes an aborted signal, sometimes wrong. */
export const callOptions: fc.Arbitrary<GeneratedOptions> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom<GeneratedOptions>({ options: undefined, valid: true, aborted: false }, { options: {}, valid: true, aborted: false }) },
  { weight: 2, arbitrary: fc.constant(null).map(() => ({ options: { signal: new AbortController().signal }, valid: true, aborted: false })) },
  { weight: 1, arbitrary: fc.constant(null).map(() => ({ options: { signal: AbortSignal.abort() }, valid: true, aborted: true })) },
  { weight: 1, arbitrary: blank.map((signal) => ({ options: { signal }, valid: true, aborted: false })) },
  { weight: 1, arbitrary: notString.filter((v) => !(v instanceof AbortSignal)).map((signal) => ({ options: { signal }, valid: false, aborted: false })) },
  { weight: 1, arbitrary: fc.constantFrom('timeoutMs', 'retry', '__proto__', 'remoteAddress').map((key) => ({ options: JSON.parse(`{"${key}":1}`) as unknown, valid: false, aborted: false })) },
  { weight: 1, arbitrary: anything.filter((v) => v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v))).map((options) => ({ options, valid: false, aborted: false })) },
);

// ——— watching one call ———

export interface Observed {
  /** What reached the fake during the call, token requests included. */
  sent: RecordedRequest[];
  value?: unknown;
  error?: unknown;
  rejected: boolean;
}

/** Runs `call`, which must return a promise (never throw), and records what reached `fake` meanwhile. */
export async function observe(fake: { requests: RecordedRequest[] }, call: () => unknown): Promise<Observed> {
  const before = fake.requests.length;
  let promise: unknown;
  try {
    promise = call();
  } catch (error) {
    assert.fail(`threw synchronously instead of rejecting: ${describe(error)}`);
  }
  assert.ok(promise instanceof Promise, 'returned no promise');
  const seen = await promise.then(
    (value: unknown) => ({ sent: fake.requests.slice(before), value, rejected: false }),
    (error: unknown) => ({ sent: fake.requests.slice(before), error, rejected: true }),
  );
  // Inputs carry `__proto__` and `constructor` keys holding `{ polluted: 1 }`; no call may merge them into every object.
  assert.equal(({} as { polluted?: unknown }).polluted, undefined, 'Object.prototype was polluted');
  return seen;
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.constructor.name}: ${error.message}` : `a thrown ${typeof error}: ${String(error)}`;
}

/** A refusal: a `PortOneInputError`, and nothing at all reached the fake (not even a token request). */
export function assertRefused(seen: Observed, why: string): void {
  assert.ok(seen.rejected, `accepted an input that breaks a rule (${why})`);
  assert.ok(seen.error instanceof PortOneInputError, `expected a PortOneInputError (${why}), got ${describe(seen.error)}`);
  assert.deepEqual(seen.sent.map((r) => `${r.method} ${r.path}`), [], 'a refused input sent a request');
}

/**
 * An accepted call ends as PortOne's answer makes it: a value, or one of the module's own errors
 * other than an input error, after a request (a caller's aborted signal ends it before any).
 */
export function assertOrdinary(seen: Observed, aborted: boolean): void {
  if (!seen.rejected) return;
  const { error } = seen;
  assert.ok(error instanceof PortOneError, `rejected with a foreign error: ${describe(error)}`);
  assert.ok(!(error instanceof PortOneInputError), `refused a valid input: ${describe(error)}`);
  if (aborted) {
    assert.ok(error instanceof PortOneApiError && error.kind === 'aborted', `expected an aborted call, got ${describe(error)}`);
    assert.equal(seen.sent.length, 0, 'an aborted call sent a request');
  }
}

/**
 * The verdict on one watched call of generated input and options: refused (a PortOneInputError,
 * nothing sent) when either breaks a rule; otherwise an ordinary end and the one API request it
 * made, which is returned (none when the caller's signal had already fired).
 */
export function requestOf(seen: Observed, input: { valid: boolean; why: string }, options: GeneratedOptions): ApiRequest | undefined {
  if (!input.valid || !options.valid) {
    assertRefused(seen, input.valid ? 'bad options' : input.why);
    return undefined;
  }
  assertOrdinary(seen, options.aborted);
  return options.aborted ? undefined : apiRequest(seen);
}

export type ApiRequest = RecordedRequest & { segments: string[] };

/** The one request other than token requests, with its path segments decoded. */
export function apiRequest(seen: Observed): ApiRequest {
  const api = seen.sent.filter((r) => r.path !== '/users/getToken');
  assert.equal(api.length, 1, `expected one API request, saw ${api.map((r) => `${r.method} ${r.path}`).join(', ') || 'none'}`);
  const request = api[0] as RecordedRequest;
  return { ...request, segments: request.path.split('/').slice(1).map(decodeURIComponent) };
}
