import {css} from 'lit';
import {base} from './shared.styles.js';

export const formStyles = [
  base,
  css`
    :host {
      display: block;
    }
    form {
      display: grid;
      gap: calc(var(--_space) * 0.75);
    }
    h3 {
      margin: 0;
      font-size: var(--lar-form-title-size, 1.25em);
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5em 1em;
    }
    .cancel {
      font-size: 0.75em;
      font-weight: normal;
      background: none;
      border: none;
      padding: 0;
      color: var(--_accent);
      text-decoration: underline;
    }
    fieldset {
      border: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: calc(var(--_space) * 0.75);
    }
    legend {
      padding: 0;
      margin-bottom: calc(var(--_space) * 0.5);
    }
    .field {
      display: grid;
      gap: 0.25rem;
    }
    label {
      font-weight: 600;
    }
    input:not([type='checkbox']),
    textarea {
      font: inherit;
      color: inherit;
      background: var(--lar-color-input, transparent);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.5em 0.75em;
      box-sizing: border-box;
      width: 100%;
    }
    textarea {
      resize: vertical;
      min-height: 6em;
    }
    [aria-invalid='true'] {
      border-color: var(--_error);
    }
    .note {
      color: var(--_muted);
      font-size: 0.875em;
    }
    .error {
      color: var(--_error);
      font-size: 0.875em;
    }
    .post-error {
      font-size: 1em;
    }
    .remember {
      font-weight: normal;
      display: flex;
      gap: 0.5em;
      align-items: start;
    }
    .status {
      margin: 0;
      color: var(--_muted);
      min-height: 1lh;
    }
    .submit {
      justify-self: start;
      padding: 0.6em 1.25em;
      border-radius: var(--_radius);
      border: 1px solid var(--_accent);
      background: var(--_accent);
      color: var(--_accent-text);
      font-weight: 600;
    }
    .submit:disabled {
      opacity: 0.6;
      cursor: progress;
    }

    /* The sign-in area: provider icons, or the signed-in account. */
    .sign-in {
      display: grid;
      gap: calc(var(--_space) * 0.5);
    }
    /* Kept in the page while empty, so what it says next is announced. */
    .sign-in-status:empty {
      min-height: 0;
    }
    .providers {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .provider {
      display: inline-grid;
      place-items: center;
      inline-size: 2.5rem;
      block-size: 2.5rem;
      padding: 0;
      color: inherit;
      background: var(--_input);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .provider:hover {
      border-color: currentColor;
    }
    .provider[aria-disabled='true'] {
      opacity: 0.6;
      cursor: progress;
    }
    .account {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
    }
    .account-photo {
      inline-size: var(--_avatar);
      block-size: var(--_avatar);
      border-radius: 50%;
      object-fit: cover;
    }
    .account-photo.initial {
      display: inline-grid;
      place-items: center;
      background: var(--_border);
      font-weight: 600;
    }
    .account-name {
      font-weight: 600;
    }
    .account-actions {
      display: inline-flex;
      gap: 0.75rem;
    }
    .link {
      background: none;
      border: none;
      padding: 0;
      color: var(--_accent);
      text-decoration: underline;
      justify-self: start;
    }
    .email-link {
      display: grid;
      gap: 0.25rem;
    }
    .email-row {
      display: flex;
      gap: 0.5rem;
    }
    .secondary {
      flex: none;
      padding: 0.5em 1em;
      color: inherit;
      background: var(--_input);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    /* The honeypot: out of sight and out of the layout, but not display:none (bots skip those). */
    /* Out of sight without moving it off the page: an offset such as inset-inline-start:
       -10000px turns into right: -10000px in a right-to-left widget and widens a left-to-right page. */
    .trap {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
];
