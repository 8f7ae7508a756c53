/** The Firebase web app config, as the Firebase console shows it. */
export interface FirebaseOptions {
  apiKey: string;
  projectId: string;
  authDomain?: string;
  appId?: string;
  [key: string]: unknown;
}
