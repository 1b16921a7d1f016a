import { isIP } from 'node:net';
import { PortOneInputError } from './errors.js';

/** Checks one present value and returns what is sent for it. Throws a `PortOneInputError` naming `field`. */
export type FieldCheck<T = unknown> = (value: unknown, field: string) => T;

export interface FieldRule<I> {
  check: FieldCheck;
  /** `true`, or required only when `when(input)` holds; `because` finishes the message. */
  required?: true | { when: (input: I) => boolean; because: string };
  /**
   * Only a missing key means "not given": a key holding `undefined`, `null` or `''` is refused.
   * For fields whose absence has a meaning of its own, such as a cancel's `amount` (absent: refund
   * everything) or its `checksum` (absent: no guard against a second refund). A missing database
   * value arrives as a present key holding `undefined` as often as `null`.
   */
  strict?: true;
  /**
   * The buyer's data (e-mail, name, phone, address, IP): the value sent is scrubbed from anything a
   * server or a custom fetch says back before it reaches an error, as the secret is.
   */
  personal?: true;
}

/** One rule per input field: a field added to an input type without a rule is a compile error. */
export type BodyRules<I> = { readonly [K in keyof I & string]-?: FieldRule<I> };

/** `undefined`, `null` and `''` all mean "not given". */
export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

export function requireValue<T>(value: unknown, field: string, check: FieldCheck<T>): T {
  if (isAbsent(value)) throw new PortOneInputError(field, 'is required');
  return check(value, field);
}

/**
 * Checks a camelCase input against its rules and returns the checked values, absent ones left out.
 * Unknown keys are refused: a misspelt optional field would otherwise vanish without a word.
 */
export function checkInput<I extends object>(input: I, rules: BodyRules<I>): Partial<Record<keyof I & string, unknown>> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new PortOneInputError('input', 'must be an object');
  }
  const fields = input as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!Object.hasOwn(rules, key)) throw new PortOneInputError(key, 'is not a known field');
  }
  // Before any rule reads the input: a field read as absent can change what is sent (no amount: a full refund).
  for (const field of Object.keys(rules)) {
    if (inheritsField(fields, field)) {
      throw new PortOneInputError(field, "is inherited, not the input's own key (a class getter or a prototype holds it): pass a plain object that holds it");
    }
  }
  // Without a prototype, so a field the input left out reads as absent even where Object.prototype has it.
  const checked: Record<string, unknown> = Object.create(null);
  for (const [field, rule] of Object.entries(rules) as [string, FieldRule<I>][]) {
    // Own keys only: a polluted Object.prototype must not add a field (a notice URL, a key) to a call.
    const value = Object.hasOwn(fields, field) ? fields[field] : undefined;
    if (rule.strict && Object.hasOwn(fields, field)) {
      if (value === undefined) throw new PortOneInputError(field, 'is undefined; leave the key out to mean "not given"');
      checked[field] = rule.check(value, field);
      continue;
    }
    if (isAbsent(value)) {
      if (rule.required === true) throw new PortOneInputError(field, 'is required');
      if (rule.required?.when(input)) throw new PortOneInputError(field, `is required ${rule.required.because}`);
      continue;
    }
    checked[field] = rule.check(value, field);
  }
  return checked as Partial<Record<keyof I & string, unknown>>;
}

/**
 * Whether `field` comes from a prototype of the input's own making (a class, `Object.create(defaults)`)
 * rather than from the input itself. Rules read own keys only, so such a field would be read as
 * absent. `Object.prototype` is not one of these: a field a polluted one adds is ignored.
 */
function inheritsField(input: object, field: string): boolean {
  for (let proto: unknown = Object.getPrototypeOf(input); proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if (Object.hasOwn(proto as object, field)) return true;
  }
  return false;
}

/**
 * `checkInput`, then the body under PortOne V1's snake_case names (`buyerEmail` → `buyer_email`),
 * with the buyer's data it carries (`personalValues`), to scrub from errors.
 */
export function toWire<I extends object>(input: I, rules: BodyRules<I>): { body: Record<string, unknown>; scrubbed: string[] } {
  const checked = checkInput(input, rules);
  const body = Object.fromEntries(Object.entries(checked).map(([field, value]) => [field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]));
  return { body, scrubbed: personalValues(checked, rules) };
}

/** The checked values the rules mark `personal`: what a request sends of the buyer's data. */
export function personalValues<I extends object>(checked: Partial<Record<string, unknown>>, rules: BodyRules<I>): string[] {
  return (Object.entries(rules) as [string, FieldRule<I>][]).flatMap(([field, rule]) => {
    const value = checked[field];
    return rule.personal && typeof value === 'string' ? [value] : [];
  });
}

/** A string of at most `max` characters (code points, so a Hangul or emoji name counts as people read it). */
export function text(max?: number, pattern?: { test: RegExp; rule: string }): FieldCheck<string> {
  return (value, field) => {
    if (typeof value !== 'string') throw new PortOneInputError(field, 'must be a string');
    // Code points are at most the UTF-16 length and at least half of it: only between those are they counted.
    if (max !== undefined && value.length > max && (value.length > 2 * max || [...value].length > max)) {
      throw new PortOneInputError(field, `must be at most ${max} characters`);
    }
    if (pattern && !pattern.test.test(value)) throw new PortOneInputError(field, pattern.rule);
    return value;
  };
}

/**
 * An id that goes into a URL path. Not `.` or `..`: a URL parser resolves those (percent-encoded
 * too), so the request would reach another path. No lone surrogates: they have no UTF-8 to encode.
 */
export function pathSegment(max?: number): FieldCheck<string> {
  const check = text(max);
  return (value, field) => {
    const id = check(value, field);
    if (id === '.' || id === '..') throw new PortOneInputError(field, 'must not be "." or ".."');
    if (/\p{Cs}/u.test(id)) throw new PortOneInputError(field, 'must be well-formed Unicode (it has a lone surrogate)');
    return id;
  };
}

/** Printable ASCII without spaces: what fetch sends in a header as it is, neither refused nor trimmed. */
export const HEADER_SAFE = /^[\x21-\x7e]+$/;

/** A value sent in an HTTP header. */
export const headerText: FieldCheck<string> = text(undefined, {
  test: HEADER_SAFE,
  rule: 'must be printable ASCII without spaces (it is sent in an HTTP header)',
});

export const email = (max: number): FieldCheck<string> =>
  text(max, { test: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, rule: 'must be an e-mail address' });

/** Paymentwall's buyer-name rule: first and last name separated by a space. */
export const personName = (max: number): FieldCheck<string> =>
  text(max, { test: /^\S+(?: \S+)+$/u, rule: 'must be "First Last": two or more words separated by single spaces' });

/** PortOne upper-cases currencies; accept any case, send upper case. */
export const currency: FieldCheck<string> = (value, field) =>
  text(undefined, { test: /^[A-Za-z]{3}$/, rule: 'must be a 3-letter ISO 4217 currency code' })(value, field).toUpperCase();

export const positiveInteger: FieldCheck<number> = (value, field) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new PortOneInputError(field, 'must be a positive whole number (a safe integer, not a string)');
  }
  return value;
};

/** The longest time a timer holds: `AbortSignal.timeout` of more ends at once (1 ms) or throws a `RangeError`. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** A time limit in milliseconds: a positive whole number a timer can hold, about 24.8 days at most. */
export const milliseconds: FieldCheck<number> = (value, field) => {
  const ms = positiveInteger(value, field);
  if (ms > MAX_TIMEOUT_MS) throw new PortOneInputError(field, `must be at most ${MAX_TIMEOUT_MS} (2^31 - 1 ms, about 24.8 days)`);
  return ms;
};

export const nonNegativeInteger: FieldCheck<number> = (value, field) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new PortOneInputError(field, 'must be a whole number of 0 or more');
  }
  return value;
};

export const flag: FieldCheck<boolean> = (value, field) => {
  if (typeof value !== 'boolean') throw new PortOneInputError(field, 'must be true or false');
  return value;
};

export function oneOf<const T extends string>(...allowed: T[]): FieldCheck<T> {
  return (value, field) => {
    if (!allowed.includes(value as T)) throw new PortOneInputError(field, `must be one of: ${allowed.join(', ')}`);
    return value as T;
  };
}

/** `yes` / `no`, or a boolean mapped to them. */
export const yesNo: FieldCheck<'yes' | 'no'> = (value, field) =>
  typeof value === 'boolean' ? (value ? 'yes' : 'no') : oneOf('yes', 'no')(value, field);

/** A `Date` from 1970 on or UNIX seconds, sent as whole UNIX seconds (never negative, whichever was given). */
export const unixSeconds: FieldCheck<number> = (value, field) => {
  if (value instanceof Date && value.getTime() >= 0) return Math.floor(value.getTime() / 1000);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new PortOneInputError(field, 'must be a valid Date or whole UNIX seconds');
};

export const ipAddress: FieldCheck<string> = (value, field) => {
  if (typeof value !== 'string' || isIP(value) === 0) throw new PortOneInputError(field, 'must be an IPv4 or IPv6 address');
  return value;
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An `https:` URL; plain `http:` only to a loopback host, for tests. The secret never travels unencrypted. */
export const secureUrl: FieldCheck<string> = (value, field) => {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)))) {
    throw new PortOneInputError(field, 'must be an https: URL (http: only for localhost, 127.0.0.1 or [::1])');
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new PortOneInputError(field, 'must have no query, fragment or credentials');
  }
  return url.href.replace(/\/+$/, '');
};

export const abortSignal: FieldCheck<AbortSignal> = (value, field) => {
  if (!(value instanceof AbortSignal)) throw new PortOneInputError(field, 'must be an AbortSignal');
  return value;
};

export const callable: FieldCheck<(...args: never[]) => unknown> = (value, field) => {
  if (typeof value !== 'function') throw new PortOneInputError(field, 'must be a function');
  return value as (...args: never[]) => unknown;
};

/** PortOne stores `custom_data` as a string; an object is sent as its JSON. */
export const jsonText: FieldCheck<string> = (value, field) => {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    // A bigint or a cycle inside makes JSON.stringify throw a TypeError; that is the caller's input too.
    let json: string | undefined;
    try {
      json = JSON.stringify(value) as string | undefined;
    } catch {
      json = undefined;
    }
    if (typeof json === 'string') return json;
    throw new PortOneInputError(field, 'must be an object JSON can hold (no bigint, no cycle)');
  }
  throw new PortOneInputError(field, 'must be a string or a plain object');
};
