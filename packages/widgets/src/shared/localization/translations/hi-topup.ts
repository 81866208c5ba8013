import type { TopupTerms } from '../topup-terms.js';

const expiries: Record<number, string> = { 24: '24 घंटे', 72: '3 दिन', 168: '7 दिन' };

const translation: TopupTerms = {
  topupTrigger: 'क्रेडिट जोड़ें',
  topupTitle: 'क्रेडिट जोड़ें',
  topupClose: 'बंद करें',
  topupAmountLegend: 'राशि',
  topupCustomLabel: 'दूसरी राशि',
  topupRange: (min, max) => `${min} से ${max} तक`,
  topupOptionsFailed: 'राशियाँ लोड नहीं हो सकीं।',

  amountRequired: 'कोई राशि चुनें या लिखें।',
  amountNotANumber: example => `राशि अंकों में लिखें, जैसे ${example}।`,
  amountTooManyDecimals: digits =>
    digits === 0 ? 'पूरी राशि लिखें, दशमलव के बिना।' : `दशमलव के बाद ज़्यादा से ज़्यादा ${digits} अंक लिखें।`,
  amountBelowMin: min => `कम से कम राशि ${min} है।`,
  amountAboveMax: max => `ज़्यादा से ज़्यादा राशि ${max} है।`,
  amountNotAStep: step => `${step} के गुणज में राशि लिखें।`,

  payNow: 'अभी भुगतान करें',
  payStarting: 'भुगतान खुल रहा है…',
  payStartFailed: 'भुगतान शुरू नहीं हो सका। फिर से कोशिश करें।',
  topupForbidden: 'आपकी पहुँच में क्रेडिट जोड़ने की अनुमति नहीं है। अपने अकाउंट के किसी एडमिनिस्ट्रेटर से पूछें।',
  payWaiting: amount => `भुगतान विंडो में ${amount} का भुगतान पूरा करें। भुगतान होते ही यह अपने-आप अपडेट हो जाएगा।`,
  payPopupBlocked: amount => `आपके ब्राउज़र ने भुगतान विंडो ब्लॉक कर दी। ${amount} का भुगतान इसी टैब में जारी रखें।`,
  payContinue: 'भुगतान पर जाएँ',
  payBack: 'दूसरी राशि चुनें',
  paySucceeded: amount => `आपके बैलेंस में ${amount} जोड़ दिए गए`,
  payFailed: amount => `${amount} का भुगतान नहीं हो सका। कोई शुल्क नहीं लिया गया।`,
  payExpired: amount => `${amount} का भुगतान पूरा होने से पहले ही उसकी अवधि समाप्त हो गई।`,
  tryAgain: 'फिर से कोशिश करें',
  done: 'हो गया',

  linkHeading: 'या पेमेंट लिंक भेजें',
  linkExplainer: 'जिसके पास भी यह लिंक होगा, वह साइन इन किए बिना यह राशि चुका सकता है।',
  linkNote: 'नोट (वैकल्पिक)',
  linkExpiry: 'लिंक की अवधि',
  linkExpiryOption: hours => expiries[hours] ?? `${hours} घंटे`,
  createLink: 'पेमेंट लिंक बनाएँ',
  linkCreating: 'लिंक बन रहा है…',
  linkCreateFailed: 'लिंक नहीं बन सका। फिर से कोशिश करें।',
  linksForbidden: 'आपकी पहुँच में पेमेंट लिंक की अनुमति नहीं है। अपने अकाउंट के किसी एडमिनिस्ट्रेटर से पूछें।',
  linkReady: amount => `${amount} का पेमेंट लिंक बन गया`,
  linkFieldLabel: amount => `${amount} का पेमेंट लिंक`,
  linkExpires: date => `${date} को समाप्त होगा`,
  linkUrlUnavailable: 'इस लिंक का पता दोबारा नहीं दिखाया जा सकता; भुगतान करने वाले के पास मौजूद लिंक अब भी काम करता है',
  copy: 'कॉपी करें',
  copyLinkLabel: amount => `${amount} का पेमेंट लिंक कॉपी करें`,
  linkCopied: 'लिंक कॉपी हो गया',
  linkSelected: 'लिंक चुना गया: कॉपी करने के लिए Ctrl+C (Mac पर ⌘C) दबाएँ।',
  share: 'शेयर करें',
  shareTitle: amount => `${amount} का पेमेंट लिंक`,

  openLinksHeading: 'खुले पेमेंट लिंक',
  openLinksEmpty: 'कोई खुला पेमेंट लिंक नहीं है।',
  openLinksFailed: 'पेमेंट लिंक लोड नहीं हो सके।',
  cancelLink: 'लिंक रद्द करें',
  cancelLinkLabel: amount => `${amount} का लिंक रद्द करें`,
  cancelLinkConfirm: amount => `${amount} का लिंक रद्द करें? जिनके पास यह लिंक है, वे इसके बाद भुगतान नहीं कर पाएँगे।`,
  cancelLinkYes: 'हाँ, लिंक रद्द करें',
  cancelLinkNo: 'लिंक रखें',
  linkCancelled: 'लिंक रद्द कर दिया गया',
  linkAlreadyPaid: 'इस लिंक का भुगतान पहले ही हो चुका है, इसलिए इसे रद्द नहीं किया जा सकता।',
  cancelFailed: 'लिंक रद्द नहीं हो सका। फिर से कोशिश करें।',
};

export default translation;
