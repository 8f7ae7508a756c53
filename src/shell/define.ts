/**
 * Registers a custom element unless this tag is already taken, so two copies of the
 * library on one page (a theme and a plugin, say) do not throw.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
