/**
 * Text that goes into e-mails. Everything a reader wrote (names, titles, comments) is plain text:
 * escaped in the HTML part, and cut to one clean line where it lands in a header.
 */
import {parseBody} from '../../src/model/body-text.js';
import {stripBidiControls} from '../../src/model/text-safety.js';

const HTML_ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/**
 * One line for a subject: no reordering (bidi) controls, no line breaks or other control
 * characters, runs of space as one, at most `max` characters.
 */
export function oneLine(text: string, max = 120): string {
  const line = stripBidiControls(text)
    .replace(/[\p{Cc}\u2028\u2029\s]+/gu, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** A comment's text as HTML: its paragraphs and line breaks, its web addresses as links, all else escaped. */
export function bodyHtml(body: string): string {
  return parseBody(body)
    .map(
      (lines) =>
        `<p style="margin:0 0 1em">${lines
          .map((runs) =>
            runs.map((run) => (run.kind === 'link' ? linkHtml(run.href, run.text) : escapeHtml(run.text))).join(''),
          )
          .join('<br>')}</p>`,
    )
    .join('\n');
}

/** A comment quoted in an e-mail, its bar on the side the text starts from (mail programs know no logical CSS). */
export const quotationHtml = (dir: 'ltr' | 'rtl', body: string) => {
  const side = dir === 'rtl' ? 'right' : 'left';
  return `<blockquote style="margin:0 0 1em;padding-${side}:1em;border-${side}:3px solid #ccc">${bodyHtml(body)}</blockquote>`;
};

export const linkHtml = (href: string, label = href) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

/** The comment's text for the plain part, each line indented like a quotation. */
export const bodyText = (body: string) =>
  body
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => (line ? `  ${line}` : ''))
    .join('\n');

/**
 * An e-mail document around HTML paragraphs (inline styles only: mail programs drop style sheets).
 * The direction is on a wrapper too: webmail drops the html element's attributes.
 */
export const htmlDocument = ({lang, dir}: {lang: string; dir: 'ltr' | 'rtl'}, content: string) =>
  `<!doctype html>\n<html lang="${lang}" dir="${dir}"><body style="font-family:sans-serif;line-height:1.5">\n` +
  `<div dir="${dir}">\n${content}\n</div>\n</body></html>`;
