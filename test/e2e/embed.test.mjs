// The built script-tag bundle, on a plain HTML page served over HTTP, in Chromium: a reader posts.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {builtSite, reviewPage} from './built-site.mjs';

const PAGE = reviewPage(`
  <article><h1>Film Review for Her</h1><p>${'A long article. '.repeat(3000)}</p></article>
  <leave-a-reply backend="local"></leave-a-reply>
`);

// A script tag with a cache-busting query string, as WordPress writes them (`?ver=`): to the chunks,
// which import the entry by its plain name, that is a second copy of the entry module.
const VERSIONED = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Film Review for Her</title>
  <script type="module">
    import {registerLanguage} from '/leave-a-reply.js?ver=0.1.0';
    registerLanguage('en', {leaveReply: 'Join the discussion', countBadge: (n) => n + ' comments'});
  </script>
</head>
<body>
  <leave-a-reply backend="local" loading="eager"></leave-a-reply>
  <leave-a-reply-count backend="local" loading="eager"></leave-a-reply-count>
</body>
</html>`;

const site = builtSite({'/review/': PAGE, '/versioned/': VERSIONED});

test('the script tag alone loads nothing else until the reader scrolls near the comments', async () => {
  const page = await site.browser.newPage({viewport: {width: 1000, height: 700}});
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${site.url}/review/`);
  await page.waitForFunction(() => customElements.get('leave-a-reply'));
  await page.waitForTimeout(300);
  const view = /\/chunks\/(comment-section|local-store|firebase)/;
  assert.ok(requests.includes('/leave-a-reply.js'));
  assert.deepEqual(
    requests.filter((p) => view.test(p)),
    [],
    'no view code before the reader scrolls',
  );
  await page.locator('leave-a-reply').scrollIntoViewIfNeeded();
  await page.getByRole('heading', {name: 'No thoughts yet on “Film Review for Her”'}).waitFor();
  assert.ok(
    requests.some((p) => /\/chunks\/comment-section/.test(p)),
    'the view loads as a lazy chunk',
  );
  await page.close();
});

test('a reader posts a comment on a plain HTML page, and it is there after a reload', async () => {
  const page = await site.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.url}/review/`);
  await page.locator('leave-a-reply').scrollIntoViewIfNeeded();
  const posted = page.evaluate(
    () => new Promise((resolve) => document.addEventListener('lar-comment-posted', (e) => resolve(e.detail.body))),
  );
  await page.getByLabel('Comment', {exact: true}).fill('Samantha is the most human character in it.');
  await page.getByLabel('Email (required)').fill('theo@example.com');
  await page.getByLabel('Name (required)').fill('Theodore');
  await page.getByRole('button', {name: 'Post Comment'}).click();
  assert.equal(await posted, 'Samantha is the most human character in it.');
  await page.getByRole('heading', {name: '1 thought on “Film Review for Her”'}).waitFor();
  assert.equal(await page.locator('[part=author]').textContent(), 'Theodore');

  await page.reload();
  await page.locator('leave-a-reply').scrollIntoViewIfNeeded();
  await page.getByText('Samantha is the most human character in it.').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('registering a second copy of the library does not throw', async () => {
  const page = await site.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.url}/review/`);
  await page.evaluate(() => import('/leave-a-reply.js?copy=2'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the site’s strings hold when the script tag carries a ?ver= query (two copies of the entry)', async () => {
  const page = await site.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.url}/versioned/`);
  await page.getByRole('heading', {name: 'Join the discussion'}).waitFor();
  await page.getByText('0 comments').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
