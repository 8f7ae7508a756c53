/** Picks the plural form CLDR gives for `count` in `lang` ("other" when a form is missing). */
export function plural(
  lang: string,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & {other: string},
): string {
  const rule = pluralRules(lang).select(count);
  return (forms[rule] ?? forms.other).replace('#', count.toLocaleString(lang));
}

const rules = new Map<string, Intl.PluralRules>();
function pluralRules(lang: string): Intl.PluralRules {
  let rule = rules.get(lang);
  if (!rule) rules.set(lang, (rule = new Intl.PluralRules(lang)));
  return rule;
}
