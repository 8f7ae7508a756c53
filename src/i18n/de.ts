import type {Messages} from './en.js';
import {plural} from './plural.js';

const n = (value: number) => value.toLocaleString('de');

export const de: Messages = {
  lang: 'de',
  heading: (count, title) =>
    count === 0
      ? `Noch keine Gedanken zu „${title}“`
      : plural('de', count, {one: `# Gedanke zu „${title}“`, other: `# Gedanken zu „${title}“`}),
  headingUntitled: (count) => (count === 0 ? 'Noch keine Gedanken' : plural('de', count, {one: '# Gedanke', other: '# Gedanken'})),
  countBadge: (count) => (count === 0 ? 'Noch keine Gedanken' : plural('de', count, {one: '# Gedanke', other: '# Gedanken'})),
  leaveReply: 'Schreibe einen Kommentar',
  leaveReplyTo: (name) => `Antworte ${name}`,
  cancelReply: 'Antwort abbrechen',
  guestIntro: 'Trage deine Daten unten ein oder klicke ein Symbol, um dich anzumelden:',
  email: 'E-Mail (erforderlich)',
  emailNote: 'Adresse wird niemals veröffentlicht',
  name: 'Name (erforderlich)',
  website: 'Website',
  comment: 'Kommentar',
  remember: 'Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser für den nächsten Kommentar speichern.',
  postComment: 'Kommentar abschicken',
  posting: 'Wird gesendet…',
  reply: 'Antworten',
  replyTo: (name) => `${name} antworten`,
  inReplyTo: (name) => `Antwort auf ${name}`,
  loadMore: 'Weitere Kommentare laden',
  loading: 'Kommentare werden geladen…',
  sending: 'Wird gesendet…',
  awaitingModeration: 'Dein Kommentar muss noch freigeschaltet werden.',
  offline: 'Du bist offline. Neue Kommentare werden gesendet, sobald die Verbindung zurück ist.',
  locked: 'Die Kommentare sind geschlossen.',
  posted: 'Dein Kommentar wurde veröffentlicht.',
  queued: 'Dein Kommentar wird gesendet, sobald die Verbindung zurück ist.',
  newComment: (name) => `Neuer Kommentar von ${name}.`,
  draftRestored: 'Dein nicht gesendeter Kommentar wurde wiederhergestellt.',
  loadError: 'Die Kommentare konnten nicht geladen werden.',
  postError: (reason) => `Dein Kommentar wurde nicht veröffentlicht: ${reason} Dein Text ist noch da.`,
  fixErrors: (count) => plural('de', count, {one: 'Bitte korrigiere # Feld.', other: 'Bitte korrigiere # Felder.'}),
  errors: {
    bodyRequired: 'Bitte schreibe einen Kommentar.',
    bodyTooLong: (limit, length) => `Dein Kommentar hat ${n(length)} Zeichen; erlaubt sind ${n(limit)}.`,
    bodyTooManyLinks: (limit) => `Ein Kommentar darf höchstens ${limit} Links enthalten.`,
    nameRequired: 'Bitte gib deinen Namen ein.',
    nameTooLong: (limit) => `Namen dürfen höchstens ${limit} Zeichen lang sein.`,
    emailRequired: 'Bitte gib deine E-Mail-Adresse ein. Sie wird niemals veröffentlicht.',
    emailInvalid: 'Bitte gib eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
    emailTooLong: (limit) => `E-Mail-Adressen dürfen höchstens ${limit} Zeichen lang sein.`,
    urlInvalid: 'Bitte gib eine Webadresse ein, z. B. https://beispiel.de.',
    urlTooLong: (limit) => `Webadressen dürfen höchstens ${limit} Zeichen lang sein.`,
  },
  configError: (detail) => `leave-a-reply kann nicht starten: ${detail}`,
};
