// The Firebase boundary (DESIGN §3): only the Firestore store's modules import firebase/firestore,
// only the Firebase session's modules import firebase/auth, and nothing in the script-tag entry's
// static graph imports Lit or Firebase (it must stay tiny).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const files = readdirSync(join(root, 'src'), {recursive: true})
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join('src', f));
/** Module specifiers a file imports at run time (`import type` is erased, so it does not count). */
const importsOf = (file) =>
  [
    ...readFileSync(join(root, file), 'utf8').matchAll(
      /^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm,
    ),
  ].map((m) => m[1] ?? m[2]);
/** Static and dynamic (`import('…')`) run-time imports. */
const runtimeImportsOf = (file) => [
  ...importsOf(file),
  ...[...readFileSync(join(root, file), 'utf8').matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]),
];

test('only the Firestore store imports firebase/firestore, and only its lite entry', () => {
  const users = files.filter((f) => runtimeImportsOf(f).some((s) => s.startsWith('firebase/firestore')));
  // The store's writing side: the SDK's Firestore (firebase-sdk.ts) and the writes, loaded after the
  // first render; a like's batch, a reader's e-mail subscription and a moderator's closing of a
  // thread, each loaded when first used; and the moderation queue's queries, in its own bundle
  // (vite.moderation.config.ts). The reading half reads over the REST API (next test).
  // (firestore-adapter.ts and firestore-store.ts import Firebase's types only.)
  assert.deepEqual(users.sort(), [
    'src/store/firestore/firebase-sdk.ts',
    'src/store/firestore/firestore-likes.ts',
    'src/store/firestore/firestore-moderation-queue.ts',
    'src/store/firestore/firestore-subscriptions.ts',
    'src/store/firestore/firestore-thread-lock.ts',
    'src/store/firestore/firestore-writes.ts',
  ]);
  // The full SDK is ~92 KB gzip, over the page's whole budget (DESIGN §4): firestore/lite only.
  for (const file of users)
    assert.deepEqual(
      runtimeImportsOf(file).filter((s) => s.startsWith('firebase/firestore')),
      ['firebase/firestore/lite'],
      file,
    );
});

test('the Firebase backend reaches a first render with no Firebase SDK: its static imports load none', () => {
  // What firebase-backend.ts imports statically is what a thread's first render waits for (issue 17):
  // the store and its thread views read over Firestore's REST API (firestore-rest.ts), and the SDK
  // comes in by dynamic import (firebase-sdk.ts), after the first render or at the first write.
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of importsOf(file)) {
      assert.ok(!specifier.startsWith('firebase/'), `${file} imports ${specifier}`);
      if (specifier.startsWith('.')) visit(relative(root, join(root, file, '..', specifier.replace(/\.js$/, '.ts'))));
    }
  };
  visit('src/store/firestore/firebase-backend.ts');
  assert.ok(seen.has('src/store/firestore/firestore-thread-watch.ts'), [...seen].join(', '));
  assert.ok(seen.has('src/store/firestore/firestore-rest.ts'), [...seen].join(', '));
});

test('only the Firebase session’s modules (src/auth/firebase/) import firebase/auth, by name', () => {
  const users = files.filter((f) => runtimeImportsOf(f).some((s) => s.startsWith('firebase/auth')));
  assert.ok(users.length > 0);
  assert.deepEqual(
    users.filter((f) => !f.startsWith('src/auth/firebase/')),
    [],
  );
  // A namespace import (`import * as`, `import('firebase/auth')`) keeps the whole SDK in the bundle.
  for (const file of users) {
    const source = readFileSync(join(root, file), 'utf8');
    assert.doesNotMatch(
      source,
      /import\s*\*\s*as\s+\w+\s+from\s+['"]firebase\/auth|\bimport\(\s*['"]firebase\/auth/,
      file,
    );
  }
});

test('the script-tag entry statically imports neither Lit nor Firebase', () => {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(file)) {
      assert.ok(!/^(lit|@lit|firebase)/.test(spec), `${file} imports ${spec}`);
      if (spec.startsWith('.')) visit(relative(root, join(root, file, '..', spec.replace(/\.js$/, '.ts'))));
    }
  };
  visit('src/leave-a-reply.ts');
  assert.ok(seen.size > 1);
});
