// Before a profile's credentials go to a host that is neither Alibaba Cloud's API gateway (*.aliyuncs.com) nor this
// machine, the user is asked once, in a modal that names the host and the profile. The endpoint is a setting, and a
// setting can come from somewhere the user did not look (a remote machine's settings, a settings sync): a signed
// request does not reveal the secret, but it hands the receiver a valid, replayable call with the AccessKey ID and,
// for temporary keys, the STS token itself. The answer is remembered per host and profile in globalState (it holds
// no secret); "Don't send" means no request is sent, and the error the tree shows says why and how to be asked again.
import * as vscode from 'vscode';
import { isAlibabaCloudHost, isLoopbackHost, resolveEndpoint, type RegionId } from '../api/regions';
import type { Credentials } from '../api/types';
import { contribute } from '../commands/registry';

/** globalState key: { "<profile>\n<host>": true | false }. */
export const TRUST_KEY = 'directMail.endpointTrust';
export const RESET_COMMAND = 'directMail.resetEndpointTrust';

export type TrustAnswer = 'allow' | 'deny' | undefined;
export type TrustPrompt = (host: string, profile: string) => Promise<TrustAnswer>;

/**
 * Scripted answers for the extension-host tests. The tests run in the same process as the extension but from
 * another bundle, so the seam is a queue under a global symbol rather than a module variable: a test pushes
 * 'allow', 'deny' or 'dismiss', and every question asked while the queue is set is recorded in `asked`.
 */
export interface TrustPromptSeam {
  answers: ('allow' | 'deny' | 'dismiss')[];
  asked: { host: string; profile: string }[];
}
export const TRUST_PROMPT_SEAM = Symbol.for('directMail.endpointTrust.prompts');

function seam(): TrustPromptSeam | undefined {
  return (globalThis as Record<symbol, TrustPromptSeam | undefined>)[TRUST_PROMPT_SEAM];
}

const modalPrompt: TrustPrompt = async (host, profile) => {
  const scripted = seam();
  if (scripted) {
    scripted.asked.push({ host, profile });
    const answer = scripted.answers.shift();
    return answer === 'dismiss' || answer === undefined ? undefined : answer;
  }
  const allow = vscode.l10n.t('Send to {0}', host);
  const deny = vscode.l10n.t("Don't Send");
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Send requests signed with the AccessKey of profile "{0}" to {1}?', profile, host),
    {
      modal: true,
      detail: vscode.l10n.t(
        '{0} is not an Alibaba Cloud endpoint (*.aliyuncs.com) and not this computer. It comes from the setting "directMail.endpoint". Whoever runs it receives signed requests with the AccessKey ID (and the STS token of a temporary key). Send them only if you trust this host.',
        host,
      ),
    },
    allow,
    deny,
  );
  return choice === allow ? 'allow' : choice === deny ? 'deny' : undefined;
};

/** True when requests to this host need the user's consent first. */
export function needsConsent(hostname: string): boolean {
  return !isAlibabaCloudHost(hostname) && !isLoopbackHost(hostname);
}

export class EndpointTrust {
  /** One question per host and profile at a time: the tree's four groups ask for credentials at once. */
  private readonly pending = new Map<string, Promise<TrustAnswer>>();

  constructor(private readonly state: vscode.Memento, private readonly prompt: TrustPrompt = modalPrompt) {}

  private decisions(): Record<string, boolean> {
    const raw = this.state.get<unknown>(TRUST_KEY);
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, boolean>) : {};
  }

  decision(host: string, profile: string): boolean | undefined {
    const value = this.decisions()[`${profile}\n${host}`];
    return typeof value === 'boolean' ? value : undefined;
  }

  /** Resolves when the profile's credentials may go to the host; throws a readable refusal otherwise. */
  async check(url: URL, profile: string): Promise<void> {
    if (!needsConsent(url.hostname)) return;
    const host = url.host;
    let allowed = this.decision(host, profile);
    if (allowed === undefined) {
      const key = `${profile}\n${host}`;
      let asking = this.pending.get(key);
      if (!asking) {
        // The answer is stored before the question counts as answered, so no request slips in between.
        asking = (async () => {
          const answer = await this.prompt(host, profile);
          if (answer) await this.state.update(TRUST_KEY, { ...this.decisions(), [key]: answer === 'allow' });
          return answer;
        })().finally(() => this.pending.delete(key));
        this.pending.set(key, asking);
      }
      const answer = await asking;
      if (answer === undefined) {
        throw new Error(vscode.l10n.t('the question whether requests signed with profile "{0}" may go to {1} was closed without an answer, so nothing was sent. Refresh to be asked again.', profile, host));
      }
      allowed = answer === 'allow';
    }
    if (!allowed) {
      throw new Error(vscode.l10n.t('you chose not to send requests signed with profile "{0}" to {1}, so nothing was sent. To be asked again, run "Direct Mail: Reset Endpoint Decisions" or change the setting "directMail.endpoint".', profile, host));
    }
  }

  /** Forgets every remembered answer (the next request to such a host asks again). */
  async reset(): Promise<void> {
    await this.state.update(TRUST_KEY, undefined);
  }
}

let trust: EndpointTrust | undefined;

contribute((services) => {
  trust = new EndpointTrust(services.context.globalState);
  services.registerCommand(RESET_COMMAND, async () => {
    await trust?.reset();
    void vscode.window.showInformationMessage(vscode.l10n.t('Direct Mail will ask again before sending requests to an endpoint outside Alibaba Cloud.'));
    return true;
  });
});

/**
 * Wraps a profile's credential source: before handing out credentials for a request to a host that needs consent,
 * the user is asked (once per host and profile). Without activation (no globalState yet) nothing is sent to such a
 * host.
 */
export function trustedCredentials(profile: string, region: RegionId, endpoint: string | undefined, read: () => Promise<Credentials>): () => Promise<Credentials> {
  return async () => {
    const url = resolveEndpoint(region, endpoint || undefined);
    if (needsConsent(url.hostname)) {
      if (!trust) throw new Error(vscode.l10n.t('the extension is not ready to ask whether {0} may receive signed requests, so nothing was sent.', url.host));
      await trust.check(url, profile);
    }
    return read();
  };
}
