import {defineConfig} from 'vite';

// `vite build` makes the script-tag bundle: dist/leave-a-reply.js plus lazy chunks it loads
// relative to its own URL. The npm entry (ES modules + .d.ts) comes from tsc (tsconfig.build.json).
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'src/leave-a-reply.ts',
      formats: ['es'],
      fileName: () => 'leave-a-reply.js',
    },
    rollupOptions: {
      output: {chunkFileNames: 'chunks/[name]-[hash].js'},
    },
  },
});
