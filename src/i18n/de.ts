import type {Messages} from './en.js';
import {plural} from './plural.js';

const n = (value: number) => value.toLocaleString('de');

export const de: Messages = {
  lang: 'de',
  heading: (count, title) =>
    count === 0
      ? `Noch keine Gedanken zu „${title}“`
      : plural('de', count, {one: `# Gedanke zu „${title}“`, other: `# Gedanken zu „${title}“`}),
  headingUntitled: (count) =>
    count === 0 ? 'Noch keine Gedanken' : plural('de', count, {one: '# Gedanke', other: '# Gedanken'}),
  countBadge: (count) =>
    count === 0 ? 'Noch keine Kommentare' : plural('de', count, {one: '# Kommentar', other: '# Kommentare'}),
  headingLoading: (title) => (title ? `Gedanken zu „${title}“` : 'Gedanken'),
  leaveReply: 'Schreibe einen Kommentar',
  leaveReplyTo: (name) => `Antwort an ${name}`,
  cancelReply: 'Antwort abbrechen',
  guestIntro: 'Trage deine Daten unten ein oder klicke auf ein Symbol, um dich anzumelden:',
  guestDetails: 'Trage deine Daten unten ein:',
  email: 'E-Mail (erforderlich)',
  emailNote: 'Adresse wird niemals veröffentlicht',
  name: 'Name (erforderlich)',
  website: 'Website',
  comment: 'Kommentar',
  formattingHint: '**fett**, *kursiv*, `Code`, > Zitat, - Liste',
  preview: 'Vorschau',
  remember:
    'Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser für den nächsten Kommentar speichern.',
  notify: 'Mich per E-Mail über neue Kommentare benachrichtigen.',
  notifyConfirm: 'Sieh in deinem Postfach nach, um die Benachrichtigungen zu bestätigen.',
  notifyError:
    'Dein Kommentar wurde veröffentlicht, aber die E-Mail-Benachrichtigungen konnten nicht aktiviert werden.',
  honeypot: 'Dieses Feld leer lassen',
  postComment: 'Kommentar abschicken',
  posting: 'Wird gesendet …',
  reply: 'Antworten',
  replyTo: (name) => `${name} antworten`,
  inReplyTo: (name) => `Antwort auf ${name}`,
  deletedComment: 'Dieser Kommentar wurde gelöscht.',
  providerBadge: {guest: 'Gast', email: 'E-Mail', custom: 'Mitglied'},
  loadMore: 'Weitere Kommentare laden',
  loading: 'Kommentare werden geladen …',
  sending: 'Wird gesendet …',
  awaitingModeration: 'Dein Kommentar muss noch freigeschaltet werden.',
  offline: 'Du bist offline. Neue Kommentare werden gesendet, sobald die Verbindung zurück ist.',
  locked: 'Die Kommentare sind geschlossen.',
  posted: 'Dein Kommentar wurde veröffentlicht.',
  queued: 'Dein Kommentar wird gesendet, sobald die Verbindung zurück ist.',
  sendingElsewhere: 'Dieser Kommentar wird gerade in einem anderen Tab dieser Seite gesendet …',
  newComment: (name) => `Neuer Kommentar von ${name}.`,
  draftRestored: 'Dein nicht gesendeter Kommentar wurde wiederhergestellt.',
  linkedCommentMissing:
    'Der Kommentar, auf den dieser Link verweist, ist nicht hier: Vielleicht wurde er gelöscht, oder er wartet auf Freigabe.',
  loadError: 'Die Kommentare konnten nicht geladen werden.',
  postError: (reason) => `Dein Kommentar wurde nicht veröffentlicht: ${reason} Dein Text ist noch da.`,
  fixErrors: (count) => plural('de', count, {one: 'Bitte korrigiere # Feld.', other: 'Bitte korrigiere # Felder.'}),
  errors: {
    bodyRequired: 'Bitte schreibe einen Kommentar.',
    bodyTooLong: (limit, length) => `Dein Kommentar hat ${n(length)} Zeichen; erlaubt sind ${n(limit)}.`,
    bodyTooManyLinks: (limit) =>
      plural('de', limit, {
        one: 'Ein Kommentar darf höchstens # Link enthalten.',
        other: 'Ein Kommentar darf höchstens # Links enthalten.',
      }),
    nameRequired: 'Bitte gib deinen Namen ein.',
    nameTooLong: (limit) => `Namen dürfen höchstens ${limit} Zeichen lang sein.`,
    emailRequired: 'Bitte gib deine E-Mail-Adresse ein. Sie wird niemals veröffentlicht.',
    emailInvalid: 'Bitte gib eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
    emailTooLong: (limit) => `E-Mail-Adressen dürfen höchstens ${limit} Zeichen lang sein.`,
    urlInvalid: 'Bitte gib eine Webadresse ein, z. B. https://beispiel.de.',
    urlTooLong: (limit) => `Webadressen dürfen höchstens ${limit} Zeichen lang sein.`,
    postTooSoon: (seconds) =>
      plural('de', seconds, {
        one: 'Bitte warte # Sekunde, bevor du wieder kommentierst.',
        other: 'Bitte warte # Sekunden, bevor du wieder kommentierst.',
      }),
  },
  signIn: {
    intro: 'Klicke auf ein Symbol, um dich anzumelden:',
    logInWith: (provider) => `Mit ${provider} anmelden`,
    logInWithEmail: 'Mit einem Link per E-Mail anmelden',
    emailName: 'E-Mail',
    connecting: (provider) => `Verbindung zu ${provider} wird hergestellt …`,
    signedIn: (provider) => `Du kommentierst mit deinem ${provider}-Konto.`,
    signedInEmail: 'Du kommentierst mit deiner E-Mail-Adresse.',
    signedInSite: 'Du kommentierst mit deinem Konto auf dieser Website.',
    logOut: 'Abmelden',
    change: 'Ändern',
    keep: 'Abbrechen',
    asGuest: 'Als Gast kommentieren',
    loggedOut: 'Du hast dich abgemeldet.',
    linked: (provider) => `Deine früheren Kommentare als Gast gehören jetzt zu deinem ${provider}-Konto.`,
    switched: (provider) =>
      `Dieses ${provider}-Konto wurde hier schon verwendet, deshalb bist du jetzt damit angemeldet. Was du als Gast geschrieben hast, bleibt unter deinem Gastnamen.`,
    emailLabel: 'Deine E-Mail-Adresse',
    sendLink: 'Link senden',
    sendingLink: 'Link wird gesendet …',
    linkSent: (email) =>
      `Wir haben einen Anmeldelink an ${email} gesendet. Öffne ihn in diesem Browser, um die Anmeldung abzuschließen; dein Kommentar wartet hier.`,
    confirmEmail: 'Bestätige deine E-Mail-Adresse, um die Anmeldung abzuschließen:',
    logIn: 'Anmelden',
    finishing: 'Du wirst angemeldet …',
    required: 'Bitte melde dich an, um zu kommentieren.',
    errors: {
      cancelled: 'Die Anmeldung wurde abgebrochen. Dein Kommentar ist noch da.',
      notEnabled: (provider) =>
        `Die Anmeldung mit ${provider} ist auf dieser Website nicht eingeschaltet. Dein Kommentar ist noch da.`,
      accountExists:
        'Diese E-Mail-Adresse gehört zu einem Konto, das sich anders anmeldet. Melde dich so an wie beim letzten Mal. Dein Kommentar ist noch da.',
      invalidLink: 'Dieser Anmeldelink ist abgelaufen oder wurde schon benutzt. Fordere unten einen neuen an.',
      invalidEmail: 'Bitte gib eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
      linkResent: (email) =>
        `${email} hat hier schon ein Konto, deshalb haben wir einen neuen Link gesendet, der dich dort anmeldet. Was du als Gast geschrieben hast, bleibt unter deinem Gastnamen.`,
      network:
        'Der Anmeldedienst ist nicht erreichbar. Prüfe deine Verbindung und versuche es noch einmal. Dein Kommentar ist noch da.',
      failed: (provider) =>
        `Die Anmeldung mit ${provider} hat nicht geklappt. Versuch es gleich noch einmal. Dein Kommentar ist noch da.`,
    },
  },
  actions: {
    edit: 'Bearbeiten',
    delete: 'Löschen',
    approve: 'Freischalten',
    hide: 'Verbergen',
    pin: 'Anheften',
    unpin: 'Lösen',
    copyLink: 'Link kopieren',
    like: 'Gefällt mir',
    likeLabel: (count, name) =>
      plural('de', count, {
        one: `Gefällt mir (# „Gefällt mir“-Angabe, Kommentar von ${name})`,
        other: `Gefällt mir (# „Gefällt mir“-Angaben, Kommentar von ${name})`,
      }),
    likeNeedsAccount:
      'Für „Gefällt mir“ brauchst du ein Gastkonto, das gerade nicht angelegt werden konnte. Versuch es später noch einmal.',
    on: (action, name) => `${action} (Kommentar von ${name})`,
    editLabel: 'Deinen Kommentar bearbeiten',
    save: 'Speichern',
    cancel: 'Abbrechen',
    confirmDelete: 'Diesen Kommentar löschen?',
    edited: 'bearbeitet',
    editedAt: (time) => `Bearbeitet am ${time}`,
    pendingBadge: 'Wartet auf Freischaltung',
    hiddenBadge: 'Verborgen',
    pinnedBadge: 'Angeheftet',
    closeComments: 'Kommentare schließen',
    reopenComments: 'Kommentare wieder öffnen',
    saved: 'Deine Änderung wurde gespeichert.',
    savedPending: 'Deine Änderung wurde gespeichert und muss noch freigeschaltet werden.',
    deleted: 'Der Kommentar wurde gelöscht.',
    approved: 'Der Kommentar wurde freigeschaltet.',
    hidden: 'Der Kommentar wurde verborgen.',
    pinned: 'Der Kommentar wurde angeheftet.',
    unpinned: 'Der Kommentar ist nicht mehr angeheftet.',
    closed: 'Die Kommentare sind jetzt geschlossen.',
    reopened: 'Die Kommentare sind wieder offen.',
    linkCopied: 'Link kopiert.',
    linkInAddressBar: 'Der Link zu diesem Kommentar steht in der Adresszeile.',
    failed: (reason) => `Das hat nicht geklappt: ${reason}`,
    notAllowed: 'Das darfst du nicht.',
    expired: 'Die Zeit zum Bearbeiten dieses Kommentars ist abgelaufen.',
  },
  refusals: {
    refused: 'Die Website hat ihn nicht angenommen.',
    tryAgainIn: (seconds) =>
      plural('de', seconds, {
        one: 'Bitte warte # Sekunde und versuche es dann erneut.',
        other: 'Bitte warte # Sekunden und versuche es dann erneut.',
      }),
    gone: 'Der Kommentar, auf den du antwortest, ist nicht mehr verfügbar.',
    invalid: 'Das wurde so nicht angenommen. Bitte prüfe den Text und versuche es erneut.',
    offline: 'Du scheinst offline zu sein. Versuche es erneut, sobald die Verbindung wieder steht.',
    busy: 'Die Website erhält gerade zu viele Kommentare. Versuche es in ein paar Minuten erneut.',
    unknown: 'Etwas ist schiefgelaufen. Bitte versuche es erneut.',
  },
  configError: (detail) => `leave-a-reply kann nicht starten: ${detail}`,
};
