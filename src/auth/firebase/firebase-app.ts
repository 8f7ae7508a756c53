/**
 * One named Firebase app per configuration, shared by every widget and count on the page that uses
 * it. Its own module, so a local backend that signs in with Firebase Auth loads no Firestore code.
 */
import {getApps, initializeApp, type FirebaseApp} from 'firebase/app';
import type {WidgetSettings} from '../../boot/settings.js';
import {appIdentity} from './app-identity.js';

/** The app for these settings, under the name app-identity.ts gives them. */
export async function firebaseAppFor(settings: WidgetSettings): Promise<FirebaseApp> {
  const {name, options} = await appIdentity(settings);
  return getApps().find((app) => app.name === name) ?? initializeApp(options, name);
}
