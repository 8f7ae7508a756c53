import {baseLanguage} from './catalogs.js';
import type {Messages} from './en.js';
import {registeredStrings, type StringOverrides} from './registered-strings.js';

/** `catalog` with the site's strings for `lang` ("pt-BR": those for `pt`, then `pt-br`), then `own`. */
export function withSiteStrings(catalog: Messages, lang: string, own: StringOverrides | undefined): Messages {
  const tag = lang.trim().toLowerCase();
  const base = baseLanguage(tag);
  return mergeStrings(catalog, [...registeredStrings(base), ...(tag === base ? [] : registeredStrings(tag)), own]);
}

type Entry = string | ((...args: never[]) => string) | Record<string, unknown>;

/**
 * A catalog with a site's strings laid over it. Only keys the catalog has, of the kind it has
 * (text for text, a function for a function), are taken, so a typo or a wrong shape from plain
 * JavaScript is named in the console instead of breaking the widget; a function that throws or
 * returns no text falls back to the catalog's.
 */
export function mergeStrings(catalog: Messages, layers: readonly (StringOverrides | undefined)[]): Messages {
  let merged = catalog as unknown as Record<string, Entry>;
  for (const layer of layers) {
    if (!layer || typeof layer !== 'object') continue;
    merged = {...merged};
    for (const [key, value] of Object.entries(layer)) {
      if (key === 'lang' && typeof value === 'string') merged.lang = value;
      else if (key !== 'lang' && Object.hasOwn(merged, key)) merged[key] = over(merged[key], value, key);
      else console.warn(`leave-a-reply: strings: there is no string "${key}".`);
    }
  }
  return merged as unknown as Messages;
}

function over(base: Entry, value: unknown, name: string): Entry {
  if (typeof base === 'string' && typeof value === 'string') return value;
  if (typeof base === 'function' && typeof value === 'function') {
    return guarded(base, value as (...args: never[]) => unknown, name);
  }
  if (typeof base === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const group: Record<string, unknown> = {...base};
    for (const [key, inner] of Object.entries(value)) {
      if (Object.hasOwn(base, key)) group[key] = over(base[key] as Entry, inner, `${name}.${key}`);
      else console.warn(`leave-a-reply: strings: there is no string "${name}.${key}".`);
    }
    return group;
  }
  if (value !== undefined) {
    const wanted =
      typeof base === 'function' ? 'a function returning text' : typeof base === 'string' ? 'text' : 'an object';
    console.warn(`leave-a-reply: strings: "${name}" must be ${wanted}; the widget's own is kept.`);
  }
  return base;
}

function guarded(base: (...args: never[]) => string, value: (...args: never[]) => unknown, name: string) {
  return (...args: never[]): string => {
    try {
      const text = value(...args);
      if (typeof text === 'string') return text;
    } catch (error) {
      console.warn(`leave-a-reply: strings: "${name}" threw`, error);
    }
    return base(...args);
  };
}
