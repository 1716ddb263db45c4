// Starting data. The demo seed is what the extension's tests assert against (CONTRACT.md), so change it only
// together with them; `scale:<n>` is for paging tests and benchmarks.
import type { AccountName } from './credentials';
import type { AccountState } from './state';
import { addDomain, addMailAddress, addReceiver, addRecipient, addTag, newAccount } from './state';

export type SeedName = 'demo' | 'empty' | `scale:${number}`;

export function isSeedName(value: string): value is SeedName {
  return value === 'demo' || value === 'empty' || /^scale:\d+$/.test(value);
}

// Fixed creation times keep the seeded data stable from run to run.
const T0 = Date.UTC(2025, 2, 19, 12, 49, 0);
const DAY = 86_400_000;

const FIRST_NAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'niaj', 'olivia'];

function seedDemo(a: AccountState): void {
  addDomain(a, { name: 'example.com', createdAt: T0, verified: ['ownership', 'spf', 'mx', 'dkim', 'dmarc', 'cname'] });
  addDomain(a, { name: 'mail.example.org', createdAt: T0 + DAY });
  addDomain(a, { name: 'news.example.net', createdAt: T0 + 2 * DAY, verified: ['ownership', 'spf'] });
  addMailAddress(a, { accountName: 'noreply@example.com', sendtype: 'trigger', createdAt: T0 + 3 * DAY });
  addMailAddress(a, { accountName: 'news@example.com', sendtype: 'batch', replyAddress: 'support@example.com', createdAt: T0 + 4 * DAY });
  const newsletter = addReceiver(a, { name: 'Newsletter', alias: 'newsletter@example.com', desc: 'Monthly product news', createdAt: T0 + 5 * DAY });
  for (let i = 1; i <= 25; i++) {
    const first = FIRST_NAMES[(i - 1) % FIRST_NAMES.length];
    addRecipient(newsletter, `${first}${i}@example.net`, { u: `${first[0].toUpperCase()}${first.slice(1)} ${i}`, n: first }, T0 + 5 * DAY + i * 60_000);
  }
  const beta = addReceiver(a, { name: 'Beta testers', alias: 'beta@example.com', desc: 'Early access group', createdAt: T0 + 6 * DAY });
  for (const email of ['tester1@example.org', 'tester2@example.org', 'tester3@example.org']) addRecipient(beta, email, {}, T0 + 6 * DAY);
  addTag(a, 'welcome', 'Welcome mails for new users', T0 + 7 * DAY);
  addTag(a, 'password-reset', 'Password reset mails', T0 + 7 * DAY);
  addTag(a, 'weekly-digest', 'Weekly digest', T0 + 7 * DAY);
}

function seedScale(a: AccountState, n: number): void {
  const pad = (i: number): string => String(i).padStart(String(n).length, '0');
  for (let i = 1; i <= n; i++) {
    const domain = addDomain(a, { name: `domain-${pad(i)}.scale.example`, createdAt: T0 + i * 1000, verified: ['ownership', 'spf', 'mx'] });
    addMailAddress(a, { accountName: `sender@${domain.name}`, sendtype: i % 2 ? 'trigger' : 'batch', createdAt: T0 + i * 1000 });
    addTag(a, `tag-${pad(i)}`, `Scale tag ${i}`, T0 + i * 1000);
    const list = addReceiver(a, { name: `list-${pad(i)}`, alias: `list-${pad(i)}@scale.example`, createdAt: T0 + i * 1000 });
    if (i === 1) for (let r = 1; r <= n; r++) addRecipient(list, `user-${pad(r)}@scale.example`, {}, T0 + r * 1000);
  }
}

/** The second account: small and visibly different from the demo account. */
function seedOther(a: AccountState): void {
  addDomain(a, { name: 'other-account.example', createdAt: T0, verified: ['ownership', 'spf', 'mx'] });
  addMailAddress(a, { accountName: 'hello@other-account.example', sendtype: 'trigger', createdAt: T0 + DAY });
  addTag(a, 'other-tag', 'Only in the other account', T0 + DAY);
}

export function seedAccount(account: AccountName, seed: SeedName): AccountState {
  const a = newAccount(account, account === 'demo' ? 0 : 500_000);
  if (account === 'other') seedOther(a);
  else if (seed === 'demo') seedDemo(a);
  else if (seed.startsWith('scale:')) seedScale(a, Number(seed.slice(6)));
  return a;
}
