// The opt-in entry, once for the app.
import type {} from 'paymentwall-pay/vue';
