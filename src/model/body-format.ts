/**
 * Parses the small "simple formatting" subset readers may use in comments: bold, italic, inline
 * code, fenced code, quotes, lists and http(s) links. The result is plain data for text bindings;
 * nothing here builds HTML. Every step is a forward scan (or a stack), so hostile input such as
 * thousands of unmatched markers stays linear, and nesting caps keep the output tree shallow.
 * The widget loads it (through components/leave-a-reply/internal/formatted-body.ts) only once a
 * body on screen `hasFormatting`, or the reader presses Preview: the first render never waits for it.
 */
import {FORMATTING, trimUrl} from './body-text.js';

/** Whether the body may hold formatting; false means parseFormatted gives plain paragraphs. */
export function hasFormatting(body: string): boolean {
  return FORMATTING.test(body);
}

export type Inline =
  | {kind: 'text'; text: string}
  // `text` is always the label's plain text; `children` is there only when the label has formatting.
  | {kind: 'link'; text: string; href: string; children?: Inline[]}
  | {kind: 'strong'; children: Inline[]}
  | {kind: 'em'; children: Inline[]}
  | {kind: 'code'; text: string}
  | {kind: 'break'};
export type Block =
  | {kind: 'paragraph'; inlines: Inline[]}
  | {kind: 'code'; text: string}
  | {kind: 'quote'; blocks: Block[]}
  | {kind: 'list'; ordered: boolean; start: number; items: Block[][]};

const MAX_QUOTES = 4;
const MAX_LISTS = 4;
const MAX_EMPHASIS = 8;

export function parseFormatted(body: string): Block[] {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  while (end > 0 && blank(lines[end - 1])) end--;
  return parseBlocks(lines.slice(0, end), 0, 0);
}

// ---- Blocks: each container strips its markers and parses its lines again, at most 8 levels deep.

const blank = (line: string) => !/\S/.test(line);
const ITEM = /^(?:([-*+])|(\d{1,9})([.)])) /;
type Item = {key: string; ordered: boolean; start: number; width: number};

function listItem(line: string): Item | null {
  const m = ITEM.exec(line);
  if (!m) return null;
  return {key: m[1] ?? m[3], ordered: !m[1], start: m[2] ? Number(m[2]) : 1, width: m[0].length};
}

/** The fence's character and length; a backtick fence's info string may not hold a backtick. */
function fence(line: string): {ch: string; n: number} | null {
  const ch = line[0];
  if (ch !== '`' && ch !== '~') return null;
  let n = 1;
  while (line[n] === ch) n++;
  return n < 3 || (ch === '`' && line.includes('`', n)) ? null : {ch, n};
}

function closesFence(line: string, open: {ch: string; n: number}): boolean {
  let n = 0;
  while (line[n] === open.ch) n++;
  return n >= open.n && blank(line.slice(n));
}

/** The line inside a quote: "> x", a lone ">" (a blank quoted line) and ">>" (nesting). */
function quoted(line: string): string | null {
  if (line[0] !== '>') return null;
  if (line.length === 1 || line[1] === '>') return line.slice(1);
  return line[1] === ' ' ? line.slice(2) : null;
}

/** A line indented (2+ spaces or a tab) under a list item, without that indent; else null. */
function continuation(line: string, width: number): string | null {
  if (line[0] === '\t') return line.slice(1);
  let n = 0;
  while (n < width && line[n] === ' ') n++;
  return n >= 2 ? line.slice(n) : null;
}

function parseBlocks(lines: string[], quotes: number, lists: number): Block[] {
  const blocks: Block[] = [];
  const isQuote = (line: string) => quotes < MAX_QUOTES && quoted(line) !== null;
  const item = (line: string) => (lists < MAX_LISTS ? listItem(line) : null);
  // Only a "1." may start a numbered list inside a paragraph, so "…in\n1984. We" stays one.
  const interrupts = (line: string) => fence(line) || isQuote(line) || item(line)?.start === 1;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const open = fence(line);
    const first = item(line);
    if (blank(line)) {
      i++;
    } else if (open) {
      const start = ++i;
      while (i < lines.length && !closesFence(lines[i], open)) i++;
      blocks.push({kind: 'code', text: lines.slice(start, i).join('\n')});
      i++; // the closing fence; an unclosed fence runs to the end
    } else if (isQuote(line)) {
      const inner: string[] = [];
      for (; i < lines.length && isQuote(lines[i]); i++) inner.push(quoted(lines[i])!);
      blocks.push({kind: 'quote', blocks: parseBlocks(inner, quotes + 1, lists)});
    } else if (first) {
      const items: Block[][] = [];
      for (let marker: Item | null = first; marker;) {
        const own = [lines[i].slice(marker.width)];
        for (i++; i < lines.length; i++) {
          let next = i; // blank lines followed by an indented line stay in the item
          while (next < lines.length && blank(lines[next])) next++;
          const rest = next < lines.length ? continuation(lines[next], marker.width) : null;
          if (rest === null) break;
          for (; i < next; i++) own.push('');
          own.push(rest);
        }
        items.push(parseBlocks(own, quotes, lists + 1));
        let next = i; // blank lines between two items of the same list do not end it
        while (next < lines.length && blank(lines[next])) next++;
        const following = next < lines.length ? item(lines[next]) : null;
        marker = following?.key === first.key ? following : null;
        if (marker) i = next;
      }
      blocks.push({kind: 'list', ordered: first.ordered, start: first.start, items});
    } else {
      // A paragraph runs to a blank line or to a line that starts another block.
      const start = i;
      for (i++; i < lines.length && !blank(lines[i]) && !interrupts(lines[i]);) i++;
      blocks.push({kind: 'paragraph', inlines: parseInlines(lines.slice(start, i).join('\n'))});
    }
  }
  return blocks;
}

// ---- Inlines: one forward scan into a linked list of tokens, then emphasis is matched with stacks.

/** A node of the doubly linked token list, which lets a matched pair wrap its content in O(1). */
class Tok {
  href = '';
  kids: Tok | null = null; // first child of em, strong and link
  depth = 0; // emphasis levels inside, for the cap
  prev: Tok | null = null;
  next: Tok | null = null;
  constructor(
    public kind: 'text' | 'url' | 'code' | 'break' | 'em' | 'strong' | 'link',
    public text = '',
  ) {}
}
type Delim = {tok: Tok; ch: string; count: number; canOpen: boolean; canClose: boolean; at: number};
const ESCAPABLE = new Set('*_`[]()>-\\#+.!');
// Where the scan must stop: markup, a line end, or an "h" that may start a bare URL.
const SPECIAL = /[\\`*_[\]\nhH]/g;
const SPACE = /\s/;
const ALNUM = /[\p{L}\p{N}]/u;
// Mirrors body-text.ts's URL_IN_TEXT (which is not exported); inside "[" a URL also stops at "]".
const URL_AT = /https?:\/\/[^\s<>"]+/iy;
const URL_IN_LABEL = /https?:\/\/[^\s<>"\]]+/iy;
const HREF = /^https?:\/\/./i;
// body-text.ts's sentence punctuation, plus "*" and "_" so that **https://x.example** stays bold.
const TRAILING = /[.,;:!?'")\]*_]$/;

/** Moves the tokens between `open` and `close` into `node`, which takes their place. */
function wrap(open: Tok, close: Tok, node: Tok): Tok {
  const first = open.next!;
  if (first !== close) {
    node.kids = first;
    first.prev = null;
    close.prev!.next = null;
  }
  open.next = node;
  node.prev = open;
  node.next = close;
  close.prev = node;
  return node;
}

function maxDepth(from: Tok | null, until: Tok | null): number {
  let depth = 0;
  for (let t = from; t && t !== until; t = t.next) depth = Math.max(depth, t.depth);
  return depth;
}

/** Matches the delimiters from `from` on, innermost first, and forgets them. */
function processEmphasis(delims: Delim[], from: number): void {
  const stacks: Record<string, Delim[]> = {'*': [], _: []};
  for (const d of delims.slice(from)) {
    while (d.canClose && d.count > 0) {
      const opener = stacks[d.ch].at(-1);
      if (!opener) break;
      const depth = 1 + maxDepth(opener.tok.next, d.tok);
      if (depth > MAX_EMPHASIS) {
        // Every opener left would wrap this content too: all of them stay text.
        stacks['*'] = [];
        stacks._ = [];
        break;
      }
      // Openers of the other character between the pair can no longer close properly.
      const other = stacks[d.ch === '*' ? '_' : '*'];
      while (other.length && other[other.length - 1].at > opener.at) other.pop();
      const use = opener.count >= 2 && d.count >= 2 ? 2 : 1;
      wrap(opener.tok, d.tok, new Tok(use === 2 ? 'strong' : 'em')).depth = depth;
      opener.count -= use;
      opener.tok.text = opener.tok.text.slice(use);
      d.count -= use;
      d.tok.text = d.tok.text.slice(use);
      if (opener.count === 0) stacks[d.ch].pop();
    }
    if (d.count > 0 && d.canOpen) stacks[d.ch].push(d);
  }
  delims.length = from;
}

function parseInlines(s: string): Inline[] {
  // Backtick runs by length, each list read once from the front: finding a closer never rescans.
  const runs = new Map<number, {at: number; starts: number[]}>();
  for (const {0: run, index} of s.matchAll(/`+/g)) {
    if (!runs.has(run.length)) runs.set(run.length, {at: 0, starts: []});
    runs.get(run.length)!.starts.push(index);
  }
  // For link destinations, computed on the first "](": the ")" matching each "(", and where the
  // next character that cannot be in a URL is. Both are lookups, so "[a](" * 5000 stays linear.
  let closeOf: Int32Array | null = null;
  let stopAt: Int32Array | null = null;
  const destination = (i: number): string | null => {
    if (s[i + 1] !== '(') return null;
    if (!closeOf || !stopAt) {
      closeOf = new Int32Array(s.length).fill(-1);
      stopAt = new Int32Array(s.length + 1).fill(s.length);
      const open: number[] = [];
      for (let k = 0; k < s.length; k++) {
        if (s[k] === '(') open.push(k);
        else if (s[k] === ')' && open.length) closeOf[open.pop()!] = k;
      }
      let from = 0;
      for (const {index} of s.matchAll(/[\s<>"]/g)) {
        stopAt.fill(index, from, index + 1);
        from = index + 1;
      }
    }
    const end = closeOf[i + 1];
    const url = s.slice(i + 2, end);
    return end > 0 && stopAt[i + 2] >= end && HREF.test(url) ? url : null;
  };

  const root = new Tok('text');
  let tail = root;
  let buf = ''; // plain text not yet in a token
  const append = (t: Tok): Tok => {
    const text = buf;
    buf = '';
    if (text) append(new Tok('text', text));
    tail.next = t;
    t.prev = tail;
    return (tail = t);
  };
  const flush = () => append(new Tok('text')); // an empty text token is dropped from the output
  const delims: Delim[] = [];
  let brackets: {tok: Tok; delims: number}[] = [];

  for (let i = 0; i < s.length;) {
    SPECIAL.lastIndex = i;
    const next = SPECIAL.exec(s)?.index ?? s.length;
    buf += s.slice(i, next);
    i = next;
    if (i >= s.length) break;
    const c = s[i];
    const before = i > 0 ? s[i - 1] : ' ';
    if (c === '\\') {
      buf += ESCAPABLE.has(s[i + 1]) ? s[++i] : c;
      i++;
    } else if (c === '`') {
      let n = 1;
      while (s[i + n] === '`') n++;
      const same = runs.get(n) ?? {at: 0, starts: []}; // none when this run follows an escaped "`"
      while (same.at < same.starts.length && same.starts[same.at] < i + n) same.at++;
      const close = same.at < same.starts.length ? same.starts[same.at] : -1;
      if (close < 0) {
        buf += s.slice(i, i + n);
      } else {
        const code = s.slice(i + n, close).replace(/\n/g, ' ');
        // Like CommonMark, one space each side is padding, so `` `x` `` can show backticks.
        const padded = code.length > 2 && code[0] === ' ' && code.endsWith(' ') && /[^ ]/.test(code);
        append(new Tok('code', padded ? code.slice(1, -1) : code));
        i = close;
      }
      i += n;
    } else if (c === '*' || c === '_') {
      let n = 1;
      while (s[i + n] === c) n++;
      const after = s.charAt(i + n) || ' ';
      const intraword = c === '_';
      const canOpen = !SPACE.test(after) && !(intraword && ALNUM.test(before));
      const canClose = !SPACE.test(before) && !(intraword && ALNUM.test(after));
      if (canOpen || canClose) {
        const t = append(new Tok('text', s.slice(i, i + n)));
        delims.push({tok: t, ch: c, count: n, canOpen, canClose, at: delims.length});
      } else buf += s.slice(i, i + n); // snake_case: a token would only cost time
      i += n;
    } else if (c === '[') {
      brackets.push({tok: append(new Tok('text', c)), delims: delims.length});
      i++;
    } else if (c === ']') {
      const opener = brackets.pop();
      const url = opener ? destination(i) : null;
      if (opener && url !== null) {
        const end = flush();
        processEmphasis(delims, opener.delims);
        // Everything between the "[" (now empty text) and the end of the scan is the label.
        const link = wrap(opener.tok, end, new Tok('link'));
        opener.tok.text = '';
        link.href = url;
        link.depth = maxDepth(link.kids, null);
        brackets = []; // no link inside a link: older "[" can no longer open one
        i += url.length + 3;
      } else {
        buf += c;
        i++;
      }
    } else if (c === '\n') {
      append(new Tok('break'));
      i++;
    } else {
      // A bare URL where body-text.ts would see one ("_" before it also counts as a word boundary).
      const url = brackets.length ? URL_IN_LABEL : URL_AT;
      url.lastIndex = i;
      const found = !/[A-Za-z0-9]/.test(before) && url.test(s) ? trimUrl(s.slice(i, url.lastIndex), TRAILING) : '';
      if (found) append(new Tok('url', found));
      else buf += c;
      i += found.length || 1;
    }
  }
  flush();
  processEmphasis(delims, 0);
  return inlines(root.next, false);
}

// A label's text as a reader sees it (a label holds no link).
const plain = (list: Inline[]): string =>
  list
    .map((x) => (x.kind === 'break' ? '\n' : x.kind === 'em' || x.kind === 'strong' ? plain(x.children) : x.text))
    .join('');

/** The tokens as output: adjacent text merged, empty text dropped, no link inside a link. */
function inlines(first: Tok | null, inLink: boolean): Inline[] {
  const out: Inline[] = [];
  const text = (t: string) => {
    const last = out.at(-1);
    if (last?.kind === 'text') last.text += t;
    else if (t) out.push({kind: 'text', text: t});
  };
  for (let t = first; t; t = t.next) {
    if (t.kind === 'text' || (t.kind === 'url' && inLink)) text(t.text);
    else if (t.kind === 'url') out.push({kind: 'link', text: t.text, href: t.text});
    else if (t.kind === 'code') out.push({kind: 'code', text: t.text});
    else if (t.kind === 'break') out.push({kind: 'break'});
    else if (t.kind === 'link') {
      const children = inlines(t.kids, true);
      // An empty label would make an invisible link: show the address instead.
      const link: Inline = {kind: 'link', text: plain(children) || t.href, href: t.href};
      out.push(children.some((x) => x.kind !== 'text') ? {...link, children} : link);
    } else out.push({kind: t.kind, children: inlines(t.kids, inLink)});
  }
  return out;
}
