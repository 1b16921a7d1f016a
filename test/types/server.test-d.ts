// The server entry as a TypeScript user writes it: the narrowing its README snippets rely on.
import { expectTypeOf } from 'expect-type';
import { PortOneV2Client, type V2Payment, type V2WebhookEvent } from 'paymentwall-pay/server';

declare const client: PortOneV2Client;
declare const ordersV2: Map<string, { paymentId: string }>;

export async function webhook(rawBody: string, headers: Record<string, string>): Promise<void> {
  const event = await client.handleWebhook(rawBody, headers);
  expectTypeOf(event).toEqualTypeOf<V2WebhookEvent>();
  // The README's line, as written.
  const order = event.payment?.status === 'PAID' ? ordersV2.get(event.payment.paymentId) : undefined;
  expectTypeOf(order).toEqualTypeOf<{ paymentId: string } | undefined>();
  // A check of the payment narrows the event's id too: no `!` needed.
  if (event.payment !== null) expectTypeOf(event.paymentId).toEqualTypeOf<string>();
  if (event.paymentId === null) expectTypeOf(event.payment).toEqualTypeOf<null>();
  else expectTypeOf(event.payment).toEqualTypeOf<V2Payment>();
  // @ts-expect-error without a check, the id may be null (a billing-key event)
  ordersV2.get(event.paymentId);
}
