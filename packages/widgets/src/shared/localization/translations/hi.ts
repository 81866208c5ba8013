import type { Translation } from '../localize.js';
import metaHi from './hi-meta.js';
import billingHi from './hi-billing.js';
import topupHi from './hi-topup.js';

const translation = {
  $code: 'hi',
  $name: 'हिन्दी',
  $dir: 'ltr',

  balanceLabel: 'मैसेजिंग क्रेडिट बैलेंस',
  alertBelow: amount => `${amount} से कम होने पर अलर्ट`,
  noThreshold: 'कम बैलेंस का कोई अलर्ट सेट नहीं है',
  lowBalance: 'बैलेंस कम है',
  loading: 'लोड हो रहा है…',
  retry: 'फिर से कोशिश करें',
  loadFailed: 'बैलेंस लोड नहीं हो सका।',
  sessionExpired: 'आपका सेशन समाप्त हो गया है। फिर से साइन इन करने के लिए पेज रीलोड करें।',
  staleNote: time => `रीफ़्रेश नहीं हो सका — ${time} की वैल्यू दिखाई जा रही है`,
  ...metaHi,
  ...billingHi,
  ...topupHi,
} satisfies Translation;

export default translation;
