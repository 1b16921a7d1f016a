// Inputs several suites share.
import type { RegisterDeliveryInput } from '../../src/server/index.js';

/** The ten fields `registerDelivery` requires only for physical goods. */
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
