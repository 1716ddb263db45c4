// SingleSendMail: checks the sender and the message like the service, then counts the mail against the quota.
import { badRequest, invalidParameter, notFound } from '../errors';
import { newEnvId } from '../ids';
import { isEmail } from '../rules';
import { SENT_MAIL_MEMORY, findDomainByName, findMailAddressByName } from '../state';
import { addressNotFound } from './addresses';
import type { ActionSpec } from './context';
import { findTagByName } from './tags';

const MAX_TO = 100;
const MAX_BCC = 2;
const MAX_SUBJECT = 256;
const MAX_ALIAS = 15;

/** The sender address a domain-level (DomainAuth) send goes out from: `domain-auth-created-by-system@<domain>`. */
export const DOMAIN_AUTH_LOCAL_PART = 'domain-auth-created-by-system';

const splitAddresses = (value: string): string[] => value.split(',').map((s) => s.trim()).filter(Boolean);

export const sendActions: Record<string, ActionSpec> = {
  SingleSendMail: {
    mutates: true,
    handler: ({ account, params, now }) => {
      const accountName = params.required('AccountName');
      const addressType = params.requiredInt('AddressType', { min: 0, max: 1 });
      const useReplyTo = params.bool('ReplyToAddress');
      if (useReplyTo === undefined) params.required('ReplyToAddress');
      const to = splitAddresses(params.required('ToAddress'));
      const subject = params.required('Subject');
      const bcc = splitAddresses(params.get('BccAddress') ?? '');
      const fromAlias = params.get('FromAlias');
      const tagName = params.get('TagName');

      // Domain-level authentication: AccountName is the domain, and the mail goes out from the domain's system
      // address, which the user must have created (SDK model SingleSendMailRequest.domainAuth).
      const domainAuth = params.bool('DomainAuth') ?? false;
      if (domainAuth && accountName.includes('@')) {
        throw badRequest('InvalidMailAddress.Malformed', 'With DomainAuth=true, AccountName must be the domain, not an address.');
      }
      const sender = findMailAddressByName(account, domainAuth ? `${DOMAIN_AUTH_LOCAL_PART}@${accountName.toLowerCase()}` : accountName);
      if (!sender) throw addressNotFound();
      if (findDomainByName(account, sender.accountName.split('@')[1])?.status !== 0) {
        throw badRequest('InvalidMailAddressDomain.Malformed', 'The domain of the sender address is not verified.');
      }
      if (useReplyTo && sender.replyStatus !== 1) {
        throw badRequest('InvalidReplyAddress.Malformed', 'The reply-to address of the sender address is not verified.');
      }
      if (to.length === 0 || to.length > MAX_TO || !to.every(isEmail)) {
        throw badRequest('InvalidToAddress', `ToAddress must hold 1-${MAX_TO} valid e-mail addresses separated by commas.`);
      }
      if (bcc.length > MAX_BCC || !bcc.every(isEmail)) throw invalidParameter('BccAddress', `At most ${MAX_BCC} valid addresses.`);
      if (subject.length > MAX_SUBJECT) throw badRequest('InvalidSubject.Malformed', `The subject may have at most ${MAX_SUBJECT} characters.`);
      if (fromAlias !== undefined && fromAlias.length >= MAX_ALIAS) {
        throw badRequest('InvalidFromAlias.Malformed', `The sender display name must be shorter than ${MAX_ALIAS} characters.`);
      }
      if (params.get('HtmlBody') === undefined && params.get('TextBody') === undefined) {
        throw badRequest('InvalidBody', 'Either HtmlBody or TextBody must be given.');
      }
      if (tagName !== undefined && !findTagByName(account, tagName)) throw notFound('InvalidTag.NotFound', 'The specified tag does not exist.');

      const q = account.quota;
      const count = to.length + bcc.length;
      if (q.sentToday + count > q.dailyQuota || q.sentThisMonth + count > q.monthQuota) {
        throw badRequest('InvalidSendMail.Spam', 'The daily or monthly sending quota is used up.');
      }
      q.sentToday += count;
      q.sentThisMonth += count;
      q.dailyRemainFreeQuota = Math.max(0, q.dailyRemainFreeQuota - count);
      q.remainFreeQuota = Math.max(0, q.remainFreeQuota - count);
      sender.dailyReqCount += count;
      sender.monthReqCount += count;

      const envId = newEnvId();
      const from = addressType === 1 ? sender.accountName : `${Math.random().toString(36).slice(2, 10)}@${sender.accountName.split('@')[1]}`;
      account.sentMails.push({ envId, from, to, subject, tagName, at: now });
      if (account.sentMails.length > SENT_MAIL_MEMORY) account.sentMails.splice(0, account.sentMails.length - SENT_MAIL_MEMORY);
      return { EnvId: envId };
    },
  },
};
