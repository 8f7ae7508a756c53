// demo/spa.html through the demo's own dev server (the code behind `npm start`, on backend="local"):
// client-side routes switch the one widget between threads, each route shows its own comments,
// never a frame of the previous route's, and the count badges follow.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {startDemo} from '../../scripts/start-demo.mjs';
import {launchChromium} from './chromium.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let demo;
let browser;

before(async () => {
  demo = await startDemo({port: 5273, useEnv: false, logLevel: 'silent'});
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await demo?.server.close();
});

const heading = (page, name) => page.getByRole('heading', {name, exact: true});

async function post(page, body, name) {
  await page.getByLabel('Comment', {exact: true}).fill(body);
  await page.getByLabel('Email (required)', {exact: true}).fill(`${name.toLowerCase()}@example.com`);
  await page.getByLabel('Name (required)', {exact: true}).fill(name);
  await page.getByRole('button', {name: 'Post Comment'}).click();
  await page.locator('leave-a-reply [part=body]', {hasText: body}).waitFor();
}

/**
 * Records, after every render of the widget and on every animation frame (what gets painted),
 * which article the page shows and which comment bodies the widget shows next to it.
 */
function startRecording(page) {
  return page.evaluate(() => {
    const section = document.querySelector('leave-a-reply').shadowRoot.querySelector('lar-comment-section');
    const frames = [];
    const snapshot = () =>
      frames.push({
        article: document.querySelector('#review h1').textContent.trim(),
        bodies: [...section.shadowRoot.querySelectorAll('[part=body]')].map((b) => b.textContent.trim()),
      });
    const observer = new MutationObserver(snapshot);
    observer.observe(section.shadowRoot, {subtree: true, childList: true, characterData: true});
    let frame = requestAnimationFrame(function tick() {
      snapshot();
      frame = requestAnimationFrame(tick);
    });
    window.__stopRecording = () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      return frames;
    };
  });
}

const stopRecording = (page) => page.evaluate(() => window.__stopRecording());

test('client-side routes switch the widget between threads with no flash of the previous one', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${demo.url}spa.html`);
  await heading(page, 'No thoughts yet on “Film Review for Her”').waitFor();
  await post(page, 'Samantha is the most human character in it.', 'Theodore');
  await heading(page, '1 thought on “Film Review for Her”').waitFor();

  const nav = page.getByRole('navigation', {name: 'Reviews'});
  await nav.getByRole('link', {name: 'Arrival'}).click();
  assert.match(page.url(), /\?review=arrival$/);
  await heading(page, 'Arrival: the grammar of grief').waitFor();
  await heading(page, 'No thoughts yet on “Arrival: the grammar of grief”').waitFor();
  assert.equal(await page.locator('leave-a-reply [part=body]').count(), 0);
  assert.equal(await page.title(), 'Arrival: the grammar of grief | The Long Take');
  await post(page, 'Heptapods, at last.', 'Louise');

  const seen = [];
  for (const [link, article, title, body, other] of [
    [
      'Her',
      'Film Review for Her',
      '1 thought on “Film Review for Her”',
      'Samantha is the most human character in it.',
      'Heptapods, at last.',
    ],
    [
      'Arrival',
      'Arrival: the grammar of grief',
      '1 thought on “Arrival: the grammar of grief”',
      'Heptapods, at last.',
      'Samantha is the most human character in it.',
    ],
    ['Solaris', 'Rewatching Solaris', 'No thoughts yet on “Rewatching Solaris”', null, 'Heptapods, at last.'],
  ]) {
    await startRecording(page);
    await nav.getByRole('link', {name: link}).click();
    await heading(page, title).waitFor();
    if (body) await page.locator('leave-a-reply [part=body]', {hasText: body}).waitFor();
    await page.waitForTimeout(100);
    const frames = await stopRecording(page);
    const after = frames.filter((f) => f.article === article);
    seen.push(after.length);
    const stale = after.filter((f) => f.bodies.includes(other));
    assert.deepEqual(stale, [], `${link}: frames showing the new article with the previous one’s “${other}”`);
    const bodies = (await page.locator('leave-a-reply [part=body]').allTextContents()).map((t) => t.trim());
    assert.deepEqual(bodies, body ? [body] : []);
  }
  assert.ok(
    seen.every((n) => n > 0),
    'the recorder saw frames',
  );

  // Back and forward are routes too.
  await page.goBack();
  assert.match(page.url(), /\?review=arrival$/);
  await heading(page, '1 thought on “Arrival: the grammar of grief”').waitFor();

  // The sidebar's count badges (one shared backend, through <leave-a-reply-config>).
  const badges = page.locator('.sidebar leave-a-reply-count [part=count]');
  await page.waitForFunction(() => document.querySelectorAll('.sidebar leave-a-reply-count').length === 3);
  await assertEventually(async () =>
    assert.deepEqual(await badges.allTextContents(), ['1 thought', '1 thought', 'No thoughts yet']),
  );

  await page.addScriptTag({content: axeSource});
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document)).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(' | ')}`,
    ),
  );
  assert.deepEqual(violations, [], 'axe finds nothing');

  // A reload lands on the same route.
  await page.reload();
  await heading(page, '1 thought on “Arrival: the grammar of grief”').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

async function assertEventually(check, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
