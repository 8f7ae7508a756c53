// `npx leave-a-reply init` from the published package, with nothing installed: the tarball `npm pack`
// makes is unpacked into a scratch folder with no node_modules anywhere above it (so neither this
// repository's dependencies nor the package's own can be found), and init runs there in an empty
// site folder. It is plain Node: it must not need the Firebase SDK, firebase-admin or
// firebase-tools (or even Lit) to write its files. test/e2e/init.test.mjs covers its options and
// prompts from the repository itself. Run after `npm run build` (`npm test` does).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, relative, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import ts from 'typescript';

import {packTarball} from './packed-package.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
// A busy machine can be slow: each step may take minutes before it counts as failed.
const STEP = 5 * 60_000;
const SITE_FIREBASE = {firestore: {rules: 'firestore.rules', indexes: 'firestore.indexes.json'}};
// What a site does not have: this project's sources, tests and scripts.
const INTERNAL = /\b(src|test|scripts)\/|\.tsx?\b|\.mjs\b|DESIGN\.md/;

let scratch; // the scratch folder: the tarball, the unpacked package, the site folders
let pkgDir; // <scratch>/unpacked/package, as `npm pack` lays it out
let cli; // the package's bin, in pkgDir

/** Every file under `dir`, as sorted paths relative to it with forward slashes. */
const filesUnder = (dir) =>
  readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) =>
      relative(dir, join(entry.parentPath ?? entry.path, entry.name))
        .split(sep)
        .join('/'),
    )
    .sort();

before(() => {
  assert.ok(
    existsSync(join(root, 'functions/lib/functions/src/index.js')),
    'functions/lib is not built: run `npm run build` first (`npm test` does)',
  );
  scratch = realpathSync(mkdtempSync(join(tmpdir(), 'lar-init-packed-')));
  // Node looks for packages in every node_modules from a module's folder up to the root.
  const above = [];
  for (let dir = scratch; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) above.push(join(dir, 'node_modules'));
    if (dirname(dir) === dir) break;
  }
  assert.deepEqual(above, [], `the scratch folder ${scratch} must have no node_modules above it (set TMPDIR)`);

  const tarball = packTarball(scratch);
  const unpacked = join(scratch, 'unpacked');
  mkdirSync(unpacked);
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked], {timeout: STEP});
  pkgDir = join(unpacked, 'package');
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  cli = join(pkgDir, pkg.bin['leave-a-reply']);
  assert.ok(existsSync(cli), `the package's bin ${pkg.bin['leave-a-reply']} is packed`);
});

after(() => {
  if (scratch) rmSync(scratch, {recursive: true, force: true});
});

// Nothing from this machine's set-up either: no NODE_PATH or NODE_OPTIONS, a HOME of its own.
const env = () => ({PATH: process.env.PATH, HOME: scratch});

/** Runs `node <package>/bin/leave-a-reply.mjs …` in `dir`, stdin a pipe (nobody to ask). */
function run(dir, ...args) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    input: '',
    env: env(),
    timeout: STEP,
  });
  return {code: result.status, out: result.stdout, err: result.stderr};
}

function siteFolder(name) {
  const dir = join(scratch, name);
  mkdirSync(dir);
  return dir;
}

const read = (dir, name) => readFileSync(join(dir, name), 'utf8');

test('the unpacked package finds none of its dependencies, nor Firebase', {timeout: STEP}, () => {
  // The control: were any of these found, the runs below would prove nothing.
  const pkg = JSON.parse(read(pkgDir, 'package.json'));
  const names = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies), 'firebase-tools'];
  assert.ok(names.includes('firebase') && names.includes('firebase-admin'), names.join(', '));
  for (const name of names) {
    const probe = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(name)})`], {
      cwd: dirname(cli),
      encoding: 'utf8',
      env: env(),
      timeout: STEP,
    });
    assert.notEqual(probe.status, 0, `${name} must not be importable next to the package's bin`);
    assert.match(probe.stderr, /ERR_MODULE_NOT_FOUND|Cannot find package/, `${name}: ${probe.stderr}`);
  }
});

test('init writes the three files a site deploys, from the package alone', {timeout: STEP}, () => {
  const dir = siteFolder('site');
  const {code, out, err} = run(dir, 'init');
  assert.equal(code, 0, `init exits cleanly:\n${out}\n${err}`);
  assert.equal(err, '', 'nothing on stderr');
  assert.deepEqual(filesUnder(dir), ['firebase.json', 'firestore.indexes.json', 'firestore.rules']);
  for (const name of ['firebase.json', 'firestore.rules', 'firestore.indexes.json']) {
    assert.match(out, new RegExp(`wrote +${name.replaceAll('.', '\\.')}`));
  }

  // firebase.json: only what a site deploys, none of this project's emulator set-up.
  assert.deepEqual(JSON.parse(read(dir, 'firebase.json')), SITE_FIREBASE);
  // The rules and indexes are the package's own, which are this repository's.
  const rules = read(dir, 'firestore.rules');
  assert.equal(rules, read(pkgDir, 'firestore.rules'));
  assert.equal(rules, read(root, 'firestore.rules'));
  assert.match(rules, /^rules_version = '2';/m);
  assert.match(rules, /service cloud\.firestore/);
  assert.doesNotMatch(rules, INTERNAL, 'the rules cite nothing a site owner does not have');
  const indexes = read(dir, 'firestore.indexes.json');
  assert.equal(indexes, read(root, 'firestore.indexes.json'));
  assert.ok(Array.isArray(JSON.parse(indexes).indexes), 'firestore.indexes.json has its indexes');

  // The snippet names the packed version, and the next steps follow.
  const {version} = JSON.parse(read(pkgDir, 'package.json'));
  assert.ok(
    out.includes(`https://cdn.jsdelivr.net/npm/leave-a-reply@${version}/dist/leave-a-reply.js`),
    `the script tag loads leave-a-reply@${version}:\n${out}`,
  );
  assert.match(out, /<leave-a-reply api-key="…" project-id="your-project-id"/);
  assert.match(out, /deploy --only firestore --project your-project-id/);

  assert.match(run(dir, 'init').out, /unchanged +firestore\.rules/, 'a second run finds the same files');
});

test('init --functions adds the built Cloud Functions, self-contained, from the package alone', {timeout: STEP}, () => {
  const dir = siteFolder('site-functions');
  const {code, out, err} = run(dir, 'init', '--functions');
  assert.equal(code, 0, `init --functions exits cleanly:\n${out}\n${err}`);
  assert.equal(err, '', 'nothing on stderr');
  assert.match(out, /wrote +functions\//);
  assert.match(out, /npm --prefix functions install/);

  assert.deepEqual(JSON.parse(read(dir, 'firebase.json')), {...SITE_FIREBASE, functions: {source: 'functions'}});
  assert.equal(read(dir, 'firestore.rules'), read(root, 'firestore.rules'));

  // functions/: the deployable manifest and exactly the package's built lib/, nothing else.
  const libFiles = filesUnder(join(pkgDir, 'functions/lib'));
  assert.ok(libFiles.includes('functions/src/index.js'), 'the package ships the built functions');
  assert.deepEqual(filesUnder(join(dir, 'functions')), ['package.json', ...libFiles.map((f) => `lib/${f}`)].sort());
  for (const file of libFiles) {
    assert.ok(
      readFileSync(join(dir, 'functions/lib', file)).equals(readFileSync(join(pkgDir, 'functions/lib', file))),
      `functions/lib/${file} is the package's`,
    );
  }
  const manifest = JSON.parse(read(dir, 'functions/package.json'));
  assert.equal(manifest.main, 'lib/functions/src/index.js');
  assert.ok(existsSync(join(dir, 'functions', manifest.main)), 'main is written');
  assert.equal(manifest.private, true);
  assert.equal(manifest.scripts, undefined, 'nothing to build: it comes built');
  assert.equal(manifest.devDependencies, undefined);
  assert.deepEqual(Object.keys(manifest.dependencies).sort(), ['firebase-admin', 'firebase-functions', 'nodemailer']);

  // `firebase deploy` uploads functions/ alone: every relative import stays inside it, and every
  // package one is a dependency its manifest declares (or a Node built-in).
  const functionsDir = join(dir, 'functions');
  const outside = [];
  const undeclared = new Set();
  for (const file of libFiles.filter((f) => f.endsWith('.js'))) {
    const path = join(functionsDir, 'lib', file);
    // TypeScript's scanner finds the static and dynamic imports, skipping comments and strings.
    const {importedFiles} = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    assert.ok(file !== 'functions/src/index.js' || importedFiles.length > 3, `finds the imports of ${file}`);
    for (const {fileName: spec} of importedFiles) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(path), spec);
        if (relative(functionsDir, target).startsWith('..') || !existsSync(target)) outside.push(`${file} → ${spec}`);
      } else if (!spec.startsWith('node:')) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!Object.hasOwn(manifest.dependencies, name)) undeclared.add(`${file} → ${spec}`);
      }
    }
  }
  assert.deepEqual(outside, [], 'relative imports that leave functions/ or miss their file');
  assert.deepEqual([...undeclared], [], 'imports of packages functions/package.json does not declare');
});
