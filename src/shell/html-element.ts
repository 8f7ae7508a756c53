/**
 * HTMLElement where there is one. Where there is none (Node: server rendering, a framework's build,
 * a worker) a bare class stands in, so importing the library throws nothing there and registers
 * nothing (define.ts does not register without `customElements`). The elements only work in a
 * browser, where this is the real HTMLElement.
 */
export const HTMLElementBase: typeof HTMLElement =
  globalThis.HTMLElement ?? (class {} as unknown as typeof HTMLElement);
