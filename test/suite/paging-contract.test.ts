// Paging as the official SDK defines it, and a service that repeats itself: recipient lists page with PageNo
// (QueryReceiverByParam's request model has no NextStart), and when the emulator answers the first page again
// whatever page is asked for, the tree shows every item once, with unique ids, ends paging and says so in the log.
// The emulator holds N of everything (seed scale:N), more than one page at the default page size.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { admin, api, DEMO_KEY, group, requests, resetEmulator, signInAs, type Api, type Shown } from './treeHelpers';

const N = 60;
const PAGE = 50; // the default of directMail.pageSize

/** The TreeItem ids of the nodes (VS Code refuses a second node with an id it has already registered). */
const idsOf = (a: Api, shown: readonly Shown[]): string[] => shown.map((s) => String((a.tree.getTreeItem(s.node) as vscode.TreeItem).id));

const itemsOf = (shown: readonly Shown[], contextValue: string): Shown[] => shown.filter((s) => s.contextValue === contextValue);

describe('Paging contract: PageNo for recipient lists, a repeated page shown once', () => {
  let a: Api;
  before(async () => {
    a = await api();
    await resetEmulator();
    await admin('POST', 'reset', { seed: `scale:${N}` });
    await signInAs(a, 'demo', DEMO_KEY);
  });
  after(async () => {
    await resetEmulator();
    a.tree.refresh();
  });
  afterEach(async () => {
    await admin('DELETE', 'faults');
  });

  it('pages recipient lists with PageNo and shows every list', async () => {
    a.tree.refresh();
    await admin('DELETE', 'requests');
    let { items } = await group(a, 'Recipient Lists');
    assert.deepEqual([itemsOf(items, 'recipientList').length, items.at(-1)?.label], [PAGE, `Load more (${PAGE} of ${N})`], items.slice(-2).map((i) => `${i.label} ${i.tooltip}`).join('\n'));
    await vscode.commands.executeCommand('directMail.loadMore', items.at(-1)!.node);
    ({ items } = await group(a, 'Recipient Lists'));
    const lists = itemsOf(items, 'recipientList').map((i) => i.label);
    assert.deepEqual([lists.length, new Set(lists).size, items.length], [N, N, N]);
    const asked = (await requests()).filter((r) => r.action === 'QueryReceiverByParam').map((r) => [r.params.PageNo, r.params.NextStart]);
    assert.deepEqual(asked, [['1', undefined], ['2', undefined]]);
  });

  it('shows each tag once, ends paging and notes it in the log when the service answers page 1 again', async () => {
    a.tree.refresh();
    await admin('POST', 'faults', { kind: 'repeatPage', actions: ['QueryTagByParam'], count: 0 });
    const logFrom = a.logLines().length;
    let { items } = await group(a, 'Tags');
    assert.deepEqual([itemsOf(items, 'tag').length, items.at(-1)?.contextValue], [PAGE, 'loadMore'], items.slice(-2).map((i) => `${i.label} ${i.tooltip}`).join('\n'));
    const firstPage = itemsOf(items, 'tag').map((i) => i.label);
    await admin('DELETE', 'requests');
    await vscode.commands.executeCommand('directMail.loadMore', items.at(-1)!.node);
    assert.deepEqual((await requests()).map((r) => [r.action, r.params.PageNo]), [['QueryTagByParam', '2']], 'page 2 was asked for');
    ({ items } = await group(a, 'Tags'));
    assert.deepEqual(items.map((i) => i.label), firstPage, 'the repeated page adds nothing and no "Load more" remains');
    const ids = idsOf(a, items);
    assert.equal(new Set(ids).size, ids.length, 'an id is shown twice');
    const notes = a.logLines().slice(logFrom);
    assert.ok(notes.some((l) => l.includes(`Tags: the service answered a page with only items already shown, so paging stopped here (${PAGE} shown).`)), notes.join('\n'));
  });

  it('shows each recipient list once when the service repeats a page of lists', async () => {
    a.tree.refresh();
    await admin('POST', 'faults', { kind: 'repeatPage', actions: ['QueryReceiverByParam'], count: 0 });
    let { items } = await group(a, 'Recipient Lists');
    const firstPage = itemsOf(items, 'recipientList').map((i) => i.label);
    await vscode.commands.executeCommand('directMail.loadMore', items.at(-1)!.node);
    ({ items } = await group(a, 'Recipient Lists'));
    assert.deepEqual(items.map((i) => i.label), firstPage);
    assert.equal(new Set(idsOf(a, items)).size, items.length);
  });

  it('offers "Load more" after a full page when the service leaves TotalCount out, and loads the rest', async () => {
    a.tree.refresh();
    await admin('POST', 'faults', { kind: 'omitFields', fields: ['TotalCount'], actions: ['QueryTagByParam'], count: 0 });
    let { items } = await group(a, 'Tags');
    assert.deepEqual([itemsOf(items, 'tag').length, items.at(-1)?.label], [PAGE, `Load more (${PAGE} shown)`]);
    await vscode.commands.executeCommand('directMail.loadMore', items.at(-1)!.node);
    ({ items } = await group(a, 'Tags'));
    assert.deepEqual([itemsOf(items, 'tag').length, items.at(-1)?.contextValue], [N, 'tag'], 'every tag, and no "Load more" after the short page');
  });

  it('shows a send type or domain status this version does not know as "unknown (value)", with the rest of the page', async () => {
    a.tree.refresh();
    await admin('POST', 'faults', { kind: 'answer', actions: ['QueryMailAddressByParam'], count: 1, body: {
      PageNumber: 1, PageSize: PAGE, TotalCount: 2, data: { mailAddress: [
        { MailAddressId: '901', AccountName: 'promo@example.com', Sendtype: 'marketing', AccountStatus: '0', ReplyStatus: '0' },
        { MailAddressId: '902', AccountName: 'news@example.com', Sendtype: 'batch', AccountStatus: '0', ReplyStatus: '0' },
      ] },
    } });
    await admin('POST', 'faults', { kind: 'answer', actions: ['QueryDomainByParam'], count: 1, body: {
      PageNumber: 1, PageSize: PAGE, TotalCount: 2, data: { domain: [
        { DomainId: '801', DomainName: 'new-status.example.com', DomainStatus: '7', SpfAuthStatus: '0', MxAuthStatus: '0' },
        { DomainId: '802', DomainName: 'verified.example.com', DomainStatus: '0' },
      ] },
    } });
    const senders = (await group(a, 'Sender Addresses')).items;
    assert.deepEqual(senders.map((i) => [i.label, i.description]), [['promo@example.com', 'unknown (marketing)'], ['news@example.com', 'batch']]);
    const domains = (await group(a, 'Domains')).items;
    assert.deepEqual(domains.map((i) => [i.label, i.description]), [['new-status.example.com', 'unknown (7)'], ['verified.example.com', 'verified']]);
    assert.notEqual(domains[0].contextValue, 'domain.verified', 'an unknown status is not taken for verified');
  });

  it('pages normally again once the service does', async () => {
    a.tree.refresh();
    let { items } = await group(a, 'Tags');
    await vscode.commands.executeCommand('directMail.loadMore', items.at(-1)!.node);
    ({ items } = await group(a, 'Tags'));
    const tags = itemsOf(items, 'tag').map((i) => i.label);
    assert.deepEqual([tags.length, new Set(tags).size, items.length], [N, N, N]);
  });
});
