/**
 * Loads PortOne's V1 SDK once per URL per page (SPEC §5). Every widget, and every copy of this
 * library, shares one `<script async>` per URL through the page-wide state; a failed, timed-out or
 * empty load removes its tag and is forgotten, so the next attempt tries again.
 */
import { pageImp, type Iamport } from './imp.js';
import { sharedState } from './shared-state.js';
import { trustedScriptUrl } from './trusted-types.js';

export interface SdkOptions {
  src: string;
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

export function loadSdk(options: SdkOptions): Promise<Iamport> {
  const ready = pageImp();
  if (ready) return Promise.resolve(ready);
  if (typeof document === 'undefined') {
    return Promise.reject(new SdkLoadError('paymentwall-pay: no document to load the SDK into', options.src));
  }
  const src = new URL(options.src, document.baseURI).href;
  const loads = sharedState().sdkLoads;
  let load = loads.get(src);
  if (!load) {
    load = inject(src, options);
    loads.set(src, load);
    load.catch(() => loads.get(src) === load && loads.delete(src));
  }
  return load;
}

const OURS = 'data-paymentwall-pay';

/**
 * A tag for `src` that may still bring IMP: ours, or the page's own while it is still loading.
 * A page tag that has finished (resource timing lists it) without defining IMP never will.
 */
function findScript(src: string): HTMLScriptElement | undefined {
  const finished = performance.getEntriesByName(src).length > 0;
  return Array.from(document.scripts).find((script) => script.src === src && (script.hasAttribute(OURS) || !finished));
}

function inject(src: string, options: SdkOptions): Promise<Iamport> {
  return new Promise<Iamport>((resolve, reject) => {
    let script = findScript(src);
    if (!script) {
      script = document.createElement('script');
      script.setAttribute(OURS, '');
      script.async = true;
      if (options.nonce) script.nonce = options.nonce;
      if (options.integrity) {
        script.integrity = options.integrity;
        script.crossOrigin = 'anonymous';
      }
      script.src = trustedScriptUrl(src);
      (document.body ?? document.head).append(script);
    }
    const tag = script;
    const finish = (error?: SdkLoadError) => {
      clearTimeout(timer);
      tag.removeEventListener('load', onLoad);
      tag.removeEventListener('error', onError);
      const imp = pageImp();
      // A slow tag may still have defined IMP by now; use it rather than fail.
      if (imp) return resolve(imp);
      // The page's own tag stays where its author put it; ours goes, so a retry starts clean.
      if (tag.hasAttribute(OURS)) tag.remove();
      reject(error ?? new SdkLoadError(`paymentwall-pay: ${src} loaded but defined no window.IMP`, src));
    };
    const onLoad = () => finish();
    const onError = (event: Event) =>
      finish(new SdkLoadError(`paymentwall-pay: could not load ${src}`, src, { cause: event }));
    const timer = setTimeout(
      () => finish(new SdkLoadError(`paymentwall-pay: ${src} did not load within ${options.timeoutMs} ms`, src)),
      options.timeoutMs,
    );
    tag.addEventListener('load', onLoad);
    tag.addEventListener('error', onError);
  });
}

/**
 * `IMP.init` (or `IMP.agency` for a sub-merchant) once per code per page: PortOne's docs warn
 * against calling it twice. A widget with another code initialises again before it pays.
 * Without `impCode` the page has initialised `IMP` itself.
 */
export function initImp(imp: Iamport, impCode: string | undefined, tierCode: string | undefined): void {
  if (impCode === undefined) return;
  const key = `${impCode}|${tierCode ?? ''}`;
  const initialised = sharedState().initialised;
  if (initialised.get(imp) === key) return;
  if (tierCode === undefined) imp.init(impCode);
  // Falling back to init would charge as the parent merchant: refuse instead.
  else if (typeof imp.agency === 'function') imp.agency(impCode, tierCode);
  else throw new TypeError('paymentwall-pay: this PortOne SDK has no IMP.agency for tier-code');
  initialised.set(imp, key);
}
