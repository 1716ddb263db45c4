// Regions, endpoints and the loopback-only rule for plain http://.
import { strict as assert } from 'node:assert';
import { REGIONS, consoleUrl, isLoopbackHost, resolveEndpoint } from '../../src/api/regions';

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
    assert.throws(() => resolveEndpoint('cn-hangzhou', 'ftp://dm.aliyuncs.com'), /must start with https:\/\//);
    assert.throws(() => resolveEndpoint('cn-hangzhou', 'dm.aliyuncs.com'), /not a valid URL/);
    assert.throws(() => resolveEndpoint('cn-hangzhou', 'https://user:pw@dm.aliyuncs.com'), /user name or password/);
  });

  it('recognises loopback hosts only', () => {
    assert.deepEqual(['localhost', '127.0.0.1', '[::1]', '::1', 'a.localhost'].map(isLoopbackHost), [true, true, true, true, true]);
    assert.deepEqual(['10.0.0.1', '::2', 'example.com', '0.0.0.0'].map(isLoopbackHost), [false, false, false, false]);
  });

  it('points at the China console for Hangzhou and the international console elsewhere', () => {
    assert.equal(consoleUrl('cn-hangzhou'), 'https://dm.console.aliyun.com/');
    assert.equal(consoleUrl('ap-southeast-1'), 'https://dm-intl.console.aliyun.com/');
  });
});
