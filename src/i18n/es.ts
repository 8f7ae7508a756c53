import type {Messages} from './en.js';
import {plural} from './plural.js';

const n = (value: number) => value.toLocaleString('es');

export const es: Messages = {
  lang: 'es',
  heading: (count, title) =>
    count === 0
      ? `Aún no hay opiniones sobre «${title}»`
      : plural('es', count, {one: `# opinión sobre «${title}»`, other: `# opiniones sobre «${title}»`}),
  headingUntitled: (count) => (count === 0 ? 'Aún no hay opiniones' : plural('es', count, {one: '# opinión', other: '# opiniones'})),
  countBadge: (count) => (count === 0 ? 'Aún no hay opiniones' : plural('es', count, {one: '# opinión', other: '# opiniones'})),
  leaveReply: 'Deja una respuesta',
  leaveReplyTo: (name) => `Responder a ${name}`,
  cancelReply: 'Cancelar respuesta',
  guestIntro: 'Introduce tus datos o haz clic en un icono para iniciar sesión:',
  email: 'Correo electrónico (obligatorio)',
  emailNote: 'La dirección nunca se hará pública',
  name: 'Nombre (obligatorio)',
  website: 'Web',
  comment: 'Comentario',
  remember: 'Guardar mi nombre, correo electrónico y web en este navegador para la próxima vez que comente.',
  postComment: 'Publicar el comentario',
  posting: 'Publicando…',
  reply: 'Responder',
  replyTo: (name) => `Responder a ${name}`,
  inReplyTo: (name) => `En respuesta a ${name}`,
  loadMore: 'Cargar más comentarios',
  loading: 'Cargando comentarios…',
  sending: 'Enviando…',
  awaitingModeration: 'Tu comentario está pendiente de moderación.',
  offline: 'No tienes conexión. Los comentarios nuevos se enviarán cuando vuelva.',
  locked: 'Los comentarios están cerrados.',
  posted: 'Tu comentario se ha publicado.',
  queued: 'Tu comentario se enviará cuando vuelva la conexión.',
  newComment: (name) => `Nuevo comentario de ${name}.`,
  draftRestored: 'Se ha recuperado tu comentario sin enviar.',
  loadError: 'No se han podido cargar los comentarios.',
  postError: (reason) => `Tu comentario no se ha publicado: ${reason} Tu texto sigue aquí.`,
  fixErrors: (count) => plural('es', count, {one: 'Corrige # campo.', other: 'Corrige # campos.'}),
  errors: {
    bodyRequired: 'Escribe un comentario.',
    bodyTooLong: (limit, length) => `Tu comentario tiene ${n(length)} caracteres; el límite es ${n(limit)}.`,
    bodyTooManyLinks: (limit) => `Un comentario puede contener como máximo ${limit} enlaces.`,
    nameRequired: 'Introduce tu nombre.',
    nameTooLong: (limit) => `Los nombres tienen un límite de ${limit} caracteres.`,
    emailRequired: 'Introduce tu correo electrónico. Nunca se hará público.',
    emailInvalid: 'Introduce un correo electrónico válido, como nombre@ejemplo.es.',
    emailTooLong: (limit) => `Los correos electrónicos tienen un límite de ${limit} caracteres.`,
    urlInvalid: 'Introduce una dirección web, como https://ejemplo.es.',
    urlTooLong: (limit) => `Las direcciones web tienen un límite de ${limit} caracteres.`,
  },
  configError: (detail) => `leave-a-reply no puede arrancar: ${detail}`,
};
