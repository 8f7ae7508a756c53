import type {Messages} from './en.js';
import {plural} from './plural.js';

const n = (value: number) => value.toLocaleString('es');

export const es: Messages = {
  lang: 'es',
  heading: (count, title) =>
    count === 0
      ? `Aún no hay comentarios sobre «${title}»`
      : plural('es', count, {one: `# comentario sobre «${title}»`, other: `# comentarios sobre «${title}»`}),
  headingUntitled: (count) =>
    count === 0 ? 'Aún no hay comentarios' : plural('es', count, {one: '# comentario', other: '# comentarios'}),
  countBadge: (count) =>
    count === 0 ? 'Aún no hay comentarios' : plural('es', count, {one: '# comentario', other: '# comentarios'}),
  headingLoading: (title) => (title ? `Comentarios sobre «${title}»` : 'Comentarios'),
  leaveReply: 'Deja una respuesta',
  leaveReplyTo: (name) => `Responder a ${name}`,
  cancelReply: 'Cancelar respuesta',
  guestIntro: 'Introduce tus datos o haz clic en un icono para iniciar sesión:',
  guestDetails: 'Introduce tus datos:',
  email: 'Correo electrónico (obligatorio)',
  emailNote: 'La dirección nunca se hará pública',
  name: 'Nombre (obligatorio)',
  website: 'Web',
  comment: 'Comentario',
  formattingHint: '**negrita**, *cursiva*, `código`, > cita, - lista',
  preview: 'Vista previa',
  remember: 'Guardar mi nombre, correo electrónico y web en este navegador para la próxima vez que comente.',
  notify: 'Notificarme los nuevos comentarios por correo electrónico.',
  notifyConfirm: 'Revisa tu bandeja de entrada para confirmar.',
  notifyError:
    'Tu comentario se ha publicado, pero no se han podido activar las notificaciones por correo electrónico.',
  honeypot: 'Deja este campo vacío',
  postComment: 'Publicar el comentario',
  posting: 'Publicando…',
  reply: 'Responder',
  replyTo: (name) => `Responder a ${name}`,
  inReplyTo: (name) => `En respuesta a ${name}`,
  deletedComment: 'Este comentario se ha eliminado.',
  providerBadge: {guest: 'invitado', email: 'correo', custom: 'miembro'},
  loadMore: 'Cargar más comentarios',
  loading: 'Cargando comentarios…',
  sending: 'Enviando…',
  awaitingModeration: 'Tu comentario está pendiente de moderación.',
  offline: 'No tienes conexión. Los comentarios nuevos se enviarán cuando vuelva.',
  locked: 'Los comentarios están cerrados.',
  posted: 'Tu comentario se ha publicado.',
  queued: 'Tu comentario se enviará cuando vuelva la conexión.',
  sendingElsewhere: 'Este comentario se está enviando desde otra pestaña de esta página…',
  newComment: (name) => `Nuevo comentario de ${name}.`,
  draftRestored: 'Se ha recuperado tu comentario sin enviar.',
  linkedCommentMissing:
    'El comentario al que apunta este enlace no está aquí: puede que se haya eliminado o que esté pendiente de moderación.',
  loadError: 'No se han podido cargar los comentarios.',
  postError: (reason) => `Tu comentario no se ha publicado: ${reason} Tu texto sigue aquí.`,
  fixErrors: (count) => plural('es', count, {one: 'Corrige # campo.', other: 'Corrige # campos.'}),
  errors: {
    bodyRequired: 'Escribe un comentario.',
    bodyTooLong: (limit, length) =>
      plural('es', length, {
        one: `Tu comentario tiene # carácter; el límite es ${n(limit)}.`,
        other: `Tu comentario tiene # caracteres; el límite es ${n(limit)}.`,
      }),
    bodyTooManyLinks: (limit) =>
      plural('es', limit, {
        one: 'Un comentario puede contener como máximo # enlace.',
        other: 'Un comentario puede contener como máximo # enlaces.',
      }),
    nameRequired: 'Introduce tu nombre.',
    nameTooLong: (limit) =>
      plural('es', limit, {
        one: 'Los nombres tienen un límite de # carácter.',
        other: 'Los nombres tienen un límite de # caracteres.',
      }),
    emailRequired: 'Introduce tu correo electrónico. Nunca se hará público.',
    emailInvalid: 'Introduce un correo electrónico válido, como nombre@ejemplo.es.',
    emailTooLong: (limit) =>
      plural('es', limit, {
        one: 'Los correos electrónicos tienen un límite de # carácter.',
        other: 'Los correos electrónicos tienen un límite de # caracteres.',
      }),
    urlInvalid: 'Introduce una dirección web, como https://ejemplo.es.',
    urlTooLong: (limit) =>
      plural('es', limit, {
        one: 'Las direcciones web tienen un límite de # carácter.',
        other: 'Las direcciones web tienen un límite de # caracteres.',
      }),
    postTooSoon: (seconds) =>
      plural('es', seconds, {
        one: 'Espera # segundo antes de volver a publicar.',
        other: 'Espera # segundos antes de volver a publicar.',
      }),
  },
  signIn: {
    intro: 'Haz clic en un icono para iniciar sesión:',
    logInWith: (provider) => `Iniciar sesión con ${provider}`,
    logInWithEmail: 'Iniciar sesión con un enlace por correo electrónico',
    emailName: 'correo electrónico',
    connecting: (provider) => `Conectando con ${provider}…`,
    signedIn: (provider) => `Estás comentando con tu cuenta de ${provider}.`,
    signedInEmail: 'Estás comentando con tu dirección de correo electrónico.',
    signedInSite: 'Estás comentando con tu cuenta de este sitio.',
    logOut: 'Cerrar sesión',
    change: 'Cambiar',
    keep: 'Cancelar',
    asGuest: 'Comentar como invitado',
    loggedOut: 'Has cerrado la sesión.',
    linked: (provider) => `Tus comentarios anteriores como invitado ahora forman parte de tu cuenta de ${provider}.`,
    switched: (provider) =>
      `Esa cuenta de ${provider} ya se usaba aquí, así que ahora has iniciado sesión con ella. Lo que escribiste como invitado sigue con tu nombre de invitado.`,
    emailLabel: 'Tu correo electrónico',
    sendLink: 'Enviar enlace',
    sendingLink: 'Enviando el enlace…',
    linkSent: (email) =>
      `Hemos enviado un enlace de acceso a ${email}. Ábrelo en este navegador para terminar de iniciar sesión; tu comentario te estará esperando.`,
    confirmEmail: 'Confirma tu correo electrónico para terminar de iniciar sesión:',
    logIn: 'Iniciar sesión',
    finishing: 'Iniciando sesión…',
    required: 'Inicia sesión para comentar.',
    errors: {
      cancelled: 'Se canceló el inicio de sesión. Tu comentario sigue aquí.',
      notEnabled: (provider) =>
        `Este sitio no tiene activado el inicio de sesión con ${provider}. Tu comentario sigue aquí.`,
      accountExists:
        'Ese correo electrónico pertenece a una cuenta que inicia sesión de otra forma. Inicia sesión como la última vez. Tu comentario sigue aquí.',
      invalidLink: 'Este enlace de acceso ha caducado o ya se usó. Pide uno nuevo abajo.',
      invalidEmail: 'Introduce un correo electrónico válido, como nombre@ejemplo.es.',
      linkResent: (email) =>
        `${email} ya tiene una cuenta aquí, así que hemos enviado un enlace nuevo que inicia sesión en ella. Lo que escribiste como invitado sigue con tu nombre de invitado.`,
      network:
        'No se pudo contactar con el servicio de acceso. Comprueba tu conexión y vuelve a intentarlo. Tu comentario sigue aquí.',
      failed: (provider) =>
        `No se pudo iniciar sesión con ${provider}. Vuelve a intentarlo en un momento. Tu comentario sigue aquí.`,
    },
  },
  actions: {
    edit: 'Editar',
    delete: 'Eliminar',
    approve: 'Aprobar',
    hide: 'Ocultar',
    pin: 'Fijar',
    unpin: 'Desfijar',
    copyLink: 'Copiar enlace',
    like: 'Me gusta',
    likeLabel: (count, name) =>
      plural('es', count, {
        one: `Me gusta (# me gusta, comentario de ${name})`,
        other: `Me gusta (# me gusta, comentario de ${name})`,
      }),
    likeNeedsAccount:
      'Para indicar que te gusta un comentario hace falta una cuenta de invitado, y no se pudo crear. Inténtalo de nuevo más tarde.',
    on: (action, name) => `${action} (comentario de ${name})`,
    editLabel: 'Edita tu comentario',
    save: 'Guardar',
    cancel: 'Cancelar',
    confirmDelete: '¿Eliminar este comentario?',
    edited: 'editado',
    editedAt: (time) => `Editado el ${time}`,
    pendingBadge: 'Pendiente de moderación',
    hiddenBadge: 'Oculto',
    pinnedBadge: 'Fijado',
    closeComments: 'Cerrar los comentarios',
    reopenComments: 'Reabrir los comentarios',
    saved: 'Se ha guardado tu cambio.',
    savedPending: 'Se ha guardado tu cambio y está pendiente de moderación.',
    deleted: 'Se ha eliminado el comentario.',
    approved: 'Se ha aprobado el comentario.',
    hidden: 'Se ha ocultado el comentario.',
    pinned: 'Se ha fijado el comentario.',
    unpinned: 'El comentario ya no está fijado.',
    closed: 'Los comentarios están cerrados ahora.',
    reopened: 'Los comentarios vuelven a estar abiertos.',
    linkCopied: 'Enlace copiado.',
    linkInAddressBar: 'El enlace a este comentario está en la barra de direcciones.',
    failed: (reason) => `No se ha podido hacer: ${reason}`,
    notAllowed: 'No tienes permiso para hacer eso.',
    expired: 'Ya no se puede editar este comentario.',
  },
  refusals: {
    refused: 'El sitio no lo aceptó.',
    tryAgainIn: (seconds) =>
      plural('es', seconds, {
        one: 'Espera # segundo y vuelve a intentarlo.',
        other: 'Espera # segundos y vuelve a intentarlo.',
      }),
    gone: 'El comentario al que respondes ya no está disponible.',
    invalid: 'No se aceptó tal como está. Revísalo y vuelve a intentarlo.',
    offline: 'Parece que no tienes conexión. Vuelve a intentarlo cuando se restablezca.',
    busy: 'El sitio está recibiendo demasiados comentarios ahora mismo. Vuelve a intentarlo en unos minutos.',
    unknown: 'Algo salió mal. Vuelve a intentarlo.',
  },
  configError: (detail) => `leave-a-reply no puede arrancar: ${detail}`,
};
