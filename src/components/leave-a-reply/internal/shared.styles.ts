import {css} from 'lit';

/**
 * Design tokens, declared once on the section and inherited by everything inside it. The font and
 * text colour come from the host page; the rest are `--lar-*` properties with defaults for the
 * light or dark scheme (the `scheme` attribute, set by ThemeController), all meeting WCAG AA.
 */
export const tokens = css`
  :host {
    --_font: var(--lar-font, inherit);
    --_text: var(--lar-color-text, inherit);
    --_muted: var(--lar-color-muted, color-mix(in srgb, currentColor 72%, transparent));
    --_accent: var(--lar-color-accent, #0b57d0);
    --_accent-text: var(--lar-color-accent-text, #ffffff);
    --_surface: var(--lar-color-surface, transparent);
    --_input: var(--lar-color-input, transparent);
    --_border: var(--lar-color-border, color-mix(in srgb, currentColor 30%, transparent));
    --_error: var(--lar-color-error, #b3261e);
    --_radius: var(--lar-radius, 0.375rem);
    --_space: var(--lar-space-m, 1rem);
    --_avatar: var(--lar-avatar-size, 2.5rem);
    color-scheme: light;
    font: var(--_font);
    color: var(--_text);
  }
  :host([scheme='dark']) {
    --_accent: var(--lar-color-accent, #a8c7fa);
    --_accent-text: var(--lar-color-accent-text, #062e6f);
    --_error: var(--lar-color-error, #ffb4ab);
    color-scheme: dark;
  }
`;

/** Helpers every shadow root of the widget uses. */
export const base = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
