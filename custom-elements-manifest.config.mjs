// `npm run docs` writes custom-elements.json from the elements' JSDoc, and the API tables from it.
import {posix} from 'node:path';

const camel = (attribute) => attribute.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());

/**
 * Links each attribute to its property (`fieldName`) and marks the property as reflecting, as
 * shell/attribute-properties.ts makes them at run time: tools (IDEs, framework type generators)
 * then know that `api-key` and `apiKey` are one setting. `lang` is HTMLElement's own.
 */
function linkAttributesToProperties() {
  return {
    name: 'link-attributes-to-properties',
    packageLinkPhase({customElementsManifest}) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          for (const attribute of declaration.attributes ?? []) {
            const name = camel(attribute.name);
            const field = declaration.members?.find((m) => m.kind === 'field' && m.name === name && !m.privacy);
            if (field) {
              attribute.fieldName = name;
              field.attribute = attribute.name;
              field.reflects = true;
            } else if (attribute.name === 'lang') {
              attribute.fieldName = 'lang';
            }
          }
        }
      }
    },
  };
}

/**
 * Modules in path order: the analyzer lists them in the order the file system returns the glob's
 * matches, which differs between checkouts, and `npm test` compares the manifest byte for byte.
 * And HTMLElement as the elements' base, as tools expect, and the platform's classes as global.
 */
function sortModules() {
  return {
    name: 'sort-modules',
    packageLinkPhase({customElementsManifest}) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      // shell/html-element.ts is HTMLElement in a browser (a stand-in only where there is no DOM).
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.superclass?.name === 'HTMLElementBase') {
            declaration.superclass = {name: 'HTMLElement', package: 'global:'};
          }
          // A base the module neither declares nor imports (CustomEvent, Event) is the platform's.
          const base = declaration.superclass;
          if (base?.module === module.path && !module.declarations.some((d) => d.name === base.name)) {
            declaration.superclass = {name: base.name, package: 'global:'};
          }
        }
      }
    },
  };
}

/**
 * The exports of the registering entry (leave-a-reply.ts) as tools need them: a
 * `custom-element-definition` for each `defineElement('tag', Class)` call (shell/define.ts; the
 * analyzer only knows `customElements.define`), re-exported classes pointing at the module that
 * declares them, and no type-only exports (they are not JavaScript exports).
 */
function moduleExports() {
  const definitions = new Map(); // module path → [[tag, class name]]
  const typeOnly = new Map(); // module path → names exported with `export type`
  const add = (map, key, value) => (map.get(key) ?? map.set(key, []).get(key)).push(value);
  return {
    name: 'module-exports',
    analyzePhase({ts, node, moduleDoc}) {
      if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
        for (const specifier of node.exportClause.elements) {
          if (node.isTypeOnly || specifier.isTypeOnly) add(typeOnly, moduleDoc.path, specifier.name.text);
        }
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineElement') {
        const [tag, ctor] = node.arguments;
        if (tag && ctor && ts.isStringLiteral(tag) && ts.isIdentifier(ctor)) {
          add(definitions, moduleDoc.path, [tag.text, ctor.text]);
        }
      }
    },
    packageLinkPhase({customElementsManifest}) {
      const declared = new Map(); // class name → {module, declaration}
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          declared.set(declaration.name, {module: module.path, declaration});
        }
      }
      for (const module of customElementsManifest.modules) {
        const types = typeOnly.get(module.path) ?? [];
        module.exports = (module.exports ?? []).filter((e) => !types.includes(e.name));
        for (const {declaration} of module.exports) {
          const local = module.declarations?.some((d) => d.name === declaration.name);
          if (declaration.module === module.path && !local && declared.has(declaration.name)) {
            declaration.module = declared.get(declaration.name).module;
          }
        }
        for (const [tag, name] of definitions.get(module.path) ?? []) {
          const defined = declared.get(name);
          if (defined?.declaration.tagName !== tag) {
            throw new Error(`${module.path} registers <${tag}> as ${name}, which the manifest lacks under that tag`);
          }
          module.exports.push({
            kind: 'custom-element-definition',
            name: tag,
            declaration: {name, module: defined.module},
          });
        }
      }
    },
  };
}

/**
 * Each event an element fires gets its type, the event class whose static `eventName` names it
 * (src/events/*.ts), so tools (and scripts/framework-types.mjs) can type the listeners. An event
 * no class names is an error: the event classes are the events' public API.
 */
function eventTypes() {
  return {
    name: 'event-types',
    packageLinkPhase({customElementsManifest}) {
      const classes = new Map(); // event name → {name, module}
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const eventName = declaration.members?.find((m) => m.static && m.name === 'eventName')?.default;
          if (declaration.kind === 'class' && eventName) {
            classes.set(eventName.replace(/^['"`]|['"`]$/g, ''), {name: declaration.name, module: module.path});
          }
        }
      }
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            const type = classes.get(event.name);
            if (!type) throw new Error(`${declaration.name} fires ${event.name}, for which src/events has no class`);
            event.type = {
              text: type.name,
              references: [{name: type.name, module: type.module, start: 0, end: type.name.length}],
            };
          }
        }
      }
    },
  };
}

/**
 * Module paths as the package ships them: `src/x/y.ts` is `dist/npm/x/y.js` (tsconfig.build.json),
 * in module paths and in every reference to a module (exports, superclasses, inherited members,
 * type references). The manifest then names files a tool can open in node_modules/leave-a-reply.
 * Runs last, after the plugins that match modules by their source paths.
 */
function shippedPaths() {
  const shipped = (path, from) =>
    (path.startsWith('.') ? posix.join(posix.dirname(from), path) : path).replace(
      /^\/?src\/(.*)\.[jt]s$/,
      'dist/npm/$1.js',
    );
  const visit = (value, from) => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, from));
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'module' || key === 'path') && typeof child === 'string') value[key] = shipped(child, from);
      else visit(child, from);
    }
  };
  return {
    name: 'shipped-paths',
    packageLinkPhase({customElementsManifest}) {
      for (const module of customElementsManifest.modules) visit(module, module.path);
      const unshipped = JSON.stringify(customElementsManifest).match(/"(?:module|path)":"(?!dist\/npm\/)[^"]*"/);
      if (unshipped) throw new Error(`the manifest names a file the package does not ship: ${unshipped[0]}`);
    },
  };
}

export default {
  // The public elements only: the views they load are internal and free to change.
  // (shell/lazy-page-element.ts: the base class they inherit their properties from;
  // leave-a-reply.ts: the module that registers the tags.)
  globs: ['src/components/*/*.ts', 'src/shell/lazy-page-element.ts', 'src/events/*.ts', 'src/leave-a-reply.ts'],
  // The moderation queue ships as a bundle of its own (dist/moderation/, not the npm entry this
  // manifest describes); its API is in its JSDoc and docs/moderation-queue.md.
  exclude: ['src/components/leave-a-reply-moderation/**'],
  outdir: '.',
  litelement: true,
  // package.json names custom-elements.json itself; the analyzer would point it at its scratch folder.
  packagejson: false,
  plugins: [linkAttributesToProperties(), sortModules(), moduleExports(), eventTypes(), shippedPaths()],
};
