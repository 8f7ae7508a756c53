// `npm run docs` writes custom-elements.json from the elements' JSDoc, and the API tables from it.
export default {
  // The public elements only: the views they load are internal and free to change.
  // (shell/lazy-page-element.ts: the base class they inherit their properties from.)
  globs: ['src/components/*/*.ts', 'src/shell/lazy-page-element.ts', 'src/events/*.ts'],
  outdir: '.',
  litelement: true,
  // package.json names custom-elements.json itself; the analyzer would point it at its scratch folder.
  packagejson: false,
};
