import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {en, type Messages} from '../i18n/en.js';
import {directionOf, loadMessages} from '../i18n/catalogs.js';

/**
 * Follows the widget's language: its own `lang` attribute, else the host page's `<html lang>`,
 * switching live when either changes. Loads the catalog and re-renders the host.
 */
export class LanguageController implements ReactiveController {
  messages: Messages = en;
  lang = 'en';
  dir: 'ltr' | 'rtl' = 'ltr';
  private observer: MutationObserver | undefined;
  private wanted = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => HTMLElement | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.refresh());
    this.observer.observe(document.documentElement, {attributes: true, attributeFilter: ['lang']});
    this.refresh();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  /** Re-reads the language; call when the widget's own `lang` attribute changes. */
  refresh(): void {
    const lang = this.source()?.getAttribute('lang')?.trim() || document.documentElement.lang || 'en';
    if (lang === this.wanted) return;
    this.wanted = lang;
    void loadMessages(lang).then((messages) => {
      if (this.wanted !== lang) return; // a newer switch won
      this.messages = messages;
      this.lang = lang;
      this.dir = directionOf(messages.lang);
      this.host.requestUpdate();
    });
  }
}
