/**
 * Addresses that stopped the owner's alerts (their e-mails' unsubscribe link): mailOptOuts/{hash},
 * server-only. The owner turns alerts back on by deleting the document (or the address from
 * LAR_OWNER_EMAILS for good).
 */
import {FieldValue, type Firestore} from 'firebase-admin/firestore';
import {addressKey, hashOf} from './database.js';

export const optOutRef = (db: Firestore, email: string) => db.collection('mailOptOuts').doc(hashOf(addressKey(email)));

export const stopAlerts = (db: Firestore, email: string) =>
  optOutRef(db, email).set({email: addressKey(email), scope: 'alerts', createdAt: FieldValue.serverTimestamp()});
