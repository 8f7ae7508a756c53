import {FIRESTORE_ORIGIN} from '../store/firestore/firestore-origin.js';

/**
 * The chunks each first render needs, by chain (`section`, `firebase`, `local`), written here by
 * the build (build/preload-chains.mjs); empty where the sources run unbuilt (the dev server, tests).
 */
const CHAINS: Record<string, string[] | undefined> = JSON.parse('{"__lar_preload__":0}');
const asked = new Set<string>();

function link(rel: string, href: string, crossOrigin?: string): void {
  if (asked.has(href)) return;
  asked.add(href);
  const element = document.createElement('link');
  element.rel = rel;
  element.href = href;
  if (crossOrigin !== undefined) element.crossOrigin = crossOrigin;
  document.head.append(element);
}

/**
 * Asks for every chunk of these chains at once (`<link rel="modulepreload">`), so the browser
 * fetches them side by side instead of finding each when the one before it has run.
 */
export function preloadChains(...chains: string[]): void {
  for (const chain of chains) {
    for (const file of CHAINS[chain] ?? []) link('modulepreload', new URL(file, import.meta.url).href);
  }
}

/**
 * On the Firebase path, opens the connection to Firestore's API (DNS, TCP, TLS) while the chunks
 * load, so the first read does not pay for it after them. `crossorigin` (anonymous) is the pool the
 * reads' own uncredentialed `fetch` uses. Not for backend="local", nor a Firestore emulator: a
 * machine's own server needs no head start. Settings given by an enclosing `<leave-a-reply-config>`
 * are read there.
 */
export function preconnectFirestore(el: Element): void {
  const settings = el.closest('leave-a-reply-config') ?? el;
  // Read as boot/settings.ts reads them: trimmed, and an empty emulator address is no emulator.
  const attr = (name: string) => settings.getAttribute(name)?.trim();
  if (attr('backend') === 'local' || attr('firestore-emulator')) return;
  link('preconnect', FIRESTORE_ORIGIN, '');
}
