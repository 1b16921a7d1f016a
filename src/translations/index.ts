import { en } from './en.js';
import { ko } from './ko.js';
import type { Lang, Translation } from './translation.js';

export type { Lang, Translation } from './translation.js';

export const translations: Record<Lang, Translation> = { en, ko };

/** `ko`, `ko-KR` → ko; `en`, `en-GB` → en; anything else → undefined. */
export function supportedLang(tag: string | null | undefined): Lang | undefined {
  const primary = tag?.trim().toLowerCase().split('-')[0];
  return primary === 'ko' || primary === 'en' ? primary : undefined;
}

/**
 * The UI language: the nearest declared `lang` (the element's own, then its ancestors', across
 * shadow roots) decides, English where it names a language we lack; without one, the browser's
 * first supported language; then English.
 */
export function resolveLang(element: Element | undefined, browserLanguages: readonly string[] = []): Lang {
  for (let node: Element | undefined = element; node; ) {
    const declared = node.getAttribute('lang');
    if (declared !== null && declared.trim() !== '') return supportedLang(declared) ?? 'en';
    const root = node.parentElement ? undefined : node.getRootNode();
    node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : undefined);
  }
  for (const language of browserLanguages) {
    const lang = supportedLang(language);
    if (lang) return lang;
  }
  return 'en';
}
