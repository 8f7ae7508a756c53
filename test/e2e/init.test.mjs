// `npx leave-a-reply init`, run as a site owner would: in an empty or existing site folder.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const cli = join(root, pkg.bin['leave-a-reply']);
const FILES = ['firebase.json', 'firestore.rules', 'firestore.indexes.json'];
const MINE = '{"hosting": {"public": "site"}}\n';
/** The firebase.json a site gets: what it deploys, none of this project's emulator set-up. */
const SITE_FIREBASE = {firestore: {rules: 'firestore.rules', indexes: 'firestore.indexes.json'}};
/** What init writes for each file: the package's own rules and indexes, the site's firebase.json. */
const expected = (name) =>
  name === 'firebase.json' ? `${JSON.stringify(SITE_FIREBASE, null, 2)}\n` : read(root, name);

function siteFolder(t) {
  const dir = mkdtempSync(join(tmpdir(), 'lar-init-'));
  t.after(() => rmSync(dir, {recursive: true, force: true}));
  return dir;
}

/** Runs the CLI with stdin and stdout as pipes: not a terminal, so nobody can be asked. */
function run(dir, ...args) {
  const result = spawnSync(process.execPath, [cli, ...args], {cwd: dir, encoding: 'utf8', input: ''});
  return {code: result.status, out: result.stdout, err: result.stderr};
}

/** Runs the CLI on a pseudo-terminal (util-linux `script`), typing `answers`. */
function runOnTerminal(dir, answers, ...args) {
  const command = [process.execPath, cli, ...args].map((a) => `'${a}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {cwd: dir, encoding: 'utf8', input: answers});
  return {code: result.status, out: result.stdout};
}

const hasScript = spawnSync('script', ['-V'], {encoding: 'utf8'}).status === 0;
const read = (dir, name) => readFileSync(join(dir, name), 'utf8');

test('package.json runs it as `npx leave-a-reply` and ships it with the files it copies', () => {
  assert.equal(pkg.bin['leave-a-reply'], 'bin/leave-a-reply.mjs');
  assert.match(readFileSync(cli, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  const [{files}] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, encoding: 'utf8'}),
  );
  const packed = files.map((f) => f.path);
  for (const path of [
    'bin/leave-a-reply.mjs',
    'firestore.rules',
    'firestore.indexes.json',
    'functions/package.json',
    'functions/lib/functions/src/index.js',
    'functions/README.md',
  ])
    assert.ok(packed.includes(path), `${path} is not in the package`);
});

test('init --functions adds the built Cloud Functions, deployable as they are', (t) => {
  const dir = siteFolder(t);
  const {code, out} = run(dir, 'init', '--functions');
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(read(dir, 'firebase.json')), {...SITE_FIREBASE, functions: {source: 'functions'}});
  const manifest = JSON.parse(read(dir, 'functions/package.json'));
  assert.equal(manifest.main, 'lib/functions/src/index.js');
  assert.deepEqual(Object.keys(manifest.dependencies).sort(), ['firebase-admin', 'firebase-functions', 'nodemailer']);
  assert.equal(manifest.scripts, undefined, 'nothing to build: it comes built');
  assert.equal(manifest.devDependencies, undefined);
  assert.match(out, /wrote +functions\//);
  assert.match(out, /npm --prefix functions install/);
  assert.match(out, /functions:secrets:set LAR_UNSUBSCRIBE_SECRET/);
  assert.match(out, /deploy --only functions/);
  // What `firebase deploy` does first: load the folder's main module and find its functions. (Its
  // dependencies, which `npm --prefix functions install` would bring, are this project's own.)
  symlinkSync(join(root, 'node_modules'), join(dir, 'functions/node_modules'));
  const loaded = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const m = await import('./functions/${manifest.main}'); console.log(Object.keys(m).sort().join(' '))`,
    ],
    {cwd: dir, encoding: 'utf8'},
  );
  assert.equal(loaded.stdout.trim(), 'confirm notifyOnComment requestConfirmation unsubscribe', loaded.stderr);
  assert.match(run(dir, 'init', '--functions').out, /unchanged +functions\//);
});

test('init writes the three files into an empty site folder, then prints the snippet and the next steps', (t) => {
  const dir = siteFolder(t);
  const {code, out} = run(dir, 'init');
  assert.equal(code, 0);
  for (const name of FILES) {
    assert.equal(read(dir, name), expected(name), `${name} as a site needs it`);
    assert.match(out, new RegExp(`wrote +${name.replace('.', '\\.')}`));
  }
  assert.match(
    out,
    /<script type="module" src="[^"]+\/leave-a-reply@\d+\.\d+\.\d+\/dist\/leave-a-reply\.js"><\/script>/,
  );
  assert.match(out, /<leave-a-reply api-key="…" project-id="your-project-id"/);
  assert.match(out, /enable Anonymous/);
  assert.deepEqual(JSON.parse(read(dir, 'firebase.json')), SITE_FIREBASE, 'no emulator ports or test settings');
  // The rules cite nothing a site owner does not have: no source or test files of this project.
  assert.doesNotMatch(read(dir, 'firestore.rules'), /\b(src|test|scripts)\/|\.tsx?\b|\.mjs\b|DESIGN\.md/);
  assert.match(out, /deploy --only firestore/);
});

test('init fills in the project id that `firebase use` set', (t) => {
  const dir = siteFolder(t);
  writeFileSync(join(dir, '.firebaserc'), JSON.stringify({projects: {default: 'long-take'}}));
  const {out} = run(dir, 'init');
  assert.match(out, /project-id="long-take" auth-domain="long-take\.firebaseapp\.com"/);
  assert.match(out, /deploy --only firestore --project long-take/);
});

test('without a terminal to ask, init keeps an existing file that differs, and says so', (t) => {
  const dir = siteFolder(t);
  writeFileSync(join(dir, 'firebase.json'), MINE);
  const {code, out} = run(dir, 'init');
  assert.equal(code, 0);
  assert.equal(read(dir, 'firebase.json'), MINE, 'not overwritten without consent');
  assert.match(out, /kept +firebase\.json \(exists; not asked: not a terminal; --yes replaces it\)/);
  assert.match(out, /"firestore": \{"rules": "firestore\.rules", "indexes": "firestore\.indexes\.json"\}/);
  assert.equal(read(dir, 'firestore.rules'), read(root, 'firestore.rules'), 'the missing files are still written');

  const again = run(dir, 'init');
  assert.match(again.out, /unchanged +firestore\.rules/);
});

test('--no keeps existing files; --yes replaces them', (t) => {
  const dir = siteFolder(t);
  writeFileSync(join(dir, 'firebase.json'), MINE);
  assert.match(run(dir, 'init', '--no').out, /kept +firebase\.json \(exists; --no\)/);
  assert.equal(read(dir, 'firebase.json'), MINE);
  assert.match(run(dir, 'init', '--yes').out, /replaced +firebase\.json/);
  assert.equal(read(dir, 'firebase.json'), expected('firebase.json'));
});

test(
  'on a terminal, init asks before replacing each file; no (or just Enter) keeps it',
  {skip: !hasScript && 'needs util-linux `script` for a pseudo-terminal'},
  (t) => {
    const dir = siteFolder(t);
    writeFileSync(join(dir, 'firebase.json'), MINE);
    writeFileSync(join(dir, 'firestore.rules'), 'rules_version = "2";\n');

    let {code, out} = runOnTerminal(dir, 'n\n\n', 'init');
    assert.equal(code, 0);
    assert.match(out, /firebase\.json exists and differs\. Replace it\? \[y\/N\]/);
    assert.match(out, /firestore\.rules exists and differs\. Replace it\? \[y\/N\]/);
    assert.equal(read(dir, 'firebase.json'), MINE);
    assert.equal(read(dir, 'firestore.rules'), 'rules_version = "2";\n');
    assert.match(out, /kept +firebase\.json \(exists; you said no\)/);

    ({out} = runOnTerminal(dir, 'y\nn\n', 'init'));
    assert.equal(read(dir, 'firebase.json'), expected('firebase.json'));
    assert.equal(read(dir, 'firestore.rules'), 'rules_version = "2";\n');
    assert.match(out, /replaced +firebase\.json/);
  },
);

test('an unknown command or option is refused with the usage', (t) => {
  const dir = siteFolder(t);
  for (const args of [['start'], ['init', '--force'], ['init', '--yes', '--no']]) {
    const {code, err} = run(dir, ...args);
    assert.equal(code, 2, args.join(' '));
    assert.match(err, /Usage: npx leave-a-reply init/);
  }
  assert.ok(!existsSync(join(dir, 'firebase.json')), 'nothing written');
});
