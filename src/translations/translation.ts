import type { BuyerError, BuyerField } from '../buyer.js';
import type { ConfigProblem } from '../config.js';
import type { PayFailCode } from '../events/pay-fail.js';

export type Lang = 'en' | 'ko';

/** Every string the element shows. A language missing one is a compile error. */
export interface Translation {
  lang: Lang;
  label: Record<BuyerField, string>;
  optional: string;
  nameHint: string;
  buyerError: Record<BuyerError, string>;
  pay(amount: string): string;
  payAndSaveCard(amount: string): string;
  busy: string;
  savedCardNote: string;
  configTitle: string;
  configProblem(problem: ConfigProblem): string;
  failure: Record<PayFailCode, string>;
  /** PortOne's own message, shown under ours. */
  pgDetail(message: string): string;
  success: string;
  /** The status line after a success for an order the page has changed since: the new one is still to pay. */
  paidBeforeChange: string;
  /** The button's label after a success, while the widget starts nothing more. */
  paid: string;
  /** The status line when the buyer closed PortOne's payment window. */
  buyerClosed: string;
}
