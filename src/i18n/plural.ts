/** Picks the plural form CLDR gives for `count` in `lang` ("other" when a form is missing). */
export function plural(
  lang: string,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & {other: string},
): string {
  const {rules, numbers} = formats(lang);
  return (forms[rules.select(count)] ?? forms.other).replace('#', numbers.format(count));
}

// Made once per language: an Intl constructor costs far more than what it then formats, and
// count.toLocaleString(lang) would make a number format on every call.
const cache = new Map<string, {rules: Intl.PluralRules; numbers: Intl.NumberFormat}>();
function formats(lang: string) {
  let made = cache.get(lang);
  if (!made) cache.set(lang, (made = {rules: new Intl.PluralRules(lang), numbers: new Intl.NumberFormat(lang)}));
  return made;
}
