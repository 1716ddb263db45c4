// Before a profile's credentials go to a host that is neither Alibaba Cloud's API gateway (*.aliyuncs.com) nor this
// computer, the user is asked once, in a modal that names the host and the profile. The endpoint is a setting, and a
// setting can come from somewhere the user did not look (a remote machine's settings, settings sync): a signed
// request does not reveal the secret, but it hands the receiver a valid, replayable call with the AccessKey ID and,
// for temporary keys, the STS token itself. The answer is remembered per host and profile in globalState (it holds
// no secret); "Don't Send" means no request is sent, and the error the tree shows says why and how to be asked again.
// A key being checked before it is saved (no profile yet) is asked about by its masked AccessKey ID.
import * as vscode from 'vscode';
import { DirectMailError } from '../api/errors';
import { isAlibabaCloudHost, isLoopbackHost, resolveEndpoint, type RegionId } from '../api/regions';
import type { Credentials } from '../api/types';
import type { CommandContext } from '../commands/context';
import { prompts } from '../util/prompts';
import { maskKeyId } from './profile';

/** globalState key: { "<profile>\n<host>": true | false } (a key not yet saved: "key:<AccessKey ID>\n<host>"). */
export const TRUST_KEY = 'directMail.endpointTrust';
export const RESET_COMMAND = 'directMail.resetEndpointTrust';

type TrustAnswer = 'allow' | 'deny' | undefined;

/** Whose credentials: a saved profile (by name) or a key being checked before it is saved. */
export type CredentialOwner = { profile: string } | { accessKeyId: string };

const ownerKey = (owner: CredentialOwner): string => ('profile' in owner ? owner.profile : `key:${owner.accessKeyId}`);

async function ask(host: string, owner: CredentialOwner): Promise<TrustAnswer> {
  const allow = vscode.l10n.t('Send to {0}', host);
  const deny = vscode.l10n.t("Don't Send");
  const question = 'profile' in owner
    ? vscode.l10n.t('Send requests signed with the AccessKey of profile "{0}" to {1}?', owner.profile, host)
    : vscode.l10n.t('Send requests signed with the AccessKey {0} to {1} to check the key?', maskKeyId(owner.accessKeyId), host);
  const detail = vscode.l10n.t(
    '{0} is not an Alibaba Cloud endpoint (*.aliyuncs.com) and not this computer. It comes from the setting "directMail.endpoint". Whoever runs it receives signed requests with the AccessKey ID (and the STS token of a temporary key). Send them only if you trust this host.',
    host,
  );
  const choice = await prompts().showWarningMessage(question, { modal: true, detail }, allow, deny);
  return choice === allow ? 'allow' : choice === deny ? 'deny' : undefined;
}

/** True when requests to this host need the user's consent first. */
export function needsConsent(hostname: string): boolean {
  return !isAlibabaCloudHost(hostname) && !isLoopbackHost(hostname);
}

const ownerText = (owner: CredentialOwner): string =>
  'profile' in owner ? vscode.l10n.t('profile "{0}"', owner.profile) : vscode.l10n.t('the AccessKey {0}', maskKeyId(owner.accessKeyId));

export class EndpointTrust {
  /** One question per host and owner at a time: the tree's four groups ask for credentials at once. */
  private readonly pending = new Map<string, Promise<TrustAnswer>>();

  constructor(private readonly state: vscode.Memento) {}

  private decisions(): Record<string, boolean> {
    const raw = this.state.get<unknown>(TRUST_KEY);
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, boolean>) : {};
  }

  /** Resolves when the owner's credentials may go to the host; throws a readable refusal otherwise. */
  async check(url: URL, owner: CredentialOwner): Promise<void> {
    if (!needsConsent(url.hostname)) return;
    const host = url.host;
    const key = `${ownerKey(owner)}\n${host}`;
    const remembered = this.decisions()[key];
    let allowed = typeof remembered === 'boolean' ? remembered : undefined;
    if (allowed === undefined) {
      let asking = this.pending.get(key);
      if (!asking) {
        // The answer is stored before the question counts as answered, so no request slips in between.
        asking = (async () => {
          const answer = await ask(host, owner);
          if (answer) await this.state.update(TRUST_KEY, { ...this.decisions(), [key]: answer === 'allow' });
          return answer;
        })().finally(() => this.pending.delete(key));
        this.pending.set(key, asking);
      }
      const answer = await asking;
      if (answer === undefined) {
        throw refusal(vscode.l10n.t('The question whether requests signed with {0} may go to {1} was closed without an answer, so nothing was sent. Refresh to be asked again.', ownerText(owner), host));
      }
      allowed = answer === 'allow';
    }
    if (!allowed) {
      throw refusal(vscode.l10n.t('You chose not to send requests signed with {0} to {1}, so nothing was sent. To be asked again, run "Direct Mail: Reset Endpoint Decisions" or change the setting "directMail.endpoint".', ownerText(owner), host));
    }
  }

  /** Forgets every remembered answer (the next request to such a host asks again). */
  async reset(): Promise<void> {
    await this.state.update(TRUST_KEY, undefined);
  }
}

/** A refusal the client passes on as it is: nothing was sent, and the text already says why. */
function refusal(message: string): DirectMailError {
  return new DirectMailError({ action: 'Sign', code: 'EndpointNotTrusted', message, delivery: 'notSent' });
}

let trust: EndpointTrust | undefined;

/** Called once by activate(): the decisions live in globalState, and "Reset Endpoint Decisions" forgets them. */
export function registerEndpointTrust(c: CommandContext, state: vscode.Memento): void {
  trust = new EndpointTrust(state);
  c.register(RESET_COMMAND, async () => {
    await trust?.reset();
    void prompts().showInformationMessage(vscode.l10n.t('Direct Mail will ask again before sending requests to an endpoint outside Alibaba Cloud.'));
    return true;
  });
}

function guard(owner: CredentialOwner, region: RegionId, endpoint: string | undefined, read: () => Promise<Credentials>): () => Promise<Credentials> {
  return async () => {
    const url = resolveEndpoint(region, endpoint || undefined, vscode.l10n.t);
    if (needsConsent(url.hostname)) {
      if (!trust) throw refusal(vscode.l10n.t('The extension is not ready to ask whether {0} may receive signed requests, so nothing was sent.', url.host));
      await trust.check(url, owner);
    }
    return read();
  };
}

/**
 * A profile's credential source, guarded: before credentials are handed out for a request to a host that needs
 * consent, the user is asked (once per host and profile). Before activation (no globalState) nothing goes there.
 */
export function trustedCredentials(profile: string, region: RegionId, endpoint: string | undefined, read: () => Promise<Credentials>): () => Promise<Credentials> {
  return guard({ profile }, region, endpoint, read);
}

/** The same guard for a key checked before it is saved as a profile. */
export function trustedKey(credentials: Credentials, region: RegionId, endpoint: string | undefined): () => Promise<Credentials> {
  return guard({ accessKeyId: credentials.accessKeyId }, region, endpoint, async () => credentials);
}
