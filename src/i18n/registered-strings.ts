import type {Messages} from './en.js';

/** The languages the widget ships a catalog for. */
export type ShippedLanguage = 'en' | 'fr' | 'de' | 'es' | 'ja' | 'ar';

/**
 * Any part of a catalog: single strings, or part of a group (`refusals`, `notices`…). Strings
 * that take values (a count, a name) are functions returning the text.
 */
export type StringOverrides = {
  [K in keyof Messages]?: Messages[K] extends string | ((...args: never[]) => string)
    ? Messages[K]
    : Partial<Messages[K]>;
};

// Part of the entry (sites call registerLanguage before any view loads), so it stays tiny:
// merging and checking happen in the view's chunk (i18n/merge-strings.ts). Kept on globalThis:
// a page whose script tag says `leave-a-reply.js?ver=2` gets a second copy of this module when
// the chunks import the entry, and both must see one registry.
const registered: Map<string, StringOverrides[]> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('leave-a-reply/strings')
] ??= new Map()) as Map<string, StringOverrides[]>;

/** Dispatched on `window` when a site registers strings, so what is showing switches. */
export const STRINGS_REGISTERED = 'lar-strings-registered';

/**
 * Changes the widget's strings for one language, on every widget and count of the page (those
 * already showing switch at once).
 *
 * For a language the widget ships, give only what you change:
 * `registerLanguage('en', {countBadge: (n) => (n === 1 ? '1 comment' : `${n} comments`)})`.
 * For a language of your own, give a whole catalog shaped like the English one (the type
 * checker holds it to that; a string left out in plain JavaScript shows in English). A region
 * (`pt-BR`) takes its strings over its language's (`pt`).
 */
export function registerLanguage(lang: ShippedLanguage, strings: StringOverrides): void;
export function registerLanguage(lang: string, strings: Messages): void;
export function registerLanguage(lang: string, strings: StringOverrides): void {
  const key = lang.trim().toLowerCase();
  registered.set(key, [...(registered.get(key) ?? []), strings]);
  globalThis.dispatchEvent?.(new Event(STRINGS_REGISTERED));
}

/** What the site registered for one language tag ("pt-br" or "pt"), oldest first. */
export const registeredStrings = (tag: string): StringOverrides[] => registered.get(tag) ?? [];

export const anyRegistered = (): boolean => registered.size > 0;
