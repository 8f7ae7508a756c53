import {en, type Messages} from './en.js';
import {anyRegistered, type StringOverrides} from './registered-strings.js';

/** Catalogs other than English load on demand, so a page pays only for its own language. */
const LOADERS: Record<string, () => Promise<Messages>> = {
  fr: () => import('./fr.js').then((m) => m.fr),
  de: () => import('./de.js').then((m) => m.de),
  es: () => import('./es.js').then((m) => m.es),
  ja: () => import('./ja.js').then((m) => m.ja),
  ar: () => import('./ar.js').then((m) => m.ar),
};

const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ku', 'sd', 'ug']);

/** The primary subtag, lower-cased: "fr-CA" → "fr". */
export function baseLanguage(lang: string): string {
  return lang.trim().toLowerCase().split(/[-_]/)[0] || 'en';
}

export const SUPPORTED_LANGUAGES = ['en', ...Object.keys(LOADERS)];

/**
 * The catalog for `lang` (English for languages without one), with what the site registered for
 * it (registerLanguage) and then `own` (an element's `strings`) laid over it.
 */
export async function loadMessages(lang: string, own?: StringOverrides): Promise<Messages> {
  const loader = LOADERS[baseLanguage(lang)];
  const catalog = loader ? await loader() : en;
  // Only pages that change strings pay for merging them.
  return own || anyRegistered() ? (await import('./merge-strings.js')).withSiteStrings(catalog, lang, own) : catalog;
}

export function directionOf(lang: string): 'rtl' | 'ltr' {
  return RTL.has(baseLanguage(lang)) ? 'rtl' : 'ltr';
}
