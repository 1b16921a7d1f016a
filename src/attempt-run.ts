/**
 * One payment attempt's handle, so something outside the flow can give it up: the page coming back
 * from the back/forward cache while the attempt waits for a PortOne page the buyer has left.
 */
export interface AttemptRun {
  /** True once given up: the flow calls nothing more, and its late answer is reported on its own. */
  readonly abandoned: boolean;
  /** Resolves `cancelled` when the attempt is given up. */
  readonly whenAbandoned: Promise<{ status: 'cancelled' }>;
  abandon(): void;
  /** The order id of its saved attempt, once saved. */
  id?: string;
  /** The `widgetKey` of the widget that sent it, once sent. */
  key?: string;
  /** The order it pays (the widget's `#order()`): a widget in its place shows its end only for that one. */
  order?: string;
  /** How many widgets had connected when it was sent: one in its place later connected after. */
  sent?: number;
  /** Its order id is not one the widget drew at random: anyone who knows it can link a "result". */
  guessable?: boolean;
}

export function attemptRun(): AttemptRun {
  let abandoned = false;
  let resolve!: (value: { status: 'cancelled' }) => void;
  const whenAbandoned = new Promise<{ status: 'cancelled' }>((done) => (resolve = done));
  return {
    get abandoned() {
      return abandoned;
    },
    whenAbandoned,
    abandon() {
      abandoned = true;
      resolve({ status: 'cancelled' });
    },
  };
}
