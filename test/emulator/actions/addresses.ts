// Sender-address actions, including the reply-to verification round trip (check mail → ticket → approve).
import { badRequest, notFound } from '../errors';
import { hexToken, minuteTime } from '../ids';
import { isEmail, isStrongSmtpPassword, passwordHash } from '../rules';
import type { MailAddress, SendType } from '../state';
import { addMailAddress, findDomainByName, findMailAddressByName } from '../state';
import type { ActionContext, ActionSpec } from './context';
import { deleteAction, newestFirstPage, numberedPage } from './listing';

export const SEND_TYPES: readonly string[] = ['batch', 'trigger'];

export const addressNotFound = () => notFound('InvalidMailAddress.NotFound', 'The specified mailAddress does not exist.');

function addressById(ctx: ActionContext): MailAddress {
  const address = ctx.account.mailAddresses.get(ctx.params.requiredInt('MailAddressId'));
  if (!address) throw addressNotFound();
  return address;
}

function checkReplyAddress(value: string): string {
  if (!isEmail(value)) throw badRequest('InvalidReplyAddress.Malformed', 'The reply-to address is not a valid e-mail address.');
  return value.toLowerCase();
}

function checkPassword(address: MailAddress, password: string): string {
  if (!isStrongSmtpPassword(password)) {
    throw badRequest('InvalidPassword.Malformed', 'The password must be 10-20 letters and digits with at least 2 digits, 2 upper-case and 2 lower-case letters.');
  }
  const hash = passwordHash(password);
  if (address.passwordHash === hash) throw badRequest('InvalidPassword.equalcurrent', 'The new password is the same as the current one.');
  return hash;
}

const listItem = (m: MailAddress, domainStatus: number): Record<string, unknown> => ({
  AccountName: m.accountName,
  AccountStatus: 0,
  ConfigSetId: '',
  ConfigSetName: '',
  CreateTime: minuteTime(m.createdAt),
  DailyCount: -1,
  DailyReqCount: m.dailyReqCount,
  DomainStatus: domainStatus,
  MailAddressId: m.id,
  MonthCount: -1,
  MonthReqCount: m.monthReqCount,
  ReplyAddress: m.replyAddress,
  ReplyStatus: m.replyStatus,
  Sendtype: m.sendtype,
});

export const addressActions: Record<string, ActionSpec> = {
  CreateMailAddress: {
    mutates: true,
    handler: (ctx) => {
      const accountName = ctx.params.required('AccountName').toLowerCase();
      const sendtype = ctx.params.required('Sendtype');
      if (!SEND_TYPES.includes(sendtype)) throw badRequest('InvalidMailAddressSendType.Malformed', 'Sendtype must be "batch" or "trigger".');
      if (!isEmail(accountName)) throw badRequest('InvalidMailAddressName.Malformed', 'The sender address is not a valid e-mail address.');
      const domain = findDomainByName(ctx.account, accountName.slice(accountName.indexOf('@') + 1));
      if (!domain) throw badRequest('InvalidMailAddressDomain.Malformed', 'The domain of the sender address is not configured in this account.');
      if (domain.status !== 0) throw badRequest('InvalidMailAddressDomain.Malformed', 'The domain of the sender address is not verified yet.');
      if (findMailAddressByName(ctx.account, accountName)) throw badRequest('InvalidMailAddress.Duplicate', 'The sender address already exists.');
      const reply = ctx.params.get('ReplyAddress');
      const address = addMailAddress(ctx.account, {
        accountName, sendtype: sendtype as SendType, replyAddress: reply === undefined ? '' : checkReplyAddress(reply), createdAt: ctx.now,
      });
      return { MailAddressId: String(address.id) };
    },
  },
  ModifyMailAddress: {
    mutates: true,
    handler: (ctx) => {
      const address = addressById(ctx);
      const password = ctx.params.get('Password');
      const reply = ctx.params.get('ReplyAddress');
      const hash = password === undefined ? undefined : checkPassword(address, password);
      const replyAddress = reply === undefined ? undefined : checkReplyAddress(reply);
      if (hash !== undefined) address.passwordHash = hash;
      if (replyAddress !== undefined && replyAddress !== address.replyAddress) {
        address.replyAddress = replyAddress;
        address.replyStatus = 0;
        address.replyTicket = undefined;
      }
      return {};
    },
  },
  DeleteMailAddress: deleteAction((account) => account.mailAddresses, addressById),
  QueryMailAddressByParam: {
    mutates: false,
    handler: ({ account, params }) => {
      const sendtype = params.get('Sendtype');
      if (sendtype !== undefined && !SEND_TYPES.includes(sendtype)) {
        throw badRequest('InvalidMailAddressSendType.Malformed', 'Sendtype must be "batch" or "trigger".');
      }
      const { page } = newestFirstPage(account.mailAddresses.values(), params,
        (m, keyword) => (keyword === undefined || m.accountName.includes(keyword)) && (sendtype === undefined || m.sendtype === sendtype));
      const statusByDomain = new Map([...account.domains.values()].map((d) => [d.name, d.status]));
      const domainStatus = (m: MailAddress): number => statusByDomain.get(m.accountName.split('@')[1]) ?? 1;
      return numberedPage(page, 'mailAddress', (m) => listItem(m, domainStatus(m)));
    },
  },
  CheckReplyToMailAddress: {
    mutates: true,
    handler: (ctx) => {
      const address = addressById(ctx);
      if (!address.replyAddress) throw badRequest('InvalidReplyAddress.Malformed', 'The sender address has no reply-to address to verify.');
      // The verification mail carries this ticket; the emulator shows it in its state instead of mailing it.
      address.replyTicket = hexToken(32);
      return {};
    },
  },
  ApproveReplyMailAddress: {
    mutates: true,
    handler: (ctx) => {
      const ticket = ctx.params.required('Ticket');
      const address = [...ctx.account.mailAddresses.values()].find((m) => m.replyTicket === ticket);
      if (!address) throw notFound('InvalidMailAddress.NotFound', 'No sender address waits for a reply-to verification with this ticket.');
      address.replyStatus = 1;
      address.replyTicket = undefined;
      return {};
    },
  },
};
