// Reading the aliyun CLI's config.json: AK and StsToken profiles import, other modes are named as unsupported.
import * as assert from 'node:assert/strict';
import { parseCliConfig, unsupportedReason } from '../../src/credentials/aliyunCli';

const FIXTURE = JSON.stringify({
  current: 'AK',
  profiles: [
    { name: 'AK', mode: 'AK', access_key_id: 'akid', access_key_secret: 'secret', region_id: 'cn-hangzhou' },
    { name: 'StsToken', mode: 'StsToken', access_key_id: 'access_key_id', access_key_secret: 'access_key_secret', sts_token: 'sts_token' },
    { name: 'lower', mode: 'ak', access_key_id: 'akid2', access_key_secret: 'secret2' },
    { name: 'RamRoleArn', mode: 'RamRoleArn', access_key_id: 'akid', access_key_secret: 'secret', ram_role_arn: 'arn' },
    { name: 'EcsRamRole', mode: 'EcsRamRole', ram_role_name: 'rolename' },
    { name: 'StsNoToken', mode: 'StsToken', access_key_id: 'a', access_key_secret: 'b' },
  ],
  meta_path: '',
});

describe('aliyun CLI config.json', () => {
  it('reads AK and StsToken profiles with their keys, token and region', () => {
    const config = parseCliConfig(FIXTURE, '/home/u/.aliyun/config.json');
    assert.equal(config.current, 'AK');
    const [ak, sts, lower] = config.profiles;
    assert.deepEqual(ak, { name: 'AK', mode: 'AK', supported: true, accessKeyId: 'akid', accessKeySecret: 'secret', securityToken: undefined, regionId: 'cn-hangzhou' });
    assert.equal(sts.securityToken, 'sts_token');
    assert.equal(sts.supported, true);
    assert.equal(lower.mode, 'AK', 'modes match case-insensitively, as in the CLI');
    assert.equal(lower.supported, true);
  });

  it('names unsupported modes and incomplete profiles', () => {
    const byName = Object.fromEntries(parseCliConfig(FIXTURE, 'x').profiles.map((p) => [p.name, p]));
    assert.equal(unsupportedReason(byName.AK), undefined);
    assert.match(unsupportedReason(byName.RamRoleArn)!, /uses mode RamRoleArn, which is not supported yet\. Supported modes: AK, StsToken\./);
    assert.match(unsupportedReason(byName.EcsRamRole)!, /not supported yet/);
    assert.match(unsupportedReason(byName.StsNoToken)!, /lacks its access_key_id, access_key_secret or sts_token/);
  });

  it('explains a broken or empty file', () => {
    assert.throws(() => parseCliConfig('{nope', '/p/config.json'), /\/p\/config\.json is not valid JSON/);
    assert.throws(() => parseCliConfig('{"profiles":[]}', '/p/config.json'), /has no profiles/);
  });
});
