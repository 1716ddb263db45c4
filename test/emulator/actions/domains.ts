// Domain actions: create, delete, verify (CheckDomain), describe, list, and the domain SMTP password.
import { domainRecords, regionDns, registrableDomain } from '../dns';
import { badRequest, notFound } from '../errors';
import { minuteTime, unixSeconds } from '../ids';
import { DOMAIN_NAME, isDkimSelector, isStrongSmtpPassword, passwordHash } from '../rules';
import type { AccountState, Domain } from '../state';
import { addDomain, findDomainByName, verifyDomain } from '../state';
import type { ActionContext, ActionSpec } from './context';
import { deleteAction, newestFirstPage, numberedPage } from './listing';

const flag = (ok: boolean): string => (ok ? '0' : '1');

function domainById(ctx: ActionContext, code = 'InvalidDomainId.NotFound'): Domain {
  const id = ctx.params.requiredInt('DomainId');
  const domain = ctx.account.domains.get(id);
  if (!domain) throw notFound(code, 'The specified domain ID does not exist.');
  return domain;
}

function checkDomainName(name: string): string {
  if (!DOMAIN_NAME.test(name)) {
    throw badRequest('InvalidDomainName.Malformed', 'The specified domain name is invalid: use 1-50 letters, digits, "." and "-", such as mail.example.com.');
  }
  return name.toLowerCase();
}

function describe(d: Domain, realTime: boolean): Record<string, unknown> {
  const rec = domainRecords(d);
  const dns = regionDns(d.region);
  // Live DNS values: what the records resolve to now (real-time) or as of the last verification; a record published
  // with a different value shows that value.
  const live = (kind: keyof typeof rec): string => {
    const r = d.records[kind];
    if (r.published && r.value !== undefined && (realTime || !r.verified)) return r.value;
    return (realTime ? r.published : r.verified) ? rec[kind].value : '';
  };
  return {
    CnameAuthStatus: flag(d.records.cname.verified),
    CnameConfirmStatus: '0',
    CnameRecord: 'dmtrace',
    CreateTime: minuteTime(d.createdAt),
    DefaultDomain: '0',
    DkimAuthStatus: flag(d.records.dkim.verified),
    DkimPublicKey: rec.dkim.value,
    DkimRR: rec.dkim.host,
    DkimRsaLength: 1024,
    DmarcAuthStatus: d.records.dmarc.verified ? 0 : 1,
    DmarcHostRecord: rec.dmarc.host,
    DmarcRecord: rec.dmarc.value,
    DnsDmarc: live('dmarc'),
    DnsMx: live('mx'),
    DnsSpf: live('spf'),
    DnsTxt: live('ownership'),
    DomainId: String(d.id),
    DomainName: d.name,
    DomainStatus: String(d.status),
    DomainType: d.ownershipToken,
    HostRecord: rec.ownership.host,
    IcpStatus: '0',
    MxAuthStatus: flag(d.records.mx.verified),
    MxRecord: rec.mx.value,
    SpfAuthStatus: flag(d.records.spf.verified),
    SpfRecord: `include:${dns.spf}`,
    SpfRecordV2: rec.spf.value,
    TlDomainName: registrableDomain(d.name),
    TracefRecord: rec.cname.value,
  };
}

const listItem = (d: Domain): Record<string, unknown> => ({
  CnameAuthStatus: flag(d.records.cname.verified),
  ConfirmStatus: flag(d.records.cname.verified),
  CreateTime: minuteTime(d.createdAt),
  DomainId: String(d.id),
  DomainName: d.name,
  DomainRecord: d.ownershipToken,
  DomainStatus: String(d.status),
  IcpStatus: '0',
  MxAuthStatus: flag(d.records.mx.verified),
  SpfAuthStatus: flag(d.records.spf.verified),
  UtcCreateTime: unixSeconds(d.createdAt),
});

const addressesOn = (a: AccountState, d: Domain): number =>
  [...a.mailAddresses.values()].filter((m) => m.accountName.endsWith('@' + d.name)).length;

export const domainActions: Record<string, ActionSpec> = {
  CreateDomain: {
    mutates: true,
    handler: (ctx) => {
      const name = checkDomainName(ctx.params.required('DomainName'));
      const selector = ctx.params.get('dkimSelector');
      if (selector !== undefined && !isDkimSelector(selector)) {
        throw badRequest('InvalidDkimSelector.Malformed', 'The DKIM selector may have up to 60 visible characters, must not start or end with "-" and must not contain punctuation such as "_", "." or "@".');
      }
      if (findDomainByName(ctx.account, name)) throw badRequest('InvalidDomainName.Duplicate', 'The domain name already exists in this account.');
      if (ctx.domainOwnedElsewhere(name)) throw badRequest('InvalidDomainName.Conflict', 'The domain name is already used by another account.');
      const domain = addDomain(ctx.account, { name, region: ctx.region, dkimSelector: selector, createdAt: ctx.now });
      return { DomainId: domain.id };
    },
  },
  DeleteDomain: deleteAction((account) => account.domains, (ctx) => {
    const domain = domainById(ctx);
    if (addressesOn(ctx.account, domain) > 0) {
      throw badRequest('InvalidDomainStatus.Malformed', 'The domain still has sender addresses. Delete them first.');
    }
    return domain;
  }),
  CheckDomain: {
    mutates: true,
    handler: (ctx) => ({ DomainStatus: verifyDomain(domainById(ctx, 'InvalidDomainId.Malformed')) }),
  },
  DescDomain: {
    mutates: false,
    handler: (ctx) => describe(domainById(ctx), ctx.params.bool('RequireRealTimeDnsRecords') ?? false),
  },
  QueryDomainByParam: {
    mutates: false,
    handler: ({ account, params }) => {
      const status = params.int('Status', { min: 0, max: 4 });
      const { page } = newestFirstPage(account.domains.values(), params,
        (d, keyword) => (keyword === undefined || d.name.includes(keyword)) && (status === undefined || d.status === status));
      return numberedPage(page, 'domain', listItem);
    },
  },
  ModifyPWByDomain: {
    mutates: true,
    handler: (ctx) => {
      const name = checkDomainName(ctx.params.required('DomainName'));
      const password = ctx.params.required('Password');
      const domain = findDomainByName(ctx.account, name);
      if (!domain) throw notFound('InvalidDomain.NotFound', 'The specified domain does not exist.');
      if (domain.status !== 0) throw badRequest('InvalidDomainStatus.Malformed', 'The domain is not verified yet.');
      if (!isStrongSmtpPassword(password)) {
        throw badRequest('InvalidDomainPassword.Malformed', 'The password must be 10-20 letters and digits with at least 2 digits, 2 upper-case and 2 lower-case letters.');
      }
      const hash = passwordHash(password);
      if (domain.passwordHash === hash) throw badRequest('InvalidDomainPassword.equalcurrent', 'The new password is the same as the current one.');
      domain.passwordHash = hash;
      return { Code: 'OK', Message: 'success', Success: true };
    },
  },
};
