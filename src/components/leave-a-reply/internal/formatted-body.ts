/**
 * A comment body with simple formatting, as DOM: the blocks body-format.ts parses become elements
 * made with createElement, and every character of the reader's text lands in a text node, so no
 * input can make an element or attribute outside this set: p, br, strong, em, code, pre,
 * blockquote, ul, ol (start), li, and a (http(s) href, rel, target) as plain bodies have them;
 * dir on blocks. A chunk of its own, loaded by comment-view.ts only for a body that may hold
 * formatting, or by Preview. Links are made by the function comment-view.ts makes plain bodies'
 * links with, passed in: importing it from the section's chunk made the bundler split Lit out of
 * that chunk, a request more before the first render.
 */
import {parseFormatted, type Block, type Inline} from '../../../model/body-format.js';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.append(...children);
  return node;
}

/** A block that takes the direction of its own text, as plain paragraphs do. */
function own<T extends HTMLElement>(node: T): T {
  node.dir = 'auto';
  return node;
}

/** Makes a link with the same checks, rel and target as plain bodies' links (comment-view.ts). */
export type LinkMaker = (href: string) => HTMLAnchorElement;

function inlineNodes(list: Inline[], link: LinkMaker): (Node | string)[] {
  return list.map((x) => {
    switch (x.kind) {
      case 'text':
        return x.text; // append() makes it a text node: never parsed
      case 'break':
        return el('br', []);
      case 'code':
        return el('code', [x.text]);
      case 'link': {
        const a = link(x.href);
        a.append(...(x.children ? inlineNodes(x.children, link) : [x.text]));
        return a;
      }
      default:
        return el(x.kind, inlineNodes(x.children, link));
    }
  });
}

/** An item that is one paragraph shows its text right in the <li>, without paragraph margins. */
function itemNodes(blocks: Block[], link: LinkMaker): (Node | string)[] {
  return blocks.length === 1 && blocks[0].kind === 'paragraph'
    ? inlineNodes(blocks[0].inlines, link)
    : blockNodes(blocks, link);
}

function blockNodes(blocks: Block[], link: LinkMaker): HTMLElement[] {
  return blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return own(el('p', inlineNodes(block.inlines, link)));
      case 'code':
        return own(el('pre', [el('code', [block.text])]));
      case 'quote':
        return el('blockquote', blockNodes(block.blocks, link));
      case 'list': {
        const items = block.items.map((item) => own(el('li', itemNodes(item, link))));
        if (!block.ordered) return el('ul', items);
        const list = el('ol', items);
        if (block.start !== 1) list.start = block.start;
        return list;
      }
    }
  });
}

// Here rather than in the section's styles, so that pages whose comments use no formatting never
// load them. `.preview` is the form's Preview, which shows a body in place of the text box, and
// its toggle, pressed. A plain string, not Lit's `css`: importing Lit here would split it out of
// the section's chunk into one of its own, a request more before the first render.
const STYLES = `
  .body :is(blockquote, pre, ul, ol) {
    margin: 0.5em 0;
  }
  .body blockquote {
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_border);
  }
  .body :is(ul, ol) {
    padding-inline-start: 1.75em;
  }
  .body pre {
    padding: 0.5em 0.75em;
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .body code {
    font-family: ui-monospace, monospace;
    font-size: 0.875em;
  }
  .body :not(pre) > code {
    padding: 0 0.2em;
    border-radius: var(--_radius);
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  .preview {
    min-height: 6em;
    padding: 0 0.75em;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .link[aria-pressed='true'] {
    font-weight: 600;
    text-decoration: none;
  }
`;

let sheet: CSSStyleSheet | undefined;

/** Adds the styles of formatted bodies to the shadow root that shows them (once per root). */
export function adoptStyles(root: Node): void {
  // Where shadow roots cannot adopt sheets (Safari before 16.4), the browser's defaults show.
  if (!(root instanceof ShadowRoot) || !root.adoptedStyleSheets) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** The body's paragraphs, code, quotes and lists. */
export function formattedBody(body: string, link: LinkMaker): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(...blockNodes(parseFormatted(body), link));
  const first = fragment.firstChild;
  // Lit places the fragment in this task: by the microtask, its root is known, and it is before the paint.
  if (first) queueMicrotask(() => adoptStyles(first.getRootNode()));
  return fragment;
}

/**
 * Puts the formatted body in place of its plain rendering (`shown`, what comment-view.ts showed
 * while this chunk loaded), between the same Lit markers, unless those nodes are gone meanwhile.
 */
export function replacePlain(shown: ChildNode[], body: string, link: LinkMaker): void {
  const [first] = shown;
  if (!first?.parentNode) return; // the comment was edited or removed: Lit took its nodes out
  first.before(formattedBody(body, link));
  for (const node of shown) node.remove();
}
