// What `npm pack` puts in the package, as a developer installing it gets it: the script-tag bundle
// with every chunk it loads, the npm entry with its types, the manifest and the docs, and nothing
// of the repository's own (sources, tests, scripts). Run after `npm run build` (`npm test` does);
// `prepack` builds when a package is really made.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {dirname, join, normalize} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// --ignore-scripts: the build is already there, and this only lists what would be packed.
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, encoding: 'utf8'}),
);
const files = new Set(packed.files.map((f) => f.path));
const strip = (path) => normalize(path).replace(/^\.\//, '');

test('the package holds the docs, the manifest, the rules and both entries, and no repository internals', () => {
  for (const file of [
    'package.json',
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'custom-elements.json',
    'firestore.rules',
    'firestore.indexes.json',
    'dist/leave-a-reply.js',
    'dist/npm/index.js',
    'dist/npm/index.d.ts',
    'dist/npm/react.d.ts',
    'dist/npm/vue.d.ts',
    'dist/npm/svelte.d.ts',
    'dist/vscode.html-custom-data.json',
    'dist/web-types.json',
  ]) {
    assert.ok(files.has(file), `${file} is packed`);
  }
  const internal = [...files].filter((f) => /^(src|test|scripts|demo|bench|build|docs|node_modules)\//.test(f));
  assert.deepEqual(internal, []);
});

test('every path package.json points at is in the package (entries, exports, CDN fields, web-types, bin)', () => {
  const targets = [
    pkg.main,
    pkg.module,
    pkg.types,
    pkg.jsdelivr,
    pkg.unpkg,
    pkg['web-types'],
    ...Object.values(pkg.bin),
  ];
  for (const target of Object.values(pkg.exports)) {
    targets.push(...(typeof target === 'string' ? [target] : Object.values(target)));
  }
  for (const target of targets) assert.ok(files.has(strip(target)), `${target} is packed`);
  assert.equal(strip(pkg.jsdelivr), 'dist/leave-a-reply.js', 'the CDN serves the script-tag bundle, not the npm entry');
});

test('the script-tag bundle finds every chunk it loads inside the package', () => {
  const missing = [];
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!files.has(file)) return missing.push(file);
    const code = readFileSync(join(root, file), 'utf8');
    // Static imports and dynamic import() calls with a relative path, in any of the minifier's quotes.
    for (const [, spec] of code.matchAll(/(?:from|import)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
      visit(strip(join(dirname(file), spec)));
    }
  };
  visit('dist/leave-a-reply.js');
  assert.ok(seen.size > 5, `follows the chunks (${seen.size} files)`);
  assert.deepEqual(missing, []);
});

test('every source map in the package resolves: its sources are packed or written inside it', () => {
  const unresolved = [];
  for (const file of [...files].filter((f) => f.endsWith('.map'))) {
    const map = JSON.parse(readFileSync(join(root, file), 'utf8'));
    map.sources.forEach((source, i) => {
      const inside = typeof map.sourcesContent?.[i] === 'string';
      if (!inside && !files.has(strip(join(dirname(file), map.sourceRoot ?? '', source)))) {
        unresolved.push(`${file} → ${source}`);
      }
    });
  }
  assert.deepEqual(unresolved.slice(0, 5), []);
});

test('custom-elements.json names the files the package ships, and the class of every event', () => {
  const manifest = JSON.parse(readFileSync(join(root, pkg.customElements), 'utf8'));
  const named = new Set();
  const visit = (value) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof child === 'string') named.add(child);
      else visit(child);
    }
  };
  visit(manifest.modules);
  assert.ok(named.has('dist/npm/components/leave-a-reply/leave-a-reply.js'), [...named].join(', '));
  assert.deepEqual(
    [...named].filter((path) => !files.has(path)),
    [],
  );
  const entryTypes = readFileSync(join(root, 'dist/npm/index.d.ts'), 'utf8');
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
  for (const element of elements) {
    for (const event of element.events ?? []) {
      assert.match(event.type?.text ?? '', /^[A-Z]\w*Event$/, `${element.tagName}'s ${event.name} has its class`);
      assert.match(entryTypes, new RegExp(`\\b${event.type.text}\\b`), `the npm entry exports ${event.type.text}`);
    }
  }
  const definitions = manifest.modules
    .flatMap((m) => m.exports ?? [])
    .filter((e) => e.kind === 'custom-element-definition');
  assert.deepEqual(definitions.map((d) => d.name).sort(), elements.map((e) => e.tagName).sort());
});
