// What a user reads for each gateway or auth code: one explanation per code (several codes share one), the code
// kept for "Copy request ID" and the log, a status-only answer named by its status, which failures may be retried,
// and what to check before repeating a write whose outcome is unknown.
import * as assert from 'node:assert/strict';
import { invalidResponse, outcomeUnknown, serviceError } from '../../src/api/errors';

const explain = (code: string, action = 'DescDomain'): string => serviceError(action, 400, { code, message: 'the service said this' }, []).message;

describe('Gateway and auth codes explained', () => {
  it('signature, key, time, nonce and token codes each have their own words', () => {
    const cases: [string[], RegExp][] = [
      [['SignatureDoesNotMatch', 'IncompleteSignature'], /rejected the request signature: the AccessKey secret does not belong to this AccessKey ID/],
      [['InvalidAccessKeyId.NotFound', 'InvalidAccessKeyId'], /^The AccessKey ID does not exist/],
      [['InvalidAccessKeyId.Inactive', 'Forbidden.AccessKeyDisabled'], /^This AccessKey is disabled\. Enable it in the RAM console/],
      [['InvalidTimeStamp.Expired'], /clock differs from the server's by more than 15 minutes/],
      [['InvalidTimeStamp.Format'], /^Direct Mail could not read the request time\. Check the system clock, then retry\.$/],
      [['SignatureNonceUsed'], /^Direct Mail saw this request twice \(replayed nonce\)\. Retry the operation\.$/],
      [['MissingSecurityToken'], /^This AccessKey is a temporary \(STS\) key and needs its security token/],
      [['InvalidSecurityToken.Expired'], /^The STS security token has expired/],
      [['InvalidSecurityToken.Malformed', 'InvalidSecurityToken.MismatchWithAccessKey'], /^The STS security token is not valid for this AccessKey ID\. Copy the AccessKey ID, secret and token from the same STS response\.$/],
    ];
    for (const [codes, words] of cases) for (const code of codes) assert.match(explain(code), words, code);
  });

  it('permission, endpoint, protocol, server and IP codes name the action where it matters', () => {
    for (const code of ['Forbidden.RAM', 'NoPermission', 'Forbidden']) assert.match(explain(code, 'DeleteTag'), /^The RAM user of this AccessKey is not allowed to call DeleteTag\. Grant it the AliyunDirectMailFullAccess policy/, code);
    for (const code of ['InvalidAction.NotFound', 'InvalidApi.NotFound']) assert.equal(explain(code, 'QueryTagByParam'), 'The endpoint does not know the action QueryTagByParam. Check that the endpoint is a Direct Mail endpoint.', code);
    assert.equal(explain('InvalidProtocol.NeedSsl', 'CreateTag'), 'CreateTag requires HTTPS. Use an https:// endpoint.');
    for (const code of ['InternalError', 'ServiceUnavailable']) assert.match(explain(code, 'CreateTag'), /temporary server problem while handling CreateTag/, code);
    assert.match(explain('InvalidIP.NotFound'), /^IP protection is on for this Direct Mail account and this computer's IP address is not in its allow list/);
    assert.equal(explain('Throttling.User'), 'Direct Mail is limiting the request rate (Throttling.User). Wait a moment, then retry.');
  });

  it("any other code shows the service's own message, with a full stop", () => {
    assert.equal(explain('InvalidTagName.Malformed', 'CreateTag'), 'CreateTag failed: the service said this.');
    assert.equal(serviceError('CreateTag', 400, { code: 'X', message: '  Ends with a stop.  ' }, []).message, 'CreateTag failed: Ends with a stop.');
  });

  it('an answer without a code is named by its status, and says so when it has no message', () => {
    const e500 = serviceError('CreateTag', 500, {}, []);
    assert.deepEqual([e500.code, e500.retryable, e500.delivery], ['InternalError', true, 'answered']);
    assert.equal(serviceError('CreateTag', 503, {}, []).code, 'ServiceUnavailable');
    assert.equal(serviceError('CreateTag', 502, {}, []).code, 'InternalError');
    const e499 = serviceError('CreateTag', 499, {}, []);
    assert.deepEqual([e499.code, e499.retryable], ['HttpError', false]);
    assert.equal(e499.message, 'CreateTag failed with HTTP status 499 and no explanation from the server.');
    assert.equal(serviceError('CreateTag', 404, { message: 'Not here' }, []).message, 'CreateTag failed: Not here.');
  });

  it('throttling codes, HTTP 429 and 5xx may be retried; other refusals may not', () => {
    assert.equal(serviceError('DescDomain', 400, { code: 'Throttling.Api' }, []).retryable, true);
    assert.equal(serviceError('DescDomain', 429, { code: 'Busy' }, []).retryable, true);
    assert.equal(serviceError('DescDomain', 500, { code: 'Odd' }, []).retryable, true);
    assert.equal(serviceError('DescDomain', 499, { code: 'Odd' }, []).retryable, false);
    assert.equal(serviceError('DescDomain', 400, { code: 'InvalidParameter' }, []).retryable, false);
  });

  it('an answer the client cannot read is not retried by itself and says what to check', () => {
    const e = invalidResponse('DescDomain', 'field data.domain is missing', 200, 'R-5');
    assert.deepEqual([e.code, e.retryable, e.httpStatus, e.requestId, e.delivery], ['InvalidResponse', false, 200, 'R-5', 'answered']);
    assert.equal(e.message, 'Direct Mail sent an unexpected response to DescDomain: field data.domain is missing. Try again; if it persists, check the endpoint setting.');
  });

  it('an unknown outcome says what to check first: the mail for sends, the view for other changes', () => {
    for (const action of ['SingleSendMail', 'CheckReplyToMailAddress']) {
      assert.match(outcomeUnknown(action, 'NetworkError', 'The connection broke.').message, /Check whether the mail arrived \(or the send statistics\) before sending again, or it may go out twice\.$/, action);
    }
    const other = outcomeUnknown('CreateTag', 'NetworkError', 'The connection broke.');
    assert.match(other.message, /^The connection broke\. The outcome is unknown: Direct Mail may or may not have carried out CreateTag\. Refresh the view/);
    assert.deepEqual([other.delivery, other.retryable], ['unknown', true]);
  });
});
