// The README's Astro component, checked the way Astro would use it, without installing Astro: the
// packed package goes into a scratch project's node_modules (as in framework-types.test.mjs), and
// the component is taken apart as Astro does it:
// - its markup: every <leave-a-reply…> element is one custom-elements.json defines, and every
//   attribute is one it has, with a value it takes (what Astro's server writes into the HTML);
// - its frontmatter, which Astro runs on the server: type-checked with tsc, then run in plain Node
//   against the packed package, and the values it gives the markup's `{…}` attributes checked too;
// - its client <script>, which Astro bundles for the browser: type-checked with tsc against the
//   package's types (the elements in HTMLElementTagNameMap, their events in
//   GlobalEventHandlersEventMap), its imports loaded in plain Node from the packed package, and
//   bundled with Vite, as Astro does, into code that defines the elements.
// A file of mistakes goes through the same checks, each reported on its own line (so a check that
// accepts anything fails here). Run after `npm run build` (`npm test` does).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {promisify} from 'node:util';
import {Parser} from 'htmlparser2';
import ts from 'typescript';
import {build} from 'vite';

import {installPacked} from './packed-package.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
// A busy machine can be slow: each step may take minutes before it counts as failed.
const STEP = 5 * 60_000;

// The example: the fenced block after `<!-- checked: astro/Comments.astro -->`.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const example = readme.match(/<!-- checked: astro\/Comments\.astro -->\s*```astro\n([\s\S]*?)\n```/)?.[1];

let project; // the scratch consumer project
let elements; // tag → its declaration in the packed custom-elements.json

before(() => {
  assert.ok(example, 'the README shows astro/Comments.astro after a "checked" comment');
  project = mkdtempSync(join(tmpdir(), 'lar-astro-example-'));
  const pkgDir = installPacked(project);
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'custom-elements.json'), 'utf8'));
  elements = new Map(
    manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => [d.tagName, d]),
  );
});

after(() => {
  if (project) rmSync(project, {recursive: true, force: true});
});

const lineAt = (text, offset) => text.slice(0, offset).split('\n').length;
/** The text with a range replaced by spaces, its line breaks kept (so offsets and lines stay put). */
const blank = (text, start, end) =>
  text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);

/** The end of a `{…}` expression starting at `start`: its matching brace, past JavaScript strings. */
function expressionEnd(text, start) {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  throw new Error(`an unclosed { at line ${lineAt(text, start)}`);
}

/**
 * An Astro component taken apart: the frontmatter (its first line's number), the client scripts,
 * and the markup with frontmatter, comments, scripts and styles blanked out and each `{…}` expression
 * replaced by a quoted placeholder of its length, so that an HTML parser reads it at its own offsets.
 */
function parts(source) {
  let markup = source;
  const fence = source.match(/^(\s*)---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/);
  const frontmatter = fence ? {code: fence[2] ?? '', line: lineAt(source, fence[1].length) + 1} : undefined;
  if (fence) markup = blank(markup, 0, fence[0].length);
  for (const comment of markup.matchAll(/<!--[\s\S]*?-->/g)) {
    markup = blank(markup, comment.index, comment.index + comment[0].length);
  }
  const scripts = [];
  for (const block of markup.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi)) {
    if (block[1].toLowerCase() === 'script') {
      const contentAt = block.index + block[0].indexOf('>') + 1;
      const attributes = block[2].trim();
      // Astro bundles a <script> with no attributes but `src`, and sends any other as written.
      const bundled = /^(?:src\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?$/.test(attributes);
      scripts.push({attributes, bundled, code: block[3], line: lineAt(source, contentAt)});
    }
    markup = blank(markup, block.index, block.index + block[0].length);
  }
  // `{…}` is an expression in text and as an attribute's value, not inside a quoted value.
  const expressions = [];
  let inTag = false;
  let quote;
  for (let i = 0; i < markup.length; i++) {
    const c = markup[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (inTag && (c === '"' || c === "'")) quote = c;
    else if (inTag && c === '>') inTag = false;
    else if (!inTag && c === '<' && /[A-Za-z]/.test(markup[i + 1] ?? '')) inTag = true;
    else if (c === '{') {
      const end = expressionEnd(markup, i);
      const code = markup.slice(i + 1, end - 1);
      const mark = String.fromCharCode(0xe000 + expressions.length);
      expressions.push({code, line: lineAt(source, i)});
      const inside = code.replace(/[^\n]/g, '_').replace('_', mark);
      markup = `${markup.slice(0, i)}"${inside.includes(mark) ? inside : mark}"${markup.slice(end)}`;
      i = end - 1;
    }
  }
  const tags = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        tags.push({name, attributes: Object.entries(attributes), line: lineAt(markup, parser.startIndex)});
      },
    },
    {lowerCaseTags: false, lowerCaseAttributeNames: false, recognizeSelfClosing: true},
  );
  parser.end(markup);
  /** An attribute's value: its text, or the expression its placeholder stands for. */
  const value = (text) => {
    const index = text.length ? text.charCodeAt(0) - 0xe000 : -1;
    return index >= 0 && index < expressions.length ? {expression: index} : {text};
  };
  for (const tag of tags) tag.attributes = tag.attributes.map(([name, text]) => ({name, ...value(text)}));
  return {frontmatter, scripts, tags, expressions};
}

// Attributes every element takes, and Astro's directives on an element.
const global =
  /^(?:id|class|style|slot|hidden|title|lang|dir|part|exportparts|tabindex|inert|role|translate|autofocus|nonce|popover|data-[\w-]+|aria-[\w-]+|class:list|set:html|set:text|is:raw|transition:\w+)$/;

/** Why `value` (an attribute's text) is not one its documented type takes, if it is not. */
function badValue(attribute, value) {
  const type = attribute.type?.text ?? 'string';
  const takes = type.split('|').map((part) => part.trim());
  const fits = (part) =>
    part === 'string' ||
    part === 'boolean' ||
    (part === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) ||
    (/^(['"]).*\1$/.test(part) && part.slice(1, -1) === value);
  return takes.some(fits) ? undefined : `${attribute.name}="${value}": ${attribute.name} takes ${type}`;
}

/** What is wrong with the markup's <leave-a-reply…> elements, as [line, message]. */
function markupErrors({tags}) {
  const errors = [];
  for (const {name, attributes, line} of tags) {
    if (!/^leave-a-reply(?:-|$)/i.test(name)) continue;
    const element = elements.get(name);
    if (!element) {
      errors.push([line, `<${name}> is not an element the package defines (${[...elements.keys()].join(', ')})`]);
      continue;
    }
    for (const attribute of attributes) {
      if (global.test(attribute.name)) continue;
      const declared = element.attributes?.find((a) => a.name === attribute.name);
      const property = element.members?.find((m) => m.kind === 'field' && m.name === attribute.name);
      const itsAttribute = element.attributes?.find((a) => a.fieldName === attribute.name);
      if (!declared) {
        errors.push([
          line,
          itsAttribute
            ? `<${name}> has no attribute ${attribute.name}: write ${itsAttribute.name}`
            : property
              ? `${attribute.name} is a property of <${name}>, not an attribute: set it from a client script`
              : `<${name}> has no attribute ${attribute.name}`,
        ]);
      } else if (attribute.text !== undefined) {
        const why = badValue(declared, attribute.text);
        if (why) errors.push([line, why]);
      }
    }
  }
  return errors;
}

/** Bare imports in a script Astro sends as written (one with attributes other than src), as [line, message]. */
function unbundledImports({scripts}) {
  const errors = [];
  for (const script of scripts.filter((s) => !s.bundled)) {
    const file = ts.createSourceFile('inline.js', script.code, ts.ScriptTarget.Latest, true);
    for (const statement of file.statements) {
      if (!ts.isImportDeclaration(statement)) continue;
      const from = statement.moduleSpecifier.text;
      if (/^(?:\.{0,2}\/|[a-z]+:)/.test(from)) continue;
      const line = script.line + file.getLineAndCharacterOfPosition(statement.getStart()).line;
      errors.push([
        line,
        `<script ${script.attributes}> is sent as written (Astro bundles only a <script> without attributes but src): ` +
          `a browser cannot resolve '${from}'`,
      ]);
    }
  }
  return errors;
}

/** A processed script's imports that load a module (not `import type`), as TypeScript nodes. */
function valueImports(code) {
  const file = ts.createSourceFile('script.ts', code, ts.ScriptTarget.Latest, true);
  return file.statements.filter(
    (s) => ts.isImportDeclaration(s) && !s.importClause?.isTypeOnly && ts.isStringLiteral(s.moduleSpecifier),
  );
}

/**
 * Writes a component's TypeScript, line for line where it stands in the component (so tsc's line
 * numbers are the component's): the frontmatter with Astro's global (the part of it used here:
 * props, url, params; a frontmatter using more extends it) and the markup's expressions,
 * and each processed client script as its own module.
 */
function writeTypeScript(dir, source, component) {
  mkdirSync(dir, {recursive: true});
  const lines = source.split('\n').map(() => '');
  const {frontmatter, scripts, expressions} = component;
  const code = frontmatter?.code ?? '';
  const props = /\b(?:interface|type)\s+Props\b/.test(code) ? '' : ' type Props = Record<string, any>;';
  const fenceLine = frontmatter ? frontmatter.line - 2 : 0;
  lines[fenceLine] =
    `declare const Astro: {props: Props; url: URL; params: Record<string, string | undefined>};${props}`;
  if (frontmatter) code.split('\n').forEach((line, i) => (lines[frontmatter.line - 1 + i] = line));
  for (const {code: expression, line} of expressions) lines[line - 1] += ` void (${expression.replace(/\n/g, ' ')});`;
  writeFileSync(join(dir, 'frontmatter.ts'), `${lines.join('\n')}\nexport {};\n`);
  scripts
    .filter((s) => s.bundled)
    .forEach((script, i) => {
      writeFileSync(join(dir, `script-${i}.ts`), `${'\n'.repeat(script.line - 1)}${script.code}\nexport {};\n`);
    });
}

const compilerOptions = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'bundler',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  verbatimModuleSyntax: true,
  // `import 'leave-a-replyy'` is an error, not an import TypeScript does not look at.
  noUncheckedSideEffectImports: true,
  types: [],
};

/** Runs tsc over the scratch components; its errors as [component, line, message]. */
async function typeErrors() {
  const folder = join(project, 'astro');
  writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify({compilerOptions, include: ['*/*.ts']}, null, 2));
  let output;
  try {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const {stdout, stderr} = await promisify(execFile)(process.execPath, [tsc, '-p', '.', '--pretty', 'false'], {
      cwd: folder,
      timeout: STEP,
      maxBuffer: 16 << 20,
    });
    output = `${stdout}\n${stderr}`;
  } catch (error) {
    if (error.killed || error.stdout === undefined) throw error;
    output = `${error.stdout}\n${error.stderr}`;
  }
  const found = [];
  for (const [, component, line, message] of output.matchAll(/^(\w+)[\\/][\w-]+\.ts\((\d+),\d+\): error (.*)$/gm)) {
    found.push([component, Number(line), message]);
  }
  return {found, output};
}

// Mistakes, one per line that must be reported, with why.
const mistakes = [
  '---',
  "import type {LeaveAReplyElement} from 'leave-a-reply';",
  "const slug = 'hello-world';",
  'const pinned: LeaveAReplyElement | null = null;',
  '---',
  ['<leave-a-reply sort="newst"></leave-a-reply>', 'sort takes oldest, newest or top'],
  ['<leave-a-reply pageId={slug}></leave-a-reply>', 'no attribute pageId (page-id)'],
  ['<leave-a-reply max-depth="deep" />', 'max-depth is a number'],
  ['<leave-a-reply-config backend="cloud"></leave-a-reply-config>', 'backend takes firebase or local'],
  ['<leave-a-reply-counts page-id={slug}></leave-a-reply-counts>', 'no such element'],
  ['<leave-a-reply firebaseConfig={pinned}></leave-a-reply>', 'firebaseConfig is a property, not an attribute'],
  ['<leave-a-reply page-id={slugg}></leave-a-reply>', 'the frontmatter has no slugg'],
  '<leave-a-reply page-id="{not an expression}" title={`${slug}`}></leave-a-reply>',
  '<script>',
  "  import 'leave-a-reply';",
  ["  import 'leave-a-replyy';", 'no such package'],
  "  const widget = document.querySelector('leave-a-reply')!;",
  ["  widget.pageID = 'hello-world';", 'no property pageID (pageId)'],
  ["  widget.addEventListener('lar-error', (event) => console.log(event.detail.body));", 'a LarErrorEvent has no body'],
  '</script>',
  '<script type="module">',
  ["  import 'leave-a-reply';", 'Astro does not bundle a script with attributes'],
  '</script>',
];

test('Astro: the documented component checks (markup, frontmatter, client script), and Astro mistakes do not', async () => {
  const component = parts(example);
  const expected = new Map(); // line → why it must fail
  const mistakesSource = mistakes
    .map((line, i) => {
      if (typeof line === 'string') return line;
      expected.set(i + 1, line[1]);
      return line[0];
    })
    .join('\n');
  const wrong = parts(mistakesSource);
  writeTypeScript(join(project, 'astro/Comments'), example, component);
  writeTypeScript(join(project, 'astro/Mistakes'), mistakesSource, wrong);
  const {found, output} = await typeErrors();

  // The example: every element and attribute is the package's, and it all type-checks.
  assert.deepEqual(markupErrors(component), [], 'the markup names elements and attributes the package has');
  assert.deepEqual(unbundledImports(component), []);
  assert.deepEqual(
    found.filter(([file]) => file === 'Comments'),
    [],
    `the frontmatter and client script type-check:\n${output}`,
  );
  const registers = component.scripts.some(
    (s) => s.bundled && valueImports(s.code).some((i) => i.moduleSpecifier.text === 'leave-a-reply'),
  );
  assert.ok(
    registers,
    "a <script> Astro bundles (one without attributes) imports 'leave-a-reply', defining the elements",
  );
  const used = new Set(component.tags.map((t) => t.name).filter((name) => elements.has(name)));
  assert.ok(used.has('leave-a-reply'), 'the example shows <leave-a-reply>');

  // The mistakes: each reported on its line, and nothing else.
  const reported = [
    ...markupErrors(wrong),
    ...unbundledImports(wrong),
    ...found.filter(([file]) => file === 'Mistakes').map(([, line, message]) => [line, message]),
  ];
  const lines = new Set(reported.map(([line]) => line));
  for (const [line, why] of expected) {
    assert.ok(lines.has(line), `line ${line} of Mistakes.astro fails: ${why}\n${JSON.stringify(reported, null, 1)}`);
  }
  const unexpected = reported.filter(([line]) => !expected.has(line));
  assert.deepEqual(unexpected, [], 'Mistakes.astro fails only where it should (else it proves nothing)');
});

test('Astro: the frontmatter runs in plain Node against the packed package, and renders attributes the elements take', async () => {
  const component = parts(example);
  const dir = join(project, 'astro/render');
  mkdirSync(dir, {recursive: true});
  // As Astro compiles it: the frontmatter's imports at the top of a module, its other statements
  // in the render function, which then evaluates the markup's expressions.
  const code = component.frontmatter?.code ?? '';
  const file = ts.createSourceFile('frontmatter.ts', code, ts.ScriptTarget.Latest, true);
  const imports = file.statements.filter((s) => ts.isImportDeclaration(s)).map((s) => s.getText());
  const body = file.statements.filter((s) => !ts.isImportDeclaration(s)).map((s) => s.getFullText());
  const module = [
    ...imports,
    'export default async function render(Astro: any) {',
    ...body,
    `return [${component.expressions.map((e) => `(${e.code})`).join(', ')}];`,
    '}',
  ].join('\n');
  const transpile = (text) =>
    ts.transpileModule(text, {
      compilerOptions: {module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true},
    }).outputText;
  writeFileSync(join(dir, 'frontmatter.mjs'), transpile(module));
  // The client script's imports, which must resolve to files the package ships (and load on a server).
  const scriptImports = component.scripts
    .filter((s) => s.bundled)
    .flatMap((s) => valueImports(s.code).map((i) => i.getText()));
  writeFileSync(join(dir, 'script-imports.mjs'), transpile(`${scriptImports.join('\n')}\nexport {};\n`));

  assert.equal(typeof globalThis.HTMLElement, 'undefined', 'this test needs a Node without a DOM');
  const {default: render} = await import(pathToFileURL(join(dir, 'frontmatter.mjs')).href);
  const url = new URL('https://blog.example/hello-world/');
  const values = await render({props: {slug: 'hello-world'}, url, params: {}});
  await import(pathToFileURL(join(dir, 'script-imports.mjs')).href);
  assert.equal(typeof globalThis.customElements, 'undefined', 'nothing was registered or shimmed on the server');

  // What Astro writes for `name={value}`: a string or number as the value, `true` as the bare name,
  // nothing for false, null or undefined; anything else as its String(), which an element cannot use.
  const rendered = [];
  const errors = [];
  for (const {name: tag, attributes, line} of component.tags) {
    const element = elements.get(tag);
    if (!element) continue;
    for (const {name, expression} of attributes) {
      if (expression === undefined) continue;
      const value = values[expression];
      const declared = element.attributes?.find((a) => a.name === name);
      if (value === false || value === null || value === undefined) continue;
      if (!['string', 'number', 'boolean'].includes(typeof value)) {
        errors.push([
          line,
          `${name}={${component.expressions[expression].code}} is not a string, number or boolean: written as "${value}"`,
        ]);
        continue;
      }
      const text = value === true ? '' : String(value);
      rendered.push(`<${tag} ${name}="${text}">`);
      const why = declared && badValue(declared, text);
      if (why) errors.push([line, why]);
    }
  }
  assert.deepEqual(errors, [], 'the frontmatter gives each attribute a value the element takes');
  assert.ok(
    rendered.includes('<leave-a-reply page-id="hello-world">'),
    `the frontmatter's values reach the markup: ${rendered.join(' ')}`,
  );
});

test('Astro: the client script bundles with Vite, as Astro bundles it, into code that defines the elements', async () => {
  const component = parts(example);
  const dir = join(project, 'astro/bundle');
  mkdirSync(dir, {recursive: true});
  const input = component.scripts
    .filter((s) => s.bundled)
    .map((script, i) => {
      const file = join(dir, `script-${i}.ts`);
      writeFileSync(file, script.code);
      return file;
    });
  assert.ok(input.length, 'the component has a <script> Astro bundles');
  // Vite fails the build when an import does not resolve (for the browser, from the packed package).
  const result = await build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    build: {write: false, minify: false, rolldownOptions: {input}},
  });
  const code = (Array.isArray(result) ? result : [result])
    .flatMap((r) => r.output)
    .filter((chunk) => chunk.type === 'chunk')
    .map((chunk) => chunk.code)
    .join('\n');
  assert.match(code, /customElements\.define\(/, 'the bundle registers elements');
  for (const tag of new Set(component.tags.map((t) => t.name).filter((name) => elements.has(name)))) {
    assert.ok(code.includes(`'${tag}'`) || code.includes(`"${tag}"`), `the bundle defines <${tag}>`);
  }
});
