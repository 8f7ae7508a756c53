/**
 * One named Firebase app per configuration, shared by every widget and count on the page that uses
 * it. Its name comes from app-identity.ts, which needs no SDK.
 */
import {getApps, initializeApp, type FirebaseApp} from 'firebase/app';
import type {WidgetSettings} from '../../boot/settings.js';
import {appIdentity} from './app-identity.js';

/** The app for these settings, under the name app-identity.ts gives them. */
export async function firebaseAppFor(settings: WidgetSettings): Promise<FirebaseApp> {
  const {name, options} = await appIdentity(settings);
  return getApps().find((app) => app.name === name) ?? initializeApp(options, name);
}
