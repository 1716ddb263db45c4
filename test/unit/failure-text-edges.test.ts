// Failure texts at their edges: the HTTP 500 boundary of "a gateway answered", a read whose answer was cut off or
// lost, the action prefix taken off only when it is there, and the RequestId kept when no command words exist.
import * as assert from 'node:assert/strict';
import { failureText, whyUnknown } from '../../src/model/failureText';
import { english } from '../../src/shared/translate';

describe('Failure texts at their edges', () => {
  it('a write answered with HTTP 500 (not 499) counts as a gateway page; an unreadable 5xx body is "cut off"', () => {
    assert.equal(whyUnknown({ message: 'x', code: 'InternalError', httpStatus: 500, delivery: 'unknown' }, english), 'a gateway answered HTTP 500 instead of Direct Mail after the request was sent');
    assert.equal(whyUnknown({ message: 'x', code: 'HttpError', httpStatus: 499, delivery: 'unknown' }, english), 'the connection broke after the request was sent');
    assert.equal(whyUnknown({ message: 'x', code: 'InvalidResponse', httpStatus: 502, delivery: 'unknown' }, english), "Direct Mail's answer was cut off or could not be read");
    assert.equal(whyUnknown({ message: 'x', code: 'NetworkError', delivery: 'unknown' }, english), 'the connection broke after the request was sent');
  });

  it('a read whose answer was cut off, or whose connection broke, says so and keeps the RequestId without command words', () => {
    const cut = failureText({ message: 'DescDomain: bad body', code: 'InvalidResponse', action: 'DescDomain', httpStatus: 200, delivery: 'answered', requestId: 'R-9' }, undefined);
    assert.equal(cut.text, "Direct Mail's answer was cut off or could not be read. Try again; if it keeps happening, check the endpoint setting and any proxy. (RequestId: R-9)");
    const broke = failureText({ message: 'socket closed', code: 'NetworkError', action: 'QueryTagByParam', delivery: 'unknown' }, { doing: 'Refreshing the tags' });
    assert.equal(broke.text, 'Refreshing the tags failed: the connection to Direct Mail broke before the answer arrived. Try again.');
    assert.deepEqual([broke.unknown, broke.safeToRetry], [false, false]);
  });

  it('a read the service answered shows its message; the "<Action> failed: " lead comes off only when present', () => {
    const answered = failureText({ message: 'DescDomain failed: No such domain.', code: 'InvalidDomainId.NotFound', action: 'DescDomain', httpStatus: 404, delivery: 'answered' }, { doing: 'Opening the domain' });
    assert.equal(answered.text, 'Opening the domain failed: No such domain. (Code: InvalidDomainId.NotFound)');
    const other = failureText({ message: 'Something else failed: keep me.', code: 'X', action: 'DescDomain', httpStatus: 400, delivery: 'answered' }, { doing: 'Opening the domain' });
    assert.match(other.text, /^Opening the domain failed: Something else failed: keep me\./);
    const noAction = failureText({ message: 'DescDomain failed: kept.', code: 'X', httpStatus: 400, delivery: 'answered', requestId: 'R-3' }, undefined);
    // The RequestId appears once, with the code.
    assert.equal(noAction.text, 'DescDomain failed: kept. (Code: X, RequestId: R-3)');
  });
});
