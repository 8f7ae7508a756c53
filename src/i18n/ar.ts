import type {Messages} from './en.js';
import {plural} from './plural.js';

const n = (value: number) => value.toLocaleString('ar');

export const ar: Messages = {
  lang: 'ar',
  heading: (count, title) =>
    count === 0
      ? `لا توجد آراء بعد حول «${title}»`
      : plural('ar', count, {
          one: `رأي واحد حول «${title}»`,
          two: `رأيان حول «${title}»`,
          few: `# آراء حول «${title}»`,
          many: `# رأيًا حول «${title}»`,
          other: `# رأي حول «${title}»`,
        }),
  headingUntitled: (count) =>
    count === 0
      ? 'لا توجد آراء بعد'
      : plural('ar', count, {one: 'رأي واحد', two: 'رأيان', few: '# آراء', many: '# رأيًا', other: '# رأي'}),
  countBadge: (count) =>
    count === 0
      ? 'لا توجد آراء بعد'
      : plural('ar', count, {one: 'رأي واحد', two: 'رأيان', few: '# آراء', many: '# رأيًا', other: '# رأي'}),
  headingLoading: (title) => (title ? `آراء حول «${title}»` : 'آراء'),
  leaveReply: 'اترك ردًا',
  leaveReplyTo: (name) => `اترك ردًا على ${name}`,
  cancelReply: 'إلغاء الرد',
  guestIntro: 'أدخل بياناتك أدناه أو انقر على أيقونة لتسجيل الدخول:',
  email: 'البريد الإلكتروني (مطلوب)',
  emailNote: 'لن يُنشر عنوانك أبدًا',
  name: 'الاسم (مطلوب)',
  website: 'الموقع الإلكتروني',
  comment: 'التعليق',
  remember: 'احفظ اسمي وبريدي الإلكتروني وموقعي في هذا المتصفح لاستخدامها في المرة القادمة التي أعلّق فيها.',
  postComment: 'أرسل التعليق',
  posting: 'جارٍ النشر…',
  reply: 'رد',
  replyTo: (name) => `رد على ${name}`,
  inReplyTo: (name) => `ردًا على ${name}`,
  loadMore: 'تحميل المزيد من التعليقات',
  loading: 'جارٍ تحميل التعليقات…',
  sending: 'جارٍ الإرسال…',
  awaitingModeration: 'تعليقك بانتظار المراجعة.',
  offline: 'أنت غير متصل. ستُرسل التعليقات الجديدة عند عودة الاتصال.',
  locked: 'التعليقات مغلقة.',
  posted: 'نُشر تعليقك.',
  queued: 'سيُرسل تعليقك عند عودة الاتصال.',
  newComment: (name) => `تعليق جديد من ${name}.`,
  draftRestored: 'استُعيد تعليقك الذي لم يُرسل.',
  loadError: 'تعذّر تحميل التعليقات.',
  postError: (reason) => `لم يُنشر تعليقك: ${reason} ما زال نصك هنا.`,
  fixErrors: (count) =>
    plural('ar', count, {
      one: 'يُرجى تصحيح حقل واحد.',
      two: 'يُرجى تصحيح حقلين.',
      few: 'يُرجى تصحيح # حقول.',
      many: 'يُرجى تصحيح # حقلًا.',
      other: 'يُرجى تصحيح # حقل.',
    }),
  errors: {
    bodyRequired: 'يُرجى كتابة تعليق.',
    bodyTooLong: (limit, length) => `يتكون تعليقك من ${n(length)} حرفًا، والحد الأقصى ${n(limit)}.`,
    bodyTooManyLinks: (limit) => `يمكن أن يحتوي التعليق على ${n(limit)} روابط على الأكثر.`,
    nameRequired: 'يُرجى إدخال اسمك.',
    nameTooLong: (limit) => `لا يتجاوز الاسم ${n(limit)} حرفًا.`,
    emailRequired: 'يُرجى إدخال بريدك الإلكتروني. لن يُنشر أبدًا.',
    emailInvalid: 'يُرجى إدخال بريد إلكتروني صالح، مثل name@example.com.',
    emailTooLong: (limit) => `لا يتجاوز البريد الإلكتروني ${n(limit)} حرفًا.`,
    urlInvalid: 'يُرجى إدخال عنوان ويب، مثل https://example.com.',
    urlTooLong: (limit) => `لا يتجاوز عنوان الويب ${n(limit)} حرفًا.`,
  },
  signIn: {
    intro: 'انقر على أيقونة لتسجيل الدخول:',
    logInWith: (provider) => `تسجيل الدخول باستخدام ${provider}`,
    logInWithEmail: 'تسجيل الدخول برابط يُرسل إلى بريدك الإلكتروني',
    emailName: 'البريد الإلكتروني',
    connecting: (provider) => `جارٍ الاتصال بـ ${provider}…`,
    signedIn: (provider) => `أنت تعلّق باستخدام حسابك على ${provider}.`,
    signedInEmail: 'أنت تعلّق باستخدام عنوان بريدك الإلكتروني.',
    signedInSite: 'أنت تعلّق باستخدام حسابك على هذا الموقع.',
    logOut: 'تسجيل الخروج',
    change: 'تغيير',
    keep: 'إلغاء',
    asGuest: 'التعليق كضيف',
    loggedOut: 'سجّلت الخروج.',
    linked: (provider) => `أصبحت تعليقاتك السابقة كضيف جزءًا من حسابك على ${provider}.`,
    switched: (provider) =>
      `حساب ${provider} هذا مستخدم هنا من قبل، لذا سجّلت الدخول به الآن. تبقى التعليقات التي كتبتها كضيف باسمك كضيف.`,
    emailLabel: 'عنوان بريدك الإلكتروني',
    sendLink: 'إرسال الرابط',
    sendingLink: 'جارٍ إرسال الرابط…',
    linkSent: (email) =>
      `أرسلنا رابط تسجيل دخول إلى ${email}. افتحه في هذا المتصفح لإكمال تسجيل الدخول؛ سيبقى تعليقك بانتظارك.`,
    confirmEmail: 'أكّد عنوان بريدك الإلكتروني لإكمال تسجيل الدخول:',
    logIn: 'تسجيل الدخول',
    finishing: 'جارٍ تسجيل دخولك…',
    required: 'يُرجى تسجيل الدخول للتعليق.',
    errors: {
      cancelled: 'أُلغي تسجيل الدخول. ما زال تعليقك هنا.',
      notEnabled: (provider) => `تسجيل الدخول باستخدام ${provider} غير مفعّل في هذا الموقع. ما زال تعليقك هنا.`,
      accountExists:
        'عنوان البريد هذا يخص حسابًا يسجّل الدخول بطريقة أخرى. سجّل الدخول بالطريقة التي استخدمتها من قبل. ما زال تعليقك هنا.',
      invalidLink: 'انتهت صلاحية رابط تسجيل الدخول هذا أو استُخدم من قبل. اطلب رابطًا جديدًا أدناه.',
      invalidEmail: 'يُرجى إدخال بريد إلكتروني صالح، مثل name@example.com.',
      linkResent: (email) =>
        `لدى ${email} حساب هنا من قبل، لذا أرسلنا رابطًا جديدًا يسجّل الدخول إليه. تبقى التعليقات التي كتبتها كضيف باسمك كضيف.`,
      network: 'تعذّر الوصول إلى خدمة تسجيل الدخول. تحقّق من اتصالك وحاول مرة أخرى. ما زال تعليقك هنا.',
      failed: (provider, reason) => `تعذّر تسجيل الدخول باستخدام ${provider}: ${reason} ما زال تعليقك هنا.`,
    },
  },
  configError: (detail) => `تعذّر تشغيل leave-a-reply: ${detail}`,
};
