// `npm run docs` writes custom-elements.json from the elements' JSDoc, and the API tables from it.

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
 * And HTMLElement as the elements' base, as tools expect.
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
        }
      }
    },
  };
}

export default {
  // The public elements only: the views they load are internal and free to change.
  // (shell/lazy-page-element.ts: the base class they inherit their properties from.)
  globs: ['src/components/*/*.ts', 'src/shell/lazy-page-element.ts', 'src/events/*.ts'],
  outdir: '.',
  litelement: true,
  // package.json names custom-elements.json itself; the analyzer would point it at its scratch folder.
  packagejson: false,
  plugins: [linkAttributesToProperties(), sortModules()],
};
