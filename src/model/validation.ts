import {LIMITS} from './limits.js';
import {countLinks} from './body-text.js';
import {hasVisibleText, stripBidiControls} from './text-safety.js';

export type DraftField = 'body' | 'name' | 'email' | 'url';

/** A problem with one field, as a message key and its parameters. */
export interface FieldProblem {
  field: DraftField;
  code: 'required' | 'tooLong' | 'invalidEmail' | 'invalidUrl' | 'tooManyLinks';
  limit?: number;
}

export interface DraftInput {
  body: string;
  /** Omitted when the reader is signed in with a provider. */
  guest?: {name: string; email: string; url: string};
  /** An address asked of a signed-in reader (for e-mails about new comments), judged like a guest's. */
  email?: string;
}

// Deliberately permissive: one @, something on each side, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether the text looks like an email address (the form's and the email-link sign-in's check). */
export const isEmail = (value: string) => EMAIL.test(value);

/** Normalizes a website field: adds https:// when the scheme is missing; '' stays ''. */
export function normalizeWebsite(raw: string): string {
  const value = raw.trim();
  if (!value) return '';
  return /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
}

/** Whether the text is an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A field as it is posted: trimmed, without the characters that reorder text (text-safety.ts).
 * The form posts what this returns; validateDraft judges the same.
 */
export const cleanField = (value: string): string => stripBidiControls(value).trim();

/** Every problem with a draft, in the order the fields appear in the form. */
export function validateDraft(input: DraftInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const body = cleanField(input.body);
  // Text that shows nothing (zero-width spaces, fillers) is no comment and no name.
  if (!hasVisibleText(body)) problems.push({field: 'body', code: 'required'});
  else if (body.length > LIMITS.bodyMax) problems.push({field: 'body', code: 'tooLong', limit: LIMITS.bodyMax});
  else if (countLinks(body) > LIMITS.linksMax)
    problems.push({field: 'body', code: 'tooManyLinks', limit: LIMITS.linksMax});

  const email = (input.guest?.email ?? input.email)?.trim();
  if (email === '') problems.push({field: 'email', code: 'required'});
  else if (email && email.length > LIMITS.emailMax)
    problems.push({field: 'email', code: 'tooLong', limit: LIMITS.emailMax});
  else if (email && !isEmail(email)) problems.push({field: 'email', code: 'invalidEmail'});

  if (input.guest) {
    const name = cleanField(input.guest.name);
    if (!hasVisibleText(name)) problems.push({field: 'name', code: 'required'});
    else if (name.length > LIMITS.nameMax) problems.push({field: 'name', code: 'tooLong', limit: LIMITS.nameMax});

    const url = normalizeWebsite(cleanField(input.guest.url));
    if (url.length > LIMITS.urlMax) problems.push({field: 'url', code: 'tooLong', limit: LIMITS.urlMax});
    else if (url && !isHttpUrl(url)) problems.push({field: 'url', code: 'invalidUrl'});
  }
  return problems;
}
