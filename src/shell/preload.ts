/**
 * The chunks each first render needs, by chain (`section`, `firebase`, `local`), written here by
 * the build (build/preload-chains.mjs); empty where the sources run unbuilt (the dev server, tests).
 */
const CHAINS: Record<string, string[] | undefined> = JSON.parse('{"__lar_preload__":0}');
const asked = new Set<string>();

/**
 * Asks for every chunk of these chains at once (`<link rel="modulepreload">`), so the browser
 * fetches them side by side instead of finding each when the one before it has run.
 */
export function preloadChains(...chains: string[]): void {
  for (const chain of chains) {
    for (const file of CHAINS[chain] ?? []) {
      if (asked.has(file)) continue;
      asked.add(file);
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = new URL(file, import.meta.url).href;
      document.head.append(link);
    }
  }
}
