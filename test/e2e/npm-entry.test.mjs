// The npm package: every path the exports map names exists after `npm run build`, with types.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';

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

test('the npm entry keeps lit and firebase as dependencies instead of bundling them', () => {
  const section = readFileSync(new URL('dist/npm/components/leave-a-reply/internal/comment-section.js', root), 'utf8');
  assert.match(section, /from 'lit'/);
  assert.ok(pkg.dependencies.lit && pkg.dependencies.firebase && pkg.dependencies['@lit/context']);
});
