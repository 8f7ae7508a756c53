/**
 * Gives an element class a property for each attribute it observes (`apiKey` for `api-key`), as
 * Shoelace's and Material's elements have: reading returns the attribute (null when absent, a
 * number for the numeric ones), setting writes it, and null or undefined removes it. So a
 * framework's property binding, `el.sort = 'newest'` and `setAttribute('sort', 'newest')` are the
 * same thing, and the attribute stays the one source of truth the views read.
 *
 * Properties the class or HTMLElement already has (`lang`, `firebaseConfig`) are left alone.
 * Lit-free and table-driven: the script-tag entry pays a few bytes, not a setter per attribute.
 */
export function reflectAttributes(
  ctor: {readonly prototype: HTMLElement; readonly observedAttributes: readonly string[]},
  numeric: readonly string[] = [],
): void {
  for (const name of ctor.observedAttributes) {
    const property = name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
    if (property in ctor.prototype) continue;
    Object.defineProperty(ctor.prototype, property, {
      configurable: true,
      enumerable: true,
      get(this: HTMLElement) {
        const value = this.getAttribute(name);
        return value !== null && numeric.includes(name) ? Number(value) : value;
      },
      set(this: HTMLElement, value: unknown) {
        if (value == null) this.removeAttribute(name);
        else this.setAttribute(name, String(value));
      },
    });
  }
}
