// demo/theming.html through the demo's dev server: three looks of one thread, made only with
// ::part() and --lar-* custom properties, all readable (axe) and each visibly different.
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
  demo = await startDemo({port: 5275, useEnv: false, logLevel: 'silent'});
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await demo?.server.close();
});

test('the theming page shows three distinct, accessible looks of the same thread', async () => {
  const page = await browser.newPage({viewport: {width: 1400, height: 1000}});
  await page.goto(new URL('/demo/theming.html', demo.url).href);
  const widgets = page.locator('leave-a-reply');
  // The thread, then the form: it loads once the thread has painted.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('leave-a-reply')].every((el) => {
      const view = el.shadowRoot?.querySelector('lar-comment-section')?.shadowRoot;
      return (
        view?.querySelectorAll('[part=comment]').length === 2 &&
        view.querySelector('lar-reply-form')?.shadowRoot?.querySelector('[part=submit]')
      );
    }),
  );
  assert.equal(await widgets.count(), 3);
  const looks = await widgets.evaluateAll((els) =>
    els.map((el) => {
      const section = el.shadowRoot.querySelector('lar-comment-section');
      const form = section.shadowRoot.querySelector('lar-reply-form').shadowRoot;
      const submit = getComputedStyle(form.querySelector('[part=submit]'));
      return {
        scheme: section.getAttribute('scheme'),
        font: getComputedStyle(section.shadowRoot.querySelector('[part=title]')).fontFamily,
        submit: `${submit.backgroundColor} ${submit.borderRadius} ${submit.width}`,
      };
    }),
  );
  assert.deepEqual(
    looks.map((l) => l.scheme),
    ['light', 'dark', 'light'],
  );
  assert.equal(new Set(looks.map((l) => l.submit)).size, 3, 'each look styles the button its own way');
  assert.match(looks[0].font, /Georgia/, 'the default look takes the page font');

  await page.addScriptTag({content: axeSource});
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document)).violations.map(
      (v) => `${v.id}: ${v.nodes.length} ${v.nodes.map((n) => n.target.join(' > ')).join(' | ')}`,
    ),
  );
  assert.deepEqual(violations, []);
  await page.close();
});
