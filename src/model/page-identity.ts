import {LIMITS} from './limits.js';
import {sha256Base64Url} from './sha256.js';
import type {ThreadRef} from './comment.js';

/** Query parameters that say how a reader arrived, not which page they are on. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'vero_id',
  'oly_anon_id',
  'oly_enc_id',
  'rb_clickid',
  's_cid',
  'ref_src',
  'spm',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_'];
const INDEX_FILE = /\/index\.html?$/i;

/**
 * What a Firebase Auth email sign-in link adds to the page's URL when it brings the reader back.
 * Not part of the page: the thread (and the reader's draft) must be the same as before.
 */
const EMAIL_SIGN_IN_PARAMS = ['mode', 'oobCode', 'apiKey', 'lang', 'continueUrl', 'tenantId'];

export function isEmailSignInLink(url: URL): boolean {
  return url.searchParams.get('mode') === 'signIn' && url.searchParams.has('oobCode');
}

/** The URL without an email sign-in link's parameters (a copy; other URLs come back unchanged). */
export function withoutEmailSignIn(url: URL): URL {
  const copy = new URL(url);
  if (isEmailSignInLink(copy)) for (const name of EMAIL_SIGN_IN_PARAMS) copy.searchParams.delete(name);
  return copy;
}

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * The one spelling of a page's URL that names its thread: lower-case scheme and host, no default
 * port, no fragment, no index.html, no tracking parameters, the rest sorted, and no trailing slash
 * except on the root path.
 */
export function normalizePageUrl(raw: string, base?: string): string {
  const url = withoutEmailSignIn(new URL(raw.trim(), base)); // URL lower-cases scheme and host and drops default ports.
  url.hash = '';
  url.username = '';
  url.password = '';
  let path = url.pathname.replace(INDEX_FILE, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  url.pathname = path || '/';
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  url.search = new URLSearchParams(kept).toString();
  return url.href;
}

/** Firestore document ids may not contain '/', be '.' or '..', or look like `__x__`. */
const PAGE_ID = /^[A-Za-z0-9][A-Za-z0-9._:~-]{0,199}$/;

export function isValidPageId(id: string): boolean {
  return PAGE_ID.test(id) && !/^__.*__$/.test(id);
}

export async function threadIdForUrl(normalizedUrl: string): Promise<string> {
  return sha256Base64Url(normalizedUrl);
}

export interface PageHints {
  pageId?: string | null;
  pageUrl?: string | null;
  pageTitle?: string | null;
}

function metaContent(doc: Document, selector: string): string | null {
  return doc.querySelector(selector)?.getAttribute('content')?.trim() || null;
}

/** The page's own URL: `<link rel=canonical>`, then `og:url`, then the location. */
export function detectPageUrl(doc: Document = document): string {
  const canonical = doc.querySelector('link[rel~="canonical" i][href]') as HTMLLinkElement | null;
  return canonical?.href || metaContent(doc, 'meta[property="og:url"]') || doc.location?.href || '';
}

export function detectPageTitle(doc: Document = document): string {
  return metaContent(doc, 'meta[property="og:title"]') || doc.title.trim();
}

export class PageIdentityError extends Error {
  constructor(
    readonly attribute: 'page-id' | 'page-url',
    message: string,
  ) {
    super(message);
    this.name = 'PageIdentityError';
  }
}

/** Works out which thread a widget shows, from its attributes and the host document. */
export async function resolveThread(hints: PageHints, doc: Document = document): Promise<ThreadRef> {
  const pageId = hints.pageId?.trim();
  if (pageId && !isValidPageId(pageId)) {
    throw new PageIdentityError(
      'page-id',
      `page-id "${pageId}" must be 1–200 letters, digits or . _ : ~ -, starting with a letter or digit.`,
    );
  }
  const rawUrl = hints.pageUrl?.trim() || detectPageUrl(doc);
  let url: string;
  try {
    url = normalizePageUrl(rawUrl, doc.baseURI).slice(0, LIMITS.pageUrlMax);
  } catch {
    if (!pageId) throw new PageIdentityError('page-url', `page-url "${rawUrl}" is not a URL.`);
    url = ''; // the thread is named by page-id; the URL is only informative
  }
  const title = (hints.pageTitle?.trim() || detectPageTitle(doc)).slice(0, LIMITS.pageTitleMax);
  return {id: pageId || (await threadIdForUrl(url)), url, title};
}
