// Recipient lists and the recipients inside them (cursor paging, bulk add of up to 500 per call).
import { badRequest, invalidParameter, notFound } from '../errors';
import { secondTime, unixSeconds } from '../ids';
import { cursorPageOf } from '../paging';
import { isEmail } from '../rules';
import type { ReceiverList, Recipient, RecipientData } from '../state';
import { addReceiver, addRecipient } from '../state';
import type { ActionContext, ActionSpec } from './context';
import { deleteAction, newestFirstPage } from './listing';

const DATA_SCHEMA = 'UserName,NickName,Gender,Birthday,Mobile';
const DATA_KEYS: readonly (keyof RecipientData)[] = ['u', 'n', 'g', 'b', 'm'];
export const MAX_DETAILS_PER_CALL = 500;

function listById(ctx: ActionContext): ReceiverList {
  const list = ctx.account.receivers.get(ctx.params.required('ReceiverId'));
  if (!list) throw notFound('InvalidReceiver.NotFound', 'The specified receiver list does not exist.');
  return list;
}

const listItem = (r: ReceiverList): Record<string, unknown> => ({
  Count: r.recipients.size,
  CreateTime: secondTime(r.createdAt),
  Desc: r.desc,
  ReceiverId: r.id,
  ReceiversAlias: r.alias,
  ReceiversName: r.name,
  ReceiversStatus: 1,
  UtcCreateTime: unixSeconds(r.createdAt),
});

const detailItem = (p: Recipient): Record<string, unknown> => ({
  CreateTime: secondTime(p.createdAt),
  Data: DATA_KEYS.map((k) => p.data[k] ?? '').join(','),
  Email: p.email,
  UtcCreateTime: unixSeconds(p.createdAt),
});

interface DetailEntry { email: string; data: RecipientData }

/** Reads Detail (short keys) or CustomDetail (Email + CustomData); both are JSON arrays sent as strings. */
function parseDetails(ctx: ActionContext): DetailEntry[] {
  const detail = ctx.params.get('Detail');
  const custom = ctx.params.get('CustomDetail');
  const name = detail !== undefined ? 'Detail' : 'CustomDetail';
  const text = detail ?? custom;
  if (text === undefined) throw badRequest('MissingDetail', 'Detail is mandatory for this action.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidParameter(name, 'It must be a JSON array of recipients.');
  }
  if (!Array.isArray(parsed)) throw invalidParameter(name, 'It must be a JSON array of recipients.');
  if (parsed.length > MAX_DETAILS_PER_CALL) throw invalidParameter(name, `At most ${MAX_DETAILS_PER_CALL} recipients per call.`);
  return parsed.map((item: unknown) => {
    const o = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const email = String((detail !== undefined ? o.e : o.Email) ?? '');
    const data: RecipientData = {};
    if (detail !== undefined) for (const k of DATA_KEYS) if (o[k] !== undefined) data[k] = String(o[k]);
    return { email, data };
  });
}

export const receiverActions: Record<string, ActionSpec> = {
  CreateReceiver: {
    mutates: true,
    handler: (ctx) => {
      const name = ctx.params.required('ReceiversName');
      const alias = ctx.params.required('ReceiversAlias').toLowerCase();
      const desc = ctx.params.get('Desc') ?? '';
      if (name.length > 30) throw badRequest('InvalidReceiverName.Malformed', 'The list name must have 1-30 characters.');
      if (alias.length >= 30 || !isEmail(alias)) {
        throw badRequest('InvalidReceiverAlias.Malformed', 'The list alias must look like an e-mail address and be shorter than 30 characters.');
      }
      if (desc.length > 50) throw invalidParameter('Desc', 'It may have at most 50 characters.');
      for (const r of ctx.account.receivers.values()) {
        if (r.name === name) throw badRequest('InvalidReceiverName.Duplicate', 'A recipient list with this name already exists.');
        if (r.alias === alias) throw badRequest('InvalidReceiverAlias.Duplicate', 'A recipient list with this alias already exists.');
      }
      return { ReceiverId: addReceiver(ctx.account, { name, alias, desc, createdAt: ctx.now }).id };
    },
  },
  DeleteReceiver: deleteAction((account) => account.receivers, listById),
  QueryReceiverByParam: {
    mutates: false,
    handler: ({ account, params }) => {
      const status = params.int('Status', { min: 0, max: 1 });
      // Pages by PageNo/PageSize: the SDK's request model has no NextStart, so one sent anyway is ignored, as the
      // service does. The answer carries a NextStart cursor and no PageNumber.
      const { all, page } = newestFirstPage(account.receivers.values(), params,
        (r, keyword) => (keyword === undefined || r.name.toLowerCase().includes(keyword) || r.alias.includes(keyword)) && status !== 0);
      const next = page.PageNumber * page.PageSize;
      const nextStart = next < all.length ? `receiver#${next}#${all[next].id}` : undefined;
      return withNextStart({ PageSize: page.PageSize, TotalCount: page.TotalCount, data: { receiver: page.items.map(listItem) } }, nextStart);
    },
  },
  QueryReceiverDetail: {
    mutates: false,
    handler: (ctx) => {
      const list = listById(ctx);
      const keyword = ctx.params.get('KeyWord')?.toLowerCase();
      let all = [...list.recipients.values()];
      if (keyword !== undefined) all = all.filter((p) => p.email.toLowerCase().includes(keyword));
      const page = cursorPageOf(all, ctx.params, list.id.slice(0, 10), (p) => p.email);
      return withNextStart({ DataSchema: DATA_SCHEMA, TotalCount: all.length, data: { detail: page.items.map(detailItem) } }, page.nextStart);
    },
  },
  SaveReceiverDetail: {
    mutates: true,
    handler: (ctx) => {
      const list = listById(ctx);
      const errors: { Email: string; ErrMessage: string }[] = [];
      let success = 0;
      for (const { email, data } of parseDetails(ctx)) {
        if (!isEmail(email)) errors.push({ Email: email, ErrMessage: 'Invalid email address' });
        else if (!addRecipient(list, email, data, ctx.now)) errors.push({ Email: email, ErrMessage: 'Duplicate email address' });
        else success++;
      }
      return { Data: { Detail: errors }, ErrorCount: errors.length, SuccessCount: success };
    },
  },
  DeleteReceiverDetail: {
    mutates: true,
    handler: (ctx) => {
      const list = listById(ctx);
      const email = ctx.params.required('Email').toLowerCase();
      if (!list.recipients.delete(email)) throw notFound('InvalidReceiverDetail.NotFound', 'The address is not in this recipient list.');
      return {};
    },
  },
};

/** At the end of a list the cursor is left out (reference §10: absent at the end). */
function withNextStart(body: Record<string, unknown>, nextStart: string | undefined): Record<string, unknown> {
  return nextStart === undefined ? body : { NextStart: nextStart, ...body };
}
