/** Picks the plural form CLDR gives for `count` in `lang` ("other" when a form is missing). */
export function plural(
  lang: string,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & {other: string},
): string {
  return (forms[made(rules, lang, () => new Intl.PluralRules(lang)).select(count)] ?? forms.other).replace(
    '#',
    written(lang, count),
  );
}

// Below 1,000 no locale groups digits, and these languages write them as ASCII digits (Arabic
// without a region does too; ar-EG does not). The heading's count then needs no Intl.NumberFormat,
// whose first construction in a page costs 40–110 ms of main thread, on the way to the first render.
const ASCII_DIGITS = /^(en|fr|de|es|ja)(-|$)|^ar$/i;

function written(lang: string, count: number): string {
  if (Number.isInteger(count) && count >= 0 && count < 1000 && ASCII_DIGITS.test(lang)) return String(count);
  return made(numbers, lang, () => new Intl.NumberFormat(lang)).format(count);
}

// Made once per language: an Intl constructor costs far more than what it then formats, and
// count.toLocaleString(lang) would make a number format on every call.
const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();
function made<T>(cache: Map<string, T>, lang: string, make: () => T): T {
  let value = cache.get(lang);
  if (!value) cache.set(lang, (value = make()));
  return value;
}
