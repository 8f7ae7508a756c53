/**
 * The name and options of the Firebase app for a widget's settings, worked out without the SDK:
 * the sign-in hints (sign-in-hints.ts) read them before Firebase has loaded, and firebase-app.ts
 * makes the app under them.
 */
import {sha256Base64Url} from '../../model/sha256.js';
import type {WidgetSettings} from '../../boot/settings.js';
import type {FirebaseOptions} from '../../boot/firebase-options.js';
import type {AppIdentity} from './sign-in-hints.js';

/**
 * The app's name is derived from the config and the emulators, so the same config always finds the
 * same app (Auth keeps the signed-in reader under the app's name), and emulator accounts never mix
 * with real ones. Our own name keeps clear of the host page's [DEFAULT] app. Without `auth-domain`,
 * the project's default `<project-id>.firebaseapp.com` is used.
 */
export async function appIdentity(settings: WidgetSettings): Promise<AppIdentity & {options: FirebaseOptions}> {
  const config = settings.firebase;
  if (!config) throw new Error('leave-a-reply: the Firebase backend needs api-key and project-id.');
  const sortedConfig = JSON.stringify(config, Object.keys(config).sort());
  const key = JSON.stringify([sortedConfig, settings.authEmulator ?? '', settings.firestoreEmulator ?? '']);
  // Never change how the name is made: Auth keeps each reader's sign-in under it, so a new name
  // would sign every reader out (a guest would lose Edit and Delete on their comments).
  const name = `leave-a-reply-${(await sha256Base64Url(key)).slice(0, 16)}`;
  // Every project has <project-id>.firebaseapp.com; provider sign-in needs an auth domain.
  return {name, options: {...config, authDomain: config.authDomain ?? `${config.projectId}.firebaseapp.com`}};
}
