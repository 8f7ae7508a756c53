// A listing page on the built script-tag bundle: count badges inside <leave-a-reply-config>, as a
// blog's archive would use them. They load only their own small chunks (no Lit view, no
// Firebase for backend="local"), and a badge below the fold waits for the reader. (That badges in
// view together are read in one call is test/components/leave-a-reply-count/leave-a-reply-count.test.ts's.)
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {builtSite} from './built-site.mjs';

// Already in the one spelling page identity gives them (no trailing slash, no fragment).
const POSTS = {
  'https://blog.example/her': 2,
  'https://blog.example/arrival': 1,
  'https://blog.example/solaris': 0,
};
const FAR = 'https://blog.example/stalker';

const threadId = (url) => createHash('sha256').update(url).digest('base64url');

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Reviews | The Long Take</title>
  <script type="module" src="/leave-a-reply.js"></script>
</head>
<body>
  <leave-a-reply-config backend="local">
    <h1>Reviews</h1>
    <ul>
      ${Object.keys(POSTS)
        .map(
          (url) =>
            `<li><a href="${url}">${url}</a> · <leave-a-reply-count page-url="${url}">Comments</leave-a-reply-count></li>`,
        )
        .join('\n      ')}
    </ul>
    <div style="height: 4000px"></div>
    <p id="far"><a href="${FAR}">${FAR}</a> · <leave-a-reply-count page-url="${FAR}">Comments</leave-a-reply-count></p>
  </leave-a-reply-config>
</body>
</html>`;

const site = builtSite({'/reviews/': PAGE});

test('count badges on a listing page load only their own small chunks, and wait below the fold', async () => {
  const page = await site.browser.newPage({viewport: {width: 1000, height: 700}});
  const errors = [];
  const requests = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  // Comments kept in this browser (backend="local"), as earlier visits would have left them.
  const stored = Object.fromEntries(
    Object.entries(POSTS).map(([url, n]) => [
      `leave-a-reply:thread:${threadId(url)}`,
      JSON.stringify(
        Array.from({length: n}, (_, i) => ({
          id: `c${i}`,
          parentId: null,
          body: `Comment ${i}`,
          author: {uid: `u${i}`, name: `Reader ${i}`, provider: 'guest'},
          createdAt: new Date(Date.UTC(2026, 0, 1, 12, i)).toISOString(),
          status: 'published',
        })),
      ),
    ]),
  );
  await page.addInitScript((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, stored);
  await page.goto(`${site.url}/reviews/`);

  const badges = page.locator('li leave-a-reply-count [part=count]');
  await page.waitForFunction(() => document.querySelectorAll('li leave-a-reply-count').length === 3);
  await badges.nth(2).waitFor();
  assert.deepEqual(await badges.allTextContents(), ['2 thoughts', '1 thought', 'No thoughts yet']);

  const far = page.locator('#far leave-a-reply-count');
  assert.equal((await far.textContent()).trim(), 'Comments', 'the badge below the fold shows its own text');

  const chunks = requests
    .filter((p) => p.startsWith('/chunks/'))
    .map((p) => p.replace(/^\/chunks\/|-[\w-]{8}\.js$/g, ''));
  assert.equal(chunks.filter((c) => c === 'count-view').length, 1, 'one count chunk for all badges');
  assert.ok(
    !chunks.some((c) => /comment-section|firebase|reply-form/.test(c)),
    `no widget view, no Firebase: ${chunks}`,
  );

  await far.scrollIntoViewIfNeeded();
  await page.locator('#far leave-a-reply-count [part=count]').waitFor();
  assert.equal(await page.locator('#far leave-a-reply-count [part=count]').textContent(), 'No thoughts yet');
  assert.deepEqual(errors, []);
  await page.close();
});
