// Plain http:// may only reach this machine, so "is this host loopback?" must be exact in every IPv6 spelling a URL
// or a user can produce; and a refused endpoint is quoted back in the message as typed (trimmed, cut at 100).
import * as assert from 'node:assert/strict';
import { isLoopbackHost, regionInfo, resolveEndpoint, type RegionId } from '../../src/api/regions';

describe('Loopback hosts in every spelling', () => {
  it('IPv4: 127.0.0.0/8 only, written out in four parts', () => {
    for (const host of ['127.0.0.1', '127.255.0.9', 'localhost', 'LOCALHOST']) assert.equal(isLoopbackHost(host), true, host);
    for (const host of ['128.0.0.1', '10.0.0.1', '0.0.0.0', '1.127.0.0', 'localhost.example.com', 'sub.localhost']) assert.equal(isLoopbackHost(host), false, host);
  });

  it('IPv6: ::1 in short and long form, with or without brackets; nothing else', () => {
    for (const host of ['::1', '[::1]', '0:0:0:0:0:0:0:1', '0000:0000:0000:0000:0000:0000:0000:0001', '0::1', '::0:1']) assert.equal(isLoopbackHost(host), true, host);
    for (const host of ['::', '::2', '1::1', '::1:0', '1:0:0:0:0:0:0:1', '0:0:0:0:0:0:1:1', '[::2]', 'fe80::1']) assert.equal(isLoopbackHost(host), false, host);
  });

  it('IPv4-mapped IPv6: 127.x in dotted and in hex form, the prefix short or long; other mapped addresses are not', () => {
    for (const host of ['::ffff:127.0.0.1', '[::ffff:7f00:1]', '::ffff:7f12:3456', '0:0:0:0:0:ffff:127.0.0.1', '0000:0:0:0:0:ffff:7f00:1']) {
      assert.equal(isLoopbackHost(host), true, host);
    }
    for (const host of ['::ffff:8.8.8.8', '::ffff:808:808', '::ffff:8000:1', '::ffff:7f00', '::ffff:7f00:1:2', '::fffe:7f00:1', '1:0:0:0:0:ffff:7f00:1']) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });
});

describe('Endpoint refusals quote what was typed', () => {
  it('plain http to another host, a bad scheme, a malformed URL, a path: each says what to do', () => {
    assert.throws(() => resolveEndpoint('cn-hangzhou', 'http://[::ffff:808:808]:8080'), /plain http:\/\/, which is only allowed for this machine/);
    assert.equal(resolveEndpoint('cn-hangzhou', 'http://[::ffff:7f00:1]:8080').hostname, '[::ffff:7f00:1]');
    assert.throws(() => resolveEndpoint('cn-hangzhou', '  ftp://dm.aliyuncs.com  '), { message: 'The endpoint "ftp://dm.aliyuncs.com" must start with https:// (or http:// for localhost).' });
    assert.throws(() => resolveEndpoint('cn-hangzhou', ' not a url '), /space, line break or invisible character \(U\+0020\)/);
    // The first 100 characters of what was typed: "https://" and 92 of the x's.
    assert.throws(() => resolveEndpoint('cn-hangzhou', `https://${'x'.repeat(200)}:99999`), { message: `The endpoint "https://${'x'.repeat(92)}" is not a valid URL. Use a full URL such as https://dm.aliyuncs.com or http://127.0.0.1:8080.` });
    assert.throws(() => resolveEndpoint('cn-hangzhou', 'https://dm.aliyuncs.com/path?q=1#h'), { message: 'The endpoint must be just a scheme, host and port, such as https://dm.aliyuncs.com; remove "/path?q=1#h".' });
  });

  it('long refused endpoints are quoted cut: the first 100 characters, or 60 of an extra path', () => {
    assert.throws(() => resolveEndpoint('cn-hangzhou', `ftp://${'y'.repeat(150)}.com`), { message: `The endpoint "ftp://${'y'.repeat(94)}" must start with https:// (or http:// for localhost).` });
    assert.throws(() => resolveEndpoint('cn-hangzhou', `https://dm.aliyuncs.com/${'p'.repeat(100)}`), { message: `The endpoint must be just a scheme, host and port, such as https://dm.aliyuncs.com; remove "/${'p'.repeat(59)}".` });
  });

  it('an unknown region names the known ones', () => {
    assert.throws(() => regionInfo('mars-1' as RegionId), /^Error: Unknown Direct Mail region "mars-1"\. Use one of: cn-hangzhou, .*eu-central-1/);
  });
});
