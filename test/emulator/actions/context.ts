// What every action handler receives and returns.
import type { Params } from '../params';
import type { AccountState } from '../state';

export interface ActionContext {
  account: AccountState;
  /** All parameters of the request (query ∪ form body). */
  params: Params;
  /** Region the caller addressed (RegionId parameter, else cn-hangzhou). */
  region: string;
  now: number;
  /** Finds which other account already holds a domain name (for InvalidDomainName.Conflict). */
  domainOwnedElsewhere: (name: string) => boolean;
}

/** The response body without RequestId (the server adds it). */
export type ActionResult = Record<string, unknown>;

export interface ActionSpec {
  handler: (ctx: ActionContext) => ActionResult;
  /** True when the action changes state (the state file is rewritten after it). */
  mutates: boolean;
}
