/** Picks the plural form CLDR gives for `count` in `lang` ("other" when a form is missing). */
export function plural(
  lang: string,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & {other: string},
): string {
  const rule = new Intl.PluralRules(lang).select(count);
  return (forms[rule] ?? forms.other).replace('#', count.toLocaleString(lang));
}
