import type { TopupTerms } from '../topup-terms.js';
import { plural as pluralForm } from '../plural.js';

const plural = (count: number, one: string, other: string) => pluralForm('pt-BR', count, { one, other });

const expiries: Record<number, string> = { 24: '24 horas', 72: '3 dias', 168: '7 dias' };

const translation: TopupTerms = {
  topupTrigger: 'Adicionar créditos',
  topupTitle: 'Adicionar créditos',
  topupClose: 'Fechar',
  topupAmountLegend: 'Valor',
  topupCustomLabel: 'Outro valor',
  topupRange: (min, max) => `De ${min} a ${max}`,
  topupOptionsFailed: 'Não foi possível carregar os valores.',

  amountRequired: 'Escolha um valor ou digite um.',
  amountNotANumber: example => `Digite o valor em números, como ${example}.`,
  amountTooManyDecimals: digits =>
    digits === 0 ? 'Digite um valor inteiro, sem centavos.' : `Use no máximo ${digits} ${plural(digits, 'casa decimal', 'casas decimais')}.`,
  amountBelowMin: min => `O mínimo é ${min}.`,
  amountAboveMax: max => `O máximo é ${max}.`,
  amountNotAStep: step => `Digite um múltiplo de ${step}.`,

  payNow: 'Pagar agora',
  payStarting: 'Abrindo o pagamento…',
  payStartFailed: 'Não foi possível iniciar o pagamento. Tente novamente.',
  topupForbidden: 'Seu acesso não permite adicionar créditos. Peça a um administrador da sua conta.',
  payWaiting: amount => `Conclua o pagamento de ${amount} na janela de pagamento. Esta tela se atualiza sozinha quando ele for confirmado.`,
  payPopupBlocked: amount => `Seu navegador bloqueou a janela de pagamento. Continue para pagar ${amount} nesta aba.`,
  payContinue: 'Continuar para o pagamento',
  payBack: 'Escolher outro valor',
  paySucceeded: amount => `${amount} adicionados ao seu saldo`,
  payFailed: amount => `O pagamento de ${amount} não foi concluído. Nada foi cobrado.`,
  payExpired: amount => `O pagamento de ${amount} expirou antes de ser concluído.`,
  tryAgain: 'Tentar novamente',
  done: 'Concluir',

  linkHeading: 'Ou envie um link de pagamento',
  linkExplainer: 'Qualquer pessoa com o link pode pagar este valor, sem fazer login.',
  linkNote: 'Observação (opcional)',
  linkExpiry: 'O link expira em',
  linkExpiryOption: hours => expiries[hours] ?? `${hours} horas`,
  createLink: 'Criar link de pagamento',
  linkCreating: 'Criando o link…',
  linkCreateFailed: 'Não foi possível criar o link. Tente novamente.',
  linksForbidden: 'Seu acesso não permite links de pagamento. Peça a um administrador da sua conta.',
  linkReady: amount => `Link de pagamento de ${amount} criado`,
  linkFieldLabel: amount => `Link de pagamento de ${amount}`,
  linkExpires: date => `Expira em ${date}`,
  linkUrlUnavailable: 'O endereço deste link não pode ser exibido de novo; a cópia de quem paga continua funcionando',
  copy: 'Copiar',
  copyLinkLabel: amount => `Copiar o link de pagamento de ${amount}`,
  linkCopied: 'Link copiado',
  linkSelected: 'Link selecionado: pressione Ctrl+C (⌘C no Mac) para copiá-lo.',
  share: 'Compartilhar',
  shareTitle: amount => `Link de pagamento de ${amount}`,

  openLinksHeading: 'Links de pagamento em aberto',
  openLinksEmpty: 'Nenhum link de pagamento em aberto.',
  openLinksFailed: 'Não foi possível carregar os links de pagamento.',
  cancelLink: 'Cancelar link',
  cancelLinkLabel: amount => `Cancelar link de ${amount}`,
  cancelLinkConfirm: amount => `Cancelar o link de ${amount}? Quem tiver o link não poderá mais pagar.`,
  cancelLinkYes: 'Sim, cancelar link',
  cancelLinkNo: 'Manter link',
  linkCancelled: 'Link cancelado',
  linkAlreadyPaid: 'Este link já foi pago, então não pode ser cancelado.',
  cancelFailed: 'Não foi possível cancelar o link. Tente novamente.',
};

export default translation;
