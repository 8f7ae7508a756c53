import type {Messages} from './en.js';
import {plural} from './plural.js';

const n = (value: number) => value.toLocaleString('fr');

export const fr: Messages = {
  lang: 'fr',
  heading: (count, title) =>
    count === 0
      ? `Aucune réflexion pour l’instant sur « ${title} »`
      : plural('fr', count, {one: `# réflexion sur « ${title} »`, other: `# réflexions sur « ${title} »`}),
  headingUntitled: (count) =>
    count === 0 ? 'Aucune réflexion pour l’instant' : plural('fr', count, {one: '# réflexion', other: '# réflexions'}),
  countBadge: (count) =>
    count === 0 ? 'Aucun commentaire' : plural('fr', count, {one: '# commentaire', other: '# commentaires'}),
  headingLoading: (title) => (title ? `Réflexions sur « ${title} »` : 'Réflexions'),
  leaveReply: 'Laisser un commentaire',
  leaveReplyTo: (name) => `Répondre à ${name}`,
  cancelReply: 'Annuler la réponse',
  guestIntro: 'Renseignez vos coordonnées ci-dessous ou cliquez sur une icône pour vous connecter :',
  guestDetails: 'Renseignez vos coordonnées ci-dessous :',
  email: 'E-mail (obligatoire)',
  emailNote: 'Adresse jamais rendue publique',
  name: 'Nom (obligatoire)',
  website: 'Site web',
  comment: 'Commentaire',
  formattingHint: '**gras**, *italique*, `code`, > citation, - liste',
  preview: 'Aperçu',
  remember: 'Enregistrer mon nom, mon e-mail et mon site dans ce navigateur pour mon prochain commentaire.',
  notify: 'Me notifier des nouveaux commentaires par e-mail.',
  notifyConfirm: 'Consultez votre boîte de réception pour confirmer.',
  notifyError: 'Votre commentaire a été publié, mais les notifications par e-mail n’ont pas pu être activées.',
  honeypot: 'Laissez ce champ vide',
  postComment: 'Publier le commentaire',
  posting: 'Publication en cours…',
  reply: 'Répondre',
  replyTo: (name) => `Répondre à ${name}`,
  inReplyTo: (name) => `En réponse à ${name}`,
  deletedComment: 'Ce commentaire a été supprimé.',
  providerBadge: {guest: 'invité', email: 'e-mail', custom: 'membre'},
  loadMore: 'Charger plus de commentaires',
  loading: 'Chargement des commentaires…',
  sending: 'Envoi…',
  awaitingModeration: 'Votre commentaire est en attente de modération.',
  offline: 'Vous êtes hors ligne. Les nouveaux commentaires seront envoyés au retour de la connexion.',
  locked: 'Les commentaires sont fermés.',
  posted: 'Votre commentaire a été publié.',
  queued: 'Votre commentaire sera envoyé au retour de la connexion.',
  sendingElsewhere: 'Ce commentaire est en cours d’envoi depuis un autre onglet de cette page…',
  newComment: (name) => `Nouveau commentaire de ${name}.`,
  draftRestored: 'Votre commentaire non envoyé a été restauré.',
  linkedCommentMissing:
    'Le commentaire visé par ce lien n’est pas ici : il a peut-être été supprimé, ou il est en attente de modération.',
  loadError: 'Impossible de charger les commentaires.',
  postError: (reason) => `Votre commentaire n’a pas été publié : ${reason} Votre texte est toujours là.`,
  fixErrors: (count) => plural('fr', count, {one: 'Veuillez corriger # champ.', other: 'Veuillez corriger # champs.'}),
  errors: {
    bodyRequired: 'Veuillez écrire un commentaire.',
    bodyTooLong: (limit, length) =>
      plural('fr', length, {
        one: `Votre commentaire fait # caractère ; la limite est de ${n(limit)}.`,
        other: `Votre commentaire fait # caractères ; la limite est de ${n(limit)}.`,
      }),
    bodyTooManyLinks: (limit) =>
      plural('fr', limit, {
        one: 'Un commentaire peut contenir au plus # lien.',
        other: 'Un commentaire peut contenir au plus # liens.',
      }),
    nameRequired: 'Veuillez saisir votre nom.',
    nameTooLong: (limit) =>
      plural('fr', limit, {
        one: 'Les noms sont limités à # caractère.',
        other: 'Les noms sont limités à # caractères.',
      }),
    emailRequired: 'Veuillez saisir votre adresse e-mail. Elle n’est jamais rendue publique.',
    emailInvalid: 'Veuillez saisir une adresse e-mail valide, comme nom@exemple.fr.',
    emailTooLong: (limit) =>
      plural('fr', limit, {
        one: 'Les adresses e-mail sont limitées à # caractère.',
        other: 'Les adresses e-mail sont limitées à # caractères.',
      }),
    urlInvalid: 'Veuillez saisir une adresse web, comme https://exemple.fr.',
    urlTooLong: (limit) =>
      plural('fr', limit, {
        one: 'Les adresses web sont limitées à # caractère.',
        other: 'Les adresses web sont limitées à # caractères.',
      }),
    postTooSoon: (seconds) =>
      plural('fr', seconds, {
        one: 'Veuillez patienter # seconde avant de publier à nouveau.',
        other: 'Veuillez patienter # secondes avant de publier à nouveau.',
      }),
  },
  signIn: {
    intro: 'Cliquez sur une icône pour vous connecter :',
    logInWith: (provider) => `Se connecter avec ${provider}`,
    logInWithEmail: 'Se connecter avec un lien reçu par e-mail',
    emailName: 'un e-mail',
    connecting: (provider) => `Connexion à ${provider}…`,
    signedIn: (provider) => `Vous commentez avec votre compte ${provider}.`,
    signedInEmail: 'Vous commentez avec votre adresse e-mail.',
    signedInSite: 'Vous commentez avec votre compte sur ce site.',
    logOut: 'Se déconnecter',
    change: 'Changer',
    keep: 'Annuler',
    asGuest: 'Commenter en tant qu’invité',
    loggedOut: 'Vous êtes déconnecté.',
    linked: (provider) =>
      `Vos commentaires précédents en tant qu’invité font désormais partie de votre compte ${provider}.`,
    switched: (provider) =>
      `Ce compte ${provider} était déjà utilisé ici : vous êtes maintenant connecté avec lui. Les commentaires écrits en tant qu’invité restent sous votre nom d’invité.`,
    emailLabel: 'Votre adresse e-mail',
    sendLink: 'Envoyer le lien',
    sendingLink: 'Envoi du lien…',
    linkSent: (email) =>
      `Nous avons envoyé un lien de connexion à ${email}. Ouvrez-le dans ce navigateur pour terminer la connexion ; votre commentaire vous attendra.`,
    confirmEmail: 'Confirmez votre adresse e-mail pour terminer la connexion :',
    logIn: 'Se connecter',
    finishing: 'Connexion en cours…',
    required: 'Veuillez vous connecter pour commenter.',
    errors: {
      cancelled: 'La connexion a été annulée. Votre commentaire est toujours là.',
      notEnabled: (provider) =>
        `La connexion avec ${provider} n’est pas activée sur ce site. Votre commentaire est toujours là.`,
      accountExists:
        'Cette adresse e-mail appartient à un compte qui se connecte autrement. Connectez-vous comme la dernière fois. Votre commentaire est toujours là.',
      invalidLink: 'Ce lien de connexion a expiré ou a déjà été utilisé. Demandez-en un nouveau ci-dessous.',
      invalidEmail: 'Veuillez saisir une adresse e-mail valide, comme nom@exemple.fr.',
      linkResent: (email) =>
        `${email} a déjà un compte ici : nous avons envoyé un nouveau lien qui connecte à ce compte. Les commentaires écrits en tant qu’invité restent sous votre nom d’invité.`,
      network:
        'Le service de connexion est injoignable. Vérifiez votre connexion et réessayez. Votre commentaire est toujours là.',
      failed: (provider) =>
        `Impossible de se connecter avec ${provider}. Réessayez dans un instant. Votre commentaire est toujours là.`,
    },
  },
  actions: {
    edit: 'Modifier',
    delete: 'Supprimer',
    approve: 'Approuver',
    hide: 'Masquer',
    pin: 'Épingler',
    unpin: 'Désépingler',
    copyLink: 'Copier le lien',
    like: 'J’aime',
    likeLabel: (count, name) =>
      plural('fr', count, {
        one: `J’aime (# mention J’aime, commentaire de ${name})`,
        other: `J’aime (# mentions J’aime, commentaire de ${name})`,
      }),
    likeNeedsAccount:
      'Pour aimer un commentaire, il faut un compte invité, qui n’a pas pu être créé. Réessayez plus tard.',
    on: (action, name) => `${action} (commentaire de ${name})`,
    editLabel: 'Modifier votre commentaire',
    save: 'Enregistrer',
    cancel: 'Annuler',
    confirmDelete: 'Supprimer ce commentaire ?',
    edited: 'modifié',
    editedAt: (time) => `Modifié le ${time}`,
    pendingBadge: 'En attente de modération',
    hiddenBadge: 'Masqué',
    pinnedBadge: 'Épinglé',
    closeComments: 'Fermer les commentaires',
    reopenComments: 'Rouvrir les commentaires',
    saved: 'Votre modification a été enregistrée.',
    savedPending: 'Votre modification a été enregistrée et attend la modération.',
    deleted: 'Le commentaire a été supprimé.',
    approved: 'Le commentaire a été approuvé.',
    hidden: 'Le commentaire a été masqué.',
    pinned: 'Le commentaire a été épinglé.',
    unpinned: 'Le commentaire n’est plus épinglé.',
    closed: 'Les commentaires sont maintenant fermés.',
    reopened: 'Les commentaires sont de nouveau ouverts.',
    linkCopied: 'Lien copié.',
    linkInAddressBar: 'Le lien vers ce commentaire est dans la barre d’adresse.',
    failed: (reason) => `L’action a échoué : ${reason}`,
    notAllowed: 'Vous n’êtes pas autorisé à faire cela.',
    expired: 'Le délai pour modifier ce commentaire est dépassé.',
  },
  refusals: {
    refused: 'Le site ne l’a pas accepté.',
    tryAgainIn: (seconds) =>
      plural('fr', seconds, {
        one: 'Veuillez patienter # seconde avant de réessayer.',
        other: 'Veuillez patienter # secondes avant de réessayer.',
      }),
    gone: 'Le commentaire auquel vous répondez n’est plus disponible.',
    invalid: 'Ce texte n’a pas été accepté tel quel. Vérifiez-le et réessayez.',
    offline: 'Vous semblez hors ligne. Réessayez quand la connexion sera rétablie.',
    busy: 'Le site reçoit trop de commentaires en ce moment. Réessayez dans quelques minutes.',
    unknown: 'Une erreur s’est produite. Veuillez réessayer.',
  },
  configError: (detail) => `leave-a-reply ne peut pas démarrer : ${detail}`,
};
