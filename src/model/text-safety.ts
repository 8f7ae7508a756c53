/**
 * What a comment's text may not hide. firestore.rules applies the same tests (functions
 * `noBidiControls`, `visible` and `plainText`), so the form's messages and the server's refusals
 * agree; test/rules/text.rules.test.mjs and test/model/text-safety.test.ts hold them to it.
 */

/**
 * Characters that reorder the text around them: embeddings, overrides and isolates (U+202A–E,
 * U+2066–9). With U+202E, "nimdA etiS" displays as "Site Admin". Marks (U+200E, U+200F) reorder
 * nothing and stay.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Characters that draw nothing on their own: separators, format and control characters, combining
 * marks (they need a letter to sit on), and the letters and symbols that render blank (Hangul
 * fillers, the blank Braille pattern).
 */
const INVISIBLE = /[\p{Z}\p{Cf}\p{Cc}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Format characters (soft hyphen, zero-width joiners and spaces, …): they split a word invisibly. */
const FORMAT = /\p{Cf}/gu;

/**
 * Letters that look like Latin ones, Cyrillic and Greek, in both cases (mapped before lower-casing:
 * Greek capital Ν reads as N, its small ν as v). One line of firestore.rules' `plainText()` per
 * Latin letter; test/model/text-safety.test.ts holds the two lists equal.
 */
export const LOOK_ALIKES: Readonly<Record<string, string>> = Object.freeze({
  a: 'аαАΑ',
  b: 'ВΒ',
  c: 'сϲСϹ',
  d: 'ԁ',
  e: 'еёεЕЁΕ',
  h: 'һНΗ',
  i: 'іїιІЇΙ',
  j: 'јЈ',
  k: 'кκКΚ',
  m: 'МΜ',
  n: 'Ν',
  o: 'оοօОΟ',
  p: 'рρРΡ',
  q: 'ԛ',
  s: 'ѕЅ',
  t: 'τТΤ',
  u: 'υ',
  v: 'νѵ',
  w: 'ԝω',
  x: 'хχХΧ',
  y: 'уүγУҮΥ',
  z: 'Ζ',
});

const LOOK_ALIKE_TO_LATIN = new Map(
  Object.entries(LOOK_ALIKES).flatMap(([latin, others]) => [...others].map((other) => [other, latin] as const)),
);

/** The text without bidirectional embeddings, overrides and isolates: what the form posts. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Whether the text has a bidirectional control the rules refuse. */
export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/** Whether anything in the text would show on screen (a name of zero-width spaces would not). */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/**
 * The text as banned words are matched against it: format characters removed, look-alike
 * letters read as the Latin ones, lower case. Compatibility forms (full-width ａ, ligatures) are
 * folded too (NFKC), which the rules language cannot do.
 */
export function plainText(text: string): string {
  let plain = '';
  for (const char of text.normalize('NFKC').replace(FORMAT, '')) plain += LOOK_ALIKE_TO_LATIN.get(char) ?? char;
  return plain.toLowerCase();
}
