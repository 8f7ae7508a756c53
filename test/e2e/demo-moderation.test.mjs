// demo/index.html through the demo's own dev server (the code behind `npm start`, on backend="local"):
// a visitor ticks "Moderate this demo" and moderates as a site's moderator would, and a reader's
// comment with too many links waits for them.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {startDemo} from '../../scripts/start-demo.mjs';
import {launchChromium} from './chromium.mjs';

let demo;
let browser;

before(async () => {
  demo = await startDemo({port: 5274, useEnv: false, logLevel: 'silent'});
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await demo?.server.close();
});

const heading = (page, name) => page.getByRole('heading', {name, exact: true});
/** The widget loads when it nears the viewport, as under a long article. */
const scrollToComments = (page) => page.locator('leave-a-reply').scrollIntoViewIfNeeded();
const comment = (page, text) => page.locator('leave-a-reply [part=comment]', {hasText: text});

async function post(page, body) {
  await page.getByLabel('Comment', {exact: true}).fill(body);
  await page.getByLabel('Email (required)', {exact: true}).fill('theodore@example.com');
  await page.getByLabel('Name (required)', {exact: true}).fill('Theodore');
  await page.getByRole('button', {name: 'Post Comment'}).click();
  await page.locator('leave-a-reply [part=body]', {hasText: body}).waitFor();
}

test('the demo’s moderator switch: held comments, Approve, Pin, Hide and closing the thread', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(demo.url);
  await scrollToComments(page);
  await heading(page, 'No thoughts yet on “Film Review for Her”').waitFor();

  // A reader's comment with more links than the site allows waits for review; they see it, marked.
  await post(page, 'Links: https://a.example https://b.example https://c.example');
  await comment(page, 'Links:').getByText('Your comment is awaiting moderation.').waitFor();
  await heading(page, 'No thoughts yet on “Film Review for Her”').waitFor();
  assert.equal(await page.getByRole('button', {name: /^Approve/}).count(), 0, 'no moderator tools yet');

  // The switch reloads the page.
  await Promise.all([page.waitForEvent('load'), page.getByLabel('Moderate this demo').check()]);
  await scrollToComments(page);
  await heading(page, 'No thoughts yet on “Film Review for Her”').waitFor();
  await comment(page, 'Links:').getByRole('button', {name: 'Approve (comment by Theodore)'}).click();
  await heading(page, '1 thought on “Film Review for Her”').waitFor();

  await post(page, 'A plain second thought.');
  await comment(page, 'Links:').getByRole('button', {name: 'Pin (comment by Theodore)'}).click();
  await comment(page, 'Links:').getByText('Pinned').waitFor();
  await comment(page, 'A plain second thought.').getByRole('button', {name: 'Hide (comment by Theodore)'}).click();
  await comment(page, 'A plain second thought.').getByText('Hidden').waitFor();

  await page.getByRole('button', {name: 'Close comments'}).click();
  await page.locator('leave-a-reply').getByText('Comments are closed.').waitFor();
  assert.equal(await page.getByRole('button', {name: 'Post Comment'}).count(), 0);

  // Without the switch, a reader sees the approved comment only, and the thread closed.
  await Promise.all([page.waitForEvent('load'), page.getByLabel('Moderate this demo').uncheck()]);
  await scrollToComments(page);
  await heading(page, '1 thought on “Film Review for Her”').waitFor();
  await page.locator('leave-a-reply').getByText('Comments are closed.').waitFor();
  assert.equal(await comment(page, 'A plain second thought.').count(), 0);
  assert.equal(await page.getByRole('button', {name: 'Close comments'}).count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
