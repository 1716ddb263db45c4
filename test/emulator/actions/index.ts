// Every action the emulator answers; anything else is InvalidAction.NotFound.
import { accountActions } from './account';
import { addressActions } from './addresses';
import type { ActionSpec } from './context';
import { domainActions } from './domains';
import { receiverActions } from './receivers';
import { sendActions } from './send';
import { tagActions } from './tags';

export const ACTIONS: Readonly<Record<string, ActionSpec>> = {
  ...accountActions, ...domainActions, ...addressActions, ...receiverActions, ...tagActions, ...sendActions,
};

export const findAction = (name: string): ActionSpec | undefined => (Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined);
