// Tags: rename (ModifyTag, the input prefilled with the current name) and delete. Creating one is the webview
// form's job. Each command takes a tree node, an argument object ({ tagId, tagName }) or asks with a
// quick pick.
import * as vscode from 'vscode';
import { checkField } from '../api/validation';
import { TagNode } from '../views/tagNodes';
import { askAndSend, hinted } from './askAndSend';
import { confirmDestructive } from './confirm';
import { argString, type CommandContext } from './context';
import { pickTag } from './pickers';
import { refreshAndReveal } from './treeUpdate';

interface TagRef {
  tagId: string;
  /** The current name when known (from the tree). */
  tagName?: string;
  tagDescription?: string;
}

async function tagRef(c: CommandContext, arg: unknown): Promise<TagRef | undefined> {
  const tagId = argString(arg, 'tagId');
  if (!(arg instanceof TagNode) && tagId !== undefined) return { tagId };
  const node = arg instanceof TagNode ? arg : await pickTag(c.tree);
  return node?.tag;
}

const shownName = (t: TagRef): string => t.tagName ?? vscode.l10n.t('tag {0}', t.tagId);

const notFoundHint = (t: TagRef): string =>
  vscode.l10n.t('Direct Mail has no {0} in this account and region (it may have been deleted); refresh the view and pick it again.', shownName(t));

export function registerTagCommands(c: CommandContext): void {
  c.register('directMail.renameTag', (arg?: unknown) => renameTag(c, arg));
  c.register('directMail.deleteTag', (arg?: unknown) => deleteTag(c, arg));
}

async function renameTag(c: CommandContext, arg: unknown): Promise<string | undefined> {
  const t = await tagRef(c, arg);
  if (!t) return undefined;
  const given = argString(arg, 'tagName');
  const done = await askAndSend(c, 'directMail.renameTag', given, {
    title: vscode.l10n.t('Rename {0}', shownName(t)),
    prompt: vscode.l10n.t('New tag name: up to 128 letters, digits, "_" and "-".'),
    value: t.tagName,
    check: (v) => checkField('tagName', v, vscode.l10n.t),
    progress: vscode.l10n.t('Renaming {0}…', shownName(t)),
  }, async (tagName) => {
    // Unchanged: nothing to send.
    if (tagName === t.tagName) return tagName;
    await hinted(c.store.track({ kind: 'tag', id: t.tagId }, c.session.requireClient().modifyTag({ tagId: t.tagId, tagName, tagDescription: t.tagDescription })), {
      'InvalidTag.NotFound': notFoundHint(t),
      'InvalidTagName.Duplicate': vscode.l10n.t('A tag named {0} already exists; choose another name.', tagName),
    });
    return tagName;
  });
  if (done === undefined || done === t.tagName) return done;
  c.log.info(`Tag ${shownName(t)} (${t.tagId}) renamed to ${done}`);
  // The row shows the new name at once; the group is asked again for the order the service keeps.
  c.store.put('tag', t.tagId, { tagId: t.tagId, tagName: done, tagDescription: t.tagDescription ?? '' });
  await refreshAndReveal(c, 'tag', t.tagId);
  return done;
}

async function deleteTag(c: CommandContext, arg: unknown): Promise<string | undefined> {
  const t = await tagRef(c, arg);
  if (!t) return undefined;
  const confirmed = await confirmDestructive({
    what: vscode.l10n.t('tag'),
    name: shownName(t),
    detail: vscode.l10n.t('Sends can no longer name this tag.'),
  });
  if (!confirmed) return undefined;
  const key = { kind: 'tag', id: t.tagId } as const;
  await hinted(c.store.track(key, c.session.requireClient().deleteTag(t.tagId)), { 'InvalidTag.NotFound': notFoundHint(t) });
  c.log.info(`Tag ${shownName(t)} (${t.tagId}) deleted`);
  c.store.markGone(key);
  void vscode.window.showInformationMessage(vscode.l10n.t('Deleted the tag {0}.', shownName(t)));
  return t.tagId;
}
