// The Node versions package.json promises (engines) must be ones every installed package accepts:
// otherwise `npm install` warns EBADENGINE on a machine we claim to support, and a dependency may
// use what that Node lacks. Read from package-lock.json, which records each package's engines.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import semver from 'semver';

const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));

// Waline's client (bench/peers.mjs) is only ever served to Chromium as a browser bundle: no Node runs
// its code, though its package says Node 22. On Node 20, npm installs it with an EBADENGINE warning.
const BROWSER_ONLY = new Set(['@waline/client', '@waline/api']);

test('every locked package accepts the oldest Node that package.json promises', () => {
  const promised = read('package.json').engines.node;
  const oldest = semver.minVersion(promised).version;
  const refusing = Object.entries(read('package-lock.json').packages)
    .filter(([path, pkg]) => path && typeof pkg.engines?.node === 'string')
    .filter(([path]) => !BROWSER_ONLY.has(path.replace(/^.*node_modules\//, '')))
    .filter(([, pkg]) => !semver.satisfies(oldest, pkg.engines.node, {includePrerelease: true}))
    .map(([path, pkg]) => `${path.replace(/^.*node_modules\//, '')} wants node ${pkg.engines.node}`);
  assert.deepEqual(refusing, [], `package.json promises node ${promised}`);
});

test('the Node running the tests is one package.json promises', () => {
  assert.ok(semver.satisfies(process.versions.node, read('package.json').engines.node), process.versions.node);
});
