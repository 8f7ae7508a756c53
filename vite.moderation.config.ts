import {readFileSync} from 'node:fs';
import {defineConfig, type Plugin} from 'vite';
import {minifyCssLiterals} from './build/minify-css-literals.mjs';
import {standIns} from './build/stand-ins.mjs';

// `vite build -c vite.moderation.config.ts` makes the moderation queue's bundle, apart from the
// widget's (vite.config.ts), whose size budgets readers pay for and moderators' code must not
// touch: dist/moderation/leave-a-reply-moderation.js, the chunks it loads relative to its own URL,
// and a ready page, dist/moderation/index.html (docs/moderation-queue.md).

const PAGE = 'src/components/leave-a-reply-moderation/moderation.html';

/** Ships the ready page beside the bundle it loads. */
function readyPage(): Plugin {
  return {
    name: 'lar-moderation-page',
    apply: 'build',
    generateBundle() {
      this.emitFile({type: 'asset', fileName: 'index.html', source: readFileSync(PAGE, 'utf8')});
    },
  };
}

export default defineConfig({
  // The same stand-ins for Firebase's dependencies as the widget's build (checked on every build).
  plugins: [standIns(), minifyCssLiterals(), readyPage()],
  build: {
    outDir: 'dist/moderation',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: 'hidden',
    lib: {
      entry: {'leave-a-reply-moderation': 'src/leave-a-reply-moderation.ts'},
      formats: ['es'],
    },
    rolldownOptions: {
      output: {
        minify: true,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
