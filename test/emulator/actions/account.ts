// DescAccountSummary: quotas and counts that follow the account state.
import type { ActionSpec } from './context';

export const accountActions: Record<string, ActionSpec> = {
  DescAccountSummary: {
    mutates: false,
    handler: ({ account: a }) => ({
      DailyQuota: a.quota.dailyQuota,
      DailyRemainFreeQuota: a.quota.dailyRemainFreeQuota,
      DayuStatus: 0,
      Domains: a.domains.size,
      EnableTimes: 0,
      IpChannelType: 'normal',
      MailAddresses: a.mailAddresses.size,
      MaxQuotaLevel: a.quota.maxQuotaLevel,
      MonthQuota: a.quota.monthQuota,
      QuotaLevel: a.quota.quotaLevel,
      Receivers: a.receivers.size,
      RemainFreeQuota: a.quota.remainFreeQuota,
      SmsRecord: 0,
      SmsSign: 0,
      SmsTemplates: 0,
      Tags: a.tags.size,
      Templates: a.templates,
      UserStatus: a.quota.userStatus,
    }),
  },
};
