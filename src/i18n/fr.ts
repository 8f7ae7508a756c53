import type {Messages} from './en.js';
import {plural} from './plural.js';

const n = (value: number) => value.toLocaleString('fr');

export const fr: Messages = {
  lang: 'fr',
  heading: (count, title) =>
    count === 0
      ? `Aucun avis pour l’instant sur « ${title} »`
      : plural('fr', count, {one: `# avis sur « ${title} »`, other: `# avis sur « ${title} »`}),
  headingUntitled: (count) => (count === 0 ? 'Aucun avis pour l’instant' : plural('fr', count, {one: '# avis', other: '# avis'})),
  countBadge: (count) => (count === 0 ? 'Aucun avis pour l’instant' : plural('fr', count, {one: '# avis', other: '# avis'})),
  leaveReply: 'Laisser un commentaire',
  leaveReplyTo: (name) => `Répondre à ${name}`,
  cancelReply: 'Annuler la réponse',
  guestIntro: 'Renseignez vos coordonnées ci-dessous ou cliquez sur une icône pour vous connecter :',
  email: 'E-mail (obligatoire)',
  emailNote: 'Adresse jamais rendue publique',
  name: 'Nom (obligatoire)',
  website: 'Site web',
  comment: 'Commentaire',
  remember: 'Enregistrer mon nom, mon e-mail et mon site dans ce navigateur pour mon prochain commentaire.',
  postComment: 'Publier le commentaire',
  posting: 'Publication…',
  reply: 'Répondre',
  replyTo: (name) => `Répondre à ${name}`,
  inReplyTo: (name) => `En réponse à ${name}`,
  loadMore: 'Charger plus de commentaires',
  loading: 'Chargement des commentaires…',
  sending: 'Envoi…',
  awaitingModeration: 'Votre commentaire est en attente de modération.',
  offline: 'Vous êtes hors ligne. Les nouveaux commentaires seront envoyés au retour de la connexion.',
  locked: 'Les commentaires sont fermés.',
  posted: 'Votre commentaire a été publié.',
  queued: 'Votre commentaire sera envoyé au retour de la connexion.',
  newComment: (name) => `Nouveau commentaire de ${name}.`,
  draftRestored: 'Votre commentaire non envoyé a été restauré.',
  loadError: 'Impossible de charger les commentaires.',
  postError: (reason) => `Votre commentaire n’a pas été publié : ${reason} Votre texte est toujours là.`,
  fixErrors: (count) => plural('fr', count, {one: 'Veuillez corriger # champ.', other: 'Veuillez corriger # champs.'}),
  errors: {
    bodyRequired: 'Veuillez écrire un commentaire.',
    bodyTooLong: (limit, length) => `Votre commentaire fait ${n(length)} caractères ; la limite est de ${n(limit)}.`,
    bodyTooManyLinks: (limit) => `Un commentaire peut contenir au plus ${limit} liens.`,
    nameRequired: 'Veuillez saisir votre nom.',
    nameTooLong: (limit) => `Les noms sont limités à ${limit} caractères.`,
    emailRequired: 'Veuillez saisir votre adresse e-mail. Elle n’est jamais rendue publique.',
    emailInvalid: 'Veuillez saisir une adresse e-mail valide, comme nom@exemple.fr.',
    emailTooLong: (limit) => `Les adresses e-mail sont limitées à ${limit} caractères.`,
    urlInvalid: 'Veuillez saisir une adresse web, comme https://exemple.fr.',
    urlTooLong: (limit) => `Les adresses web sont limitées à ${limit} caractères.`,
  },
  configError: (detail) => `leave-a-reply ne peut pas démarrer : ${detail}`,
};
