// demo/configurator.html through the demo's dev server: an owner's choices update the live
// preview and the snippet, and Copy puts the snippet on the clipboard (or selects it).
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
  demo = await startDemo({port: 5283, useEnv: false, logLevel: 'silent'});
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await demo?.server.close();
});

const attributesOf = (page) =>
  page.evaluate(() => {
    const widget = document.querySelector('#preview leave-a-reply');
    return Object.fromEntries(
      ['providers', 'theme', 'sort', 'lang', 'backend'].map((n) => [n, widget.getAttribute(n)]),
    );
  });

test('choices update the live preview and the snippet; Copy copies it', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: new URL(demo.url).origin});
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${demo.url}configurator.html`);

  // The preview: a local widget with three sample comments.
  await page.getByRole('heading', {name: '3 thoughts on “Your latest post”'}).waitFor();
  const snippet = page.getByLabel('Paste this where the comments should appear.');
  assert.equal(
    await snippet.inputValue(),
    '<script type="module" src="https://cdn.jsdelivr.net/npm/leave-a-reply@0/dist/leave-a-reply.js"></script>\n' +
      '<leave-a-reply api-key="…" project-id="your-project-id"\n' +
      '               auth-domain="your-project-id.firebaseapp.com" app-id="…"></leave-a-reply>\n',
  );

  await page.getByLabel('Google').check();
  await page.getByLabel('GitHub').check();
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByLabel('Order of comments').selectOption('newest');
  await page.getByLabel('Language').selectOption('fr');
  await page.getByLabel('Project ID').fill('long-take');
  await page.getByLabel('API key').fill('AIza"<x>');

  assert.deepEqual(await attributesOf(page), {
    providers: 'guest google github',
    theme: 'dark',
    sort: 'newest',
    lang: 'fr',
    backend: null, // the preview's backend comes from its <leave-a-reply-config backend="local">
  });
  await page.getByRole('heading', {name: '3 réflexions sur « Your latest post »'}).waitFor();
  assert.equal(await page.locator('#preview lar-comment-section').getAttribute('scheme'), 'dark');
  const bodies = (await page.locator('#preview [part=body]').allTextContents()).map((t) => t.trim());
  assert.equal(bodies[0], 'Switch the order to “Newest first” and I move to the top.', 'newest first');

  const text = await snippet.inputValue();
  const flat = text.replace(/\s+/g, ' ');
  assert.match(flat, /project-id="long-take" auth-domain="long-take\.firebaseapp\.com"/);
  assert.match(flat, /api-key="AIza&quot;&lt;x&gt;"/, 'values are escaped');
  assert.match(flat, /providers="guest google github" theme="dark" sort="newest" lang="fr"><\/leave-a-reply> $/);
  assert.ok(
    text.split('\n').every((line) => line.length <= 110),
    'wrapped for reading',
  );

  await page.getByRole('button', {name: 'Copy'}).click();
  await page.getByRole('status').filter({hasText: 'Copied to the clipboard.'}).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);

  await page.addScriptTag({content: axeSource});
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document)).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(' | ')}`,
    ),
  );
  assert.deepEqual(violations, [], 'axe finds nothing');

  // Unchecking guest leaves only the providers chosen.
  await page.getByLabel('Guest (name and email)').uncheck();
  assert.match(await snippet.inputValue(), /providers="google github"/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without clipboard access, Copy selects the snippet and says how to copy it', async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () =>
      Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await page.goto(`${demo.url}configurator.html`);
  await page.getByRole('button', {name: 'Copy'}).click();
  await page
    .getByRole('status')
    .filter({hasText: /Selected: press (Ctrl\+C|⌘C) to copy\./})
    .waitFor();
  const selected = await page.evaluate(() => {
    const box = document.querySelector('#snippet');
    return document.activeElement === box && box.value.slice(box.selectionStart, box.selectionEnd) === box.value;
  });
  assert.ok(selected, 'the whole snippet is selected');
  await page.close();
});
