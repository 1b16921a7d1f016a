/** Entry of dist/paymentwall-pay.min.js: registers the element and exposes nothing on window. */
import './define.js';
