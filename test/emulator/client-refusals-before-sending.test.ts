// The client's own refusals that had no test: recipients with template variables, a bad list status, values a
// script passes as undefined, long names quoted cut, a bad endpoint; and the form values of a send exactly as the
// service receives them (ReplyToAddress and ClickTrace when off). Nothing refused reaches the emulator.
import { strict as assert } from 'node:assert';
import { DirectMailClient, DirectMailError } from '../../src/api';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from './credentials';
import { useDemoClient } from './demoClient';
import type { Emulator } from './server';

describe('Client refusals before sending, and form values as sent', () => {
  let emulator: Emulator;
  let client: DirectMailClient;
  const requests = async (): Promise<{ action: string; params: Record<string, string> }[]> =>
    ((await (await fetch(`${emulator.url}/__emulator/requests`)).json()) as { requests: { action: string; params: Record<string, string> }[] }).requests;

  async function refused(work: () => Promise<unknown>, message: string | RegExp): Promise<void> {
    const before = (await requests()).length;
    await assert.rejects(work(), (e: unknown) => {
      assert.ok(e instanceof DirectMailError, String(e));
      assert.deepEqual([e.code, e.delivery], ['InvalidInput', 'notSent']);
      if (typeof message === 'string') assert.equal(e.message, message);
      else assert.match(e.message, message);
      return true;
    });
    assert.equal((await requests()).length, before, 'a request reached the emulator');
  }

  useDemoClient((e, c) => {
    emulator = e;
    client = c;
  });

  it('recipients with template variables: empty, too many, a bad address, a nameless or non-text variable, a long bad name', async () => {
    const id = 'abc123';
    await refused(() => client.addRecipientsWithData(id, []), 'Add at least one recipient address.');
    const many = Array.from({ length: 501 }, (_, i) => ({ email: `u${i}@example.com`, customData: {} }));
    await refused(() => client.addRecipientsWithData(id, many), 'At most 500 recipients can be added at once (got 501); split them into several batches.');
    await refused(() => client.addRecipientsWithData(id, [{ email: 'a@example.com', customData: {} }, { email: 'bad', customData: {} }]), /^Recipient 2 \(bad\): /);
    await refused(() => client.addRecipientsWithData(id, [{ email: '', customData: {} }]), /^Recipient 1 \(empty\): /);
    await refused(() => client.addRecipientsWithData(id, [{ email: 'a@example.com', customData: { ' ': 'x' } }]), 'Recipient 1 (a@example.com): a template variable has no name.');
    await refused(() => client.addRecipientsWithData(id, [{ email: 'a@example.com', customData: { n: 5 as unknown as string } }]), 'Recipient 1 (a@example.com): the value of "n" must be text.');
    const long = `${'v'.repeat(45)}\n`;
    await refused(() => client.addRecipientsWithData(id, [{ email: 'a@example.com', customData: {} }, { email: 'b@example.com', customData: { [long]: 'x' } }]), new RegExp(`^Recipient 2 \\(b@example\\.com\\), "${'v'.repeat(40)}": `));
  });

  it('recipients with the fixed columns: empty, too many, a bad address named by its position', async () => {
    await refused(() => client.addRecipients('abc123', []), 'Add at least one recipient address.');
    await refused(() => client.addRecipients('abc123', Array.from({ length: 501 }, (_, i) => ({ email: `u${i}@example.com` }))), /^At most 500 recipients can be added at once \(got 501\)/);
    await refused(() => client.addRecipients('abc123', [{ email: '' }]), /^Recipient 1 \(empty\): /);
  });

  it('a list status other than 0 or 1, values passed as undefined, a long bad header name', async () => {
    await refused(() => client.queryRecipientLists({ status: 2 as 0 }), 'The list status must be 0 (uploading) or 1 (ready) (got 2).');
    await refused(() => client.deleteTag(undefined as unknown as string), 'The tag ID must be a number; got "".');
    await refused(() => client.deleteRecipientList(undefined as unknown as string), 'The recipient list ID is missing.');
    await refused(() => client.createTag({ tagName: undefined as unknown as string }), 'Enter a tag name.');
    const name = `${'H'.repeat(45)}:`;
    await refused(() => client.singleSendMail({ accountName: 'noreply@example.com', toAddress: 'a@example.org', subject: 'Hi', textBody: 'x', headers: { [name]: 'v' } }), new RegExp(`^Header "${'H'.repeat(40)}": `));
  });

  it('a bad endpoint is refused when the client is made, as a configuration error', () => {
    assert.throws(() => new DirectMailClient({ region: 'cn-hangzhou', endpoint: 'ftp://dm.aliyuncs.com', credentials: { accessKeyId: DEMO_ACCESS_KEY_ID, accessKeySecret: DEMO_ACCESS_KEY_SECRET } }),
      (e: unknown) => e instanceof DirectMailError && e.action === 'Configure' && e.code === 'InvalidInput' && /must start with https:\/\//.test(e.message));
  });

  it('a send with reply-to and click tracking off says "false" and "0" on the wire', async () => {
    await client.singleSendMail({ accountName: 'noreply@example.com', addressType: 1, toAddress: 'a@example.org', subject: 'Hi', textBody: 'x', replyToAddress: false, clickTrace: false });
    const sent = (await requests()).filter((r) => r.action === 'SingleSendMail').pop()!;
    assert.deepEqual([sent.params.ReplyToAddress, sent.params.ClickTrace, sent.params.AddressType], ['false', '0', '1']);
  });
});
