import type { BillingTerms } from '../billing-terms.js';
import { humanizeCode } from '../codes.js';
import { plural } from '../plural.js';

const kinds: Record<string, string> = { message: 'मैसेज', topup: 'टॉप-अप', payment_link: 'पेमेंट लिंक', adjustment: 'समायोजन' };
const kindFilters = { message: 'मैसेज', topup: 'टॉप-अप', payment_link: 'पेमेंट लिंक', adjustment: 'समायोजन' } as const;

/** Hindi billing terms; "hour" is the one noun here whose form follows the number (घंटा, घंटे). */
const terms = {
  save: 'सेव करें',
  saving: 'सेव हो रहा है…',
  cancel: 'रद्द करें',

  changeThreshold: 'बदलें',
  changeThresholdLabel: 'कम बैलेंस का अलर्ट बदलें',
  thresholdInput: currency => `बैलेंस इससे कम होने पर मुझे अलर्ट करें (${currency})`,
  thresholdHint: 'अलर्ट बंद करने के लिए ख़ाली छोड़ दें।',
  thresholdInvalid: example => `0 या उससे ज़्यादा राशि लिखें, जैसे ${example}।`,
  thresholdSaved: amount => `${amount} से कम होने पर अलर्ट सेट हो गया।`,
  thresholdOff: 'कम बैलेंस का अलर्ट बंद कर दिया गया।',
  thresholdForbidden: 'इस सेशन को अलर्ट बदलने की अनुमति नहीं है।',
  thresholdSaveFailed: 'अलर्ट सेव नहीं हो सका।',
  runway: (days, formattedDays, spend, basisDays) =>
    days > 365
      ? `आपके औसत ख़र्च ${spend}/दिन (पिछले ${basisDays} दिन) पर एक साल से ज़्यादा`
      : days < 1
      ? `आपके औसत ख़र्च ${spend}/दिन (पिछले ${basisDays} दिन) पर एक दिन से कम`
      : `आपके औसत ख़र्च ${spend}/दिन (पिछले ${basisDays} दिन) पर लगभग ${formattedDays} दिन`,
  runwayNoSpend: basisDays => `पिछले ${basisDays} दिनों में कोई ख़र्च नहीं`,

  statementLabel: 'मैसेजिंग क्रेडिट स्टेटमेंट',
  statementCaption: (from, to) => `${from} से ${to} तक के लेन-देन`,
  statementFilters: 'स्टेटमेंट फ़िल्टर करें',
  statementFrom: 'से',
  statementTo: 'तक',
  statementRangeInvalid: 'आख़िरी तारीख़ शुरुआती तारीख़ के बराबर या उसके बाद की होनी चाहिए।',
  statementType: 'प्रकार',
  statementTypeAll: 'क्रेडिट और डेबिट',
  statementTypeCredits: 'क्रेडिट',
  statementTypeDebits: 'डेबिट',
  statementKind: 'श्रेणी',
  statementKindAll: 'सभी श्रेणियाँ',
  statementKindFilter: kind => kindFilters[kind],
  statementKindName: kind => kinds[kind] ?? humanizeCode(kind),
  statementDateColumn: 'तारीख़',
  statementDescriptionColumn: 'विवरण',
  statementTypeColumn: 'प्रकार',
  statementAmountColumn: 'राशि',
  statementBalanceColumn: 'बाद का बैलेंस',
  statementTimesNote: 'तारीख़ें और समय UTC में हैं।',
  credit: 'क्रेडिट',
  debit: 'डेबिट',
  statementOpening: 'शुरुआती बैलेंस',
  statementClosing: 'आख़िरी बैलेंस',
  statementDayTotals: (credits, debits) => `क्रेडिट ${credits} · डेबिट ${debits}`,
  statementEmpty: 'इस अवधि में कोई लेन-देन नहीं',
  statementUnpriced: (_count, formatted) =>
    `${formatted} डिलीवर हुए मैसेज की आपके रेट कार्ड में कोई कीमत नहीं थी, इसलिए उनका शुल्क नहीं लिया गया।`,
  statementLoadFailed: 'स्टेटमेंट लोड नहीं हो सका।',
  statementLoadMore: 'और लोड करें',
  statementLoadedMore: (_count, formatted) => `${formatted} और लेन-देन लोड हुए।`,
  statementAllLoaded: 'इस अवधि के सभी लेन-देन दिखाए जा रहे हैं।',
  statementLoadMoreFailed: 'और लेन-देन लोड नहीं हो सके।',
  statementNewEntries: 'नए लेन-देन',
  statementShowNew: 'दिखाएँ',
  statementDownload: 'CSV डाउनलोड करें',
  statementDownloading: 'डाउनलोड तैयार हो रहा है…',
  statementDownloaded: filename => `${filename} डाउनलोड हो गई`,
  statementDownloadFailed: 'स्टेटमेंट डाउनलोड नहीं हो सका।',
  statementExportForbidden: 'इस सेशन के लिए स्टेटमेंट डाउनलोड करना चालू नहीं है। एक्सपोर्ट की अनुमति के लिए अपने प्रोवाइडर से कहें।',

  capLabel: 'मार्केटिंग फ़्रीक्वेंसी सीमा',
  capEnable: 'हर ग्राहक को भेजे जाने वाले मार्केटिंग मैसेज सीमित करें',
  capMaxMessages: 'हर ग्राहक को ज़्यादा से ज़्यादा मार्केटिंग मैसेज',
  capWindowHours: 'इतने घंटों के भीतर',
  capSummary: (_max, formattedMax, hours, formattedHours) =>
    `हर ${plural('hi', hours, { one: `${formattedHours} घंटे`, other: `${formattedHours} घंटों` })} में हर ग्राहक को ज़्यादा से ज़्यादा ${formattedMax} मार्केटिंग मैसेज`,
  capOff: 'बंद: ग्राहकों को आपके कितने भी मार्केटिंग मैसेज मिल सकते हैं।',
  capExplanation:
    'सीमा चालू होने पर आपका सेंडिंग सिस्टम हर मार्केटिंग मैसेज से पहले इसे जाँचता है और उन ग्राहकों को छोड़ देता है जिन्हें इस अवधि में अधिकतम मैसेज मिल चुके हैं। इससे आपकी क्वालिटी रेटिंग सुरक्षित रहती है और ग्राहक आपके मैसेज से ऊबते नहीं।',
  capMetaLimits:
    'Meta भी सीमित करता है कि हर व्यक्ति को बिज़नेस से कितने मार्केटिंग मैसेज मिलें, इसलिए आपकी सीमा के भीतर का मैसेज भी शायद डिलीवर न हो।',
  capMaxInvalid: '1 से 100 तक की पूर्ण संख्या लिखें।',
  capWindowInvalid: '1 से 720 तक घंटों की पूर्ण संख्या लिखें।',
  capSaved: 'फ़्रीक्वेंसी सीमा सेव हो गई।',
  capSaveFailed: 'फ़्रीक्वेंसी सीमा सेव नहीं हो सकी।',
  capLoadFailed: 'फ़्रीक्वेंसी सीमा लोड नहीं हो सकी।',
  capReadOnly: 'यह सेशन फ़्रीक्वेंसी सीमा देख सकता है, लेकिन उसे बदलने की अनुमति नहीं है।',
} satisfies BillingTerms;

export default terms;
