/**
 * The sign-in area of the Leave a Reply form: the provider icons, "Connecting to Google…", the
 * email-link steps, and once signed in "You are commenting using your Google account." with
 * Log Out and Change. It follows the Session it is given and never touches what the reader typed.
 */
import {html, nothing, type ReactiveControllerHost} from 'lit';
import {
  OAUTH_PROVIDERS,
  SessionError,
  type OAuthProviderName,
  type Session,
  type SessionUser,
  type SignInOutcome,
} from '../../../auth/session.js';
import {SessionFollower} from '../../../controllers/session-follower.js';
import {LarErrorEvent} from '../../../events/error-event.js';
import type {Messages} from '../../../i18n/en.js';
import {isEmail} from '../../../model/validation.js';
import {providerIcon, type IconName} from './provider-icons.js';

/** Brand names: the same in every language. */
export const PROVIDER_NAMES: Record<OAuthProviderName, string> = {
  google: 'Google',
  github: 'GitHub',
  twitter: 'X',
  facebook: 'Facebook',
  microsoft: 'Microsoft',
  apple: 'Apple',
};

/** A way to sign in with an account, as the `providers` attribute names it. */
export type SignInChoice = OAuthProviderName | 'email';

export interface SignInHost extends ReactiveControllerHost, HTMLElement {
  readonly session: Session | undefined;
  readonly messages: Messages;
  /** The `providers` attribute, in display order. */
  readonly providers: readonly string[];
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The email typed into the guest form, offered for an email link. */
  readonly guestEmail: string;
  /** After a sign-in: on to writing. */
  focusComment(): void;
}


const isChoice = (name: string): name is SignInChoice =>
  name === 'email' || (OAUTH_PROVIDERS as readonly string[]).includes(name);

export class SignInController {
  /** The reader as the session knows them (a guest too). */
  user: SessionUser | null = null;
  /** What is under way: a provider's sign-in, the email link, or logging out. */
  private busy: SignInChoice | 'out' | null = null;
  private status = '';
  private error = '';
  /** "Change" was pressed: the choices show again, for a signed-in reader. */
  private changing = false;
  private emailStep: 'closed' | 'ask' | 'confirm' | 'sent' = 'closed';
  private email = '';
  private readonly follower: SessionFollower;

  constructor(private readonly host: SignInHost) {
    this.follower = new SessionFollower(
      host,
      () => host.session,
      (user) => {
        this.user = user;
        host.requestUpdate();
      },
      (session) => {
        this.user = null;
        if (session) this.resume(session);
      },
    );
  }

  /**
   * The account ways to sign in on offer, in the order of the providers attribute. Until the
   * session has loaded they are assumed to work, so the form does not change its shape then.
   */
  get choices(): SignInChoice[] {
    return this.host.session?.canSignIn === false ? [] : this.host.providers.filter(isChoice);
  }

  /** Whether the guest form is offered: listed, or the only way left to comment. */
  get guestAllowed(): boolean {
    return this.host.providers.includes('guest') || this.choices.length === 0;
  }

  /** The account the reader comments with, or null for a guest (or nobody yet). */
  get account(): SessionUser | null {
    return this.user && this.user.provider !== 'guest' ? this.user : null;
  }

  /** The guest form's fields show: nobody is signed in with an account, and guests are welcome. */
  get showsGuestFields(): boolean {
    return !this.account && this.guestAllowed;
  }

  /** Says, next to the icons, that this form needs an account. */
  requireSignIn(): void {
    this.error = this.host.messages.signIn.required;
    this.host.requestUpdate();
    this.focusLater('[part=provider-button]');
  }

  /** The fieldset's legend: what the reader can do, or who they are commenting as. */
  legend(): string {
    const m = this.host.messages;
    const account = this.account;
    if (account && !this.changing) {
      if (account.provider === 'email') return m.signIn.signedInEmail;
      if (account.provider === 'custom') return m.signIn.signedInSite;
      return m.signIn.signedIn(PROVIDER_NAMES[account.provider as OAuthProviderName] ?? account.provider);
    }
    return !account && this.guestAllowed ? m.guestIntro : m.signIn.intro;
  }

  /** The `part="sign-in"` area, or nothing when there is nothing to choose or show. */
  render() {
    const account = this.account;
    if (!this.choices.length && !account && this.emailStep === 'closed') return nothing;
    return html`<div part="sign-in" class="sign-in">
      ${account && !this.changing ? this.renderAccount(account) : this.renderChoices()}
      ${this.emailStep === 'ask' || this.emailStep === 'confirm' ? this.renderEmailStep() : nothing}
      <p part="status" class="status sign-in-status" role="status">${this.status}</p>
      ${this.error ? html`<p part="error" class="error sign-in-error" role="alert">${this.error}</p>` : nothing}
    </div>`;
  }

  private renderAccount(account: SessionUser) {
    const m = this.host.messages.signIn;
    const name = account.name?.trim();
    return html`<div class="account">
      ${account.avatarUrl
        ? html`<img part="avatar" class="account-photo" src=${account.avatarUrl} alt="" width="40" height="40" referrerpolicy="no-referrer" />`
        : html`<span part="avatar" class="account-photo initial" aria-hidden="true">${(name || '?').charAt(0).toUpperCase()}</span>`}
      ${name ? html`<span class="account-name">${name}</span>` : nothing}
      <span class="account-actions">
        <button type="button" class="link log-out" @click=${this.logOut}>${m.logOut}</button>
        <button type="button" class="link change" @click=${this.change}>${m.change}</button>
      </span>
    </div>`;
  }

  private renderChoices() {
    const m = this.host.messages.signIn;
    const button = (name: IconName, label: string, onClick: () => void) =>
      html`<li>
        <button
          type="button"
          part="provider-button"
          class="provider"
          data-provider=${name}
          aria-label=${label}
          title=${label}
          aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${onClick}
        >
          ${providerIcon(name)}
        </button>
      </li>`;
    return html`<ul class="providers">
        ${this.changing && this.account && this.guestAllowed ? button('guest', m.asGuest, this.asGuest) : nothing}
        ${this.choices.map((choice) =>
          choice === 'email'
            ? button('email', m.logInWithEmail, this.openEmail)
            : button(choice, m.logInWith(PROVIDER_NAMES[choice]), () => void this.signIn(choice)),
        )}
      </ul>
      ${this.changing && this.account
        ? html`<button type="button" class="link keep" @click=${this.keep}>${m.keep}</button>`
        : nothing}`;
  }

  private renderEmailStep() {
    const m = this.host.messages.signIn;
    const confirming = this.emailStep === 'confirm';
    return html`<div class="email-link">
      <label for="link-email">${confirming ? m.confirmEmail : m.emailLabel}</label>
      <span class="email-row">
        <input
          part="input"
          id="link-email"
          name="link-email"
          type="email"
          autocomplete="email"
          .value=${this.email}
          @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)}
          @keydown=${this.onEmailKey}
        />
        <button type="button" class="secondary send-link" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.submitEmail}>
          ${confirming ? m.logIn : m.sendLink}
        </button>
      </span>
    </div>`;
  }

  /** Signs in with a provider's pop-up (a guest keeps their comments: see Session.signIn). */
  async signIn(provider: OAuthProviderName): Promise<void> {
    if (this.busy) return;
    const label = PROVIDER_NAMES[provider];
    this.begin(provider, this.host.messages.signIn.connecting(label));
    try {
      const session = await this.ready();
      this.succeeded(await session.signIn(provider));
    } catch (error) {
      this.failed(error, label);
    }
  }

  /** Finishes a redirect or an email link that brought the reader back here. */
  private resume(session: Session) {
    void session.resume().then((resumed) => {
      if (session !== this.follower.current) return;
      if (resumed.state === 'done') this.succeeded(resumed.outcome);
      else if (resumed.state === 'failed') this.failed(resumed.error, '');
      else if (resumed.state === 'needs-email') {
        this.emailStep = 'confirm';
        this.host.requestUpdate();
      }
    });
  }

  /** The session, once the form has one (an icon may be clicked while it still loads). */
  private ready(): Promise<Session> {
    return this.follower.ready();
  }

  private begin(what: SignInChoice | 'out', status: string) {
    this.busy = what;
    this.error = '';
    this.status = status;
    this.host.requestUpdate();
  }

  private succeeded(outcome: SignInOutcome) {
    const m = this.host.messages.signIn;
    const label =
      outcome.method === 'email' ? m.emailName : outcome.method === 'custom' ? '' : PROVIDER_NAMES[outcome.method];
    this.busy = null;
    this.changing = false;
    this.emailStep = 'closed';
    this.error = '';
    this.status = outcome.kind === 'linked' ? m.linked(label) : outcome.kind === 'switched' ? m.switched(label) : '';
    this.user = outcome.user;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.focusComment());
  }

  private failed(error: unknown, label: string) {
    const m = this.host.messages.signIn;
    const e = error instanceof SessionError ? error : new SessionError('failed', error instanceof Error ? error.message : String(error));
    this.busy = null;
    if (e.code === 'link-resent') {
      this.emailStep = 'sent';
      this.error = '';
      this.status = m.errors.linkResent(e.email ?? this.email);
      this.host.requestUpdate();
      return;
    }
    this.status = '';
    this.error = this.errorText(e, label || m.emailName);
    this.host.requestUpdate();
    if (e.code !== 'cancelled') {
      this.host.dispatchEvent(new LarErrorEvent({code: e.authCode ?? `sign-in-${e.code}`, message: e.message}));
    }
  }

  private errorText(error: SessionError, label: string): string {
    const e = this.host.messages.signIn.errors;
    switch (error.code) {
      case 'cancelled':
        return e.cancelled;
      case 'not-enabled':
        return e.notEnabled(label);
      case 'account-exists':
        return e.accountExists;
      case 'invalid-link':
        return e.invalidLink;
      case 'invalid-email':
        return e.invalidEmail;
      case 'network':
        return e.network;
      default: {
        const reason = error.message.trim();
        return e.failed(label, /[.!?。]$/.test(reason) ? reason : `${reason}.`);
      }
    }
  }

  private openEmail = () => {
    if (this.busy) return;
    this.emailStep = 'ask';
    this.error = '';
    this.status = '';
    this.email ||= this.host.guestEmail;
    this.host.requestUpdate();
    this.focusLater('#link-email');
  };

  private onEmailKey = (event: KeyboardEvent) => {
    // Enter here sends the link; it must not post the comment.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void this.submitEmail();
  };

  private submitEmail = async () => {
    if (this.busy) return;
    const m = this.host.messages.signIn;
    const email = this.email.trim();
    if (!isEmail(email)) {
      this.error = m.errors.invalidEmail;
      this.host.requestUpdate();
      this.focusLater('#link-email');
      return;
    }
    if (this.emailStep === 'confirm') {
      this.begin('email', m.finishing);
      try {
        this.succeeded(await (await this.ready()).completeSignInLink(email));
      } catch (error) {
        this.failed(error, m.emailName);
      }
      return;
    }
    this.begin('email', m.sendingLink);
    try {
      await (await this.ready()).sendSignInLink(email);
      this.busy = null;
      this.emailStep = 'sent';
      this.status = m.linkSent(email);
      this.host.requestUpdate();
    } catch (error) {
      this.failed(error, m.emailName);
    }
  };

  private logOut = async () => {
    if (this.busy) return;
    this.begin('out', '');
    try {
      await (await this.ready()).signOut();
      this.busy = null;
      this.changing = false;
      this.status = this.host.messages.signIn.loggedOut;
      this.user = null;
      this.host.requestUpdate();
      this.focusLater('[part=provider-button], #email');
    } catch (error) {
      this.failed(error, '');
    }
  };

  private change = () => {
    this.changing = true;
    this.status = '';
    this.error = '';
    this.host.requestUpdate();
    this.focusLater('[part=provider-button]');
  };

  private keep = () => {
    this.changing = false;
    this.emailStep = 'closed';
    this.error = '';
    this.host.requestUpdate();
    this.focusLater('.change');
  };

  /** From "Change": leave the account and comment as a guest (a new guest identity). */
  private asGuest = async () => {
    await this.logOut();
    this.status = '';
    this.host.requestUpdate();
    this.focusLater('#email');
  };

  private focusLater(selector: string) {
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }
}
