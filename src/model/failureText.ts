// What a failed command says, in the words of what the user did ("Deleting the tag “news” failed: …"), and above
// all whether it may have happened anyway: a write whose request left the machine without a readable answer is
// reported as "may or may not have happened" with what to check, never as failed-try-again; a request that never
// left the machine says nothing changed and it is safe to try again. API action names stay in the log.
// Pure: the caller passes the translator, so the same words are unit-tested and shown.
import { describeError, isReadAction, mayHaveHappened, notSentByNetwork, type ErrorDetails } from '../util/errors';
import { english, type Translate } from '../shared/translate';

export interface FailureSubject {
  /** What the user did, as the subject of a sentence: "Deleting the tag “news”". */
  doing: string;
  /** The shown name of the tree group where the result can be checked ("Tags"), when there is one. */
  groupName?: string;
}

export interface FailureText {
  /** The notification's text. */
  text: string;
  /** The request may have been applied: offer a way to check, never a blind retry. */
  unknown: boolean;
  /** Nothing reached the service because of the network: trying again cannot do anything twice. */
  safeToRetry: boolean;
}

/** Why no readable answer came back, for a write ("the connection broke after the request was sent"). */
export function whyUnknown(details: ErrorDetails, t: Translate): string {
  // A gateway's error page (502, 504, HTML) in front of the service: the write may have been carried out behind it.
  if (details.httpStatus !== undefined && details.httpStatus >= 500 && details.code !== 'InvalidResponse') {
    return t('a gateway answered HTTP {0} instead of Direct Mail after the request was sent', details.httpStatus);
  }
  switch (details.code) {
    case 'RequestTimeout':
      return t('Direct Mail did not answer in time after the request was sent');
    case 'InvalidResponse':
      return t('Direct Mail\'s answer was cut off or could not be read');
    default:
      return t('the connection broke after the request was sent');
  }
}

/** Why a read (or a repeatable request) got no answer; undefined when the service answered. */
function whyNoAnswer(details: ErrorDetails, t: Translate): string | undefined {
  if (details.delivery !== 'unknown' && details.code !== 'InvalidResponse') return undefined;
  switch (details.code) {
    case 'RequestTimeout':
      return t('Direct Mail did not answer in time. Try again; if it keeps happening, check the network or raise the setting "directMail.requestTimeoutMs".');
    case 'InvalidResponse':
      return t('Direct Mail\'s answer was cut off or could not be read. Try again; if it keeps happening, check the endpoint setting and any proxy.');
    default:
      return t('the connection to Direct Mail broke before the answer arrived. Try again.');
  }
}

/** The service's message without the client's "<Action> failed: " lead (the action name belongs in the log). */
function plainMessage(details: ErrorDetails): string {
  const lead = details.action ? `${details.action} failed: ` : '';
  return lead && details.message.startsWith(lead) ? details.message.slice(lead.length) : details.message;
}

export function failureText(details: ErrorDetails, subject: FailureSubject | undefined, t: Translate = english): FailureText {
  const requestId = details.requestId ? ` (RequestId: ${details.requestId})` : '';
  if (mayHaveHappened(details)) {
    const why = whyUnknown(details, t);
    const text = !subject
      ? t('The outcome is unknown: {0}. The change may or may not have been made; check before trying again.', why)
      : subject.groupName
        ? t('{0} may or may not have happened: {1}. Refresh {2} to check before trying again.', subject.doing, why, subject.groupName)
        : t('{0} may or may not have happened: {1}. Check the result in the Direct Mail view or console before trying again.', subject.doing, why);
    return { text: text + requestId, unknown: true, safeToRetry: false };
  }
  if (notSentByNetwork(details)) {
    const lead = subject ? t('{0} failed: {1}', subject.doing, details.message) : details.message;
    // The client may already say that nothing was sent (in the display language: its own words in each language the
    // extension ships); then only what it means is added.
    const said = /nothing was sent|was not sent|未发送任何请求|仍未发出/i.test(details.message);
    const safe = said ? t('Nothing changed; it is safe to try again.') : t('Nothing was sent, so nothing changed; it is safe to try again.');
    return { text: `${lead} ${safe}`, unknown: false, safeToRetry: true };
  }
  const noAnswer = details.action !== undefined && isReadAction(details.action) ? whyNoAnswer(details, t) : undefined;
  const reason = noAnswer ?? describeError({ ...details, message: plainMessage(details) });
  return { text: subject ? t('{0} failed: {1}', subject.doing, reason) : reason + (noAnswer ? requestId : ''), unknown: false, safeToRetry: false };
}
