import type { Translation } from '../localize.js';
import metaPtBR from './pt-BR-meta.js';
import billingPtBR from './pt-BR-billing.js';
import topupPtBR from './pt-BR-topup.js';

const translation = {
  $code: 'pt-BR',
  $name: 'Português (Brasil)',
  $dir: 'ltr',

  balanceLabel: 'Saldo de crédito para mensagens',
  alertBelow: amount => `Alerta abaixo de ${amount}`,
  noThreshold: 'Nenhum alerta de saldo baixo definido',
  lowBalance: 'Saldo baixo',
  loading: 'Carregando…',
  retry: 'Tentar novamente',
  loadFailed: 'Não foi possível carregar o saldo.',
  sessionExpired: 'Sua sessão expirou. Recarregue a página para entrar novamente.',
  staleNote: time => `Não foi possível atualizar — mostrando o valor das ${time}`,
  ...metaPtBR,
  ...billingPtBR,
  ...topupPtBR,
} satisfies Translation;

export default translation;
