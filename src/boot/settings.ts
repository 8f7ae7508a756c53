import type {SortOrder} from '../model/comment.js';
import type {PageHints} from '../model/page-identity.js';
import type {FirebaseOptions} from './firebase-options.js';

export type Backend = 'firebase' | 'local';

export interface WidgetSettings {
  backend: Backend;
  /** Present when the host gave a usable Firebase config. */
  firebase?: FirebaseOptions;
  databaseId: string;
  appCheckSiteKey?: string;
  authEmulator?: string;
  firestoreEmulator?: string;
  providers: string[];
  sort: SortOrder;
  maxDepth: number;
  page: PageHints;
}

/** A configuration mistake, named by the attribute that holds it. */
export interface SettingsProblem {
  attribute: string;
  message: string;
}

const PROVIDERS = ['guest', 'google', 'github', 'twitter', 'facebook', 'microsoft', 'apple', 'email'];

type SettingsHost = HTMLElement & {firebaseConfig?: FirebaseOptions};

/**
 * Reads the widget's settings from its attributes, and lists what is wrong with them.
 * `backendGiven`: an enclosing provider supplies the store, so no Firebase config is required here.
 */
export function readSettings(
  host: SettingsHost,
  backendGiven = false,
): {settings: WidgetSettings; problems: SettingsProblem[]} {
  const attr = (name: string) => host.getAttribute(name)?.trim() || undefined;
  const problems: SettingsProblem[] = [];

  const backendAttr = attr('backend') ?? 'firebase';
  const backend: Backend = backendAttr === 'local' ? 'local' : 'firebase';
  if (backendAttr !== 'local' && backendAttr !== 'firebase') {
    problems.push({attribute: 'backend', message: `backend="${backendAttr}" is not "firebase" or "local".`});
  }

  const fromAttributes = {
    apiKey: attr('api-key'),
    projectId: attr('project-id'),
    authDomain: attr('auth-domain'),
    appId: attr('app-id'),
  };
  const merged = {...fromAttributes, ...host.firebaseConfig} as Partial<FirebaseOptions>;
  const anyGiven = Object.values(merged).some(Boolean);
  let firebase: FirebaseOptions | undefined;
  if (merged.apiKey && merged.projectId) {
    firebase = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as FirebaseOptions;
  } else if ((backend === 'firebase' && !backendGiven) || anyGiven) {
    for (const [key, attribute] of [
      ['apiKey', 'api-key'],
      ['projectId', 'project-id'],
    ] as const) {
      if (!merged[key])
        problems.push({attribute, message: `${attribute} is missing: copy it from your Firebase web app config.`});
    }
  }

  const providers = (attr('providers') ?? 'guest').split(/\s+/).filter(Boolean);
  for (const provider of providers) {
    if (!PROVIDERS.includes(provider)) {
      problems.push({
        attribute: 'providers',
        message: `providers: "${provider}" is not one of ${PROVIDERS.join(', ')}.`,
      });
    }
  }

  const sortAttr = attr('sort') ?? 'oldest';
  const sorts = ['oldest', 'newest', 'top'];
  if (!sorts.includes(sortAttr)) {
    problems.push({attribute: 'sort', message: `sort="${sortAttr}" is not "oldest", "newest" or "top".`});
  }
  const depthAttr = attr('max-depth');
  const maxDepth = depthAttr === undefined ? 3 : Number(depthAttr);
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 10) {
    problems.push({attribute: 'max-depth', message: `max-depth="${depthAttr}" must be a whole number from 1 to 10.`});
  }

  return {
    settings: {
      backend,
      firebase,
      databaseId: attr('database-id') ?? '(default)',
      appCheckSiteKey: attr('app-check-site-key'),
      authEmulator: attr('auth-emulator'),
      firestoreEmulator: attr('firestore-emulator'),
      providers: providers.filter((p) => PROVIDERS.includes(p)),
      sort: sorts.includes(sortAttr) ? (sortAttr as SortOrder) : 'oldest',
      maxDepth: Number.isInteger(maxDepth) && maxDepth >= 1 ? Math.min(maxDepth, 10) : 3,
      page: {pageId: attr('page-id'), pageUrl: attr('page-url'), pageTitle: attr('page-title')},
    },
    problems,
  };
}
