/** relativeTime's units, largest first, with their size in seconds. */
export const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// Intl constructors cost far more than formatting; a long thread would build hundreds of them.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const exactFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(cache: Map<string, T>, lang: string, make: () => T): T {
  let format = cache.get(lang);
  if (!format) cache.set(lang, (format = make()));
  return format;
}

/** "3 days ago", "now"-style text for a comment's time. */
export function relativeTime(date: Date, now: Date, lang: string): string {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  const format = cached(relativeFormats, lang, () => new Intl.RelativeTimeFormat(lang, {numeric: 'auto'}));
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** The exact time, shown on hover. */
export function exactTime(date: Date, lang: string): string {
  return cached(
    exactFormats,
    lang,
    () => new Intl.DateTimeFormat(lang, {dateStyle: 'long', timeStyle: 'short'}),
  ).format(date);
}
