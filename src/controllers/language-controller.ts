import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {en, type Messages} from '../i18n/en.js';
import {directionOf, loadMessages} from '../i18n/catalogs.js';
import {STRINGS_REGISTERED, type StringOverrides} from '../i18n/registered-strings.js';

/** The element whose language is followed: its `lang` attribute and its own `strings`. */
export type LanguageSource = HTMLElement & {strings?: StringOverrides};

/**
 * Follows the widget's language: its own `lang` attribute, else the host page's `<html lang>`,
 * switching live when either changes, or when the site changes strings (the element's `strings`,
 * or registerLanguage). Loads the catalog and re-renders the host.
 */
export class LanguageController implements ReactiveController {
  messages: Messages = en;
  lang = 'en';
  dir: 'ltr' | 'rtl' = 'ltr';
  private observer: MutationObserver | undefined;
  private wanted = '';
  private wantedStrings: StringOverrides | undefined;
  private asks = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => LanguageSource | undefined,
  ) {
    host.addController(this);
  }

  private readonly onRegistered = () => this.refresh(true);

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.refresh());
    this.observer.observe(document.documentElement, {attributes: true, attributeFilter: ['lang']});
    addEventListener(STRINGS_REGISTERED, this.onRegistered);
    this.refresh();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    removeEventListener(STRINGS_REGISTERED, this.onRegistered);
  }

  /** Re-reads the language; call when the widget's own `lang` attribute or `strings` change. */
  refresh(stringsChanged = false): void {
    const source = this.source();
    const lang = source?.getAttribute('lang')?.trim() || document.documentElement.lang || 'en';
    const strings = source?.strings;
    if (lang === this.wanted && strings === this.wantedStrings && !stringsChanged) return;
    this.wanted = lang;
    this.wantedStrings = strings;
    const asked = ++this.asks;
    void loadMessages(lang, strings).then((messages) => {
      if (this.asks !== asked) return; // a newer switch won
      this.messages = messages;
      this.lang = lang;
      this.dir = directionOf(messages.lang);
      this.host.requestUpdate();
    });
  }
}
