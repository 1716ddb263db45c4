// Renaming and deleting tags through the commands, against the emulator's demo account: what the emulator received,
// its state afterwards and what the tree shows, including the refusals before any request and the service's answers.
import * as assert from 'node:assert/strict';
import { answering } from './scriptedPrompts';
import { admin, type Api, commandRequests, emulatorState, group, run, useDemoState, withSetting } from './treeHelpers';

describe('Manage tags', () => {
  let a: Api;
  const { demo, failure, markLog } = useDemoState((api) => (a = api));
  const sent = commandRequests;
  const tagId = (name: string): string => String(demo().tags.find((t) => t.name === name)!.id);

  describe('tags', () => {
    it('renames a tag; the tree shows the new name under the same ID', async () => {
      const id = tagId('welcome');
      assert.equal(await run('renameTag', { tagId: id, tagName: 'welcome_mail' }), 'welcome_mail');
      assert.deepEqual((await sent()).filter((r) => r.action === 'ModifyTag').map((r) => [r.params.TagId, r.params.TagName, r.status]), [[id, 'welcome_mail', 200]]);
      const { items } = await group(a, 'Tags');
      const shown = items.find((t) => t.label === 'welcome_mail');
      assert.ok(shown, `tags shown: ${items.map((t) => t.label).join(', ')}`);
      assert.equal(shown.description, `ID ${id}`);
      assert.ok(!items.some((t) => t.label === 'welcome'));
    });

    it('refuses a malformed tag name before any request, and explains a duplicate and an unknown ID', async () => {
      for (const tagName of ['', 'has space', 'ünïcode', 'x'.repeat(129)]) {
        await admin('DELETE', 'requests');
        assert.equal(await run('renameTag', { tagId: tagId('welcome'), tagName }), undefined, tagName);
        assert.deepEqual(await sent(), [], `a request was sent for "${tagName}"`);
      }
      assert.match(failure('renameTag'), /at most 128 characters/);
      markLog();
      assert.equal(await run('renameTag', { tagId: tagId('welcome'), tagName: 'password-reset' }), undefined);
      assert.match(failure('renameTag'), /A tag named password-reset already exists; choose another name.*InvalidTagName\.Duplicate/);
      markLog();
      assert.equal(await run('renameTag', { tagId: '987654', tagName: 'anything' }), undefined);
      assert.match(failure('renameTag'), /InvalidTag\.NotFound/);
      assert.deepEqual((await emulatorState()).demo.tags.map((t) => t.name).sort(), demo().tags.map((t) => t.name).sort());
    });

    it('deletes a tag from its tree node (confirmDelete off) and by ID; an unknown ID shows the service error', async () => {
      const { items } = await group(a, 'Tags');
      await withSetting('confirmDelete', false, async () => {
        assert.equal(await run('deleteTag', items.find((t) => t.label === 'welcome')!.node), tagId('welcome'));
      });
      assert.equal((await answering(a, ['Delete'], () => run('deleteTag', { tagId: tagId('weekly-digest') }))).result, tagId('weekly-digest'));
      assert.deepEqual((await sent()).filter((r) => r.action === 'DeleteTag').map((r) => r.params.TagId), [tagId('welcome'), tagId('weekly-digest')]);
      assert.deepEqual((await group(a, 'Tags')).items.map((t) => t.label), ['password-reset']);
      assert.equal((await answering(a, ['Delete'], () => run('deleteTag', { tagId: '987654' }))).result, undefined);
      assert.match(failure('deleteTag'), /no tag 987654 in this account.*InvalidTag\.NotFound/);
    });
  });
});
