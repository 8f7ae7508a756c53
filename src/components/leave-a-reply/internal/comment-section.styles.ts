import {css} from 'lit';
import {base, tokens} from './shared.styles.js';

export const sectionStyles = [
  tokens,
  base,
  css`
    /* A long word, name or URL wraps inside the widget instead of widening the host page. */
    :host {
      display: block;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    /* Stacks are flex columns, not grids: the same boxes, laid out more cheaply per comment. */
    .root {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      container-type: inline-size;
    }
    h2 {
      margin: 0;
      font-size: var(--lar-title-size, 1.5em);
    }
    .thread,
    .children {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: var(--lar-comment-gap, var(--_space));
    }
    .children {
      margin-top: var(--lar-comment-gap, var(--_space));
      padding-inline-start: var(--lar-indent, calc(var(--_avatar) + 0.75rem));
      border-inline-start: 1px solid var(--_border);
    }
    /* In a narrow widget (a phone), replies indent by a little, less the deeper they go, so the
       text keeps a readable width at every depth. */
    @container (max-width: 32rem) {
      .children {
        padding-inline-start: var(--lar-indent, 0.75rem);
      }
      .children .children {
        padding-inline-start: var(--lar-indent, 0.5rem);
      }
    }
    article {
      background: var(--_surface);
      border-radius: var(--_radius);
    }
    .comment-head {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    /* Centred by line height rather than as a grid: one fewer layout per comment to run. */
    .avatar {
      position: relative;
      flex: none;
      display: block;
      text-align: center;
      line-height: var(--_avatar);
      width: var(--_avatar);
      height: var(--_avatar);
      border-radius: 50%;
      overflow: hidden;
      font-weight: 600;
      color: #fff;
      background: hsl(var(--lar-avatar-hue, 200) 45% 38%);
    }
    .avatar img {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .byline {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .author {
      font-weight: 600;
      color: inherit;
    }
    .provider {
      margin-inline-start: 0.25em;
      padding: 0 0.4em;
      border: 1px solid var(--_border);
      border-radius: 999px;
      color: var(--_muted);
      font-size: 0.75em;
      white-space: nowrap;
    }
    .meta {
      color: var(--_muted);
      font-size: 0.875em;
    }
    .meta a {
      color: inherit;
      text-decoration: none;
    }
    .meta a:hover {
      text-decoration: underline;
    }
    .body {
      overflow-wrap: anywhere;
    }
    .body p {
      margin: 0.5em 0;
    }
    .deleted > .body {
      color: var(--_muted);
      font-style: italic;
    }
    .body a {
      color: var(--_accent);
    }
    .actions button,
    .load-more {
      background: none;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      color: inherit;
      padding: 0.25em 0.75em;
    }
    .actions button {
      font-size: 0.875em;
      padding: 0.15em 0.7em;
    }
    .actions button[aria-pressed='true'] {
      border-color: currentColor;
    }
    .load-more {
      align-self: start;
      padding: 0.5em 1em;
    }
    .status,
    .pending {
      color: var(--_muted);
      margin: 0;
    }
    .error,
    .config-error {
      color: var(--_error);
      margin: 0;
    }
    .config-error {
      border: 1px solid currentColor;
      border-radius: var(--_radius);
      padding: var(--_space);
    }
    [aria-busy='true'] > article {
      opacity: 0.7;
    }

    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    .header button {
      background: none;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      color: inherit;
      font-size: 0.875em;
      padding: 0.15em 0.7em;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0.5em 0 0;
      font-size: 0.875em;
    }
    .badge {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0 0.5em;
      color: var(--_muted);
    }
    [data-status='hidden'] > article,
    [data-status='pending'] > article {
      border-inline-start: 3px solid var(--_border);
      padding-inline-start: 0.5rem;
    }
    .edit {
      display: grid;
      gap: 0.35rem;
      margin: 0.5em 0;
    }
    .edit textarea {
      font: inherit;
      color: inherit;
      background: var(--_input);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.5em;
      resize: vertical;
    }
    .edit-buttons {
      display: flex;
      gap: 0.5rem;
    }
    .edit-buttons button {
      background: none;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      color: inherit;
      padding: 0.15em 0.7em;
    }
    .edit-buttons .save {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_accent-text);
    }
  `,
];
