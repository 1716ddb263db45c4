// Why Direct Mail refused a SingleSendMail, in words a developer can act on (codes from reference §4.6 and §7.3).
// Pure: the caller passes what it knows (the sender, its send type, the account's quota when it could read it),
// so the same code gives the same explanation in tests and in the product.
import { english, type Translate } from '../shared/translate';

/** Form fields a refusal can point at (the test-email form's keys). */
export type SendField = 'toAddress' | 'subject' | 'body' | 'tagName' | 'fromAlias';

export interface SendContext {
  /** The sender address (AccountName). */
  sender: string;
  /** `trigger` or `batch`, when known. */
  sendType?: string;
  /** How many recipients the mail was addressed to. */
  recipients: number;
  tagName?: string;
  /** The account's quota, read after a quota refusal (absent when it could not be read). */
  quota?: { dailyQuota: number; dailyRemainFreeQuota: number; monthQuota: number; remainFreeQuota: number };
}

export interface SendRefusal {
  /** The explanation: what happened and what to do. */
  text: string;
  /** The field the user should change, when the refusal is about one. */
  field?: SendField;
}

/** Codes after which the account's quota figures help the explanation (worth a DescAccountSummary). */
export function isQuotaRefusal(code: string): boolean {
  return code === 'InvalidSendMail.Spam' || code.startsWith('InvalidQuota');
}

function quotaText(c: SendContext, t: Translate): string {
  const lead = t('Direct Mail refused the mail because the account\'s sending limit is reached (or its anti-spam check rejected it).');
  const figures = c.quota
    ? t('Daily limit: {0} mails; free mails left today: {1}; free mails left in total: {2}; this mail has {3} recipient(s).',
      c.quota.dailyQuota, c.quota.dailyRemainFreeQuota, c.quota.remainFreeQuota, c.recipients)
    : t('The account\'s quota could not be read; see it in "Direct Mail: Open Account Overview".');
  const todo = t('Send to fewer recipients, wait until the daily limit resets tomorrow, or raise the quota level in the Direct Mail console. If the quota is not the cause, change content that looks like spam.');
  return [lead, figures, todo].join(' ');
}

function sendTypeText(c: SendContext, t: Translate): string {
  if (c.sendType === 'batch') {
    return t('Direct Mail refused {0} for this send because of its send type: it is a batch address (for bulk mail to recipient lists). Send the test from a trigger address, or create one with "Direct Mail: Create Sender Address" and send type Triggered.', c.sender);
  }
  if (c.sendType === 'trigger') {
    return t('Direct Mail says the send type of {0} (trigger) does not fit this send. Trigger addresses send one-to-one mail; batch addresses send to recipient lists. Check the address in the Direct Mail console, or send from another trigger address.', c.sender);
  }
  return t('Direct Mail says the send type (trigger or batch) of {0} does not fit this send. Single mails go out from trigger addresses; send from one of those.', c.sender);
}

/** The explanation of a refused send, or undefined for codes it has no better words for than the service's. */
export function explainSendRefusal(code: string, c: SendContext, t: Translate = english): SendRefusal | undefined {
  const domain = c.sender.includes('@') ? c.sender.slice(c.sender.lastIndexOf('@') + 1) : c.sender;
  if (isQuotaRefusal(code)) return { text: quotaText(c, t) };
  switch (code) {
    case 'InvalidMailAddressSendType.Malformed':
      return { text: sendTypeText(c, t) };
    case 'InvalidMailAddressDomain.Malformed':
      return { text: t('The domain {0} of {1} is not verified, so Direct Mail will not send from it. Open the domain\'s DNS setup, publish the records it lists at your DNS provider, then verify the domain and send again.', domain, c.sender) };
    case 'InvalidMailAddressStatus.Malformed':
      return { text: t('{0} cannot send right now: Direct Mail reports it as frozen or not ready. Check its state in the Direct Mail console, or send from another address.', c.sender) };
    case 'InvalidMailAddress.NotFound':
      return { text: t('Direct Mail has no sender address {0} in this account and region (it may have been deleted). Refresh the Direct Mail view and pick a sender again.', c.sender) };
    case 'InvalidUserStatus':
    case 'InvalidUser.NotFound':
      return { text: t('Direct Mail refused to send because the account itself cannot send (frozen, payment overdue or sending restricted). See "Direct Mail: Open Account Overview" and the Direct Mail console.') };
    case 'InvalidToAddress':
      return { field: 'toAddress', text: t('Direct Mail refused the recipients: give 1 to 100 addresses like name@example.com, separated by commas.') };
    case 'InvalidToAddress.Spam':
      return { field: 'toAddress', text: t('A recipient is on Direct Mail\'s invalid-address list (earlier mail to it bounced). Remove it, or take it off the invalid-address list in the console first.') };
    case 'InvalidSubject.Malformed':
      return { field: 'subject', text: t('Direct Mail refused the subject: keep it to one line of at most 256 characters.') };
    case 'InvalidBody':
      return { field: 'body', text: t('Direct Mail refused the body: enter the message text (or HTML).') };
    case 'InvalidFromAlias.Malformed':
    case 'InvalidFromALias.Malformed':
      return { field: 'fromAlias', text: t('Direct Mail refused the sender name: it must be shorter than 15 characters.') };
    case 'InvalidTag.NotFound':
      return { field: 'tagName', text: t('The tag {0} does not exist in this account. Pick another tag, or create it with "Direct Mail: Create Tag".', c.tagName ?? '') };
    case 'InvalidReplyAddress.Malformed':
      return { text: t('Direct Mail refused the reply-to address of {0}: it is not verified. Send its verification mail ("Direct Mail: Send Reply-To Verification Mail") or send without it.', c.sender) };
    case 'InvalidIP.NotFound':
      return { text: t('Direct Mail\'s IP protection is on and this computer\'s IP address is not on its allow list. Add it in the Direct Mail console (IP protection).') };
    default:
      return undefined;
  }
}
