import type {ReactiveController, ReactiveElement} from 'lit';

export type Theme = 'auto' | 'light' | 'dark';
export type Scheme = 'light' | 'dark';

/** Relative luminance (WCAG) of a computed `rgb()`/`rgba()` colour; undefined when unreadable. */
export function luminance(color: string): number | undefined {
  const match = color.match(/rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)/);
  if (!match) return undefined;
  const [r, g, b] = match.slice(1, 4).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// One MediaQueryList for every widget: creating one costs about a millisecond.
let dark: MediaQueryList | undefined;
const darkQuery = () => (dark ??= matchMedia('(prefers-color-scheme: dark)'));

/**
 * Decides light or dark for the widget. With theme="auto" it reads the colour the host page gives
 * the widget's text (light text means a dark page), and re-reads when the page could have changed
 * it: a class, data-theme or style change on <html> or <body>, or the OS colour scheme. The
 * result is reflected as the host's `scheme` attribute, which the styles key on.
 */
export class ThemeController implements ReactiveController {
  scheme: Scheme = 'light';
  private observer: MutationObserver | undefined;
  private readonly media = darkQuery();

  constructor(
    private readonly host: ReactiveElement,
    private readonly source: () => HTMLElement | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.refresh());
    const options = {attributes: true, attributeFilter: ['class', 'data-theme', 'style', 'data-color-scheme']};
    this.observer.observe(document.documentElement, options);
    if (document.body) this.observer.observe(document.body, options);
    this.media.addEventListener('change', this.refresh);
    this.refresh();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.media.removeEventListener('change', this.refresh);
  }

  /** Re-reads the theme; also called when the `theme` attribute changes. */
  readonly refresh = (): void => {
    const source = this.source();
    const theme = source?.getAttribute('theme');
    let scheme: Scheme;
    if (theme === 'light' || theme === 'dark') {
      scheme = theme;
    } else {
      // Style changes apply on the next frame's style recalc, but getComputedStyle forces it now.
      const text = luminance(getComputedStyle(source ?? document.body).color);
      scheme = text === undefined ? (this.media.matches ? 'dark' : 'light') : text > 0.4 ? 'dark' : 'light';
    }
    if (scheme !== this.scheme || !this.host.hasAttribute('scheme')) {
      this.scheme = scheme;
      this.host.setAttribute('scheme', scheme);
      this.host.requestUpdate();
    }
  };
}
