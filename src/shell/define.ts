/**
 * Registers a custom element unless this tag is already taken, so two copies of the
 * library on one page (a theme and a plugin, say) do not throw.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  // No registry outside a browser (server rendering): nothing to register.
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, ctor);
}

/**
 * Registers one of the library's internal elements under `base`, or under `base-2`, `base-3`…
 * when another copy of the library (another version, say) has taken that name with its own class,
 * and returns the name it got. Each copy's views then stay its own: create them with `new` (the
 * class), never by the bare name, which may belong to the other copy.
 */
export function defineInternal(base: string, ctor: CustomElementConstructor): string {
  if (typeof customElements === 'undefined') return base;
  for (let n = 1; ; n++) {
    const tag = n === 1 ? base : `${base}-${n}`;
    const taken = customElements.get(tag);
    if (taken === ctor) return tag;
    if (!taken) {
      customElements.define(tag, ctor);
      return tag;
    }
  }
}
