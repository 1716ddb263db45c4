// Tag actions.
import { badRequest, invalidParameter, notFound } from '../errors';
import { TAG_NAME } from '../rules';
import type { AccountState, Tag } from '../state';
import { addTag } from '../state';
import type { ActionContext, ActionSpec } from './context';
import { deleteAction, newestFirstPage, numberedPage } from './listing';

const MAX_DESCRIPTION = 128;

function tagById(ctx: ActionContext): Tag {
  const tag = ctx.account.tags.get(ctx.params.requiredInt('TagId'));
  if (!tag) throw notFound('InvalidTag.NotFound', 'The specified tag does not exist.');
  return tag;
}

function checkTag(ctx: ActionContext, except?: Tag): { name: string; description: string | undefined } {
  const name = ctx.params.required('TagName');
  const description = ctx.params.get('TagDescription');
  if (!TAG_NAME.test(name)) throw badRequest('InvalidTagName.Malformed', 'The tag name must have 1-128 letters, digits, "_" or "-".');
  if (description !== undefined && description.length > MAX_DESCRIPTION) {
    throw invalidParameter('TagDescription', `It may have at most ${MAX_DESCRIPTION} characters.`);
  }
  if (findTagByName(ctx.account, name, except)) throw badRequest('InvalidTagName.Duplicate', 'A tag with this name already exists.');
  return { name, description };
}

export function findTagByName(account: AccountState, name: string, except?: Tag): Tag | undefined {
  for (const t of account.tags.values()) if (t.name === name && t !== except) return t;
  return undefined;
}

export const tagActions: Record<string, ActionSpec> = {
  CreateTag: {
    mutates: true,
    handler: (ctx) => {
      const { name, description } = checkTag(ctx);
      return { TagId: String(addTag(ctx.account, name, description ?? '', ctx.now).id) };
    },
  },
  ModifyTag: {
    mutates: true,
    handler: (ctx) => {
      const tag = tagById(ctx);
      const { name, description } = checkTag(ctx, tag);
      tag.name = name;
      if (description !== undefined) tag.description = description;
      return {};
    },
  },
  DeleteTag: deleteAction((account) => account.tags, tagById),
  QueryTagByParam: {
    mutates: false,
    handler: ({ account, params }) => {
      const { page } = newestFirstPage(account.tags.values(), params, (t, keyword) => keyword === undefined || t.name.toLowerCase().includes(keyword));
      return numberedPage(page, 'tag', (t) => ({ TagDescription: t.description, TagId: String(t.id), TagName: t.name }));
    },
  },
};
