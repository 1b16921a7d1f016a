// Inputs several suites share.
import type { RegisterDeliveryInput, V2ConfirmDeliveryInput } from '../../src/server/index.js';

/** The ten fields `registerDelivery` (V1) and `confirmDelivery` (V2) require only for physical goods. */
export const physicalShipping = {
  carrierTrackingId: 'JD014600003828',
  carrierType: 'DHL',
  shippingAddressCountry: 'DE',
  shippingAddressCity: 'Berlin',
  shippingAddressZip: '10115',
  shippingAddressState: 'N/A',
  shippingAddressStreet: 'Invalidenstr. 1',
  shippingAddressPhone: '+49 30 1234567',
  shippingAddressFirstname: 'Jack',
  shippingAddressLastname: 'Son',
} satisfies Partial<RegisterDeliveryInput>;

/** A V2 digital delivery; tests put a real transactionId in. */
export const v2Digital: V2ConfirmDeliveryInput = {
  transactionId: 'placeholder',
  deliveryType: 'DIGITAL',
  deliveryStatus: 'DELIVERED',
  estimatedDeliveryDatetime: new Date('2026-06-01T12:00:00Z'),
  estimatedUpdateDatetime: '2026-06-01T21:00:00+09:00',
  refundable: false,
  details: 'License key sent by e-mail',
  shippingAddressEmail: 'jack@example.com',
};

/** `fields` as JSON with a `pad` field that brings it to exactly `bytes` bytes of UTF-8, in `pad` characters as far as they fit. */
export function jsonOfBytes(bytes: number, fields: Record<string, unknown>, pad = 'a'): string {
  const rest = bytes - Buffer.byteLength(JSON.stringify({ ...fields, pad: '' }));
  const padding = pad.repeat(Math.floor(rest / Buffer.byteLength(pad))) + 'a'.repeat(rest % Buffer.byteLength(pad));
  return JSON.stringify({ ...fields, pad: padding });
}
