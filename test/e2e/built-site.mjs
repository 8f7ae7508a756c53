// For an e2e test file: the built dist/ served over HTTP with extra pages, and a Chromium, both
// started before the file's tests and stopped after them.
import {after, before} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {launchChromium} from './chromium.mjs';
import {serveStatic} from './static-server.mjs';

export const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The review page the e2e files post on: the script tag in the head, `body` as its body. */
export function reviewPage(body) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Film Review for Her</title>
  <link rel="canonical" href="https://blog.example/her-review/">
  <script type="module" src="/leave-a-reply.js"></script>
</head>
<body>${body}</body>
</html>`;
}

/** `pages` maps paths to HTML. Read `site.url` and `site.browser` inside tests. */
export function builtSite(pages) {
  const site = {url: '', browser: undefined, server: undefined};
  before(async () => {
    assert.ok(existsSync(`${dist}leave-a-reply.js`), 'run `npm run build` first');
    site.server = await serveStatic(dist, pages);
    site.url = site.server.url;
    site.browser = await launchChromium();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
