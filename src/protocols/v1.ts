/**
 * PortOne V1 (`window.IMP`, `IMP.request_pay`) behind the protocol seam: the readers and builders of
 * src/config.ts, request.ts, outcome.ts and redirect-return.ts, as they were.
 */
import { attemptFor, type Attempt } from '../attempt-store.js';
import { readConfig, isKnownCurrency, toPositiveInteger, type ConfigProblem, type WidgetConfig } from '../config.js';
import { formatAmount } from '../format.js';
import type { Iamport, RequestPayParams, RequestPayResponse } from '../imp.js';
import { newMerchantUid } from '../merchant-uid.js';
import { failDetail, isBuyerCancel, isPgFailure, successDetail } from '../outcome.js';
import { readRedirect, returnUrl, withoutResultParams } from '../redirect-return.js';
import { buildRequest, isSendableRequest } from '../request.js';
import { V1_SDK, initImp } from '../sdk-loader.js';
import { translations, type Translation } from '../translations/index.js';
import type { Ended, Protocol } from './protocol.js';

function outcome(via: 'callback' | 'redirect', attempt: Attempt, result: RequestPayResponse | Record<string, string>, t: Translation): Ended {
  if (isPgFailure(result)) {
    // The buyer closing the window is no error of anyone's: our line says so in the widget's language.
    const message = isBuyerCancel(result) ? t.buyerClosed : t.failure['pg-error'];
    return { status: 'fail', detail: failDetail(via, 'pg-error', message, attempt.merchantUid, result) };
  }
  const detail = successDetail(via, attempt, result);
  // No error, but no payment either: not a success PortOne ever reports.
  return detail.impUid ? { status: 'success', detail } : { status: 'fail', detail: failDetail(via, 'sdk-error', t.failure['sdk-error'], attempt.merchantUid, result) };
}

export const v1: Protocol<WidgetConfig, RequestPayParams, Attempt, Iamport> = {
  idProperty: 'merchantUid',
  mark: {},
  sdk: V1_SDK,
  readConfig(raw, env) {
    const result = readConfig(raw, env);
    // V2's own attributes without store-id would be silently dropped: store-id is what is missing.
    const { paymentId, customerId } = raw as { paymentId?: unknown; customerId?: unknown };
    if (![paymentId, customerId].some((value) => typeof value === 'string' && value.trim() !== '')) return result;
    return { ok: false, problems: [...(result.ok ? [] : result.problems), { attribute: 'store-id', rule: 'required' }] };
  },
  problemText: (lang, problem) => translations[lang].configProblem(problem as ConfigProblem),
  price(amount, currency, lang) {
    const whole = toPositiveInteger(amount);
    const code = currency?.trim() ?? '';
    return whole !== undefined && isKnownCurrency(code) ? formatAmount(whole, code.toUpperCase(), lang) : '';
  },
  savesCard: (config) => config.customerUid !== undefined,
  buildRequest: (config, buyer, lang, pageUrl) =>
    buildRequest(config, buyer, { merchantUid: config.merchantUid ?? newMerchantUid(), language: lang, redirectUrl: returnUrl(pageUrl) }),
  requestId: (request) => (isSendableRequest(request) ? request.merchant_uid : undefined),
  customerId: (request) => (request as { customer_uid?: unknown }).customer_uid,
  attempt: (request, elementKey) => attemptFor(request, elementKey),
  attemptFromConfig(merchantUid, config, buyer) {
    const attempt: Attempt = { merchantUid, amount: config?.amount ?? 0, currency: config?.currency ?? '', buyer, startedAt: Date.now() };
    if (config?.customerUid !== undefined) attempt.customerUid = config.customerUid;
    return attempt;
  },
  pay(imp, config, request, attempt, t) {
    return new Promise((resolve) => {
      let ended = false;
      const sdkError = (via: 'callback' | 'local', why: string, what: unknown): Ended => {
        console.error(`paymentwall-pay: ${why}`, what);
        return { status: 'fail', detail: failDetail(via, 'sdk-error', t.failure['sdk-error'], attempt.merchantUid) };
      };
      // PortOne may call back twice; only the first answer counts.
      const end = (result: () => Ended) => {
        if (ended) return;
        ended = true;
        try {
          resolve(result());
        } catch (error) {
          resolve(sdkError('callback', 'could not read the PortOne SDK\'s response:', error));
        }
      };
      try {
        initImp(imp, config.impCode, config.tierCode, config.sdkSrc);
        imp.request_pay(request, (response) =>
          end(() =>
            typeof response === 'object' && response !== null
              ? // Read once, into plain data: nothing later runs a getter of PortOne's object again.
                outcome('callback', attempt, { ...response }, t)
              : sdkError('callback', 'the PortOne SDK called back without a response:', response),
          ),
        );
      } catch (error) {
        end(() => sdkError('local', 'could not call the PortOne SDK:', error));
      }
    });
  },
  failure: (via, code, t, merchantUid) => failDetail(via, code, t.failure[code], merchantUid),
  readReturn(href) {
    const found = readRedirect(href);
    return found && { id: found.merchantUid, query: found.query };
  },
  acceptsUnsaved: (found, merchantUid) => found.id === merchantUid,
  returnOutcome: (found, attempt, t) => outcome('redirect', attempt, found.query, t),
  withoutResult: withoutResultParams,
  closed: (detail) => isBuyerCancel(detail.response as RequestPayResponse | undefined),
  reason: (detail) => detail.pgMessage,
};
