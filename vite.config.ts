import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vite';

// `vite build` makes the script-tag bundle: dist/leave-a-reply.js plus the lazy chunks it loads
// relative to its own URL. Library mode keeps dynamic imports plain (no preload helper); its ES
// output skips whitespace minification, so the output minifier is asked for explicitly.
// The npm entry (ES modules + .d.ts) comes from tsc (tsconfig.build.json).
export default defineConfig({
  resolve: {
    alias: {
      re2js: fileURLToPath(new URL('build/re2js-unused.js', import.meta.url)),
      '@firebase/webchannel-wrapper/bloom-blob': fileURLToPath(new URL('build/bloom-blob-integer.js', import.meta.url)),
      idb: fileURLToPath(new URL('build/idb-heartbeat.js', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: {'leave-a-reply': 'src/leave-a-reply.ts'},
      formats: ['es'],
    },
    rolldownOptions: {
      output: {
        minify: true,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // The small modules every widget needs before its first render, in one chunk rather than
        // a dozen tiny ones (each costs a request and compresses worse on its own).
        codeSplitting: {
          groups: [
            {
              name: 'widget-core',
              test: /src[\\/](auth[\\/]session|i18n[\\/]plural|model[\\/](limits|sha256|page-identity|site-config|body-text)|store[\\/](comment-store|policy)|boot[\\/](settings|backend))\.ts$|@lit[\\/]context[\\/]lib[\\/]create-context/,
            },
          ],
        },
      },
    },
  },
});
