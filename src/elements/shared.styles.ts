import {css} from 'lit';

/**
 * Design tokens. Every default inherits from the host page (font, text colour) or is derived
 * from currentColor, so an unstyled widget already looks like part of the page.
 */
export const tokens = css`
  :host {
    --_font: var(--lar-font, inherit);
    --_text: var(--lar-color-text, inherit);
    --_muted: var(--lar-color-muted, color-mix(in srgb, currentColor 70%, transparent));
    --_accent: var(--lar-color-accent, LinkText);
    --_accent-text: var(--lar-color-accent-text, Canvas);
    --_surface: var(--lar-color-surface, transparent);
    --_border: var(--lar-color-border, color-mix(in srgb, currentColor 25%, transparent));
    --_error: var(--lar-color-error, #b3261e);
    --_radius: var(--lar-radius, 0.375rem);
    --_space: var(--lar-space-m, 1rem);
    --_avatar: var(--lar-avatar-size, 2.5rem);
    font: var(--_font);
    color: var(--_text);
  }
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
`;
