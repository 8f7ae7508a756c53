import {en, type Messages} from './en.js';

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

/** The catalog for `lang`, falling back to English for languages without one. */
export async function loadMessages(lang: string): Promise<Messages> {
  const loader = LOADERS[baseLanguage(lang)];
  return loader ? loader() : en;
}

export function directionOf(lang: string): 'rtl' | 'ltr' {
  return RTL.has(baseLanguage(lang)) ? 'rtl' : 'ltr';
}
