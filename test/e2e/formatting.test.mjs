// The built bundle, in Chromium: the formatter (body-format.ts and its renderer) is a chunk of its
// own that loads only for a comment that uses formatting, or at the first press of Preview.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {builtSite, reviewPage} from './built-site.mjs';

const PAGE = reviewPage('<leave-a-reply backend="local" loading="eager"></leave-a-reply>');

const site = builtSite({'/review/': PAGE});
const FORMATTER = /\/chunks\/formatted-body-[\w-]+\.js$/;

/** A page that records the paths of the scripts it requests. */
async function openPage() {
  const page = await site.browser.newPage();
  const scripts = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) scripts.push(path);
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.url}/review/`);
  return {page, scripts, errors};
}

async function post(page, body) {
  await page.getByLabel('Comment', {exact: true}).fill(body);
  await page.getByLabel('Email (required)').fill('theo@example.com');
  await page.getByLabel('Name (required)').fill('Theodore');
  await page.getByRole('button', {name: 'Post Comment'}).click();
  await page.locator('[part=body]').first().waitFor();
}

/** Waits until the page has requested no script for a while: whatever would load has loaded. */
async function quiet(page, scripts) {
  for (let count = -1; count !== scripts.length;) {
    count = scripts.length;
    await page.waitForTimeout(1500);
  }
}

test('a thread without formatting never loads the formatter; Preview loads it', async () => {
  const {page, scripts, errors} = await openPage();
  await post(page, 'Plain words and a link, https://blog.example/her-review/ (2 - 1 = 1).');
  await page.reload();
  await page.locator('[part=body]').first().waitFor();
  await quiet(page, scripts);
  assert.ok(
    scripts.some((path) => path.includes('/chunks/after-first-render')),
    'the form loaded: the page is past its no-action stage',
  );
  assert.deepEqual(
    scripts.filter((path) => FORMATTER.test(path)),
    [],
    'no formatter for plain comments',
  );

  await page.getByLabel('Comment', {exact: true}).fill('Some **bold** words');
  await page.getByRole('button', {name: 'Preview'}).click();
  await page.locator('.preview strong').waitFor();
  assert.equal(scripts.filter((path) => FORMATTER.test(path)).length, 1, 'Preview loads the formatter, once');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a comment that uses formatting loads the formatter and shows formatted, once', async () => {
  const {page, scripts, errors} = await openPage();
  await post(page, 'A **bold** claim:\n\n> a quote\n\n- one\n- two');
  await page.locator('[part=body] strong').waitFor();
  await page.reload();
  const body = page.locator('[part=body]').first();
  await body.locator('strong').waitFor();
  assert.ok(
    scripts.some((path) => FORMATTER.test(path)),
    'the formatter chunk loaded',
  );
  // The plain rendering shown while the chunk loaded is gone: one paragraph, one quote, one list.
  assert.deepEqual(await body.evaluate((el) => [...el.children].map((child) => child.tagName)), [
    'P',
    'BLOCKQUOTE',
    'UL',
  ]);
  assert.equal(await body.locator('li').count(), 2);
  assert.deepEqual(errors, []);
  await page.close();
});
