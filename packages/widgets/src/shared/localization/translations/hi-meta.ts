import { humanizeCode } from '../codes.js';
import type { MetaTerms } from '../meta-terms.js';
import type { QualityRating } from '../../api/types.js';

const ratings: Record<QualityRating, string> = { GREEN: 'उच्च', YELLOW: 'मध्यम', RED: 'निम्न', UNKNOWN: 'अभी रेटिंग नहीं मिली' };
const lastWeek =
  'क्वालिटी दिखाती है कि पिछले 7 दिनों में लोगों ने आपके मैसेज कैसे लिए: ब्लॉक, रिपोर्ट और फ़ीडबैक।';
const meanings: Record<QualityRating, string> = {
  GREEN: `${lastWeek} लोग आपके मैसेज अच्छी तरह ले रहे हैं।`,
  YELLOW: `${lastWeek} कुछ लोगों ने आपके मैसेज ब्लॉक या रिपोर्ट किए हैं; रेटिंग गिरकर निम्न हो सकती है।`,
  RED: `${lastWeek} कई लोगों ने आपके मैसेज ब्लॉक या रिपोर्ट किए हैं। कम क्वालिटी के कारण Meta टेम्पलेट रोक सकता है या इस नंबर पर पाबंदी लगा सकता है।`,
  UNKNOWN: 'Meta ने अभी इस नंबर को रेटिंग नहीं दी है, आमतौर पर इसलिए कि इसने अब तक कम मैसेज भेजे हैं।',
};
const advice: Record<QualityRating, string> = {
  GREEN: 'ऐसे ही जारी रखें: सिर्फ़ वही मैसेज भेजें जिनके लिए लोगों ने सहमति दी है और जिनकी वे उम्मीद करते हैं, और हर ऑप्ट-आउट का सम्मान करें।',
  YELLOW:
    'सिर्फ़ काम के मैसेज भेजें जिनके लिए लोगों ने सहमति दी है और जिनकी वे उम्मीद करते हैं, ऑप्ट-आउट का सम्मान करें, कम बार भेजें, और हर टेम्पलेट की क्वालिटी जाँचें।',
  RED: 'जिन कैंपेन को ब्लॉक किया जा रहा है उन्हें रोकें, सिर्फ़ उन्हीं लोगों को मैसेज भेजें जिन्होंने सहमति दी है और आपसे मैसेज की उम्मीद करते हैं, हर ऑप्ट-आउट का सम्मान करें, और कम क्वालिटी वाले टेम्पलेट सुधारें या बंद करें।',
  UNKNOWN: 'शुरुआत ऐसे मैसेज से करें जिनके लिए लोगों ने सहमति दी है और जिनकी वे उम्मीद करते हैं; Meta को पर्याप्त फ़ीडबैक मिलते ही रेटिंग दिखने लगेगी।',
};
const statuses: Record<string, string> = {
  CONNECTED: 'कनेक्टेड',
  PENDING: 'लंबित',
  FLAGGED: 'फ़्लैग किया गया',
  RESTRICTED: 'प्रतिबंधित',
  DISCONNECTED: 'डिसकनेक्टेड',
  LINKED: 'लिंक किया गया',
  UNVERIFIED: 'सत्यापित नहीं',
  MIGRATED: 'माइग्रेट किया गया',
  BANNED: 'बैन किया गया',
  DELETED: 'हटाया गया',
};
const nameStatuses: Record<string, string> = {
  APPROVED: 'डिस्प्ले नाम स्वीकृत',
  AVAILABLE_WITHOUT_REVIEW: 'डिस्प्ले नाम बिना समीक्षा के उपलब्ध',
  DECLINED: 'डिस्प्ले नाम अस्वीकृत',
  EXPIRED: 'डिस्प्ले नाम की अवधि समाप्त',
  PENDING_REVIEW: 'डिस्प्ले नाम की समीक्षा जारी है',
  NONE: 'कोई डिस्प्ले नाम जमा नहीं किया गया',
};
const events: Record<string, string> = {
  ONBOARDING: 'नंबर रजिस्टर हो रहा है',
  THROUGHPUT_UPGRADE: 'थ्रूपुट बढ़ाया गया',
  FLAGGED: 'नंबर फ़्लैग किया गया',
  UNFLAGGED: 'फ़्लैग हटाया गया',
  UPGRADE: 'मैसेजिंग सीमा बढ़ाई गई',
  DOWNGRADE: 'मैसेजिंग सीमा घटाई गई',
  BUSINESS_CAPABILITY_UPDATE: 'मैसेजिंग सीमा अपडेट की गई',
  QUALITY_CHANGED: 'क्वालिटी रेटिंग बदली',
  LIMIT_CHANGED: 'मैसेजिंग सीमा बदली',
};
const categories: Record<string, string> = {
  marketing: 'मार्केटिंग',
  marketing_lite: 'मार्केटिंग लाइट',
  utility: 'यूटिलिटी',
  authentication: 'ऑथेंटिकेशन',
  authentication_international: 'ऑथेंटिकेशन (अंतरराष्ट्रीय)',
  service: 'सर्विस',
};
const markets: Record<string, string> = {
  NORTH_AMERICA: 'उत्तरी अमेरिका',
  REST_OF_AFRICA: 'बाकी अफ़्रीका',
  REST_OF_ASIA_PACIFIC: 'बाकी एशिया-प्रशांत',
  REST_OF_CENTRAL_EASTERN_EUROPE: 'बाकी मध्य और पूर्वी यूरोप',
  REST_OF_LATIN_AMERICA: 'बाकी लैटिन अमेरिका',
  REST_OF_MIDDLE_EAST: 'बाकी मध्य पूर्व',
  REST_OF_WESTERN_EUROPE: 'बाकी पश्चिमी यूरोप',
  OTHER: 'अन्य',
};

/** Hindi terms of `<wa-number>`, `<wa-quality>`, `<wa-quota>` and `<wa-rate-card>` (these nouns keep one form). */
const terms = {
  qualityRating: rating => ratings[rating] ?? humanizeCode(rating),
  qualityMeaning: rating => meanings[rating] ?? meanings.UNKNOWN,
  qualityAdvice: rating => advice[rating] ?? advice.UNKNOWN,
  qualityChip: rating => `क्वालिटी: ${rating}`,

  numberLabel: 'WhatsApp नंबर',
  numberStatus: status => statuses[status] ?? humanizeCode(status),
  nameStatus: status => nameStatuses[status] ?? `डिस्प्ले नाम: ${humanizeCode(status).toLowerCase()}`,
  noNumber: 'अभी कोई WhatsApp नंबर कनेक्ट नहीं है।',
  numberLoadFailed: 'नंबर लोड नहीं हो सका।',

  qualityLabel: 'क्वालिटी रेटिंग',
  refresh: 'रीफ़्रेश करें',
  qualityStale: time => `Meta से जवाब नहीं मिला — ${time} की रेटिंग दिखाई जा रही है`,
  qualityStaleNoTime: 'Meta से जवाब नहीं मिला — आख़िरी ज्ञात रेटिंग दिखाई जा रही है',
  qualityRefreshFailed: time => `रीफ़्रेश नहीं हो सका: Meta से जवाब नहीं मिला। ${time} की रेटिंग दिखाई जा रही है`,
  qualityRefreshFailedNoTime: 'रीफ़्रेश नहीं हो सका: Meta से जवाब नहीं मिला। आख़िरी ज्ञात रेटिंग दिखाई जा रही है',
  qualityChecked: time => `जाँचा गया: ${time}`,
  qualityPolicyLink: 'WhatsApp Business मैसेजिंग नीति',
  opensInNewTab: '(नए टैब में खुलता है)',
  qualityHistoryLabel: 'क्वालिटी और सीमा में बदलाव',
  qualityHistoryEmpty: 'अभी कोई बदलाव नहीं। क्वालिटी रेटिंग और मैसेजिंग सीमा में होने वाले बदलाव यहाँ दिखेंगे।',
  qualityEvent: event => events[event] ?? humanizeCode(event),
  historyTier: tier => `सीमा: ${tier}`,
  qualityLoadFailed: 'क्वालिटी रेटिंग लोड नहीं हो सकी।',

  quotaLabel: 'रोज़ाना मैसेजिंग सीमा',
  quotaLimit: (count, hours) => `${count} यूनीक ग्राहक / ${hours} घंटे`,
  quotaUnlimited: 'असीमित',
  quotaNotSet: 'सेट नहीं है',
  quotaShared: 'यह सीमा आपके बिज़नेस पोर्टफ़ोलियो के सभी नंबरों में साझा है।',
  quotaStale: time => `Meta से जवाब नहीं मिला — ${time} की सीमा दिखाई जा रही है`,
  quotaStaleNoTime: 'Meta से जवाब नहीं मिला — आख़िरी ज्ञात सीमा दिखाई जा रही है',
  quotaRefreshFailed: time => `रीफ़्रेश नहीं हो सका: Meta से जवाब नहीं मिला। ${time} की सीमा दिखाई जा रही है`,
  quotaRefreshFailedNoTime: 'रीफ़्रेश नहीं हो सका: Meta से जवाब नहीं मिला। आख़िरी ज्ञात सीमा दिखाई जा रही है',
  quotaLoadFailed: 'मैसेजिंग सीमा लोड नहीं हो सकी।',
  usageButton: 'पिछले 24 घंटे का इस्तेमाल देखें',
  usageLabel: 'पिछले 24 घंटे में यूनीक ग्राहक',
  usageOf: (used, limit) => `${limit} में से ${used} ग्राहक`,
  usageCount: (_count, formatted) => `पिछले 24 घंटे में ${formatted} ग्राहक`,
  usageHeadroom: (_remaining, formatted) => `आप अभी ${formatted} और ग्राहकों तक पहुँच सकते हैं`,
  usageLimitReached: 'आप सीमा तक पहुँच गए हैं: जैसे-जैसे पहले के ग्राहक 24 घंटे की अवधि से बाहर होंगे, नए ग्राहकों तक पहुँचा जा सकेगा।',
  usageProjection: (_pace, formattedPace, time) =>
    `मौजूदा रफ़्तार पर (पिछले एक घंटे में ${formattedPace} नए ग्राहक) सीमा लगभग ${time} तक पूरी हो जाएगी`,
  usageByNumber: 'नंबर के हिसाब से ग्राहक',
  usageNumberColumn: 'नंबर',
  usageCustomersColumn: 'ग्राहक',
  usageUnnamedNumber: 'बिना डिस्प्ले नंबर वाला नंबर',
  usageLoadFailed: 'इस्तेमाल की जानकारी लोड नहीं हो सकी।',

  rateCardLabel: 'मैसेज की कीमतें',
  rateCardCaption: currency => `हर डिलीवर हुए मैसेज की कीमत, ${currency} में`,
  rateCardSearch: 'बाज़ार खोजें',
  rateCardCount: (_count, formatted) => `${formatted} बाज़ार`,
  rateCardNoMatch: query => `“${query}” से मेल खाता कोई बाज़ार नहीं मिला।`,
  rateCardEmpty: 'अभी कोई कीमत सेट नहीं की गई है।',
  rateCardMarketColumn: 'बाज़ार',
  pricingCategory: category => categories[category] ?? humanizeCode(category),
  marketName: (code, fallback) => markets[code] ?? fallback,
  noPrice: 'उपलब्ध नहीं',
  rateCardLoadFailed: 'कीमतें लोड नहीं हो सकीं।',
  estimatorLabel: 'इस कैंपेन की कीमत जानें',
  estimatorHint: 'हर व्यक्ति को एक डिलीवर हुए मैसेज का अनुमान।',
  estimatorMarket: 'बाज़ार',
  estimatorCategory: 'श्रेणी',
  estimatorAudience: 'लोग',
  estimatorCost: 'अनुमानित लागत',
  estimatorRow: row => `पंक्ति ${row}`,
  estimatorAddRow: 'बाज़ार जोड़ें',
  estimatorRemoveRow: row => `पंक्ति ${row} हटाएँ`,
  estimatorInvalidAudience: 'लोगों की संख्या पूर्ण संख्या में लिखें।',
  estimatorNoPrice: 'इस बाज़ार में इस श्रेणी की कोई कीमत नहीं है।',
  estimatorTotal: amount => `अनुमानित कुल: ${amount}`,
  estimatorCovered: balance => `आपका ${balance} का बैलेंस इस कैंपेन के लिए काफ़ी है`,
  estimatorShortfall: missing => `आपको ${missing} और चाहिए`,
  estimatorBalanceUnavailable: 'तुलना के लिए आपका बैलेंस लोड नहीं हो सका।',
} satisfies MetaTerms;

export default terms;
