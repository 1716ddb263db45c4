// The Direct Mail tree in the real workbench: open the view from the activity bar, see the account and the four
// groups, expand Domains and a domain, read its DNS records and copy one with the inline button, then
// photograph the expanded tree (test-results/tree-expanded.png).
import * as assert from 'node:assert/strict';
import { allowClipboard, clipboardText, demoAccount, expandTreeRow, openDirectMailView, page, screenshot, showDemoData, treeRow } from './harness';



const row = treeRow;
const expand = expandTreeRow;

describe('Direct Mail tree in the workbench', () => {
  before(async () => {
    // Earlier e2e files change the account (they create resources): start from the demo data and reload the tree.
    await showDemoData();
  });

  it('shows the account and the four groups with their totals', async () => {
    await openDirectMailView();
    const demo = await demoAccount();
    const groups: [string, number][] = [['Domains', demo.totals.domains], ['Sender Addresses', demo.totals.mailAddresses], ['Recipient Lists', demo.totals.receivers], ['Tags', demo.totals.tags]];
    await row('Account environment').waitFor({ state: 'visible', timeout: 30_000 });
    for (const [label, total] of groups) {
      const description = row(label).locator('.label-description');
      await description.filter({ hasText: new RegExp(`^${total}$`) }).waitFor({ timeout: 30_000 });
    }
  });

  it('expands Domains and a domain into its DNS records and saves tree-expanded.png', async () => {
    const demo = await demoAccount();
    const domain = demo.domains.find((d) => d.name === 'news.example.net')!;
    await expand('Domains');
    await expand('news.example.net');
    for (const kind of ['ownership', 'spf', 'mx', 'dmarc', 'cname'] as const) {
      const rec = domain.dns[kind];
      await row(`${rec.host}  ${rec.type}`).waitFor({ state: 'visible', timeout: 30_000 });
    }
    // The inline "copy value" button of the SPF record puts the exact value on the clipboard.
    await allowClipboard();
    const spf = row(`${domain.dns.spf.host}  TXT  v=spf1`);
    await spf.hover();
    await spf.locator('.action-label[aria-label="Copy DNS Record Value"]').click();
    // The command runs in the extension host: wait for its status-bar confirmation before reading.
    await page().locator('.part.statusbar', { hasText: 'Copied the record value to the clipboard' }).waitFor({ timeout: 30_000 });
    const copied = await clipboardText();
    assert.equal(copied, domain.dns.spf.value);
    // Widen the sidebar (drag its sash) so whole records are readable in the picture.
    const box = await page().locator('.part.sidebar').boundingBox();
    if (box) {
      await page().mouse.move(box.x + box.width - 1, box.y + box.height / 2);
      await page().mouse.down();
      await page().mouse.move(box.x + box.width + 560, box.y + box.height / 2, { steps: 8 });
      await page().mouse.up();
    }
    // What the picture shows: the wider sidebar, with the SPF record's whole value on its row.
    const wider = await page().locator('.part.sidebar').boundingBox();
    assert.ok(box && wider && wider.width > box.width + 200, `sidebar ${box?.width} → ${wider?.width}`);
    const whole = await spf.evaluate((el) => Array.from(el.querySelectorAll('.monaco-icon-label-container'), (part) => part).every((part) => part.scrollWidth <= part.clientWidth));
    assert.equal(whole, true, 'the SPF row is cut off');
    await screenshot('tree-expanded');
  });
});
