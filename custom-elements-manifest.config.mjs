// `npm run docs` writes custom-elements.json from the elements' JSDoc, and the API tables from it.
export default {
  globs: ['src/elements/*.ts'],
  exclude: ['src/elements/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json names custom-elements.json itself; the analyzer would point it at its scratch folder.
  packagejson: false,
};
