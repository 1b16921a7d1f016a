/**
 * Settings for the generated (property-based) tests, in the browser and in Node alike.
 *
 * Every run uses the same seed, so CI tries the same cases each time and a failure reproduces.
 * A failure prints fast-check's seed and path for the shrunk counterexample; replay it with
 * `FC_SEED=<seed> npm test` (or `FC_SEED=<seed> npx web-test-runner <file>` /
 * `FC_SEED=<seed> node --import tsx --test <file>`). `FC_SEED=random` tries new cases.
 */
import fc from 'fast-check';

const DEFAULT_SEED = 20261127;

function seedFromEnvironment(): string | undefined {
  // Browsers: the test runner writes FC_SEED into the page (web-test-runner.config.mjs).
  const fromPage = (globalThis as { __FC_SEED?: string }).__FC_SEED;
  if (fromPage) return fromPage;
  const node = (globalThis as { process?: { env: Record<string, string | undefined> } }).process;
  return node?.env.FC_SEED;
}

function chooseSeed(): number {
  const text = seedFromEnvironment();
  if (!text) return DEFAULT_SEED;
  if (text === 'random') return (Math.random() * 2 ** 31) | 0;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not ${JSON.stringify(text)}`);
  return seed;
}

export const SEED = chooseSeed();

/** fast-check's parameters for `runs` cases with the run's seed; fails loudly with the seed. */
export function property(runs: number): fc.Parameters<unknown> {
  // The failed assertion goes into the message: node:test's reporter does not print an error's cause.
  return { seed: SEED, numRuns: runs, verbose: fc.VerbosityLevel.Verbose, includeErrorInReport: true };
}

/**
 * Runs a property; an exception from fast-check names the seed and the shrunk case. An
 * `fc.asyncProperty` gives a promise, which the test must await (or return) to see the failure.
 */
export function check<Ts extends [unknown, ...unknown[]]>(runs: number, prop: fc.IAsyncPropertyWithHooks<Ts> | fc.IAsyncProperty<Ts>): Promise<void>;
export function check<Ts extends [unknown, ...unknown[]]>(runs: number, prop: fc.IPropertyWithHooks<Ts> | fc.IProperty<Ts>): void;
export function check<Ts extends [unknown, ...unknown[]]>(runs: number, prop: fc.IRawProperty<Ts>): Promise<void> | void {
  return fc.assert(prop, property(runs) as fc.Parameters<Ts>);
}

export { fc };
