// Writes into the script-tag entry, at build time, the chunks each first render needs, so the
// entry can ask for all of them at once when a widget nears the viewport (src/shell/preload.ts)
// instead of the browser finding them one import at a time: the section's view and what it
// imports, the Firebase or the local backend with what they import, and what follows the first
// render.

/** The placeholder src/shell/preload.ts parses; replaced by the lists in the built entry. */
export const PLACEHOLDER = '{"__lar_preload__":0}';

/** Where each chain starts: the module a dynamic import loads. */
const STARTS = {
  section: ['components/leave-a-reply/internal/comment-section.ts'],
  firebase: ['store/firestore/firebase-backend.ts'],
  local: ['store/memory/local-store.ts', 'auth/local-session.ts'],
  // Once the thread has painted: the form, and (Firebase) the SDK with the store's writes and the guest's
  // sign-up, which load without a reader's action so a guest can post at once, even offline.
  after: ['components/leave-a-reply/internal/after-first-render.ts'],
  'firebase-after': [
    'store/firestore/firebase-sdk.ts',
    'store/firestore/firestore-writes.ts',
    'auth/firebase/firebase-session.ts',
    'auth/firebase/firebase-auth-core.ts',
  ],
};

/** The Vite plugin. */
export function preloadChains() {
  return {
    name: 'lar-preload-chains',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry) return;
      const closure = (chunk) => {
        const files = [];
        const visit = (name) => {
          if (name === entry.fileName || files.includes(name)) return;
          files.push(name);
          for (const imported of bundle[name].imports) visit(imported);
        };
        visit(chunk.fileName);
        return files;
      };
      const lists = {};
      for (const [kind, modules] of Object.entries(STARTS)) {
        lists[kind] = [
          ...new Set(
            modules.flatMap((module) => {
              const chunk = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith(`/src/${module}`));
              if (!chunk) this.error(`preload-chains: no chunk starts at src/${module}`);
              return closure(chunk);
            }),
          ),
        ];
      }
      const at = entry.code.indexOf(PLACEHOLDER);
      if (at < 0) this.error('preload-chains: the entry has no placeholder (src/shell/preload.ts)');
      entry.code = entry.code.replace(PLACEHOLDER, () => JSON.stringify(lists));
    },
  };
}
