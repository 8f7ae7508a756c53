/**
 * A comment written as HTML (WordPress stores some, Disqus all) as the widget's plain text: the
 * words, paragraphs and line breaks, and each link as its URL (which the widget links again), so
 * nothing of the old markup is ever rendered. Quotes become "> " lines, list items "- " lines.
 */
import {decodeHTML} from 'entities';
import {Parser} from 'htmlparser2';
import {stripBidiControls} from '../src/model/text-safety.js';
import {isHttpUrl} from '../src/model/validation.js';

const BLOCKS = new Set([
  'p',
  'div',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tr',
  'figure',
]);
// Where a quote starts and ends in the text being built (the comment's own text loses these two
// control characters); tidy() turns them into "> " on each line between.
const QUOTE_START = '\u0001';
const QUOTE_END = '\u0002';
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object']);

/** The link's address when it is a web address (a `javascript:` or `mailto:` link keeps only its words). */
function httpUrl(href: string | undefined): string | undefined {
  const value = href?.trim();
  return value && isHttpUrl(value) ? new URL(value).href : undefined;
}

/** How a link reads as text: its URL, after its words when they say something else. */
function linkText(words: string, href: string): string {
  const said = words.replace(/\s+/g, ' ').trim();
  const bare = (url: string) => url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  if (!said || bare(said) === bare(href) || said.endsWith('…') || said.endsWith('...')) return href;
  return `${said} (${href})`;
}

export function htmlToText(html: string): string {
  let out = '';
  let dropped = 0;
  const links: {href: string; start: number}[] = [];
  // Ends the line (or, with `blank`, the paragraph) unless it has just ended.
  const breakLine = (blank: boolean) => {
    out = out.replace(/[ \t]+$/, '');
    if (!out) return;
    const want = blank ? '\n\n' : '\n';
    const has = /\n*$/.exec(out)![0].length;
    if (has < want.length) out += want.slice(has);
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (DROPPED.has(name)) dropped++;
        if (dropped) return;
        if (name === 'br')
          out = `${out.replace(/[ \t]+$/, '')}\n`; // two in a row: a paragraph
        else if (name === 'li') {
          breakLine(false);
          out += '- ';
        } else if (BLOCKS.has(name)) breakLine(true);
        if (name === 'blockquote') out += QUOTE_START;
        if (name === 'a') links.push({href: httpUrl(attributes.href) ?? '', start: out.length});
        if (name === 'img' && attributes.alt) out += attributes.alt;
      },
      ontext(text) {
        if (dropped) return;
        out += text.replaceAll(QUOTE_START, '').replaceAll(QUOTE_END, '');
      },
      onclosetag(name) {
        if (DROPPED.has(name)) {
          dropped = Math.max(0, dropped - 1);
          return;
        }
        if (dropped) return;
        if (name === 'a') {
          const link = links.pop();
          if (link?.href) out = out.slice(0, link.start) + linkText(out.slice(link.start), link.href);
        }
        if (name === 'blockquote') out += QUOTE_END;
        if (BLOCKS.has(name)) breakLine(true);
        else if (name === 'li') breakLine(false);
      },
    },
    {decodeEntities: true},
  );
  parser.write(html);
  parser.end();
  return tidy(out);
}

/** Quote marks on the lines of quoted paragraphs, no trailing spaces, at most one blank line. */
function tidy(text: string): string {
  let depth = 0;
  const lines = stripBidiControls(text)
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((raw) => {
      let line = '';
      let lineDepth = -1; // the quote depth where the line's first character stands
      for (const char of raw) {
        if (char === QUOTE_START) depth++;
        else if (char === QUOTE_END) depth = Math.max(0, depth - 1);
        else {
          if (lineDepth < 0) lineDepth = depth;
          line += char;
        }
      }
      line = line.replace(/[ \t]+$/, '');
      return line.trim() ? '> '.repeat(lineDepth) + line : '';
    });
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A one-line field (a page title, an author's name): entities decoded, whitespace collapsed, and
 * never read as markup, so a title like "Review of <Her>" keeps its words.
 */
export function plainLine(text: string): string {
  return stripBidiControls(decodeHTML(text)).replace(/\s+/g, ' ').trim();
}
