import {defineConfig} from 'vite';
import {minifyCssLiterals} from './build/minify-css-literals.mjs';
import {preloadChains} from './build/preload-chains.mjs';
import {standIns} from './build/stand-ins.mjs';

// `vite build` makes the script-tag bundle: dist/leave-a-reply.js plus the lazy chunks it loads
// relative to its own URL. Library mode keeps dynamic imports plain (no preload helper).
// The npm entry (ES modules + .d.ts) comes from tsc (tsconfig.build.json).
export default defineConfig({
  // Smaller stand-ins for some of Firebase's dependencies, checked against Firebase's use of them.
  plugins: [standIns(), minifyCssLiterals(), preloadChains()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    // Each chunk's map ships beside it (dist/**/*.js.map) without a `sourceMappingURL` line: that
    // line is some 40 bytes of every request a reader's browser makes (0.5 KB of a first render),
    // for developers only. DevTools takes a map by hand ("Add source map…"); the npm build's
    // modules keep theirs linked.
    sourcemap: 'hidden',
    // Terser rather than the bundler's own minifier: some 1.2 KB (gzip) less of what a reader loads
    // before posting, measured by bench/stages.mjs. Its extra passes take a few seconds per build.
    minify: 'terser',
    terserOptions: {module: true, ecma: 2020, compress: {passes: 3}, format: {comments: false}},
    lib: {
      entry: {'leave-a-reply': 'src/leave-a-reply.ts'},
      formats: ['es'],
    },
    rolldownOptions: {
      // What the views share with the entry (defining elements, the site's strings) stays in the
      // entry, which every page has loaded already, rather than in a chunk of its own: one request
      // fewer before the first render. (An entry loaded as `leave-a-reply.js?ver=2` is a second copy
      // to the chunks, so what they share is stateless or kept on globalThis: see
      // i18n/registered-strings.ts.)
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: '[name].js',
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
        // The small modules every widget needs before its first render, in one chunk rather than
        // a dozen tiny ones (each costs a request and compresses worse on its own).
        codeSplitting: {
          groups: [
            {
              name: 'widget-core',
              test: /src[\\/](auth[\\/]session|shell[\\/]safe-storage|events[\\/]error-event|i18n[\\/]plural|model[\\/](limits|sha256|page-identity|site-config|body-text|avatars|providers)|store[\\/](comment-store|visibility)|boot[\\/](settings|backend))\.ts$|@lit[\\/]context[\\/]lib[\\/]create-context/,
            },
            {
              name: 'write-policy',
              test: /src[\\/](store[\\/]policy|shell[\\/]until-online|model[\\/](text-safety|comment-id))\.ts$/,
            },
          ],
        },
      },
    },
  },
});
