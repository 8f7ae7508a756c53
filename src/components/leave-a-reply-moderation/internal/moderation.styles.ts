import {css} from 'lit';

/**
 * The queue's look: the widget's `--lar-*` custom properties with the same defaults, so a site
 * that themed its comments has themed its queue too. Dark defaults follow the reader's scheme.
 */
export const moderationStyles = css`
  :host {
    --_font: var(--lar-font, inherit);
    --_text: var(--lar-color-text, inherit);
    --_muted: var(--lar-color-muted, color-mix(in srgb, currentColor 72%, transparent));
    --_accent: var(--lar-color-accent, #0b57d0);
    --_accent-text: var(--lar-color-accent-text, #ffffff);
    --_surface: var(--lar-color-surface, transparent);
    --_border: var(--lar-color-border, color-mix(in srgb, currentColor 30%, transparent));
    --_error: var(--lar-color-error, #b3261e);
    --_radius: var(--lar-radius, 0.375rem);
    --_space: var(--lar-space-m, 1rem);
    display: block;
    font: var(--_font);
    color: var(--_text);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--lar-color-accent, #a8c7fa);
      --_accent-text: var(--lar-color-accent-text, #062e6f);
      --_error: var(--lar-color-error, #ffb4ab);
    }
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) var(--_space);
    margin-bottom: var(--_space);
  }
  h2 {
    margin: 0;
    font-size: 1.5em;
  }
  p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  a {
    color: var(--_accent);
  }
  button {
    font: inherit;
    cursor: pointer;
    padding: 0.3em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
  }
  button:disabled {
    cursor: progress;
    opacity: 0.6;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  button.danger {
    color: var(--_error);
    border-color: currentColor;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    margin: 0 0 var(--_space);
    padding: 0;
    border: 0;
  }
  legend {
    float: left;
    font-weight: 600;
  }
  .sign-in,
  .account {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    margin: 0 0 var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  h3 {
    margin: 0;
    font-size: 1em;
    font-weight: normal;
  }
  article:focus {
    outline: none;
  }
  article:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 4px;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .author {
    font-weight: 600;
    color: var(--_text);
  }
  .badge {
    display: inline-block;
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.85em;
  }
  .body {
    margin: calc(var(--_space) / 2) 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .error {
    color: var(--_error);
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
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
