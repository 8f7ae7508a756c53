/**
 * Everything the functions say to people, in the widget's six languages: the reader's e-mails
 * (a new comment, the address confirmation), the owner's alerts, and the pages the links open.
 * A reader's language is their subscription's `lang`; the owner's is LAR_OWNER_LANGUAGE.
 *
 * Each sentence is a function of the raw name and title (cleaned by the caller, maybe empty), so
 * every language words its own fallbacks in the grammatical case the sentence needs. Counts go
 * through the widget's plural rules (src/i18n/plural.ts: Intl.PluralRules; Arabic has six forms).
 */
import {plural} from '../../src/i18n/plural.js';

export const LANGUAGES = ['en', 'fr', 'de', 'es', 'ja', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** How long a confirmation link works (confirm-token.ts), in days: said in the e-mail. */
export const CONFIRM_DAYS = 7;

/** The language for a code as a subscription, a link or a setting gives it ("fr", "fr-CA"); else English. */
export function languageOf(value: unknown): Language {
  if (typeof value !== 'string') return 'en';
  const base = value.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((lang) => lang === base) ?? 'en';
}

type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & {other: string};
type Pair = readonly [heading: string, message: string];

export interface MailStrings {
  lang: Language;
  dir: 'ltr' | 'rtl';
  /** Between a label and its link in the plain-text part. */
  colon: string;
  /** The e-mail a subscriber gets about a new comment. */
  reader: {
    subject(name: string, title: string, isReply: boolean): string;
    lead(name: string, title: string, isReply: boolean): string;
    readOnPage: string;
    why(title: string): string;
    stopThread: string;
    stopAll: string;
  };
  /** The e-mail that asks to confirm an address before any other goes to it. */
  confirm: {
    subject(title: string): string;
    lead(title: string): string;
    action: string;
    validFor(days: number): string;
    ignore: string;
  };
  /** The site owner's alerts. */
  owner: {
    author(name: string, provider: string, url: string): string;
    subject(name: string, title: string, held: boolean): string;
    lead(author: string, title: string, held: boolean): string;
    reviewIt: string;
    moderationPage: string;
    reviewOnPage: string;
    commentOnPage: string;
    unverified(url: string): string;
    why: string;
    stop: string;
  };
  /** The pages the links in the e-mails open. */
  pages: {
    notAllowed: Pair;
    unsubscribeInvalid: Pair;
    askUnsubscribe: {
      heading: string;
      thread(email: string, title: string): string;
      all(email: string): string;
      alerts(email: string): string;
      button: string;
    };
    unsubscribed: {
      heading: string;
      thread(email: string, title: string): string;
      all(email: string, count: number): string;
      alerts(email: string): string;
    };
    confirmInvalid: Pair;
    confirmExpired: Pair;
    askConfirm: {heading: string; message(email: string): string; button: string};
    confirmed: {heading: string; message(email: string, count: number): string};
  };
}

// French puts a no-break space before a colon, and inside guillemets.
const NB = '\u00a0';

const en: MailStrings = (() => {
  const q = (title: string, fallback: string) => (title ? `“${title}”` : fallback);
  const who = (name: string) => name || 'Someone';
  const hint =
    'It may have been cut short on its way. Open it from the e-mail itself, or copy all of it into the address bar.';
  return {
    lang: 'en',
    dir: 'ltr',
    colon: ': ',
    reader: {
      subject: (name, title, isReply) =>
        isReply
          ? `${who(name)} replied to your comment on ${q(title, 'a page you follow')}`
          : `New comment by ${who(name)} on ${q(title, 'a page you follow')}`,
      lead: (name, title, isReply) =>
        isReply
          ? `${who(name)} replied to your comment on ${q(title, 'a page you follow')}:`
          : `${who(name)} commented on ${q(title, 'a page you follow')}:`,
      readOnPage: 'Read it on the page, and reply',
      why: (title) =>
        `You get this e-mail because you asked to be notified of new comments on ${q(title, 'a page you follow')}.`,
      stopThread: 'Stop e-mails about this page',
      stopAll: 'Stop e-mails about every page of this site',
    },
    confirm: {
      subject: (title) => `Confirm your e-mails about new comments on ${q(title, 'a page of this site')}`,
      lead: (title) =>
        `Someone, most likely you, asked for an e-mail to this address each time a new comment is published on ${q(title, 'a page of this site')}.`,
      action: 'Confirm my address',
      validFor: (days) => plural('en', days, {one: 'The link works for # day.', other: 'The link works for # days.'}),
      ignore: 'If it was not you, ignore this e-mail: this address gets nothing more unless it is confirmed.',
    },
    owner: {
      author: (name, provider, url) =>
        `${name || '(no name)'} (signed in ${provider === 'guest' ? 'as a guest' : `with a ${provider} account`}${url ? `, website ${url}` : ''})`,
      subject: (name, title, held) =>
        held
          ? `Comment awaiting moderation: ${who(name)} on ${q(title, 'an untitled page')}`
          : `New comment: ${who(name)} on ${q(title, 'an untitled page')}`,
      lead: (author, title, held) =>
        held
          ? `A comment by ${author} on ${q(title, 'an untitled page')} waits for your review:`
          : `${author} commented on ${q(title, 'an untitled page')}:`,
      reviewIt: 'Review it',
      moderationPage: 'Moderation page',
      reviewOnPage: 'Review it on its page (signed in as a moderator)',
      commentOnPage: 'The comment on its page',
      unverified: (url) => `The thread names its page as ${url} (not verified).`,
      why: 'You get this e-mail because this address is set as the site owner’s (LAR_OWNER_EMAILS).',
      stop: 'Stop these alerts to this address',
    },
    pages: {
      notAllowed: ['Not allowed', 'Open the link from the e-mail.'],
      unsubscribeInvalid: ['This unsubscribe link is not valid', hint],
      askUnsubscribe: {
        heading: 'Stop these e-mails?',
        thread: (email, title) =>
          `Press the button to stop e-mails to ${email} about new comments on ${q(title, 'this page')}.`,
        all: (email) => `Press the button to stop e-mails to ${email} about new comments on every page of this site.`,
        alerts: (email) => `Press the button to stop alerts about comments on this site to ${email}.`,
        button: 'Unsubscribe',
      },
      unsubscribed: {
        heading: 'You are unsubscribed',
        thread: (email, title) => `${email} will get no more e-mails about new comments on ${q(title, 'this page')}.`,
        all: (email, count) =>
          `${email} will get no more e-mails about new comments on any page of this site.` +
          (count
            ? ' ' + plural('en', count, {one: 'It was subscribed to # page.', other: 'It was subscribed to # pages.'})
            : ''),
        alerts: (email) => `${email} will get no more alerts about comments on this site.`,
      },
      confirmInvalid: ['This confirmation link is not valid', hint],
      confirmExpired: ['This confirmation link has expired', 'Subscribe again on the page to get a new one.'],
      askConfirm: {
        heading: 'Confirm your address',
        message: (email) =>
          `Press the button to confirm that ${email} should get an e-mail about each new comment on the pages it subscribed to.`,
        button: 'Confirm',
      },
      confirmed: {
        heading: 'Your address is confirmed',
        message: (email, count) =>
          `${email} will now get an e-mail about each new comment; every e-mail has a link to stop them. ` +
          (count
            ? plural('en', count, {one: 'It follows # page.', other: 'It follows # pages.'})
            : 'It follows no page at the moment: subscribe on a page to get its new comments.'),
      },
    },
  };
})();

const fr: MailStrings = (() => {
  const q = (title: string, fallback: string) => (title ? `«${NB}${title}${NB}»` : fallback);
  const who = (name: string) => name || 'Quelqu’un';
  const hint =
    'Il a peut-être été tronqué en chemin. Ouvrez-le depuis l’e-mail lui-même, ou copiez-le en entier dans la barre d’adresse.';
  return {
    lang: 'fr',
    dir: 'ltr',
    colon: `${NB}: `,
    reader: {
      subject: (name, title, isReply) =>
        isReply
          ? `${who(name)} a répondu à votre commentaire sur ${q(title, 'une page que vous suivez')}`
          : `Nouveau commentaire de ${who(name)} sur ${q(title, 'une page que vous suivez')}`,
      lead: (name, title, isReply) =>
        isReply
          ? `${who(name)} a répondu à votre commentaire sur ${q(title, 'une page que vous suivez')}${NB}:`
          : `${who(name)} a laissé un commentaire sur ${q(title, 'une page que vous suivez')}${NB}:`,
      readOnPage: 'Le lire sur la page et répondre',
      why: (title) =>
        `Vous recevez cet e-mail car vous avez demandé à recevoir les nouveaux commentaires publiés sur ${q(title, 'une page que vous suivez')}.`,
      stopThread: 'Ne plus recevoir d’e-mails pour cette page',
      stopAll: 'Ne plus recevoir d’e-mails pour aucune page de ce site',
    },
    confirm: {
      subject: (title) => `Confirmez votre abonnement aux commentaires sur ${q(title, 'une page de ce site')}`,
      lead: (title) =>
        `Quelqu’un, sans doute vous, a demandé à recevoir à cette adresse un e-mail à chaque nouveau commentaire publié sur ${q(title, 'une page de ce site')}.`,
      action: 'Confirmer mon adresse',
      validFor: (days) =>
        plural('fr', days, {one: 'Ce lien est valable # jour.', other: 'Ce lien est valable # jours.'}),
      ignore: `Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail${NB}: cette adresse ne recevra rien d’autre tant qu’elle n’est pas confirmée.`,
    },
    owner: {
      author: (name, provider, url) =>
        `${name || '(sans nom)'} (${provider === 'guest' ? 'invité, sans compte' : `compte ${provider}`}${url ? `, site${NB}: ${url}` : ''})`,
      subject: (name, title, held) =>
        held
          ? `Commentaire à modérer${NB}: ${who(name)} sur ${q(title, 'une page sans titre')}`
          : `Nouveau commentaire${NB}: ${who(name)} sur ${q(title, 'une page sans titre')}`,
      lead: (author, title, held) =>
        held
          ? `Un commentaire de ${author} sur ${q(title, 'une page sans titre')} attend votre validation${NB}:`
          : `${author} a laissé un commentaire sur ${q(title, 'une page sans titre')}${NB}:`,
      reviewIt: 'Le modérer',
      moderationPage: 'Page de modération',
      reviewOnPage: 'Le modérer sur sa page (avec un compte de modérateur)',
      commentOnPage: 'Le commentaire sur sa page',
      unverified: (url) => `D’après la discussion, sa page est ${url} (non vérifié).`,
      why: 'Vous recevez cet e-mail car cette adresse est celle du propriétaire du site (LAR_OWNER_EMAILS).',
      stop: 'Ne plus envoyer ces alertes à cette adresse',
    },
    pages: {
      notAllowed: ['Action non autorisée', 'Ouvrez le lien depuis l’e-mail.'],
      unsubscribeInvalid: ['Ce lien de désabonnement n’est pas valide', hint],
      askUnsubscribe: {
        heading: `Ne plus recevoir ces e-mails${NB}?`,
        thread: (email, title) =>
          `Appuyez sur le bouton pour que ${email} ne reçoive plus d’e-mails sur les nouveaux commentaires publiés sur ${q(title, 'cette page')}.`,
        all: (email) =>
          `Appuyez sur le bouton pour que ${email} ne reçoive plus d’e-mails sur les nouveaux commentaires publiés sur les pages de ce site.`,
        alerts: (email) =>
          `Appuyez sur le bouton pour que ${email} ne reçoive plus d’alertes sur les commentaires de ce site.`,
        button: 'Me désabonner',
      },
      unsubscribed: {
        heading: 'Désabonnement effectué',
        thread: (email, title) =>
          `${email} ne recevra plus d’e-mails sur les nouveaux commentaires publiés sur ${q(title, 'cette page')}.`,
        all: (email, count) =>
          `${email} ne recevra plus d’e-mails sur les nouveaux commentaires publiés sur les pages de ce site.` +
          (count
            ? ' ' + plural('fr', count, {one: 'Elle était abonnée à # page.', other: 'Elle était abonnée à # pages.'})
            : ''),
        alerts: (email) => `${email} ne recevra plus d’alertes sur les commentaires de ce site.`,
      },
      confirmInvalid: ['Ce lien de confirmation n’est pas valide', hint],
      confirmExpired: [
        'Ce lien de confirmation a expiré',
        'Abonnez-vous de nouveau sur la page pour en recevoir un autre.',
      ],
      askConfirm: {
        heading: 'Confirmez votre adresse',
        message: (email) =>
          `Appuyez sur le bouton pour confirmer que ${email} doit recevoir un e-mail à chaque nouveau commentaire sur les pages auxquelles elle est abonnée.`,
        button: 'Confirmer',
      },
      confirmed: {
        heading: 'Adresse confirmée',
        message: (email, count) =>
          `${email} recevra désormais un e-mail à chaque nouveau commentaire${NB}; chacun contient un lien pour se désabonner. ` +
          (count
            ? plural('fr', count, {one: 'Elle suit # page.', other: 'Elle suit # pages.'})
            : `Elle ne suit aucune page pour le moment${NB}: abonnez-vous sur une page pour recevoir ses nouveaux commentaires.`),
      },
    },
  };
})();

// German: du, as the widget's own German; „…“ quotes.
const de: MailStrings = (() => {
  const q = (title: string, fallback: string) => (title ? `„${title}“` : fallback);
  const who = (name: string) => name || 'Jemand';
  const hint =
    'Vielleicht wurde er unterwegs abgeschnitten. Öffne ihn direkt aus der E-Mail oder kopiere ihn vollständig in die Adresszeile.';
  return {
    lang: 'de',
    dir: 'ltr',
    colon: ': ',
    reader: {
      subject: (name, title, isReply) =>
        isReply
          ? `${who(name)} hat auf deinen Kommentar zu ${q(title, 'einer Seite, der du folgst')} geantwortet`
          : name
            ? `Neuer Kommentar von ${name} zu ${q(title, 'einer Seite, der du folgst')}`
            : `Neuer Kommentar zu ${q(title, 'einer Seite, der du folgst')}`,
      lead: (name, title, isReply) =>
        isReply
          ? `${who(name)} hat auf deinen Kommentar zu ${q(title, 'einer Seite, der du folgst')} geantwortet:`
          : `${who(name)} hat einen Kommentar zu ${q(title, 'einer Seite, der du folgst')} geschrieben:`,
      readOnPage: 'Auf der Seite lesen und antworten',
      why: (title) =>
        `Du erhältst diese E-Mail, weil du über neue Kommentare zu ${q(title, 'einer Seite, der du folgst')} benachrichtigt werden wolltest.`,
      stopThread: 'Keine E-Mails mehr zu dieser Seite',
      stopAll: 'Keine E-Mails mehr zu allen Seiten dieser Website',
    },
    confirm: {
      subject: (title) => `Bitte bestätigen: E-Mails über neue Kommentare zu ${q(title, 'einer Seite dieser Website')}`,
      lead: (title) =>
        `Für diese Adresse wurde eine E-Mail zu jedem neuen Kommentar zu ${q(title, 'einer Seite dieser Website')} angefordert – wahrscheinlich von dir.`,
      action: 'Meine Adresse bestätigen',
      validFor: (days) =>
        plural('de', days, {one: 'Der Link ist # Tag lang gültig.', other: 'Der Link ist # Tage lang gültig.'}),
      ignore:
        'Falls du das nicht warst, ignoriere diese E-Mail einfach: Ohne Bestätigung bekommt diese Adresse keine weiteren E-Mails.',
    },
    owner: {
      author: (name, provider, url) =>
        `${name || '(ohne Namen)'} (${provider === 'guest' ? 'als Gast' : `mit einem ${provider}-Konto`}${url ? `, Website ${url}` : ''})`,
      subject: (name, title, held) =>
        held
          ? `Kommentar wartet auf Freigabe: ${who(name)} zu ${q(title, 'einer Seite ohne Titel')}`
          : `Neuer Kommentar: ${who(name)} zu ${q(title, 'einer Seite ohne Titel')}`,
      lead: (author, title, held) =>
        held
          ? `Ein Kommentar von ${author} zu ${q(title, 'einer Seite ohne Titel')} wartet auf deine Freigabe:`
          : `${author} hat einen Kommentar zu ${q(title, 'einer Seite ohne Titel')} geschrieben:`,
      reviewIt: 'Jetzt prüfen',
      moderationPage: 'Moderationsseite',
      reviewOnPage: 'Auf seiner Seite prüfen (als Moderator angemeldet)',
      commentOnPage: 'Der Kommentar auf seiner Seite',
      unverified: (url) => `Laut Thread gehört er zur Seite ${url} (nicht überprüft).`,
      why: 'Du erhältst diese E-Mail, weil diese Adresse als Adresse des Website-Betreibers eingetragen ist (LAR_OWNER_EMAILS).',
      stop: 'Keine Benachrichtigungen mehr an diese Adresse',
    },
    pages: {
      notAllowed: ['Nicht erlaubt', 'Öffne den Link aus der E-Mail.'],
      unsubscribeInvalid: ['Dieser Abmeldelink ist ungültig', hint],
      askUnsubscribe: {
        heading: 'Keine E-Mails mehr erhalten?',
        thread: (email, title) =>
          `Mit dem Button unten erhält ${email} keine E-Mails mehr über neue Kommentare zu ${q(title, 'dieser Seite')}.`,
        all: (email) =>
          `Mit dem Button unten erhält ${email} keine E-Mails mehr über neue Kommentare auf dieser Website.`,
        alerts: (email) =>
          `Mit dem Button unten erhält ${email} keine Benachrichtigungen mehr über Kommentare auf dieser Website.`,
        button: 'Abmelden',
      },
      unsubscribed: {
        heading: 'Du bist abgemeldet',
        thread: (email, title) =>
          `${email} erhält keine E-Mails mehr über neue Kommentare zu ${q(title, 'dieser Seite')}.`,
        all: (email, count) =>
          `${email} erhält keine E-Mails mehr über neue Kommentare auf dieser Website.` +
          (count
            ? ' ' +
              plural('de', count, {
                one: 'Das Abonnement für # Seite ist beendet.',
                other: 'Die Abonnements für # Seiten sind beendet.',
              })
            : ''),
        alerts: (email) => `${email} erhält keine Benachrichtigungen mehr über Kommentare auf dieser Website.`,
      },
      confirmInvalid: ['Dieser Bestätigungslink ist ungültig', hint],
      confirmExpired: [
        'Dieser Bestätigungslink ist abgelaufen',
        'Abonniere die Seite noch einmal, dann bekommst du einen neuen.',
      ],
      askConfirm: {
        heading: 'Adresse bestätigen',
        message: (email) =>
          `Mit dem Button unten bestätigst du, dass ${email} zu jedem neuen Kommentar auf den abonnierten Seiten eine E-Mail erhalten soll.`,
        button: 'Bestätigen',
      },
      confirmed: {
        heading: 'Adresse bestätigt',
        message: (email, count) =>
          `${email} erhält ab jetzt zu jedem neuen Kommentar eine E-Mail, jede mit einem Link zum Abmelden. ` +
          (count
            ? plural('de', count, {one: 'Sie folgt # Seite.', other: 'Sie folgt # Seiten.'})
            : 'Zurzeit folgt sie keiner Seite: Abonniere eine Seite, um über ihre neuen Kommentare informiert zu werden.'),
      },
    },
  };
})();

// Spanish: tú, as the widget's own Spanish; «…» quotes.
const es: MailStrings = (() => {
  const q = (title: string, fallback: string) => (title ? `«${title}»` : fallback);
  const who = (name: string) => name || 'Alguien';
  const hint =
    'Puede que se haya cortado por el camino. Ábrelo desde el propio correo o copia el enlace completo en la barra de direcciones.';
  return {
    lang: 'es',
    dir: 'ltr',
    colon: ': ',
    reader: {
      subject: (name, title, isReply) =>
        isReply
          ? `${who(name)} respondió a tu comentario en ${q(title, 'una página que sigues')}`
          : `Nuevo comentario de ${who(name)} en ${q(title, 'una página que sigues')}`,
      lead: (name, title, isReply) =>
        isReply
          ? `${who(name)} respondió a tu comentario en ${q(title, 'una página que sigues')}:`
          : `${who(name)} comentó en ${q(title, 'una página que sigues')}:`,
      readOnPage: 'Léelo en la página y responde',
      why: (title) =>
        `Recibes este correo porque pediste que te avisáramos de los nuevos comentarios en ${q(title, 'una página que sigues')}.`,
      stopThread: 'No recibir más correos sobre esta página',
      stopAll: 'No recibir más correos sobre ninguna página de este sitio',
    },
    confirm: {
      subject: (title) => `Confirma tu suscripción a los comentarios en ${q(title, 'una página de este sitio')}`,
      lead: (title) =>
        `Alguien, seguramente tú, pidió recibir en esta dirección un correo cada vez que se publique un comentario nuevo en ${q(title, 'una página de este sitio')}.`,
      action: 'Confirmar mi dirección',
      validFor: (days) =>
        plural('es', days, {one: 'El enlace es válido durante # día.', other: 'El enlace es válido durante # días.'}),
      ignore: 'Si no fuiste tú, ignora este correo: esta dirección no recibirá nada más mientras no se confirme.',
    },
    owner: {
      author: (name, provider, url) =>
        `${name || '(sin nombre)'} (${provider === 'guest' ? 'como invitado' : `con una cuenta de ${provider}`}${url ? `, sitio web ${url}` : ''})`,
      subject: (name, title, held) =>
        held
          ? `Comentario pendiente de moderación: ${who(name)} en ${q(title, 'una página sin título')}`
          : `Nuevo comentario: ${who(name)} en ${q(title, 'una página sin título')}`,
      lead: (author, title, held) =>
        held
          ? `Un comentario de ${author} en ${q(title, 'una página sin título')} espera tu revisión:`
          : `${author} comentó en ${q(title, 'una página sin título')}:`,
      reviewIt: 'Revisarlo',
      moderationPage: 'Página de moderación',
      reviewOnPage: 'Revisarlo en su página (con la sesión de moderador iniciada)',
      commentOnPage: 'El comentario en su página',
      unverified: (url) => `Según el hilo, su página es ${url} (sin verificar).`,
      why: 'Recibes este correo porque esta dirección figura como la del propietario del sitio (LAR_OWNER_EMAILS).',
      stop: 'No enviar más avisos a esta dirección',
    },
    pages: {
      notAllowed: ['Acción no permitida', 'Abre el enlace desde el correo.'],
      unsubscribeInvalid: ['Este enlace para darse de baja no es válido', hint],
      askUnsubscribe: {
        heading: '¿Dejar de recibir estos correos?',
        thread: (email, title) =>
          `Pulsa el botón para que ${email} deje de recibir correos sobre los nuevos comentarios en ${q(title, 'esta página')}.`,
        all: (email) =>
          `Pulsa el botón para que ${email} deje de recibir correos sobre los nuevos comentarios en todas las páginas de este sitio.`,
        alerts: (email) =>
          `Pulsa el botón para que ${email} deje de recibir avisos sobre los comentarios de este sitio.`,
        button: 'Darme de baja',
      },
      unsubscribed: {
        heading: 'Baja confirmada',
        thread: (email, title) =>
          `${email} ya no recibirá correos sobre los nuevos comentarios en ${q(title, 'esta página')}.`,
        all: (email, count) =>
          `${email} ya no recibirá correos sobre los nuevos comentarios en ninguna página de este sitio.` +
          (count
            ? ' ' + plural('es', count, {one: 'Estaba suscrita a # página.', other: 'Estaba suscrita a # páginas.'})
            : ''),
        alerts: (email) => `${email} ya no recibirá avisos sobre los comentarios de este sitio.`,
      },
      confirmInvalid: ['Este enlace de confirmación no es válido', hint],
      confirmExpired: [
        'Este enlace de confirmación ha caducado',
        'Vuelve a suscribirte en la página para recibir uno nuevo.',
      ],
      askConfirm: {
        heading: 'Confirma tu dirección',
        message: (email) =>
          `Pulsa el botón para confirmar que ${email} quiere recibir un correo por cada comentario nuevo en las páginas a las que se suscribió.`,
        button: 'Confirmar',
      },
      confirmed: {
        heading: 'Dirección confirmada',
        message: (email, count) =>
          `A partir de ahora, ${email} recibirá un correo por cada comentario nuevo; cada uno incluye un enlace para darse de baja. ` +
          (count
            ? plural('es', count, {one: 'Sigue # página.', other: 'Sigue # páginas.'})
            : 'Ahora mismo no sigue ninguna página: suscríbete en una página para recibir sus comentarios nuevos.'),
      },
    },
  };
})();

// Japanese: polite form, full-width punctuation, 「…」 quotes, さん after a name.
const ja: MailStrings = (() => {
  const q = (title: string, fallback: string) => (title ? `「${title}」` : fallback);
  const who = (name: string) => (name ? `${name}さん` : 'どなたか');
  const hint =
    '途中で切れてしまった可能性があります。メールから直接開くか、リンク全体をコピーしてアドレスバーに貼り付けてください。';
  return {
    lang: 'ja',
    dir: 'ltr',
    colon: '：',
    reader: {
      subject: (name, title, isReply) =>
        isReply
          ? `${who(name)}が${q(title, 'フォロー中のページ')}のあなたのコメントに返信しました`
          : `${q(title, 'フォロー中のページ')}に${who(name)}から新しいコメントが届きました`,
      lead: (name, title, isReply) =>
        isReply
          ? `${who(name)}が${q(title, 'フォロー中のページ')}のあなたのコメントに返信しました：`
          : `${who(name)}が${q(title, 'フォロー中のページ')}にコメントしました：`,
      readOnPage: 'ページで読んで返信する',
      why: (title) =>
        `${q(title, 'フォロー中のページ')}の新しいコメントをメールで受け取る設定になっているため、このメールをお送りしています。`,
      stopThread: 'このページに関するメールを停止する',
      stopAll: 'このサイトのすべてのページに関するメールを停止する',
    },
    confirm: {
      subject: (title) => `【ご確認ください】${q(title, 'このサイトのページ')}の新着コメントのお知らせ`,
      lead: (title) =>
        `${q(title, 'このサイトのページ')}に新しいコメントが投稿されるたびに、このアドレスへメールを送るよう依頼がありました（おそらくご本人によるものです）。`,
      action: 'メールアドレスを確認する',
      validFor: (days) => plural('ja', days, {other: 'このリンクの有効期間は#日間です。'}),
      ignore:
        'お心当たりがない場合は、このメールを破棄してください。確認されない限り、このアドレスに今後メールが届くことはありません。',
    },
    owner: {
      author: (name, provider, url) =>
        `${name || '（名前なし）'}（${provider === 'guest' ? 'ゲスト' : `${provider}アカウント`}${url ? `、ウェブサイト：${url}` : ''}）`,
      subject: (name, title, held) =>
        held
          ? `【承認待ち】${q(title, 'タイトルのないページ')}への${who(name)}のコメント`
          : `【新着コメント】${q(title, 'タイトルのないページ')}への${who(name)}のコメント`,
      lead: (author, title, held) =>
        held
          ? `${q(title, 'タイトルのないページ')}への${author}のコメントが承認を待っています：`
          : `${author}が${q(title, 'タイトルのないページ')}にコメントしました：`,
      reviewIt: '確認する',
      moderationPage: 'モデレーションページ',
      reviewOnPage: 'ページ上で確認する（モデレーターとしてログイン）',
      commentOnPage: 'ページ上のコメント',
      unverified: (url) => `このスレッドのページは${url}とされています（未確認）。`,
      why: 'このアドレスがサイト管理者のアドレス（LAR_OWNER_EMAILS）として設定されているため、このメールをお送りしています。',
      stop: 'このアドレスへの通知を停止する',
    },
    pages: {
      notAllowed: ['この操作はできません', 'メールに記載されたリンクから開いてください。'],
      unsubscribeInvalid: ['この配信停止リンクは無効です', hint],
      askUnsubscribe: {
        heading: 'メールの配信を停止しますか？',
        thread: (email, title) =>
          `ボタンを押すと、${q(title, 'このページ')}の新しいコメントに関するメールが${email}に届かなくなります。`,
        all: (email) =>
          `ボタンを押すと、このサイトのすべてのページの新しいコメントに関するメールが${email}に届かなくなります。`,
        alerts: (email) => `ボタンを押すと、このサイトのコメントに関する通知が${email}に届かなくなります。`,
        button: '配信を停止する',
      },
      unsubscribed: {
        heading: '配信を停止しました',
        thread: (email, title) =>
          `${q(title, 'このページ')}の新しいコメントに関するメールは、今後${email}に届きません。`,
        all: (email, count) =>
          `このサイトのどのページについても、新しいコメントに関するメールは今後${email}に届きません。` +
          (count ? plural('ja', count, {other: '#件のページの購読を解除しました。'}) : ''),
        alerts: (email) => `このサイトのコメントに関する通知は、今後${email}に届きません。`,
      },
      confirmInvalid: ['この確認リンクは無効です', hint],
      confirmExpired: [
        'この確認リンクは有効期限が切れています',
        'ページでもう一度購読すると、新しいリンクをお送りします。',
      ],
      askConfirm: {
        heading: 'メールアドレスの確認',
        message: (email) =>
          `ボタンを押すと、購読したページに新しいコメントが投稿されたとき、${email}にメールが届くようになります。`,
        button: '確認する',
      },
      confirmed: {
        heading: 'メールアドレスを確認しました',
        message: (email, count) =>
          `今後、新しいコメントのお知らせが${email}に届きます。各メールには配信停止のリンクがあります。` +
          (count
            ? plural('ja', count, {other: '現在、#件のページをフォローしています。'})
            : '現在フォロー中のページはありません。ページで購読すると、新しいコメントのお知らせが届くようになります。'),
      },
    },
  };
})();

// Arabic: right to left; «…» quotes; the six plural forms of the widget's own Arabic.
const ar: MailStrings = (() => {
  const q = (title: string, fallback: string) => (title ? `«${title}»` : fallback);
  const who = (name: string) => name || 'شخص ما';
  const hint = 'ربما اقتُطع جزء منه في الطريق. افتحه من الرسالة نفسها، أو انسخه كاملًا في شريط العنوان.';
  /** "In N pages", after في (the dual in the genitive, 11–99 with the accusative singular). */
  const pages = (lead: string): Forms => ({
    zero: `${lead} # صفحة.`,
    one: `${lead} صفحة واحدة.`,
    two: `${lead} صفحتين.`,
    few: `${lead} # صفحات.`,
    many: `${lead} # صفحةً.`,
    other: `${lead} # صفحة.`,
  });
  return {
    lang: 'ar',
    dir: 'rtl',
    colon: ': ',
    reader: {
      subject: (name, title, isReply) =>
        isReply
          ? `ردّ ${who(name)} على تعليقك في ${q(title, 'صفحة تتابعها')}`
          : `تعليق جديد من ${who(name)} على ${q(title, 'صفحة تتابعها')}`,
      lead: (name, title, isReply) =>
        isReply
          ? `ردّ ${who(name)} على تعليقك في ${q(title, 'صفحة تتابعها')}:`
          : `علّق ${who(name)} على ${q(title, 'صفحة تتابعها')}:`,
      readOnPage: 'اقرأه على الصفحة وشارك بردّك',
      why: (title) => `تصلك هذه الرسالة لأنك طلبت إعلامك بالتعليقات الجديدة على ${q(title, 'صفحة تتابعها')}.`,
      stopThread: 'إيقاف الرسائل عن هذه الصفحة',
      stopAll: 'إيقاف الرسائل عن كل صفحات هذا الموقع',
    },
    confirm: {
      subject: (title) => `يُرجى التأكيد: رسائل عن التعليقات الجديدة على ${q(title, 'صفحة من هذا الموقع')}`,
      lead: (title) =>
        `طلب أحدهم، وغالبًا أنت، أن تصل إلى هذا العنوان رسالة كلما نُشر تعليق جديد على ${q(title, 'صفحة من هذا الموقع')}.`,
      action: 'تأكيد عنواني',
      validFor: (days) =>
        plural('ar', days, {
          one: 'الرابط صالح لمدة يوم واحد.',
          two: 'الرابط صالح لمدة يومين.',
          few: 'الرابط صالح لمدة # أيام.',
          many: 'الرابط صالح لمدة # يومًا.',
          other: 'الرابط صالح لمدة # يوم.',
        }),
      ignore: 'إذا لم تكن أنت صاحب الطلب فتجاهل هذه الرسالة: لن يصل إلى هذا العنوان شيء آخر ما لم يُؤكَّد.',
    },
    owner: {
      author: (name, provider, url) =>
        `${name || '(بلا اسم)'} (${provider === 'guest' ? 'زائر' : `بحساب ${provider}`}${url ? `، موقعه: ${url}` : ''})`,
      subject: (name, title, held) =>
        held
          ? `تعليق بانتظار المراجعة: ${who(name)} على ${q(title, 'صفحة بلا عنوان')}`
          : `تعليق جديد: ${who(name)} على ${q(title, 'صفحة بلا عنوان')}`,
      lead: (author, title, held) =>
        held
          ? `تعليق من ${author} على ${q(title, 'صفحة بلا عنوان')} بانتظار مراجعتك:`
          : `علّق ${author} على ${q(title, 'صفحة بلا عنوان')}:`,
      reviewIt: 'راجِعه',
      moderationPage: 'صفحة الإشراف',
      reviewOnPage: 'راجِعه على صفحته (بعد تسجيل الدخول مشرفًا)',
      commentOnPage: 'التعليق على صفحته',
      unverified: (url) => `يذكر النقاش أن صفحته هي ${url} (لم يُتحقَّق من ذلك).`,
      why: 'تصلك هذه الرسالة لأن هذا العنوان مُعَدّ عنوانًا لمالك الموقع (LAR_OWNER_EMAILS).',
      stop: 'إيقاف هذه التنبيهات إلى هذا العنوان',
    },
    pages: {
      notAllowed: ['غير مسموح', 'افتح الرابط من الرسالة.'],
      unsubscribeInvalid: ['رابط إلغاء الاشتراك هذا غير صالح', hint],
      askUnsubscribe: {
        heading: 'إيقاف هذه الرسائل؟',
        thread: (email, title) =>
          `اضغط الزر أدناه لإيقاف الرسائل عن التعليقات الجديدة على ${q(title, 'هذه الصفحة')} إلى ${email}.`,
        all: (email) => `اضغط الزر أدناه لإيقاف الرسائل عن التعليقات الجديدة على كل صفحات هذا الموقع إلى ${email}.`,
        alerts: (email) => `اضغط الزر أدناه لإيقاف التنبيهات عن تعليقات هذا الموقع إلى ${email}.`,
        button: 'إلغاء الاشتراك',
      },
      unsubscribed: {
        heading: 'أُلغي الاشتراك',
        thread: (email, title) =>
          `لن تصل بعد الآن إلى ${email} رسائل عن التعليقات الجديدة على ${q(title, 'هذه الصفحة')}.`,
        all: (email, count) =>
          `لن تصل بعد الآن إلى ${email} رسائل عن التعليقات الجديدة على أي صفحة من هذا الموقع.` +
          (count ? ' ' + plural('ar', count, pages('كان هذا العنوان مشتركًا في')) : ''),
        alerts: (email) => `لن تصل بعد الآن إلى ${email} تنبيهات عن تعليقات هذا الموقع.`,
      },
      confirmInvalid: ['رابط التأكيد هذا غير صالح', hint],
      confirmExpired: ['انتهت صلاحية رابط التأكيد هذا', 'اشترك من جديد على الصفحة ليصلك رابط جديد.'],
      askConfirm: {
        heading: 'تأكيد عنوانك',
        message: (email) =>
          `اضغط الزر أدناه لتأكيد رغبتك في أن تصل إلى ${email} رسالة عن كل تعليق جديد على الصفحات التي اشتركت فيها.`,
        button: 'تأكيد',
      },
      confirmed: {
        heading: 'تم تأكيد عنوانك',
        message: (email, count) =>
          `ستصل من الآن إلى ${email} رسالة عن كل تعليق جديد، وفي كل رسالة رابط لإلغاء الاشتراك. ` +
          (count
            ? plural('ar', count, pages('هذا العنوان مشترك الآن في'))
            : 'لا يتابع هذا العنوان أي صفحة حاليًا: اشترك في صفحة لتصلك تعليقاتها الجديدة.'),
      },
    },
  };
})();

const CATALOGS: Record<Language, MailStrings> = {en, fr, de, es, ja, ar};

/** The strings of a language (English for anything else). */
export const mailStrings = (lang: unknown): MailStrings => CATALOGS[languageOf(lang)];
