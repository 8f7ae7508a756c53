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
 *
 * The colour is read in the next animation frame, before it is painted: there the browser
 * computes styles anyway, where reading it at once would make it compute them an extra time.
 */
export class ThemeController implements ReactiveController {
  scheme: Scheme = 'light';
  private observer: MutationObserver | undefined;
  private readonly media = darkQuery();
  private frame: number | undefined;

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
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }

  /** Re-reads the theme; also called when the `theme` attribute changes. */
  readonly refresh = (): void => {
    if (this.chosen()) this.update();
    else
      this.frame ??= requestAnimationFrame(() => {
        this.frame = undefined;
        this.update();
      });
  };

  /** theme="light" or "dark": what the host element asks for, whatever the page does. */
  private chosen(): Scheme | undefined {
    const theme = this.source()?.getAttribute('theme');
    return theme === 'light' || theme === 'dark' ? theme : undefined;
  }

  /** Light or dark, from the colour the page gives the widget's text. */
  private pageScheme(): Scheme {
    const text = luminance(getComputedStyle(this.source() ?? document.body).color);
    return text === undefined ? (this.media.matches ? 'dark' : 'light') : text > 0.4 ? 'dark' : 'light';
  }

  private update() {
    const scheme = this.chosen() ?? this.pageScheme();
    if (scheme !== this.scheme || !this.host.hasAttribute('scheme')) {
      this.scheme = scheme;
      this.host.setAttribute('scheme', scheme);
      this.host.requestUpdate();
    }
  }
}
