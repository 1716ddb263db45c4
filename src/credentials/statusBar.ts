// `$(mail) profile · region` in the status bar; a click opens the profile switcher.
import * as vscode from 'vscode';
import type { Session } from './session';

export class ProfileStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('directMail.profile', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: Session) {
    this.item.name = vscode.l10n.t('Direct Mail profile');
    this.item.command = 'directMail.switchProfile';
    this.subscription = session.onDidChange(() => this.update());
    this.update();
    this.item.show();
  }

  /** The text shown (test API). */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const c = this.session.connection();
    if (c) {
      this.item.text = `$(mail) ${c.profile.name} · ${c.region}`;
      this.item.tooltip = vscode.l10n.t('Direct Mail: profile "{0}" in {1}{2}. Click to switch profile or region.', c.profile.name, c.region, c.endpoint ? ` (${c.endpoint})` : '');
    } else {
      this.item.text = `$(mail) ${vscode.l10n.t('Direct Mail: signed out')}`;
      this.item.tooltip = vscode.l10n.t('Click to choose or add a Direct Mail profile.');
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
