// The framework types as a developer gets them from npm: the packed package goes into a scratch
// project's node_modules (its dependencies, and React's, Vue's and Svelte's types, linked from this
// repository's), and the consumers the README shows are type-checked against it with tsc,
// vue-tsc and svelte-check, next to mistakes each checker must report on their own lines (so a
// type that accepts anything fails here). Also the editor data the package ships. Run after
// `npm run build` (`npm test` does).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

import {installPacked} from './packed-package.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
// A busy machine can be slow: each step may take minutes before it counts as failed.
const STEP = 5 * 60_000;

// The checked examples: a `<!-- checked: dir/File.ext -->` comment, then a fenced code block.
// They live in the README's Frameworks section.
const examples = new Map();
for (const doc of ['README.md']) {
  const path = join(root, doc);
  if (!existsSync(path)) continue;
  const text = readFileSync(path, 'utf8');
  for (const [, file, code] of text.matchAll(/<!-- checked: (\S+) -->\s*```[^\n]*\n([\s\S]*?)\n```/g)) {
    assert.ok(!examples.has(file) || examples.get(file) === code, `${file} reads the same wherever it is shown`);
    examples.set(file, code);
  }
}

let project; // the scratch consumer project
let pkgDir; // node_modules/leave-a-reply in it, unpacked from the tarball

before(() => {
  project = mkdtempSync(join(tmpdir(), 'lar-framework-types-'));
  pkgDir = installPacked(project);
});

after(() => {
  if (project) rmSync(project, {recursive: true, force: true});
});

const compilerOptions = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'bundler',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  verbatimModuleSyntax: true,
  // No @types/* from node_modules by accident: only what the files import.
  types: [],
};

/**
 * Writes a framework's consumer folder: tsconfig.json, the documented example, and a file of
 * mistakes given as lines, where `[line, why]` is a line the checker must report.
 */
function consumer(dir, {tsconfig, example, mistakes: [name, lines]}) {
  const folder = join(project, dir);
  mkdirSync(folder, {recursive: true});
  writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const code = examples.get(`${dir}/${example}`);
  assert.ok(code, `the README shows ${dir}/${example} after a "checked" comment`);
  writeFileSync(join(folder, example), `${code}\n`);
  const expected = new Map(); // line number → why it must fail
  const text = lines.map((line, i) => {
    if (typeof line === 'string') return line;
    expected.set(i + 1, line[1]);
    return line[0];
  });
  writeFileSync(join(folder, name), `${text.join('\n')}\n`);
  return {folder, example, mistakes: name, expected};
}

/** Runs a checker, which exits non-zero for the mistakes; its output is what counts. */
async function check(command, args, cwd) {
  try {
    const {stdout, stderr} = await promisify(execFile)(command, args, {cwd, timeout: STEP, maxBuffer: 16 << 20});
    return `${stdout}\n${stderr}`;
  } catch (error) {
    if (error.killed || error.stdout === undefined) throw error;
    return `${error.stdout}\n${error.stderr}`;
  }
}

/** `file(line,col): error TS…` (tsc, vue-tsc) or svelte-check's machine output, as [file, line, message]. */
function errors(output) {
  const found = [];
  for (const [, file, line, message] of output.matchAll(/^(\S+?)\((\d+),\d+\): error (.*)$/gm)) {
    found.push([file, Number(line), message]);
  }
  for (const [, file, line, message] of output.matchAll(/^\d+ ERROR "([^"]+)" (\d+):\d+ (.*)$/gm)) {
    found.push([file, Number(line), message]);
  }
  return found;
}

/** The example type-checks cleanly, and each mistake, and nothing else, is reported on its line. */
function assertReported(output, {example, mistakes, expected}) {
  const found = errors(output);
  const name = (file) => file.replace(/\\/g, '/').split('/').pop();
  assert.deepEqual(
    found.filter(([file]) => name(file) !== mistakes),
    [],
    `the documented ${example} and the package's types type-check:\n${output}`,
  );
  const lines = new Set(found.map(([, line]) => line));
  for (const [line, why] of expected)
    assert.ok(lines.has(line), `line ${line} of ${mistakes} fails: ${why}\n${output}`);
  const unexpected = found.filter(([, line]) => !expected.has(line));
  assert.deepEqual(unexpected, [], `${mistakes} fails only where it should (else it proves nothing)`);
}

test('React 19: the documented TSX type-checks, and JSX mistakes do not', async () => {
  const setup = consumer('react', {
    tsconfig: {compilerOptions: {...compilerOptions, jsx: 'react-jsx'}, include: ['*.tsx']},
    example: 'Comments.tsx',
    mistakes: [
      'Mistakes.tsx',
      [
        "import type {} from 'leave-a-reply/react';",
        "import type {CommentPostedEvent} from 'leave-a-reply';",
        'export const mistakes = (',
        '  <>',
        ['    <leave-a-reply sort="newst" />', 'sort takes oldest or newest'],
        ['    <leave-a-reply pageID="hello" />', 'no property pageID (pageId, or the page-id attribute)'],
        ['    <leave-a-reply max-depth="deep" />', 'max-depth is a number'],
        [
          '    <leave-a-reply onlar-error={(event: CommentPostedEvent) => console.log(event.detail.body)} />',
          'lar-error is a LarErrorEvent',
        ],
        [
          '    <leave-a-reply-count onlar-error={(event) => event.detail.body} />',
          "LarErrorEvent's detail has no body",
        ],
        ['    <leave-a-reply-config backend="cloud" />', 'backend takes firebase or local'],
        '  </>',
        ');',
      ],
    ],
  });
  const output = await check(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.', '--pretty', 'false'],
    setup.folder,
  );
  assertReported(output, setup);
});

test('Vue 3: the documented SFC type-checks with vue-tsc (strictTemplates), and template mistakes do not', async () => {
  const setup = consumer('vue', {
    tsconfig: {
      compilerOptions: {...compilerOptions, jsx: 'preserve'},
      vueCompilerOptions: {strictTemplates: true},
      include: ['*.vue'],
    },
    example: 'Comments.vue',
    mistakes: [
      'Mistakes.vue',
      [
        '<script setup lang="ts">',
        "import type {} from 'leave-a-reply/vue';",
        "import type {CommentPostedEvent} from 'leave-a-reply';",
        'const posted = (event: CommentPostedEvent) => console.log(event.detail.body);',
        '</script>',
        '<template>',
        ['  <leave-a-reply sort="newst" />', 'sort takes oldest or newest'],
        ['  <leave-a-reply :firebaseConfg="{}" />', 'no property firebaseConfg'],
        ['  <leave-a-reply @lar-error="posted" />', 'lar-error is a LarErrorEvent'],
        ['  <leave-a-reply-count @lar-error="(event) => event.detail.body" />', "LarErrorEvent's detail has no body"],
        ['  <leave-a-reply-config backend="cloud" />', 'backend takes firebase or local'],
        '</template>',
      ],
    ],
  });
  const output = await check(
    process.execPath,
    [join(root, 'node_modules/vue-tsc/bin/vue-tsc.js'), '-p', '.', '--pretty', 'false'],
    setup.folder,
  );
  assertReported(output, setup);
});

test('Svelte 5: the documented component passes svelte-check, and markup mistakes do not', async () => {
  const setup = consumer('svelte', {
    tsconfig: {compilerOptions, include: ['*.svelte']},
    example: 'Comments.svelte',
    mistakes: [
      'Mistakes.svelte',
      [
        '<script lang="ts">',
        "  import type {} from 'leave-a-reply/svelte';",
        "  import type {CommentPostedEvent} from 'leave-a-reply';",
        '  const posted = (event: CommentPostedEvent) => console.log(event.detail.body);',
        '</script>',
        ['<leave-a-reply sort="newst"></leave-a-reply>', 'sort takes oldest or newest'],
        ['<leave-a-reply firebaseConfg={{}}></leave-a-reply>', 'no property firebaseConfg'],
        ['<leave-a-reply onlar-error={posted}></leave-a-reply>', 'lar-error is a LarErrorEvent'],
        [
          '<leave-a-reply-count onlar-error={(event) => event.detail.body}></leave-a-reply-count>',
          "LarErrorEvent's detail has no body",
        ],
        ['<leave-a-reply-config backend="cloud"></leave-a-reply-config>', 'backend takes firebase or local'],
      ],
    ],
  });
  const output = await check(
    process.execPath,
    [
      join(root, 'node_modules/svelte-check/bin/svelte-check'),
      '--workspace',
      '.',
      '--tsconfig',
      './tsconfig.json',
      '--output',
      'machine',
    ],
    setup.folder,
  );
  assertReported(output, setup);
});

test('the editor data names every element with its attributes, their values and its events', () => {
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'custom-elements.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const vscode = JSON.parse(readFileSync(join(pkgDir, pkg.exports['./vscode.html-custom-data.json']), 'utf8'));
  const webTypes = JSON.parse(readFileSync(join(pkgDir, pkg['web-types']), 'utf8'));
  const declared = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
  assert.equal(declared.length, 3);
  for (const element of declared) {
    const tag = vscode.tags.find((t) => t.name === element.tagName);
    const web = webTypes.contributions.html.elements.find((e) => e.name === element.tagName);
    assert.ok(tag && web, `<${element.tagName}> is in both`);
    const names = element.attributes.map((a) => a.name);
    assert.deepEqual(
      tag.attributes.map((a) => a.name),
      names,
    );
    assert.deepEqual(
      web.attributes.map((a) => a.name),
      names,
    );
    assert.deepEqual(
      web.js.events.map((e) => [e.name, e.type]),
      element.events.map((e) => [e.name, e.type.text]),
    );
  }
  const sort = vscode.tags.find((t) => t.name === 'leave-a-reply').attributes.find((a) => a.name === 'sort');
  assert.deepEqual(sort.values, [{name: 'oldest'}, {name: 'newest'}, {name: 'top'}]);
});
