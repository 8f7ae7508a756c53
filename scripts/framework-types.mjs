#!/usr/bin/env node
// Framework types and editor data for the elements, from custom-elements.json (`npm run build`
// runs this last, after tsc has written dist/npm/index.d.ts, whose exports they import):
//   dist/npm/react.d.ts    React 19's JSX.IntrinsicElements        (`leave-a-reply/react`)
//   dist/npm/vue.d.ts      Vue's GlobalComponents, for vue-tsc      (`leave-a-reply/vue`)
//   dist/npm/svelte.d.ts   Svelte 5's SvelteHTMLElements            (`leave-a-reply/svelte`)
//   dist/vscode.html-custom-data.json   VS Code's HTML custom data (`html.customData`)
//   dist/web-types.json                 JetBrains IDEs (package.json's `web-types`)
// Each element's attributes (kebab-case, typed as documented: `sort` takes 'oldest' | 'newest'),
// its properties (typed from the element class) and its events (typed with their event classes)
// come from the manifest; test/build/framework-types.test.mjs type-checks consumers against them.
import {readFileSync, writeFileSync, mkdirSync} from 'node:fs';
import {join} from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const npmDir = join(root, 'dist/npm');

const elements = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d) => d.customElement && d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName))
  .map((d) => {
    const attributes = (d.attributes ?? []).map((a) => ({...a, ts: attributeType(a.type?.text)}));
    const attributeNames = new Set(attributes.map((a) => a.name));
    const properties = (d.members ?? []).filter(
      (m) =>
        m.kind === 'field' &&
        !m.privacy &&
        !m.static &&
        !m.readonly &&
        !m.name.startsWith('_') &&
        // A property named as its attribute (`sort`) takes the attribute's documented values.
        !attributeNames.has(m.name),
    );
    const events = (d.events ?? []).map((e) => {
      if (!e.type?.text) throw new Error(`${d.tagName}'s ${e.name} has no type in custom-elements.json`);
      return e;
    });
    return {
      tag: d.tagName,
      className: d.name,
      // LeaveAReplyCountElement → LeaveAReplyCount, for the exported prop types' names.
      base: d.name.replace(/Element$/, ''),
      summary: d.summary ?? '',
      description: d.description ?? '',
      attributes,
      properties,
      events,
      slots: d.slots ?? [],
      cssParts: d.cssParts ?? [],
      cssProperties: d.cssProperties ?? [],
    };
  });
if (!elements.length) throw new Error('custom-elements.json declares no custom elements');

/**
 * A TypeScript type for an attribute's documented type: string literal unions stay unions, a
 * number also takes its text (`max-depth="3"`). Anything else is the string an attribute is.
 */
function attributeType(text = 'string') {
  const parts = text.split('|').map((part) => part.trim());
  if (!parts.every((part) => /^(?:'[^'\\]*'|"[^"\\]*"|string|number|boolean)$/.test(part))) return 'string';
  return parts.map((part) => (part === 'number' ? 'number | `${number}`' : part)).join(' | ');
}

// What the types import from the npm entry: the element classes and the event classes.
const imported = [...new Set(elements.flatMap((el) => [el.className, ...el.events.map((e) => e.type.text)]))].sort();
const entryTypes = readFileSync(join(npmDir, 'index.d.ts'), 'utf8');
const missing = imported.filter((name) => !new RegExp(`\\b${name}\\b`).test(entryTypes));
if (missing.length) throw new Error(`dist/npm/index.d.ts does not export ${missing.join(', ')}`);

const doc = (text, indent) =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\n/g, `\n${indent} * `)} */\n` : '';
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/** The members every framework shares: attributes, properties, and `on<event>` handlers (named by `on`). */
function members(el, {on, indent = '  ', optional = '?'}) {
  const lines = [];
  for (const a of el.attributes)
    lines.push(`${doc(a.description, indent)}${indent}${key(a.name)}${optional}: ${a.ts};`);
  for (const p of el.properties) {
    lines.push(`${doc(p.description, indent)}${indent}${key(p.name)}${optional}: ${el.className}['${p.name}'];`);
  }
  if (on) {
    for (const e of el.events) {
      lines.push(`${doc(e.description, indent)}${indent}${key(on(e.name))}?: (event: ${e.type.text}) => void;`);
    }
  }
  return lines.join('\n');
}

/** The names of an element's own members, to leave out of the framework's HTML attributes. */
function ownKeys(el, on) {
  const names = [...el.attributes.map((a) => a.name), ...el.properties.map((p) => p.name)];
  const lines = [''];
  for (const name of [...names, ...el.events.map((e) => on(e.name))]) {
    if (lines.at(-1).length > 80) lines.push('');
    lines[lines.length - 1] += `${lines.at(-1) ? ' ' : ''}| '${name}'`;
  }
  return `\n${lines.map((line) => `    ${line}`).join('\n')}\n  `;
}

const header = (what) =>
  `// ${what}\n// Generated from custom-elements.json by scripts/framework-types.mjs (npm run build); do not edit.\n` +
  `import type {${imported.join(', ')}} from './index.js';\n`;

// React 19 sets a custom element's props as properties when the element has them (else as
// attributes) and adds an `on<event>` prop as a listener for <event>, case and all.
const reactOn = (event) => `on${event}`;
const react = `${header("React 19: the elements in JSX. `import type {} from 'leave-a-reply/react';` once in your app.")}import type {DetailedHTMLProps, HTMLAttributes} from 'react';

${elements
  .map(
    (el) => `/** The props of \`<${el.tag}>\` in JSX: its attributes, properties and \`on<event>\` listeners. */
export interface ${el.base}Props
  extends Omit<DetailedHTMLProps<HTMLAttributes<${el.className}>, ${el.className}>,${ownKeys(el, reactOn)}> {
${members(el, {on: reactOn})}
}`,
  )
  .join('\n\n')}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((el) => `${doc(el.summary, '      ')}      '${el.tag}': ${el.base}Props;`).join('\n')}
    }
  }
}
`;

// Vue: a global component per tag, as Vue's guide types custom elements: `$props` for the
// template's attributes and properties, `$emit` for its `@event` listeners. vue-tsc reads a
// template's `page-id` as `pageId`, so the props are named by property (with the attributes' types).
const vue = `${header("Vue 3: the elements in templates, for vue-tsc. `import type {} from 'leave-a-reply/vue';` once in your app.")}import type {EmitFn, HTMLAttributes, PublicProps} from 'vue';

/** A custom element as a Vue global component: its instance type with the template's types. */
type VueCustomElement<Element extends HTMLElement, Props, Events> = new () => Element & {
  /** @deprecated For template type-checking only: the element has no \`$props\`. */
  $props: Omit<HTMLAttributes, keyof Props> & Props & PublicProps;
  /** @deprecated For template type-checking only: the element has no \`$emit\`. */
  $emit: EmitFn<{[Name in keyof Events]: (event: Events[Name]) => void}>;
};

${elements
  .map(
    (el) => `/** The props of \`<${el.tag}>\` in a Vue template (each attribute by its property's name, camelCase). */
export interface ${el.base}Props {
${vueProps(el)}
}

/** The events of \`<${el.tag}>\`, by name (\`@${el.events[0]?.name ?? 'event'}\`). */
export interface ${el.base}Events {
${el.events.map((e) => `${doc(e.description, '  ')}  '${e.name}': ${e.type.text};`).join('\n')}
}`,
  )
  .join('\n\n')}

declare module 'vue' {
  interface GlobalComponents {
${elements
  .map(
    (el) =>
      `${doc(el.summary, '    ')}    '${el.tag}': VueCustomElement<${el.className}, ${el.base}Props, ${el.base}Events>;`,
  )
  .join('\n')}
  }
}
`;

/** Vue's props: each attribute by its property's name, then the properties no attribute sets. */
function vueProps(el) {
  const named = el.attributes.map((a) => ({
    ...a,
    prop: a.fieldName ?? a.name.replace(/-(\w)/g, (_, l) => l.toUpperCase()),
  }));
  const props = new Set(named.map((a) => a.prop));
  return [
    ...named.map((a) => `${doc(a.description, '  ')}  ${key(a.prop)}?: ${a.ts};`),
    members({...el, attributes: [], properties: el.properties.filter((p) => !props.has(p.name))}, {}),
  ]
    .filter(Boolean)
    .join('\n');
}

// Svelte 5: attributes and properties as written (Svelte sets a property when the element has
// one), and `on<event>` listeners, case and all, as for any element.
const svelteOn = (event) => `on${event}`;
const svelte = `${header("Svelte 5: the elements in markup. `import type {} from 'leave-a-reply/svelte';` once in your app.")}import type {HTMLAttributes} from 'svelte/elements';

${elements
  .map(
    (
      el,
    ) => `/** The attributes of \`<${el.tag}>\` in Svelte markup: its attributes, properties and \`on<event>\` listeners. */
export interface ${el.base}Attributes extends Omit<HTMLAttributes<${el.className}>,${ownKeys(el, svelteOn)}> {
${members(el, {on: svelteOn})}
}`,
  )
  .join('\n\n')}

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${elements.map((el) => `${doc(el.summary, '    ')}    '${el.tag}': ${el.base}Attributes;`).join('\n')}
  }
}
`;

/** The markdown an editor shows for a tag: what it is, then its events, slots, parts and custom properties. */
function tagDoc(el) {
  const list = (title, items, name) =>
    items.length
      ? [`**${title}**`, ...items.map((i) => `- ${name(i)}${i.description ? ` — ${i.description}` : ''}`)].join('\n')
      : '';
  return [
    el.summary,
    el.description,
    list('Events', el.events, (e) => `\`${e.name}\` (\`${e.type.text}\`)`),
    list('Slots', el.slots, (s) => (s.name ? `\`${s.name}\`` : '(default)')),
    list('CSS parts', el.cssParts, (p) => `\`::part(${p.name})\``),
    list('CSS custom properties', el.cssProperties, (p) => `\`${p.name}\``),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** An attribute's enumerated values, when its type is a union of string literals. */
const literals = (a) => {
  const parts = a.ts.split('|').map((part) => part.trim());
  return parts.every((part) => /^'[^']*'$/.test(part)) ? parts.map((part) => part.slice(1, -1)) : [];
};

const vscode = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map((el) => ({
    name: el.tag,
    description: {kind: 'markdown', value: tagDoc(el)},
    attributes: el.attributes.map((a) => ({
      name: a.name,
      description: {kind: 'markdown', value: a.description ?? ''},
      ...(literals(a).length ? {values: literals(a).map((name) => ({name}))} : {}),
    })),
  })),
};

const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  'js-types-syntax': 'typescript',
  contributions: {
    html: {
      elements: elements.map((el) => ({
        name: el.tag,
        description: tagDoc(el),
        source: {module: pkg.name, symbol: el.className},
        attributes: el.attributes.map((a) => ({
          name: a.name,
          description: a.description ?? '',
          value: {kind: 'plain', type: a.ts},
        })),
        events: el.events.map((e) => ({name: e.name, description: e.description ?? ''})),
        // The default slot needs no completion; named ones do.
        slots: el.slots.filter((s) => s.name).map((s) => ({name: s.name, description: s.description ?? ''})),
        js: {
          properties: el.properties.map((p) => ({
            name: p.name,
            description: p.description ?? '',
            type: p.type?.text ?? 'unknown',
          })),
          events: el.events.map((e) => ({name: e.name, description: e.description ?? '', type: e.type.text})),
        },
        css: {
          parts: el.cssParts.map((p) => ({name: p.name, description: p.description ?? ''})),
          properties: el.cssProperties.map((p) => ({name: p.name, description: p.description ?? ''})),
        },
      })),
    },
  },
};

mkdirSync(npmDir, {recursive: true});
const written = [
  ['dist/npm/react.d.ts', react],
  ['dist/npm/vue.d.ts', vue],
  ['dist/npm/svelte.d.ts', svelte],
  ['dist/vscode.html-custom-data.json', `${JSON.stringify(vscode, null, 2)}\n`],
  ['dist/web-types.json', `${JSON.stringify(webTypes, null, 2)}\n`],
];
for (const [path, text] of written) writeFileSync(join(root, path), text);
console.log(`Framework types and editor data written: ${written.map(([path]) => path).join(', ')}.`);
