/** The Firestore database of the comments, through the Admin SDK (past the security rules). */
import {createHash} from 'node:crypto';
import {getApps, initializeApp} from 'firebase-admin/app';
import {getFirestore, type Firestore} from 'firebase-admin/firestore';

export function database(databaseId: string): Firestore {
  const app = getApps().find((a) => a.name === '[DEFAULT]') ?? initializeApp();
  return databaseId && databaseId !== '(default)' ? getFirestore(app, databaseId) : getFirestore(app);
}

/** An address as it is compared and counted: trimmed, lower case. */
export const addressKey = (email: string) => email.trim().toLowerCase();

/** SHA-256 as hex: document ids for addresses and keys, with nothing readable in them. */
export const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');
