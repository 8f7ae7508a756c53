/**
 * The small pages the e-mails' links open (unsubscribe.ts, confirm.ts), in the reader's language:
 * a heading, a sentence, and maybe the one button that does what the link is for. Opening a link
 * (GET) never changes anything, because mail scanners open every link of an incoming e-mail; the
 * button POSTs back to the same address.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {mailStrings, type MailStrings} from './mail-strings.js';
import {escapeHtml} from './mail-text.js';

export interface PageContent {
  heading: string;
  message: string;
  /** A button that POSTs to `action` (the link's own query, so the same token and language). */
  form?: {action: string; button: string};
}

export function htmlPage(strings: Pick<MailStrings, 'lang' | 'dir'>, {heading, message, form}: PageContent): string {
  const button = form
    ? `<form method="post" action="${escapeHtml(form.action)}"><button type="submit">${escapeHtml(form.button)}</button></form>\n`
    : '';
  return `<!doctype html>
<html lang="${strings.lang}" dir="${strings.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(heading)}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.5em 1.25em;cursor:pointer}</style>
</head>
<body>
<main>
<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(message)}</p>
${button}</main>
</body>
</html>
`;
}

/** The query a page's button posts back to: the token and the language, nothing else. */
export function postBack(url: URL): string {
  const query = new URLSearchParams();
  for (const name of ['token', 'lang']) {
    const value = url.searchParams.get(name);
    if (value) query.set(name, value);
  }
  return `?${query}`;
}

export function respond(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.statusCode = status;
  const all: Record<string, string> = {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'X-Robots-Tag': 'noindex',
    ...headers,
  };
  for (const [name, value] of Object.entries(all)) res.setHeader(name, value);
  res.end(body);
}

/** A request to a link's page, read as both pages read it. */
export interface LinkRequest {
  method: 'GET' | 'POST' | 'HEAD';
  url: URL;
  /** The page's strings, in the language the link names. */
  strings: MailStrings;
  /** A page of a heading and a sentence. */
  page(text: readonly [heading: string, message: string]): string;
}

/**
 * The method, address and language of a request to a link's page; undefined, answered 405, for a
 * method other than GET (the page), POST (its button) or HEAD.
 */
export function linkRequest(req: IncomingMessage, res: ServerResponse): LinkRequest | undefined {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const strings = mailStrings(url.searchParams.get('lang'));
  const page = ([heading, message]: readonly [string, string]) => htmlPage(strings, {heading, message});
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'POST' && method !== 'HEAD') {
    respond(res, 405, page(strings.pages.notAllowed), {Allow: 'GET, POST, HEAD'});
    return undefined;
  }
  return {method, url, strings, page};
}
