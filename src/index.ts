/**
 * `import 'paymentwall-pay'` registers `<paymentwall-pay>` and exports its class and types.
 * The class alone, without registering, is at `paymentwall-pay/element`.
 */
import './define.js';

export { PaymentwallPay, type PayResult } from './paymentwall-pay.js';
export { definePaymentwallPay, TAG_NAME } from './define.js';
export type { PayRequestDetail, PayRequestEvent, PaySuccessDetail, PaySuccessEvent, PayFailCode, PayFailDetail, PayFailEvent } from './events/index.js';
export type { Buyer, BuyerField } from './buyer.js';
export type { ConfigProblem, ConfigRule } from './config.js';
export type { RequestPayParams, RequestPayResponse, PaymentwallBypass, Iamport } from './imp.js';
export type { Lang, Translation } from './translations/index.js';
