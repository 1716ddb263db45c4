// Regions, endpoints and the loopback-only rule for plain http://.
import { strict as assert } from 'node:assert';
import { REGIONS, consoleUrl, isAlibabaCloudHost, isLoopbackHost, resolveEndpoint, type RegionId } from '../../src/api/regions';

describe('api regions', () => {
  it('lists the five Direct Mail regions with their public hosts', () => {
    assert.deepEqual(REGIONS.map((r) => [r.id, r.host]), [
      ['cn-hangzhou', 'dm.aliyuncs.com'], ['ap-southeast-1', 'dm.ap-southeast-1.aliyuncs.com'], ['ap-southeast-2', 'dm.ap-southeast-2.aliyuncs.com'],
      ['us-east-1', 'dm.us-east-1.aliyuncs.com'], ['eu-central-1', 'dm.eu-central-1.aliyuncs.com'],
    ]);
  });

  it('resolves the regional host, or an override', () => {
    assert.equal(resolveEndpoint('eu-central-1').href, 'https://dm.eu-central-1.aliyuncs.com/');
    assert.equal(resolveEndpoint('cn-hangzhou', '  ').href, 'https://dm.aliyuncs.com/');
    assert.equal(resolveEndpoint('cn-hangzhou', 'https://dm-vpc.cn-hangzhou.aliyuncs.com/').href, 'https://dm-vpc.cn-hangzhou.aliyuncs.com/');
    for (const local of ['http://127.0.0.1:8080', 'http://127.1.2.3:1', 'http://localhost:3000/', 'http://[::1]:9000']) {
      assert.equal(resolveEndpoint('cn-hangzhou', local).protocol, 'http:', local);
    }
  });

  it('refuses plain http:// to other hosts, other schemes and malformed URLs with a way out', () => {
    assert.throws(() => resolveEndpoint('cn-hangzhou', 'http://dm.aliyuncs.com'), /only allowed for this machine.*Use https:\/\//);
    assert.throws(() => resolveEndpoint('cn-hangzhou', 'http://128.0.0.1'), /only allowed for this machine/);
    assert.throws(() => resolveEndpoint('cn-hangzhou', 'http://localhost.evil.com'), /only allowed for this machine/);
    assert.throws(() => resolveEndpoint('cn-hangzhou', 'http://localhost.localhost'), /only allowed for this machine/);
    assert.throws(() => resolveEndpoint('cn-hangzhou', 'ftp://dm.aliyuncs.com'), /must start with https:\/\//);
    assert.throws(() => resolveEndpoint('cn-hangzhou', 'dm.aliyuncs.com'), /not a valid URL/);
    assert.throws(() => resolveEndpoint('cn-hangzhou', 'https://user:pw@dm.aliyuncs.com'), /user name or password/);
  });

  it('recognises localhost and literal loopback addresses only', () => {
    const loopback = ['localhost', 'LOCALHOST', '127.0.0.1', '127.255.0.9', '[::1]', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '[::ffff:7f00:1]', '0:0:0:0:0:ffff:7f00:1'];
    for (const host of loopback) assert.equal(isLoopbackHost(host), true, host);
    // Names under .localhost resolve wherever the resolver says; "localhost." asks DNS.
    const other = ['a.localhost', 'evil.localhost', 'localhost.', 'localhost.evil.com', '10.0.0.1', '128.0.0.1', '::2', '::', '::ffff:a00:1', '::ffff:8000:1', 'example.com', '0.0.0.0'];
    for (const host of other) assert.equal(isLoopbackHost(host), false, host);
  });

  it('http:// reaches only localhost and loopback literals, as the URL parser normalises them', () => {
    for (const url of ['http://127.1:8080', 'http://2130706433/', 'http://[::ffff:127.0.0.1]:80', 'http://LocalHost:1']) assert.equal(resolveEndpoint('cn-hangzhou', url).protocol, 'http:', url);
    for (const url of ['http://a.localhost:8080', 'http://evil.localhost/', 'http://localhost./', 'http://[::ffff:10.0.0.1]/']) {
      assert.throws(() => resolveEndpoint('cn-hangzhou', url), /only allowed for this machine/, url);
    }
  });

  it('refuses endpoints with hidden characters, a path, or an unknown region', () => {
    assert.throws(() => resolveEndpoint('cn-hangzhou', 'https://dm.ali\nyuncs.com'), /line break or invisible character \(U\+000A\)/);
    assert.throws(() => resolveEndpoint('cn-hangzhou', 'https://dm.aliyuncs.com\u200b.evil.com'), /invisible character \(U\+200B\)/);
    assert.throws(() => resolveEndpoint('cn-hangzhou', 'https://dm.aliyuncs.com/x?y=1'), /remove "\/x\?y=1"/);
    assert.throws(() => resolveEndpoint('mars-1' as RegionId, 'https://dm.aliyuncs.com'), /Unknown Direct Mail region "mars-1"/);
    assert.equal(isAlibabaCloudHost('dm.eu-central-1.aliyuncs.com'), true);
    assert.equal(isAlibabaCloudHost('aliyuncs.com.evil.example'), false);
    assert.equal(isAlibabaCloudHost('evilaliyuncs.com'), false);
  });

  it('points at the China console for Hangzhou and the international console elsewhere', () => {
    assert.equal(consoleUrl('cn-hangzhou'), 'https://dm.console.aliyun.com/');
    assert.equal(consoleUrl('ap-southeast-1'), 'https://dm-intl.console.aliyun.com/');
  });
});
