/**
 * Splits a comment body into paragraphs, lines and link runs. The result is plain data that
 * templates render through text bindings, so no part of a body is ever parsed as HTML.
 */
export type TextRun = {kind: 'text'; text: string} | {kind: 'link'; text: string; href: string};
export type Paragraph = TextRun[][]; // lines of runs

// Every "http://" or "https://", in any case: exactly what firestore.rules counts (it splits the
// body on that pattern), so the form, the moderation check and the rules never disagree.
const LINK = /https?:\/\//gi;

export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

/**
 * Matches a body that may hold formatting: a superset of what body-format.ts treats as markup, so
 * no match means plain text. Here, not there, so the first render can tell which bodies need the
 * formatter without loading it.
 */
export const FORMATTING = /[*_`[\\]|~~~|^(?:>|[-+] |\d+[.)] )/m;

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"]+/gi;
// Punctuation that usually ends the sentence rather than the URL.
const TRAILING = /[.,;:!?'")\]]$/;
const count = (text: string, char: string) => text.split(char).length - 1;

/**
 * The URL without the sentence's punctuation after it (`trailing`: the characters that end a
 * sentence rather than the URL); a ")" stays when it closes a "(" of the URL.
 */
export function trimUrl(url: string, trailing = TRAILING): string {
  let end = url.length;
  const opened = count(url, '(');
  let closed = count(url, ')');
  while (end > 0 && trailing.test(url[end - 1])) {
    if (url[end - 1] === ')') {
      if (opened >= closed) break;
      closed--;
    }
    end--;
  }
  return url.slice(0, end);
}

function linkRuns(line: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_IN_TEXT)) {
    // Keeps a closing parenthesis that belongs to the URL, as in Wikipedia links.
    const href = trimUrl(match[0]);
    const start = match.index;
    if (start > last) runs.push({kind: 'text', text: line.slice(last, start)});
    runs.push({kind: 'link', text: href, href});
    last = start + href.length;
  }
  if (last < line.length) runs.push({kind: 'text', text: line.slice(last)});
  return runs;
}

export function parseBody(body: string): Paragraph[] {
  return body
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split('\n').map(linkRuns));
}
