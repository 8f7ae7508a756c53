// The npm package: every path the exports map names exists after `npm run build`, with types.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync} from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url)));
const root = new URL('../../', import.meta.url);

test('the exports map points at built ES modules and their .d.ts types', () => {
  const main = pkg.exports['.'];
  assert.deepEqual(Object.keys(main), ['types', 'import'], 'types must come first');
  for (const path of [main.types, main.import, pkg.exports['./leave-a-reply.js']]) {
    assert.ok(existsSync(new URL(path, root)), `${path} is missing`);
  }
  const types = readFileSync(new URL(main.types, root), 'utf8');
  assert.match(types, /LeaveAReplyElement/);
  const elementTypes = readFileSync(new URL('dist/npm/components/leave-a-reply/leave-a-reply.d.ts', root), 'utf8');
  assert.match(elementTypes, /'leave-a-reply': LeaveAReplyElement/, 'declared in HTMLElementTagNameMap');
});

test('the npm entry leaves lit and firebase to the installer; firebase is a peer, so a site keeps one copy', () => {
  const section = readFileSync(new URL('dist/npm/components/leave-a-reply/internal/comment-section.js', root), 'utf8');
  assert.match(section, /from 'lit'/);
  assert.ok(pkg.dependencies.lit && pkg.dependencies['@lit/context']);
  // A site that already uses Firebase 12 shares its copy (npm installs a peer when the site has none).
  assert.equal(pkg.dependencies.firebase, undefined);
  assert.equal(pkg.peerDependencies.firebase, pkg.devDependencies.firebase, 'tested against the range it asks for');
  assert.ok(!pkg.peerDependenciesMeta?.firebase?.optional, 'the Firebase backend is the default, so not optional');
});

test('the script-tag bundle carries its own Firebase: no bare import for a browser to fail on', () => {
  const dist = new URL('dist/', root);
  const files = ['leave-a-reply.js', ...readdirSync(new URL('chunks/', dist)).map((f) => `chunks/${f}`)];
  const bare = files
    .filter((f) => f.endsWith('.js'))
    .filter((f) =>
      /(?:from|import)\s*\(?\s*["'`](?:firebase|@firebase|lit|@lit)[/"'`]/.test(readFileSync(new URL(f, dist), 'utf8')),
    );
  assert.deepEqual(bare, []);
});
