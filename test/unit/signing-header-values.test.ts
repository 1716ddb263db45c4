// Header values in the V3 canonical request are trimmed and header names lower-cased, whatever the caller passed;
// the client's signature must match what the gateway computes from the same headers.
import * as assert from 'node:assert/strict';
import { EMPTY_BODY_SHA256, v3CanonicalRequest } from '../../src/api/signing';

describe('V3 canonical headers', () => {
  it('trims values, lower-cases names, sorts them, and leaves unsigned headers out', () => {
    const { canonicalRequest, signedHeaders } = v3CanonicalRequest({
      method: 'POST', pathname: '/', query: {}, hashedPayload: EMPTY_BODY_SHA256,
      headers: { 'X-Acs-Action': '  CreateTag  ', Host: ' dm.aliyuncs.com ', 'x-acs-version': '2015-11-23', 'User-Agent': 'not signed', 'content-type': ' application/x-www-form-urlencoded' },
    });
    assert.equal(signedHeaders, 'content-type;host;x-acs-action;x-acs-version');
    assert.equal(canonicalRequest, [
      'POST', '/', '', 'content-type:application/x-www-form-urlencoded', 'host:dm.aliyuncs.com', 'x-acs-action:CreateTag', 'x-acs-version:2015-11-23', '',
      'content-type;host;x-acs-action;x-acs-version', EMPTY_BODY_SHA256,
    ].join('\n'));
  });

  it('repeated values are trimmed, sorted and joined with ","', () => {
    const { canonicalRequest } = v3CanonicalRequest({
      method: 'GET', pathname: '/', query: {}, hashedPayload: EMPTY_BODY_SHA256, headers: { 'x-acs-test': [' b ', 'a'], 'X-ACS-other': ['  z  '] },
    });
    assert.equal(canonicalRequest.split('\n').slice(3, 5).join('\n'), 'x-acs-other:z\nx-acs-test:a,b');
  });
});
