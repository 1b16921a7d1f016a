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
