// Words for DescAccountSummary.UserStatus, a combination of flags (reference §8).
import { UserStatusFlag } from '../api/types';
import { english, type Translate } from '../shared/translate';

/** The words of each flag set in UserStatus, in flag order; empty for Normal (0) and for flags this version does not know. */
export function accountStatusWords(userStatus: number, t: Translate = english): string[] {
  const words: string[] = [];
  if (userStatus & UserStatusFlag.Frozen) words.push(t('Frozen'));
  if (userStatus & UserStatusFlag.Overdue) words.push(t('Payment overdue'));
  if (userStatus & UserStatusFlag.SendingRestricted) words.push(t('Sending restricted'));
  if (userStatus & UserStatusFlag.Deleted) words.push(t('Deleted'));
  return words;
}

/** UserStatus in a few words, for the tree's Account row. */
export function accountStatusText(userStatus: number, t: Translate = english): string {
  if (userStatus === 0) return t('Normal');
  const words = accountStatusWords(userStatus, t);
  return words.length ? words.join(', ') : t('Status {0}', userStatus);
}
