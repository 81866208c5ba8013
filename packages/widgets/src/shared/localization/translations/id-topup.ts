import type { TopupTerms } from '../topup-terms.js';

const expiries: Record<number, string> = { 24: '24 jam', 72: '3 hari', 168: '7 hari' };

const translation: TopupTerms = {
  topupTrigger: 'Tambah kredit',
  topupTitle: 'Tambah kredit',
  topupClose: 'Tutup',
  topupAmountLegend: 'Jumlah',
  topupCustomLabel: 'Jumlah lain',
  topupRange: (min, max) => `Dari ${min} sampai ${max}`,
  topupOptionsFailed: 'Pilihan jumlah tidak dapat dimuat.',

  amountRequired: 'Pilih atau masukkan jumlah.',
  amountNotANumber: example => `Masukkan jumlah dalam angka, misalnya ${example}.`,
  amountTooManyDecimals: digits =>
    digits === 0 ? 'Masukkan jumlah bulat, tanpa desimal.' : `Gunakan paling banyak ${digits} angka desimal.`,
  amountBelowMin: min => `Jumlah minimum adalah ${min}.`,
  amountAboveMax: max => `Jumlah maksimum adalah ${max}.`,
  amountNotAStep: step => `Masukkan kelipatan ${step}.`,

  payNow: 'Bayar sekarang',
  payStarting: 'Membuka pembayaran…',
  payStartFailed: 'Pembayaran tidak dapat dimulai. Coba lagi.',
  topupForbidden: 'Akses Anda tidak mengizinkan penambahan kredit. Hubungi administrator akun Anda.',
  payWaiting: amount => `Selesaikan pembayaran ${amount} di jendela pembayaran. Halaman ini diperbarui otomatis setelah pembayaran diterima.`,
  payPopupBlocked: amount => `Browser Anda memblokir jendela pembayaran. Lanjutkan membayar ${amount} di tab ini.`,
  payContinue: 'Lanjutkan ke pembayaran',
  payBack: 'Pilih jumlah lain',
  paySucceeded: amount => `${amount} ditambahkan ke saldo Anda`,
  payFailed: amount => `Pembayaran ${amount} tidak berhasil. Tidak ada biaya yang ditagih.`,
  payExpired: amount => `Pembayaran ${amount} kedaluwarsa sebelum diselesaikan.`,
  tryAgain: 'Coba lagi',
  done: 'Selesai',

  linkHeading: 'Atau kirim tautan pembayaran',
  linkExplainer: 'Siapa pun yang memiliki tautan ini dapat membayar jumlah tersebut tanpa masuk.',
  linkNote: 'Catatan (opsional)',
  linkExpiry: 'Tautan kedaluwarsa setelah',
  linkExpiryOption: hours => expiries[hours] ?? `${hours} jam`,
  createLink: 'Buat tautan pembayaran',
  linkCreating: 'Membuat tautan…',
  linkCreateFailed: 'Tautan tidak dapat dibuat. Coba lagi.',
  linksForbidden: 'Akses Anda tidak mengizinkan tautan pembayaran. Hubungi administrator akun Anda.',
  linkReady: amount => `Tautan pembayaran untuk ${amount} telah dibuat`,
  linkFieldLabel: amount => `Tautan pembayaran untuk ${amount}`,
  linkExpires: date => `Kedaluwarsa ${date}`,
  linkUrlUnavailable: 'Alamat tautan ini tidak dapat ditampilkan lagi; salinan milik pembayar tetap berfungsi',
  copy: 'Salin',
  copyLinkLabel: amount => `Salin tautan pembayaran untuk ${amount}`,
  linkCopied: 'Tautan disalin',
  linkSelected: 'Tautan dipilih: tekan Ctrl+C (⌘C di Mac) untuk menyalinnya.',
  share: 'Bagikan',
  shareTitle: amount => `Tautan pembayaran untuk ${amount}`,

  openLinksHeading: 'Tautan pembayaran aktif',
  openLinksEmpty: 'Tidak ada tautan pembayaran aktif.',
  openLinksFailed: 'Tautan pembayaran tidak dapat dimuat.',
  cancelLink: 'Batalkan tautan',
  cancelLinkLabel: amount => `Batalkan tautan untuk ${amount}`,
  cancelLinkConfirm: amount => `Batalkan tautan untuk ${amount}? Siapa pun yang memilikinya tidak akan bisa membayar lagi.`,
  cancelLinkYes: 'Ya, batalkan tautan',
  cancelLinkNo: 'Simpan tautan',
  linkCancelled: 'Tautan dibatalkan',
  linkAlreadyPaid: 'Tautan ini sudah dibayar, jadi tidak dapat dibatalkan.',
  cancelFailed: 'Tautan tidak dapat dibatalkan. Coba lagi.',
};

export default translation;
