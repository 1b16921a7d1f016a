import { en } from './en.js';
import { ko } from './ko.js';
import { isShadowRoot } from '../widget-key.js';
import type { Lang, Translation } from './translation.js';

export type { Lang, Translation } from './translation.js';

export const translations: Record<Lang, Translation> = { en, ko };

/** `ko`, `ko-KR` and `ko_KR` (as some CMSs write it) → ko; `en`, `en-GB` → en; anything else → undefined. */
export function supportedLang(tag: string | null | undefined): Lang | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'ko' || primary === 'en' ? primary : undefined;
}

/**
 * The UI language: the element's own `lang` (`declared`), else the nearest ancestor's `lang`
 * (across shadow roots) decides, English where it names a language we lack; without any, the
 * browser's first supported language; then English.
 */
export function resolveLang(
  from: Element | undefined,
  browserLanguages: readonly string[] = [],
  declared: string | null = from?.getAttribute('lang') ?? null,
): Lang {
  if (declared !== null && declared.trim() !== '') return supportedLang(declared) ?? 'en';
  for (let node = from && parentOrHost(from); node; node = parentOrHost(node)) {
    const lang = node.getAttribute('lang');
    if (lang !== null && lang.trim() !== '') return supportedLang(lang) ?? 'en';
  }
  for (const language of browserLanguages) {
    const lang = supportedLang(language);
    if (lang) return lang;
  }
  return 'en';
}

function parentOrHost(node: Element): Element | undefined {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return isShadowRoot(root) ? root.host : undefined;
}
