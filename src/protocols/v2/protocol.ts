/**
 * PortOne V2 (`window.PortOne`, `PortOne.requestPayment`) behind the protocol seam: the pure V2
 * pieces of this folder, plus what the shared flow needs from them (the return after a `#route`,
 * V1's id names on the details, the buyer-closed line).
 */
import type { SavedAttempt } from '../../attempt-store.js';
import { isKnownCurrency, toPositiveInteger } from '../../config.js';
import type { PayFailDetailV2, PaySuccessDetailV2 } from '../../events/index.js';
import { saysBuyerClosed } from '../../outcome.js';
import { V2_RESULT_PARAMS, resultQueries, stripResult } from '../../redirect-return.js';
import type { Translation } from '../../translations/index.js';
import type { Ended, Protocol } from '../protocol.js';
import { readV2Config, type RawV2Config, type V2Config, type V2ConfigProblem } from './config.js';
import { v2ConfigProblemText } from './messages.js';
import { buildV2Request, formatMinorUnits, v2Attempt } from './request.js';
import { readV2Response, readV2Return, v2FailDetail, v2Outcome, v2Reason, type V2Outcome, type V2Reading } from './result.js';
import { V2_SDK, payV2 } from './sdk.js';
import type { PortOneV2, V2Attempt, V2PaymentRequest } from './types.js';

type SavedV2Attempt = V2Attempt & SavedAttempt;

const MARK = { protocol: 'v2' } as const;
const hasResult = (params: URLSearchParams) => params.has('paymentId');

/** The detail as the element dispatches it: marked V2, with V1's names for the two ids. */
function mark(outcome: V2Outcome, t: Translation): Ended {
  if (outcome.status === 'success') {
    const { detail } = outcome;
    const marked: PaySuccessDetailV2 = { ...MARK, ...detail, merchantUid: detail.paymentId, impUid: detail.txId ?? '' };
    return { status: 'success', detail: marked };
  }
  const marked: PayFailDetailV2 = { ...MARK, ...outcome.detail };
  const { paymentId, txId, code } = marked;
  if (paymentId !== undefined) marked.merchantUid = paymentId;
  if (txId !== undefined) marked.impUid = txId;
  // The buyer closing the window is no error of anyone's: our line says so in the widget's language.
  if (code === 'pg-error' && closed(marked)) marked.message = t.buyerClosed;
  return { status: 'fail', detail: marked };
}

/** PortOne documents no code for a closed window; its (or the PG's) message says so, as in V1. */
const closed = (detail: PayFailDetailV2) => saysBuyerClosed(detail.portOneMessage) || saysBuyerClosed(detail.pgMessage);

const outcome = (via: 'callback' | 'redirect', reading: Exclude<V2Reading, { status: 'redirect' }>, attempt: V2Attempt, t: Translation) =>
  mark(v2Outcome(via, reading, attempt, (code) => t.failure[code]), t);

export const v2: Protocol<V2Config, V2PaymentRequest, SavedV2Attempt, PortOneV2> = {
  idProperty: 'paymentId',
  mark: MARK,
  sdk: V2_SDK,
  readConfig: (raw, env) => readV2Config(raw as RawV2Config, env),
  problemText: (lang, problem) => v2ConfigProblemText(lang, problem as V2ConfigProblem),
  price(amount, currency, lang) {
    const minor = toPositiveInteger(amount);
    const code = currency?.trim() ?? '';
    return minor !== undefined && isKnownCurrency(code) ? formatMinorUnits(minor, code.toUpperCase(), lang) : '';
  },
  savesCard: () => false,
  buildRequest: (config, buyer, lang, pageUrl) => buildV2Request(config, buyer, { lang, pageUrl }),
  requestId(request) {
    if (typeof request !== 'object' || request === null) return undefined;
    const { paymentId, customer } = request as { paymentId?: unknown; customer?: unknown };
    // v2Attempt reads the customer: a listener that removed it left nothing PortOne would take.
    return typeof paymentId === 'string' && paymentId !== '' && typeof customer === 'object' && customer !== null ? paymentId : undefined;
  },
  customerId: (request) => (request as { customer: { customerId?: unknown } }).customer.customerId,
  attempt: (request, elementKey) => ({ ...v2Attempt(request), elementKey, startedAt: Date.now() }),
  attemptFromConfig: (paymentId, config, buyer) => ({
    paymentId,
    amount: config?.amount ?? 0,
    currency: config?.currency ?? '',
    customerId: config?.customerId ?? '',
    buyer,
    startedAt: Date.now(),
  }),
  async pay(sdk, _config, request, attempt, t) {
    const { via, reading } = await payV2(sdk, request);
    // The page is leaving for redirectUrl: the return reports it.
    if (reading.status === 'redirect') return undefined;
    if (via === 'local') console.error('paymentwall-pay: PortOne.requestPayment threw or returned no promise.');
    const ended = outcome('callback', reading, attempt, t);
    if (via === 'local') ended.detail.via = 'local';
    return ended;
  },
  failure: (via, code, t, paymentId) => ({ ...MARK, ...v2FailDetail(via, code, t.failure[code], paymentId), ...(paymentId === undefined ? {} : { merchantUid: paymentId }) }),
  readReturn(href) {
    // As V1: in the query, or after a `#route` (hash-routed apps). Which ids count is decided by the element.
    for (const params of resultQueries(href)) {
      const found = readV2Return(params.toString(), () => true);
      if (found) return { id: found.paymentId, query: found.query };
    }
    return undefined;
  },
  // A return for the configured payment-id alone also needs PortOne's result (txId or code): a page's
  // own `?paymentId=…` link is left alone. For a saved attempt, `paymentId` alone is PortOne's success.
  acceptsUnsaved: (found, paymentId) => found.id === paymentId && (found.query.txId !== undefined || found.query.code !== undefined),
  returnOutcome: (found, attempt, t) => outcome('redirect', readV2Response(found.query, found.id) as Exclude<V2Reading, { status: 'redirect' }>, attempt, t),
  withoutResult: (href) => stripResult(href, V2_RESULT_PARAMS, hasResult),
  closed: (detail) => closed(detail as PayFailDetailV2),
  reason: (detail) => v2Reason(detail as PayFailDetailV2),
};
