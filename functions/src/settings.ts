/**
 * The site owner's configuration (functions/README.md): Firebase parameters, which
 * `firebase deploy` asks for once and keeps in functions/.env.<project>, and two secrets in
 * Cloud Secret Manager (`firebase functions:secrets:set NAME`). Every name starts with LAR_ so
 * none can clash with the platform's own variables.
 */
import {defineBoolean, defineInt, defineSecret, defineString, projectID} from 'firebase-functions/params';
import {languageOf, LANGUAGES, type Language} from './mail-strings.js';

/**
 * Signs the e-mails' links, unsubscribe and confirmation (HMAC-SHA256): at least 32 characters,
 * e.g. `openssl rand -base64 32`.
 */
export const UNSUBSCRIBE_SECRET = defineSecret('LAR_UNSUBSCRIBE_SECRET');
/** `smtps://user:password@smtp.example.com:465` when LAR_MAIL_DELIVERY is smtp; unused otherwise. */
export const SMTP_URL = defineSecret('LAR_SMTP_URL');

export const REGION = defineString('LAR_REGION', {
  default: 'us-central1',
  description:
    'Region of the functions: your Firestore database’s region (us-central1 for nam5, europe-west1 for eur3).',
});
export const DATABASE = defineString('LAR_DATABASE', {
  default: '(default)',
  description: 'The Firestore database of the comments (the widget’s database-id).',
});

const DELIVERY = defineString('LAR_MAIL_DELIVERY', {
  default: 'extension',
  description: 'How e-mail leaves: "extension" (the Trigger Email extension’s collection) or "smtp" (LAR_SMTP_URL).',
  input: {select: {options: [{value: 'extension'}, {value: 'smtp'}]}},
});
const MAIL_COLLECTION = defineString('LAR_MAIL_COLLECTION', {
  default: 'mail',
  description: 'The collection the Trigger Email extension watches.',
});
const FROM = defineString('LAR_MAIL_FROM', {
  default: '',
  description: 'Sender, e.g. "My Blog <comments@blog.example>". Required for smtp; the extension has its own default.',
});
const OWNER_EMAILS = defineString('LAR_OWNER_EMAILS', {
  default: '',
  description: 'The site owner’s addresses for alerts, separated by commas (empty: no alerts).',
});
const ALERT_EVERY_COMMENT = defineBoolean('LAR_ALERT_EVERY_COMMENT', {
  default: false,
  description: 'Alert the owner of every new comment, not only of those held for review.',
});
const MODERATION_URL = defineString('LAR_MODERATION_URL', {
  default: '',
  description: 'Your moderation page (the <leave-a-reply-moderation> element); empty: alerts link to the article.',
});
const UNSUBSCRIBE_URL = defineString('LAR_UNSUBSCRIBE_URL', {
  default: '',
  description:
    'The public address of the unsubscribe function; empty: https://REGION-PROJECT.cloudfunctions.net/unsubscribe.',
});
const CONFIRM_URL = defineString('LAR_CONFIRM_URL', {
  default: '',
  description: 'The public address of the confirm function; empty: https://REGION-PROJECT.cloudfunctions.net/confirm.',
});
const OWNER_LANGUAGE = defineString('LAR_OWNER_LANGUAGE', {
  default: 'en',
  description: 'The language of the owner’s alerts: en, fr, de, es, ja or ar.',
  input: {select: {options: LANGUAGES.map((value) => ({value}))}},
});
const SITE_ORIGINS = defineString('LAR_SITE_ORIGINS', {
  default: '',
  description:
    'Origins of your pages (e.g. https://blog.example), comma-separated: threads named by page-id link only there.',
});
const PER_ADDRESS = defineInt('LAR_MAX_EMAILS_PER_ADDRESS_PER_HOUR', {
  default: 10,
  description: 'At most this many e-mails to one address in an hour; the rest are held back (mailLog).',
});
const PER_THREAD = defineInt('LAR_MAX_EMAILS_PER_THREAD_PER_HOUR', {
  default: 100,
  description: 'At most this many e-mails to readers about one thread in an hour; the rest are held back (mailLog).',
});
const MAX_ATTEMPTS = defineInt('LAR_MAX_SEND_ATTEMPTS', {
  default: 5,
  description: 'SMTP attempts per e-mail before it is recorded as failed (mailLog).',
});

export type Delivery = 'extension' | 'smtp';

export interface Settings {
  delivery: Delivery;
  mailCollection: string;
  from: string;
  ownerEmails: string[];
  ownerLanguage: Language;
  alertEveryComment: boolean;
  moderationUrl: string;
  unsubscribeUrl: string;
  confirmUrl: string;
  siteOrigins: string[];
  perAddressPerHour: number;
  perThreadPerHour: number;
  maxAttempts: number;
  database: string;
}

type Param<T> = {name: string; value(): T};

/**
 * A parameter's value. Deployed functions always have one (the CLI writes defaults out); elsewhere
 * (tests, a misnamed variable) the default applies, as it does at deployment.
 */
function read<T>(param: Param<T>, fallback: T): T {
  const raw = process.env[param.name];
  return raw === undefined || raw === '' ? fallback : param.value();
}

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** The origin as URL spells it (lower-case host, no default port), or '' when it is no URL. */
function originOf(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    return '';
  }
}

/** The Firebase project's id, as the platform sets it for every function. */
function projectId(): string {
  if (process.env.GCLOUD_PROJECT) return projectID.value();
  try {
    return String(JSON.parse(process.env.FIREBASE_CONFIG ?? '{}').projectId ?? '');
  } catch {
    return '';
  }
}

const wholeNumber = (value: number, fallback: number) => (Number.isInteger(value) && value >= 0 ? value : fallback);

export function readSettings(): Settings {
  const region = read(REGION, 'us-central1');
  const project = projectId();
  return {
    delivery: read(DELIVERY, 'extension') === 'smtp' ? 'smtp' : 'extension',
    mailCollection: read(MAIL_COLLECTION, 'mail'),
    from: read(FROM, ''),
    ownerEmails: list(read(OWNER_EMAILS, '')),
    ownerLanguage: languageOf(read(OWNER_LANGUAGE, 'en')),
    alertEveryComment: read(ALERT_EVERY_COMMENT, false),
    moderationUrl: read(MODERATION_URL, ''),
    unsubscribeUrl: read(UNSUBSCRIBE_URL, '') || `https://${region}-${project}.cloudfunctions.net/unsubscribe`,
    confirmUrl: read(CONFIRM_URL, '') || `https://${region}-${project}.cloudfunctions.net/confirm`,
    siteOrigins: list(read(SITE_ORIGINS, '')).map(originOf).filter(Boolean),
    perAddressPerHour: wholeNumber(read(PER_ADDRESS, 10), 10),
    perThreadPerHour: wholeNumber(read(PER_THREAD, 100), 100),
    maxAttempts: Math.max(1, wholeNumber(read(MAX_ATTEMPTS, 5), 5)),
    database: read(DATABASE, '(default)'),
  };
}
