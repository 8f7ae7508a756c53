/**
 * Small sign-in icons, drawn for this widget (simple shapes in each provider's colours, not the
 * providers' artwork). Decorative: each sits in a button that carries its own label.
 */
import {html, svg, type SVGTemplateResult} from 'lit';

export type IconName = 'guest' | 'google' | 'github' | 'twitter' | 'facebook' | 'microsoft' | 'apple' | 'email';

const ICONS: Record<IconName, SVGTemplateResult> = {
  // A head and shoulders.
  guest: svg`<circle cx="12" cy="8.5" r="4" fill="currentColor"/><path d="M4 21a8 7 0 0 1 16 0z" fill="currentColor"/>`,
  // A "G" in four strokes: red, yellow, green arcs and a blue arc with its bar.
  google: svg`<g fill="none" stroke-width="3.2">
    <path d="M18.4 6.5A8 8 0 0 0 5.6 7.2" stroke="#ea4335"/>
    <path d="M5.6 7.2a8 8 0 0 0 0 9.6" stroke="#fbbc05"/>
    <path d="M5.6 16.8a8 8 0 0 0 12.2 1.4" stroke="#34a853"/>
    <path d="M17.8 18.2A8 8 0 0 0 20 12h-8" stroke="#4285f4"/>
  </g>`,
  // A cat's head with two eyes.
  github: svg`<path fill="currentColor" fill-rule="evenodd" d="M5 19v-7.8L4.2 3.8l4.4 2.8a9 9 0 0 1 6.8 0l4.4-2.8-.8 7.4V19a3.5 3.5 0 0 1-3.5 2.5h-7A3.5 3.5 0 0 1 5 19zm3.6-5.3a1.4 1.4 0 1 0 2.8 0 1.4 1.4 0 1 0-2.8 0zm4 0a1.4 1.4 0 1 0 2.8 0 1.4 1.4 0 1 0-2.8 0z"/>`,
  // The letter X.
  twitter: svg`<path d="M4.5 4h4l11 16h-4z" fill="currentColor"/><path d="M5 20 18.5 4" stroke="currentColor" stroke-width="1.8"/>`,
  // A white "f" on a blue disc.
  facebook: svg`<circle cx="12" cy="12" r="10.5" fill="#1877f2"/>
    <path d="M13.2 22.4V14h2.6l.4-3h-3V9.3c0-.9.3-1.5 1.6-1.5h1.5V5.1a19 19 0 0 0-2.3-.1c-2.3 0-3.8 1.4-3.8 3.9V11H7.6v3h2.6v8.4z" fill="#fff"/>`,
  // Four coloured squares.
  microsoft: svg`<rect x="3" y="3" width="8.5" height="8.5" fill="#f25022"/><rect x="12.5" y="3" width="8.5" height="8.5" fill="#7fba00"/>
    <rect x="3" y="12.5" width="8.5" height="8.5" fill="#00a4ef"/><rect x="12.5" y="12.5" width="8.5" height="8.5" fill="#ffb900"/>`,
  // An apple with a leaf and a bite.
  apple: svg`<path d="M12 7.6c1.4-1 3.6-1.3 5.1-.3a5 5 0 0 0-1.6 4.2 4.6 4.6 0 0 0 2.6 3.9c-.8 2.6-2.7 5.6-4.3 5.6-1 0-1.4-.6-2.7-.6s-1.8.6-2.8.6C6.1 21 4 16.9 4 13.7c0-3.4 2.1-6.3 4.9-6.3 1.3 0 2.2.8 3.1.2z" fill="currentColor"/>
    <path d="M12.3 6.2c0-2 1.5-3.6 3.4-3.8-.1 2-1.5 3.7-3.4 3.8z" fill="currentColor"/>`,
  // An envelope.
  email: svg`<rect x="2.5" y="5" width="19" height="14" rx="2" fill="none" stroke="currentColor" stroke-width="1.8"/>
    <path d="m3 6.5 9 6.5 9-6.5" fill="none" stroke="currentColor" stroke-width="1.8"/>`,
};

/** The icon as an `<svg>` element (the element itself belongs in an HTML template). */
export function providerIcon(name: IconName) {
  return html`<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">${ICONS[name]}</svg>`;
}
