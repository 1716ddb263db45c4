import * as assert from 'node:assert/strict';
import { DirectMailError, type DirectMailErrorInit } from '../../src/api/errors';
import { failureText, type FailureSubject } from '../../src/model/failureText';
import { errorDetails } from '../../src/util/errors';

const tag: FailureSubject = { doing: 'Creating the tag “launch”', groupName: 'Tags' };
const of = (init: DirectMailErrorInit, subject: FailureSubject | undefined = tag) => failureText(errorDetails(new DirectMailError(init)), subject);

describe('Failure texts: what the user did, and whether it may have happened', () => {
  it('a write whose connection broke after sending may or may not have happened: check, never "failed, try again"', () => {
    const r = of({ action: 'CreateTag', code: 'NetworkError', delivery: 'unknown', message: 'The connection to dm.aliyuncs.com broke during CreateTag (ECONNRESET).' });
    assert.equal(r.text, 'Creating the tag “launch” may or may not have happened: the connection broke after the request was sent. Refresh Tags to check before trying again.');
    assert.equal(r.unknown, true);
    assert.equal(r.safeToRetry, false);
    assert.doesNotMatch(r.text, /CreateTag|failed|not added/);
  });

  it('a timed-out write and an unreadable 2xx answer to a write are unknown too, each with its own reason', () => {
    const timeout = of({ action: 'DeleteTag', code: 'RequestTimeout', delivery: 'unknown', message: 'Direct Mail did not answer DeleteTag within 1 s.' }, { doing: 'Deleting the tag “old”', groupName: 'Tags' });
    assert.equal(timeout.text, 'Deleting the tag “old” may or may not have happened: Direct Mail did not answer in time after the request was sent. Refresh Tags to check before trying again.');
    const cut = of({ action: 'SaveReceiverDetail', code: 'InvalidResponse', httpStatus: 200, requestId: 'R-1', message: 'Direct Mail sent an unexpected response to SaveReceiverDetail: the body is not valid JSON.' }, { doing: 'Adding the recipient “a@x.com”' });
    assert.equal(cut.unknown, true);
    assert.equal(cut.text, 'Adding the recipient “a@x.com” may or may not have happened: Direct Mail\'s answer was cut off or could not be read. Check the result in the Direct Mail view or console before trying again. (RequestId: R-1)');
  });

  it('a write answered by a gateway error page (502) is unknown, not "failed"', () => {
    const r = of({ action: 'CreateTag', code: 'InternalError', delivery: 'unknown', httpStatus: 502, message: 'CreateTag got HTTP 502 from a gateway instead of Direct Mail\'s answer.' });
    assert.equal(r.text, 'Creating the tag “launch” may or may not have happened: a gateway answered HTTP 502 instead of Direct Mail after the request was sent. Refresh Tags to check before trying again.');
  });

  it('without words for the command, it still says the outcome is unknown', () => {
    const r = failureText(errorDetails(new DirectMailError({ action: 'ModifyTag', code: 'NetworkError', delivery: 'unknown', message: 'x' })), undefined);
    assert.equal(r.text, 'The outcome is unknown: the connection broke after the request was sent. The change may or may not have been made; check before trying again.');
  });

  it('a request that never left the machine says nothing changed and it is safe to try again (once)', () => {
    const said = of({ action: 'CreateTag', code: 'ConnectTimeout', delivery: 'notSent', message: 'Could not connect to dm.aliyuncs.com within 5 s. Nothing was sent. Check the network connection, proxy and endpoint setting.' });
    assert.equal(said.text, 'Creating the tag “launch” failed: Could not connect to dm.aliyuncs.com within 5 s. Nothing was sent. Check the network connection, proxy and endpoint setting. Nothing changed; it is safe to try again.');
    const r = of({ action: 'CreateTag', code: 'NetworkError', delivery: 'notSent', message: 'Could not reach Direct Mail at 127.0.0.1:9 (ECONNREFUSED). Check the network connection and the endpoint setting.' });
    assert.equal(r.text, 'Creating the tag “launch” failed: Could not reach Direct Mail at 127.0.0.1:9 (ECONNREFUSED). Check the network connection and the endpoint setting. Nothing was sent, so nothing changed; it is safe to try again.');
    assert.deepEqual([r.unknown, r.safeToRetry], [false, true]);
    // The client's Chinese wording says it too: the short ending, not the same thing twice.
    const zh = of({ action: 'CreateTag', code: 'NetworkError', delivery: 'notSent', message: '无法连接到位于 127.0.0.1:9 的邮件推送（ECONNREFUSED）。未发送任何请求。请检查网络连接和终端节点设置。' });
    assert.match(zh.text, /未发送任何请求。请检查网络连接和终端节点设置。 Nothing changed; it is safe to try again\.$/);
  });

  it('a service answer speaks of what the user did; the action name stays out, Code and RequestId stay in', () => {
    const r = of({ action: 'CreateTag', code: 'InvalidTagName.Duplicate', httpStatus: 400, requestId: 'R-2', message: 'CreateTag failed: The tag name already exists.' });
    assert.equal(r.text, 'Creating the tag “launch” failed: The tag name already exists. (Code: InvalidTagName.Duplicate, RequestId: R-2)');
    assert.equal(r.unknown, false);
  });

  it('a read that lost its answer changed nothing: try again, and no "may or may not"', () => {
    const r = of({ action: 'QueryTagByParam', code: 'RequestTimeout', delivery: 'unknown', message: 'Direct Mail did not answer QueryTagByParam within 15 s.' }, { doing: 'Refreshing the tags' });
    assert.equal(r.text, 'Refreshing the tags failed: Direct Mail did not answer in time. Try again; if it keeps happening, check the network or raise the setting "directMail.requestTimeoutMs".');
    assert.equal(r.unknown, false);
  });

  it('a local refusal (plain Error) keeps its message under the user\'s words', () => {
    const r = failureText(errorDetails(new Error('The tag name may contain only letters, digits, "_" and "-".')), tag);
    assert.equal(r.text, 'Creating the tag “launch” failed: The tag name may contain only letters, digits, "_" and "-".');
  });
});
