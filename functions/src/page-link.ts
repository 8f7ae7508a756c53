/**
 * Links to a comment on its page. A thread's url is written by the first reader who posts on it,
 * so an e-mail links to it only when it is the page: when the thread's id is the hash of that
 * URL (as the widget names threads), or when it is on one of the site's origins (threads named
 * by page-id: LAR_SITE_ORIGINS). Never a `javascript:` or other non-web URL.
 */
import {normalizePageUrl, threadIdForUrl} from '../../src/model/page-identity.js';

export async function trustedPageUrl(threadId: string, url: string, siteOrigins: readonly string[]) {
  if (!/^https?:\/\//i.test(url)) return undefined;
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return undefined;
  }
  if (siteOrigins.includes(page.origin)) return page.href;
  return (await threadIdForUrl(normalizePageUrl(url))) === threadId ? page.href : undefined;
}

/** The comment's permalink: the page and `#comment-ID`, as the widget's own links. */
export function commentLink(pageUrl: string, commentId: string): string {
  const link = new URL(pageUrl);
  link.hash = `comment-${commentId}`;
  return link.href;
}
