/** The Firestore database of the comments and the project's accounts, through the Admin SDK (past the security rules). */
import {createHash} from 'node:crypto';
import {getApps, initializeApp, type App} from 'firebase-admin/app';
import {getAuth, type Auth} from 'firebase-admin/auth';
import {getFirestore, type Firestore} from 'firebase-admin/firestore';

const app = (): App => getApps().find((a) => a.name === '[DEFAULT]') ?? initializeApp();

export function database(databaseId: string): Firestore {
  return databaseId && databaseId !== '(default)' ? getFirestore(app(), databaseId) : getFirestore(app());
}

/** Firebase Auth: whose account has which verified address (mail-confirmation.ts). */
export const accounts = (): Auth => getAuth(app());

/** Firebase Auth's uid limits: a uid outside them makes a whole getUsers lookup fail. */
export const isUid = (uid: unknown): uid is string => typeof uid === 'string' && uid.length > 0 && uid.length <= 128;

/** An address as it is compared and counted: trimmed, lower case. */
export const addressKey = (email: string) => email.trim().toLowerCase();

/** SHA-256 as hex: document ids for addresses and keys, with nothing readable in them. */
export const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');
