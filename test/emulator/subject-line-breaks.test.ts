// A subject with a line break could start a header of its own in the mail (header injection). The client refuses
// it itself, before any request: nothing reaches the service, and the error says the request was not sent.
import { strict as assert } from 'node:assert';
import type { DirectMailClient} from '../../src/api';
import { DirectMailError } from '../../src/api';
import { useDemoClient } from './demoClient';
import type { Emulator } from './server';

describe('A subject with CR or LF is refused by the client before any request', () => {
  let emulator: Emulator;
  let client: DirectMailClient;

  const logged = async (): Promise<string[]> => {
    const res = await fetch(`${emulator.url}/__emulator/requests`);
    return ((await res.json()) as { requests: { action: string }[] }).requests.map((r) => r.action);
  };

  useDemoClient((e, c) => {
    emulator = e;
    client = c;
  });

  for (const [name, subject] of [['CR LF', 'Hello\r\nBcc: everyone@example.com'], ['LF', 'Hello\nX-Spam: no'], ['CR', 'Hello\rthere'], ['a trailing LF', 'Hello\n']] as const) {
    it(`refuses ${name} in the subject with InvalidInput, not sent`, async () => {
      const before = (await logged()).length;
      await assert.rejects(
        client.singleSendMail({ accountName: 'noreply@example.com', addressType: 1, toAddress: 'someone@example.org', subject, textBody: 'Hi' }),
        (e: unknown) => {
          assert.ok(e instanceof DirectMailError, String(e));
          assert.equal(e.code, 'InvalidInput');
          assert.equal(e.delivery, 'notSent');
          assert.equal(e.action, 'SingleSendMail');
          assert.match(e.message, /subject must be a single line/i);
          assert.match(e.message, /line break|control character/);
          return true;
        },
      );
      assert.equal((await logged()).length, before, 'a request reached the emulator');
    });
  }

  it('sends the same mail with a one-line subject (the refusal is about the line break only)', async () => {
    const sent = await client.singleSendMail({ accountName: 'noreply@example.com', addressType: 1, toAddress: 'someone@example.org', subject: 'Hello there', textBody: 'Hi' });
    assert.ok(sent.envId);
    assert.deepEqual((await logged()).slice(-1), ['SingleSendMail']);
  });
});
