/**
 * Loads a PortOne browser SDK (V1's window.IMP, V2's window.PortOne) once per URL per page (SPEC §5). Every widget, and every copy of this
 * library, shares one `<script async>` per URL through the page-wide state; a failed, timed-out or
 * empty load removes its tag and is forgotten, so the next attempt tries again.
 */
import type { Iamport } from './imp.js';
import { sharedState } from './shared-state.js';
import { pageBase } from './sdk-origin.js';
import { trustedScriptUrl } from './trusted-types.js';
import { unclobbered } from './unclobbered.js';

/** Which global an SDK script defines, and how to tell it is usable. */
export interface SdkGlobal<T> {
  /** For messages: `IMP`, `PortOne`. */
  global: string;
  /** The page's usable global, or undefined. */
  ready(): T | undefined;
}

/**
 * An SDK that defines `window[global]` and is usable once that has `method`. A page that brought
 * its own SDK is used as it is.
 */
export function sdkGlobal<T>(global: 'IMP' | 'PortOne', method: string): SdkGlobal<T> {
  return {
    global,
    ready() {
      try {
        const sdk = typeof window === 'undefined' ? undefined : (window[global] as Record<string, unknown> | undefined);
        return sdk && typeof sdk[method] === 'function' ? (sdk as T) : undefined;
      } catch {
        // Not an SDK: an element named like the global, an <iframe name="IMP"> from another origin
        // say, whose window throws when read.
        return undefined;
      }
    },
  };
}

/** PortOne V1: `window.IMP` with `request_pay`. */
export const V1_SDK = sdkGlobal<Iamport>('IMP', 'request_pay');

export interface SdkOptions<T = Iamport> {
  src: string;
  /** The global the script defines; V1's `window.IMP` when left out. */
  sdk?: SdkGlobal<T>;
  timeoutMs: number;
  /** CSP nonce, set as the script's real nonce (never as a readable attribute). */
  nonce?: string | undefined;
  /** Subresource Integrity hash; implies `crossorigin="anonymous"`. */
  integrity?: string | undefined;
}

export class SdkLoadError extends Error {
  override name = 'SdkLoadError';
  constructor(
    message: string,
    readonly src: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

// Classic scripts only: in a module, and after evaluation, currentScript is null. Through the real
// getter: an injected <img name="currentScript" nonce="…"> would shadow it and plant a wrong nonce.
const LIBRARY_NONCE = typeof document === 'undefined' ? '' : ((unclobbered(document, 'currentScript') as HTMLScriptElement | null)?.nonce ?? '');

/**
 * The page's CSP nonce for the SDK tag, however this library was loaded: the nonce of the classic
 * script that ran it, else that of a script on the page that carries one (a module script, or the
 * page's own). Of those, the first whose URL the browser fetched: an inline tag that injected HTML
 * put earlier carries a guess. A best guess only: injected HTML can also copy a fetched script's
 * URL, so a page open to it sets the widget's `nonce`. The `nonce` property, since browsers hide
 * the attribute's value.
 */
export function pageNonce(): string {
  if (LIBRARY_NONCE || typeof document === 'undefined') return LIBRARY_NONCE;
  const scripts = Array.from(unclobbered(document, 'querySelectorAll')<HTMLScriptElement>('script[nonce]')).filter((script) => script.nonce);
  return (scripts.find((script) => script.src && performance.getEntriesByName(script.src).length > 0) ?? scripts[0])?.nonce ?? '';
}

/** A shared load: how many callers wait for it, and how to give it up when none does. */
type Load<T> = Promise<T> & { waiting?: number; abandon?: () => void };

const timedOut = (src: string, ms: number) => new SdkLoadError(`paymentwall-pay: ${src} did not load within ${ms} ms`, src);

export function loadSdk<T = Iamport>(options: SdkOptions<T>): Promise<T> {
  const sdk = options.sdk ?? (V1_SDK as unknown as SdkGlobal<T>);
  if (typeof document === 'undefined') {
    return Promise.reject(new SdkLoadError('paymentwall-pay: no document to load the SDK into', options.src));
  }
  const src = new URL(options.src, pageBase()).href;
  const ready = sdk.ready();
  if (ready) return withIntegrity(ready, sdk.global, src, options.integrity);
  // With sdk-integrity, a load of the same URL without it is not ours to share.
  const key = options.integrity ? `${src} ${options.integrity}` : src;
  const loads = sharedState().sdkLoads as Map<string, Load<T>>;
  const load = loads.get(key) ?? inject(src, sdk, options);
  if (!loads.has(key)) {
    loads.set(key, load);
    load.catch(() => loads.get(key) === load && loads.delete(key));
  }
  // Each caller waits its own sdk-timeout, not that of the widget that started the load; the load
  // goes on while anyone waits, and is given up, its tag removed, once no one does.
  load.waiting = (load.waiting ?? 0) + 1;
  return new Promise<T>((resolve, reject) => {
    let waits = true;
    const stop = () => {
      clearTimeout(timer);
      if (waits) load.waiting!--;
      waits = false;
    };
    const timer = setTimeout(() => {
      stop();
      if (!load.waiting) load.abandon?.();
      reject(timedOut(src, options.timeoutMs));
    }, options.timeoutMs);
    load.then(
      (sdkGlobal) => {
        stop();
        resolve(withIntegrity(sdkGlobal, sdk.global, src, options.integrity));
      },
      (error: unknown) => {
        stop();
        reject(error);
      },
    );
  });
}

/**
 * A widget with `sdk-integrity` pays only through an SDK a script with that hash brought (PCI DSS
 * 6.4.3): the very global object a verified load produced, not a `window.IMP` the page, a widget
 * without the hash, or a later script defined (even while a tag with that hash is on the page).
 */
function withIntegrity<T>(found: T, global: string, src: string, integrity: string | undefined): Promise<T> {
  if (!integrity || verified().get(found as object) === integrity) return Promise.resolve(found);
  return Promise.reject(
    new SdkLoadError(
      `paymentwall-pay: sdk-integrity is set, but window.${global} did not come from ${src} with that hash`,
      src,
    ),
  );
}

/** The URL and hash of the script that set each SDK global while a hashed tag was on its way (see `watch`). */
const setBy = () => (sharedState().setBy ??= new WeakMap());

/**
 * Records which script sets `window[global]` while a hashed tag for it is on its way: with a hash,
 * the global counts only when a script of that URL and hash set it. PortOne's V1 script keeps a
 * `window.IMP` it finds (`window.IMP || …`), so one the page's unhashed tag (or any other script)
 * defined while the hashed tag loaded would otherwise pass for what that tag brought. One watch per
 * global for the page, however many tags wait; a plain property again once the last has ended
 * (the returned function ends one tag's share). Where the global cannot be watched (a page's own
 * `var IMP`), nothing is recorded and nothing counts as verified.
 */
function watch(global: string): () => void {
  const watches = (sharedState().watches ??= {});
  const watching = (watches[global] ??= startWatch(global));
  watching.tags++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (--watching.tags) return;
    watching.end();
    delete watches[global];
  };
}

/** The accessor on `window[global]` for `watch`, and how to put back a plain property. */
function startWatch(global: string): { tags: number; end(): void } {
  const host = window as unknown as Record<string, unknown>;
  const had = Object.hasOwn(host, global);
  let value = had ? host[global] : undefined;
  const get = () => value;
  try {
    Object.defineProperty(host, global, {
      configurable: true,
      get,
      set(next: unknown) {
        // Who set it, as the browser fetched that script: not a script that set again what it found.
        const script = unclobbered(document, 'currentScript') as HTMLScriptElement | null;
        if (next !== value && Object(next) === next) setBy().set(next as object, script && `${script.src} ${script.integrity}`);
        value = next;
      },
    });
  } catch {}
  return {
    tags: 0,
    // As it was (none, where there was none and none came), unless something has taken the watch's place.
    end: () =>
      Object.getOwnPropertyDescriptor(host, global)?.get === get &&
      (had || value !== undefined ? Object.defineProperty(host, global, { value, writable: true, configurable: true, enumerable: true }) : delete host[global]),
  };
}

/** Hashed tags of ours removed while their script may still arrive (see `inject`). */
const lateTags = new Set<HTMLScriptElement>();

/** Which SDK global a load verified by `sdk-integrity` produced, and with which hash. */
const verified = () => (sharedState().verified ??= new WeakMap());

const OURS = 'data-paymentwall-pay';
/** Our tags, known by identity: the attribute only names them, and injected HTML can copy it. */
const ownTags = () => (sharedState().ownTags ??= new WeakSet());
/** Page tags of a URL one of them timed out on: never waited for again (a tag inserted through innerHTML never runs). */
const stale = new WeakSet<HTMLScriptElement>();
const CLASSIC = /^((text|application)\/javascript)?$/i;
/** A page tag that can run: a classic script (no `type="text/plain"` from a consent manager, no module) not given up on. */
const runnable = (script: HTMLScriptElement) => !stale.has(script) && CLASSIC.test(script.type) && !script.noModule;

/**
 * Whether the page brings V1's `window.IMP` itself: a tag of its own for `src` that can run, or
 * `window.IMP` where no load of ours (nor an older copy's: its attribute has no value) was ever
 * for it. What our loads define is another widget's, set up for no merchant or for that widget's.
 * Our tags are told by the attribute, which names the global: a copy of it in injected HTML can
 * only make a widget without `imp-code` refuse to pay.
 */
export const pageBringsImp = (src: string | undefined): boolean =>
  Array.from(unclobbered(document, 'scripts')).some((script) => script.src === src && !script.hasAttribute(OURS) && runnable(script)) ||
  (!!V1_SDK.ready() && !sharedState().injected?.IMP && !unclobbered(document, 'querySelector')(`script[${OURS}]:not([${OURS}=PortOne])`));

/**
 * A tag for `src` that may still bring the SDK: ours (while it loads: a finished one of ours has
 * either brought the SDK or been removed), or the page's own while it is still loading.
 * A page tag that has finished (resource timing lists it) without defining the global never will;
 * nor will one that is no classic script (`type="text/plain"` from a consent manager, a module).
 */
function findScript(src: string, integrity: string | undefined): HTMLScriptElement | undefined {
  const finished = performance.getEntriesByName(src).length > 0;
  return Array.from(unclobbered(document, 'scripts')).find(
    (script) =>
      script.src === src &&
      (!integrity || script.integrity === integrity) &&
      (ownTags().has(script) || (!finished && runnable(script))),
  );
}

function inject<T>(src: string, sdk: SdkGlobal<T>, options: SdkOptions<T>): Load<T> {
  let abandon = () => {};
  const load: Load<T> = new Promise<T>((resolve, reject) => {
    const use = (tag: HTMLScriptElement) => {
      const ours = ownTags().has(tag);
      const { integrity } = options;
      const unwatch = integrity ? watch(sdk.global) : () => {};
      // What a script of this URL and hash set (see `watch`) is verified.
      const verify = (found: T | undefined) => found && setBy().get(found) === `${src} ${integrity}` && verified().set(found, integrity!);
      const finish = (error?: SdkLoadError, gaveUp?: boolean, ended?: boolean) => {
        clearTimeout(timer);
        tag.removeEventListener('load', onLoad);
        tag.removeEventListener('error', onError);
        // Done: a later load does not wait for this tag again (its SDK may since have been removed).
        ownTags().delete(tag);
        const found = sdk.ready();
        // A hashed tag waited for in vain (not ended by its error event) may still run, ours removed
        // or the page's: what it brings then, its hash checked, is verified. Watched until it ends.
        const late = integrity && error && !ended;
        if (late) {
          // Held until it ends: WebKit may collect the listeners of a removed element nothing
          // else reaches, and the SDK it brings would never count as verified.
          lateTags.add(tag);
          const over = () => {
            lateTags.delete(tag);
            unwatch();
          };
          tag.addEventListener('error', over);
          tag.addEventListener('load', () => {
            verify(sdk.ready());
            over();
          });
        } else unwatch();
        // A slow tag may still have defined the global by now; use it rather than fail. Not with a
        // hash: then only what this tag's verified load brought counts.
        if (found && !(error && integrity)) {
          if (integrity) verify(found);
          return resolve(found);
        }
        // The page's own tag stays where its author put it; ours goes, so a retry starts clean.
        if (ours) tag.remove();
        // A page tag that never came (it may never run): wait for none of the page's tags of this
        // URL again, and load our own while anyone still waits.
        else if (error && !found) {
          for (const script of unclobbered(document, 'scripts')) if (script.src === src) stale.add(script);
          if (!gaveUp) return use(ownTag(src, options));
        }
        reject(error ?? new SdkLoadError(`paymentwall-pay: ${src} loaded but defined no window.${sdk.global}`, src));
      };
      const onLoad = () => finish();
      const onError = (event: Event) => finish(new SdkLoadError(`paymentwall-pay: could not load ${src}`, src, { cause: event }), false, true);
      // Our own tag ends by its load or error, or once no caller waits. A page's tag may never run
      // (innerHTML): it gets half the timeout, our own tag the rest.
      const timer = ours ? undefined : setTimeout(() => finish(timedOut(src, options.timeoutMs / 2)), options.timeoutMs / 2);
      abandon = () => finish(timedOut(src, options.timeoutMs), true);
      tag.addEventListener('load', onLoad);
      tag.addEventListener('error', onError);
    };
    use(findScript(src, options.integrity) ?? ownTag(src, options));
  });
  load.abandon = () => abandon();
  return load;
}

/** A new `<script async>` of ours for `src`, on the page. */
function ownTag<T>(src: string, options: SdkOptions<T>): HTMLScriptElement {
  const script = unclobbered(document, 'createElement')('script');
  const { global } = options.sdk ?? V1_SDK;
  script.setAttribute(OURS, global);
  (sharedState().injected ??= {})[global] = true;
  ownTags().add(script);
  script.async = true;
  if (options.nonce) script.nonce = options.nonce;
  if (options.integrity) {
    script.integrity = options.integrity;
    script.crossOrigin = 'anonymous';
  }
  script.src = trustedScriptUrl(src);
  (unclobbered(document, 'body') ?? unclobbered(document, 'head')).append(script);
  return script;
}

/**
 * `IMP.init` (or `IMP.agency` for a sub-merchant) once per code per page: PortOne's docs warn
 * against calling it twice. A widget with another code initialises again before it pays.
 * Without `impCode` the page has initialised `IMP` itself; once a widget of ours has initialised it
 * (for its merchant), a widget without `impCode` would pay as that merchant, and is refused. So it is
 * when the page does not bring `IMP` for `src` itself (see `pageBringsImp`): a load of ours brought
 * it and the page's own tag never ran, so nobody set it up.
 */
export function initImp(imp: Iamport, impCode: string | undefined, tierCode: string | undefined, src: string): void {
  const { initialised } = sharedState();
  if (impCode === undefined) {
    if (initialised.has(imp) || !pageBringsImp(src)) {
      throw new TypeError("paymentwall-pay: set imp-code: window.IMP is set up for another widget's merchant, or loaded by a widget and set up by no one");
    }
    return;
  }
  const key = `${impCode}|${tierCode ?? ''}`;
  if (initialised.get(imp) === key) return;
  if (tierCode === undefined) imp.init(impCode);
  // Falling back to init would charge as the parent merchant: refuse instead.
  else if (typeof imp.agency === 'function') imp.agency(impCode, tierCode);
  else throw new TypeError('paymentwall-pay: this PortOne SDK has no IMP.agency for tier-code');
  initialised.set(imp, key);
}
