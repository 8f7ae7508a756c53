// The README's Vue set-up, run: its `vite.config.ts` tells Vue's compiler which tags are custom
// elements (`isCustomElement`). Without installing Vite's Vue plugin, the option is taken from the
// README's code block (its shape checked: the plugin's `template.compilerOptions`) and handed to
// Vue's own template compiler (vue/compiler-sfc, what the plugin calls), which must then create the
// package's elements as elements, not resolve them as Vue components, while ordinary components
// still resolve. Without the option they would resolve, and Vue would warn at render time.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {runInThisContext} from 'node:vm';
import ts from 'typescript';
import {createSSRApp, defineComponent, h} from 'vue';
import {compileTemplate, parse} from 'vue/compiler-sfc';
import {renderToString} from 'vue/server-renderer';

const root = fileURLToPath(new URL('../../', import.meta.url));
// A busy machine can be slow: minutes before a test counts as failed.
const TIMEOUT = 5 * 60_000;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
// The package's elements (the manifest's) and the moderation page's, built apart.
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const TAGS = [
  ...manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.customElement ? [d.tagName] : [])),
  'leave-a-reply-moderation',
];
// The three a page uses, which the README's Vue component shows.
const PAGE_TAGS = ['leave-a-reply', 'leave-a-reply-count', 'leave-a-reply-config'];
// Ordinary components, PascalCase and kebab-case, which Vue must still resolve.
const COMPONENTS = ['CommentTitle', 'comment-footer'];

/** The README's Vue 3 section: from its heading to the next heading of its level or above. */
function vueSection() {
  const section = readme.match(/^### Vue 3\n([\s\S]*?)(?=^#{1,3} )/m)?.[1];
  assert.ok(section, 'the README has a "### Vue 3" section');
  return section;
}

/** The option's node in `obj`'s literal (`{name: …}`), or a failure that says where it was looked for. */
function property(obj, name, where) {
  assert.ok(obj && ts.isObjectLiteralExpression(obj), `${where} is an object literal`);
  const found = obj.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === name);
  assert.ok(found, `${where} has ${name}`);
  return found;
}

/**
 * The README's vite.config.ts, checked for the shape @vitejs/plugin-vue takes:
 *   import {defineConfig} from 'vite';
 *   import vue from '@vitejs/plugin-vue';
 *   export default defineConfig({plugins: [vue({template: {compilerOptions: {isCustomElement…}}})]});
 * and the compilerOptions object it gives Vue's compiler, evaluated.
 */
function readmeViteConfig() {
  const section = vueSection();
  const blocks = [...section.matchAll(/```(\w*)\n([\s\S]*?)\n```/g)].filter(([, , code]) =>
    code.includes('isCustomElement'),
  );
  assert.equal(blocks.length, 1, 'the Vue section shows one code block with isCustomElement');
  const [[block, lang, code]] = blocks;
  assert.ok(['ts', 'js'].includes(lang), `the block is fenced as ts or js, not "${lang}"`);
  assert.match(section.slice(0, section.indexOf(block)), /`vite\.config\.ts`/, 'the prose names vite.config.ts');

  const {diagnostics} = ts.transpileModule(code, {fileName: 'vite.config.ts', reportDiagnostics: true});
  assert.deepEqual(
    diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    [],
    'the snippet parses as TypeScript',
  );
  const source = ts.createSourceFile('vite.config.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imports = new Map(); // module → its import clause
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) imports.set(statement.moduleSpecifier.text, statement.importClause);
  }
  const vite = imports.get('vite')?.namedBindings;
  assert.ok(
    vite && ts.isNamedImports(vite) && vite.elements.some((e) => e.name.text === 'defineConfig'),
    "the snippet imports {defineConfig} from 'vite'",
  );
  const plugin = imports.get('@vitejs/plugin-vue')?.name?.text;
  assert.ok(plugin, "the snippet imports the plugin as the default export of '@vitejs/plugin-vue'");

  const exported = source.statements.find((s) => ts.isExportAssignment(s) && !s.isExportEquals)?.expression;
  assert.ok(
    exported && ts.isCallExpression(exported) && exported.expression.getText() === 'defineConfig',
    'the snippet has `export default defineConfig({…})`',
  );
  const plugins = property(exported.arguments[0], 'plugins', 'defineConfig({…})').initializer;
  assert.ok(plugins && ts.isArrayLiteralExpression(plugins), 'plugins is an array');
  const calls = plugins.elements.filter((e) => ts.isCallExpression(e) && e.expression.getText() === plugin);
  assert.equal(calls.length, 1, `plugins holds one ${plugin}({…}) call`);
  const template = property(calls[0].arguments[0], 'template', `${plugin}({…})`).initializer;
  const options = property(template, 'compilerOptions', `${plugin}({template: {…}})`).initializer;
  property(options, 'isCustomElement', `${plugin}({template: {compilerOptions: {…}}})`);

  // The object as written (its types erased), on its own: the option must not lean on the rest.
  const js = ts.transpileModule(`(${options.getText()});`, {
    compilerOptions: {target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None},
  }).outputText;
  let compilerOptions;
  try {
    compilerOptions = runInThisContext(js);
  } catch (error) {
    assert.fail(`the README's compilerOptions does not evaluate on its own (${error.message}):\n${js}`);
  }
  assert.equal(typeof compilerOptions.isCustomElement, 'function', 'isCustomElement is a function');
  return {code, compilerOptions};
}

/** The names the compiled render function resolves as components (`resolveComponent("…")`). */
const resolved = (code) => new Set([...code.matchAll(/resolveComponent\("([^"]+)"\)/g)].map(([, name]) => name));

function compile(source, compilerOptions) {
  const result = compileTemplate({source, filename: 'Comments.vue', id: 'comments', compilerOptions});
  assert.deepEqual(result.errors, [], 'the template compiles');
  return result.code;
}

// A component's template with each of the package's elements, next to ordinary components.
const TEMPLATE = `
<leave-a-reply-config api-key="YOUR_API_KEY" project-id="your-project">
  <CommentTitle :text="slug" />
  <leave-a-reply :page-id="slug" :firebaseConfig="config" sort="newest" @lar-comment-posted="posted" />
  <leave-a-reply-count :page-id="slug">Comments</leave-a-reply-count>
  <leave-a-reply-moderation />
  <comment-footer />
</leave-a-reply-config>`;

/** Renders the compiled template on the server with Vue, returning its HTML and Vue's warnings. */
async function render(code) {
  const vue = import.meta.resolve('vue');
  assert.equal(code.match(/ from "vue"/g)?.length, 1, 'the compiled template imports from "vue" once');
  const module = code.replace(' from "vue"', ` from ${JSON.stringify(vue)}`);
  const {render} = await import(`data:text/javascript,${encodeURIComponent(module)}`);
  const app = createSSRApp({
    components: {
      CommentTitle: defineComponent({props: {text: String}, setup: (props) => () => h('h2', props.text)}),
      CommentFooter: defineComponent({setup: () => () => h('footer', 'Be kind.')}),
    },
    render,
    data: () => ({slug: 'hello-world', config: {apiKey: 'k'}}),
    methods: {posted() {}},
  });
  const warnings = [];
  app.config.warnHandler = (message) => warnings.push(message);
  return {html: await renderToString(app), warnings};
}

test("the README's vite.config.ts has the shape @vitejs/plugin-vue takes", {timeout: TIMEOUT}, () => {
  const {code, compilerOptions} = readmeViteConfig();
  assert.match(code, /import vue from '@vitejs\/plugin-vue';/);
  assert.match(code, /plugins: \[vue\(\{template: \{compilerOptions: \{isCustomElement: /);
  for (const tag of TAGS) assert.equal(compilerOptions.isCustomElement(tag), true, `<${tag}> is a custom element`);
  for (const tag of [...COMPONENTS, 'LeaveAReplyer', 'reply-box']) {
    assert.equal(compilerOptions.isCustomElement(tag), false, `<${tag}> stays a Vue component`);
  }
});

test(
  'with its isCustomElement, Vue creates the elements as elements and still resolves components',
  {timeout: TIMEOUT},
  () => {
    const {compilerOptions} = readmeViteConfig();
    for (const tag of PAGE_TAGS) assert.ok(TAGS.includes(tag), `custom-elements.json declares <${tag}>`);
    const code = compile(TEMPLATE, compilerOptions);
    assert.deepEqual([...resolved(code)].sort(), [...COMPONENTS].sort(), `only the components resolve:\n${code}`);
    for (const tag of TAGS) {
      assert.match(code, new RegExp(`createElement(VNode|Block)\\("${tag}"`), `<${tag}> is created as an element`);
    }

    // The proof that this could fail: without the option, Vue resolves every one of them.
    const plain = compile(TEMPLATE, {});
    assert.deepEqual([...resolved(plain)].sort(), [...TAGS, ...COMPONENTS].sort(), plain);
  },
);

test("the README's Vue component, with the README's option, resolves no component", {timeout: TIMEOUT}, () => {
  const {compilerOptions} = readmeViteConfig();
  const sfc = readme.match(/<!-- checked: vue\/Comments\.vue -->\s*```vue\n([\s\S]*?)\n```/)?.[1];
  assert.ok(sfc, 'the README shows vue/Comments.vue after a "checked" comment');
  const {descriptor, errors} = parse(sfc, {filename: 'Comments.vue'});
  assert.deepEqual(errors, []);
  const template = descriptor.template?.content;
  assert.ok(template, 'Comments.vue has a template');
  for (const tag of PAGE_TAGS) assert.ok(template.includes(`<${tag}`), `it uses <${tag}>`);
  assert.deepEqual([...resolved(compile(template, compilerOptions))], []);
  assert.ok(resolved(compile(template, {})).has('leave-a-reply'), 'without the option, <leave-a-reply> would resolve');
});

test('rendered by Vue, the elements come out with their attributes and no warning', {timeout: TIMEOUT}, async () => {
  const {compilerOptions} = readmeViteConfig();
  const {html, warnings} = await render(compile(TEMPLATE, compilerOptions));
  assert.deepEqual(warnings, []);
  assert.match(html, /^<leave-a-reply-config api-key="YOUR_API_KEY" project-id="your-project">/);
  assert.match(html, /<leave-a-reply page-id="hello-world" sort="newest"><\/leave-a-reply>/);
  assert.match(html, /<leave-a-reply-count page-id="hello-world">Comments<\/leave-a-reply-count>/);
  assert.match(html, /<leave-a-reply-moderation><\/leave-a-reply-moderation>/);
  assert.match(html, /<h2>hello-world<\/h2>/, 'CommentTitle renders');
  assert.match(html, /<footer>Be kind\.<\/footer>/, 'comment-footer renders');

  // Without the option, Vue looks each element up as a component, and warns that it is missing.
  const plain = await render(compile(TEMPLATE, {}));
  for (const tag of TAGS) {
    assert.ok(
      plain.warnings.some((w) => w.startsWith(`Failed to resolve component: ${tag}\n`)),
      `Vue warns about <${tag}>: ${plain.warnings.join(' | ')}`,
    );
  }
});
