import type { Translation } from '../localize.js';
import metaEs from './es-meta.js';
import billingEs from './es-billing.js';
import topupEs from './es-topup.js';

const translation = {
  $code: 'es',
  $name: 'Español',
  $dir: 'ltr',

  balanceLabel: 'Saldo de crédito para mensajes',
  alertBelow: amount => `Alerta por debajo de ${amount}`,
  noThreshold: 'Sin alerta de saldo bajo',
  lowBalance: 'Saldo bajo',
  loading: 'Cargando…',
  retry: 'Reintentar',
  loadFailed: 'No se pudo cargar el saldo.',
  sessionExpired: 'Tu sesión ha caducado. Vuelve a cargar la página para iniciar sesión.',
  staleNote: time => `No se pudo actualizar: se muestra el valor de las ${time}`,
  ...metaEs,
  ...billingEs,
  ...topupEs,
} satisfies Translation;

export default translation;
