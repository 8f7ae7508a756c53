// Server rendering (Next, Nuxt, Astro, SvelteKit) and build tools import the package in Node,
// where there is no DOM: the built npm entry and the script-tag bundle must import there (and in a
// worker) without throwing, and register nothing.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Worker} from 'node:worker_threads';

const npmEntry = new URL('../../dist/npm/index.js', import.meta.url).href;
const scriptEntry = new URL('../../dist/leave-a-reply.js', import.meta.url).href;

test('the npm entry imports in plain Node, with its exports and no DOM', async () => {
  assert.equal(typeof globalThis.HTMLElement, 'undefined', 'this test needs a Node without a DOM');
  const entry = await import(npmEntry);
  for (const name of ['LeaveAReplyElement', 'LeaveAReplyCountElement', 'LeaveAReplyConfigElement', 'MemoryStore']) {
    assert.equal(typeof entry[name], 'function', name);
  }
  assert.equal(entry.LIMITS.bodyMax, 5000);
  assert.equal(typeof globalThis.customElements, 'undefined', 'nothing was registered or shimmed');
});

test('the script-tag bundle imports in plain Node too', async () => {
  const bundle = await import(scriptEntry);
  assert.equal(typeof bundle.LeaveAReplyElement, 'function');
});

test('the npm entry imports in a worker', async () => {
  const code = `import(${JSON.stringify(npmEntry)}).then((m) => postMessage(Object.keys(m).length), (e) => postMessage('error: ' + e.message));`;
  const worker = new Worker(
    `const {parentPort} = require('node:worker_threads'); const postMessage = (m) => parentPort.postMessage(m); ${code}`,
    {eval: true},
  );
  const answer = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  assert.equal(typeof answer, 'number', String(answer));
  assert.ok(answer > 10);
});
