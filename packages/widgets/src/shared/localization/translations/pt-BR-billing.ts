import type { BillingTerms } from '../billing-terms.js';
import { humanizeCode } from '../codes.js';
import { plural as pluralForm } from '../plural.js';

const plural = (count: number, one: string, other: string) => pluralForm('pt-BR', count, { one, other });

const kinds: Record<string, string> = { message: 'Mensagem', topup: 'Recarga', payment_link: 'Link de pagamento', adjustment: 'Ajuste' };
const kindFilters = { message: 'Mensagens', topup: 'Recargas', payment_link: 'Links de pagamento', adjustment: 'Ajustes' } as const;

const terms = {
  save: 'Salvar',
  saving: 'Salvando…',
  cancel: 'Cancelar',

  changeThreshold: 'Alterar',
  changeThresholdLabel: 'Alterar alerta de saldo baixo',
  thresholdInput: currency => `Avisar quando o saldo ficar abaixo de (${currency})`,
  thresholdHint: 'Deixe em branco para desativar o alerta.',
  thresholdInvalid: example => `Informe um valor igual ou maior que 0, como ${example}.`,
  thresholdSaved: amount => `Alerta definido abaixo de ${amount}.`,
  thresholdOff: 'Alerta de saldo baixo desativado.',
  thresholdForbidden: 'Esta sessão não tem permissão para alterar o alerta.',
  thresholdSaveFailed: 'Não foi possível salvar o alerta.',
  runway: (days, formattedDays, spend, basisDays) =>
    days > 365
      ? `Mais de um ano no seu gasto médio de ${spend}/dia (últimos ${basisDays} dias)`
      : days < 1
      ? `Menos de um dia no seu gasto médio de ${spend}/dia (últimos ${basisDays} dias)`
      : `Cerca de ${formattedDays} ${plural(days, 'dia', 'dias')} no seu gasto médio de ${spend}/dia (últimos ${basisDays} dias)`,
  runwayNoSpend: basisDays => `Nenhum gasto nos últimos ${basisDays} dias`,

  statementLabel: 'Extrato do crédito para mensagens',
  statementCaption: (from, to) => `Transações de ${from} a ${to}`,
  statementFilters: 'Filtrar o extrato',
  statementFrom: 'De',
  statementTo: 'Até',
  statementRangeInvalid: 'A data final deve ser igual ou posterior à data inicial.',
  statementType: 'Tipo',
  statementTypeAll: 'Créditos e débitos',
  statementTypeCredits: 'Créditos',
  statementTypeDebits: 'Débitos',
  statementKind: 'Categoria',
  statementKindAll: 'Todas as categorias',
  statementKindFilter: kind => kindFilters[kind],
  statementKindName: kind => kinds[kind] ?? humanizeCode(kind),
  statementDateColumn: 'Data',
  statementDescriptionColumn: 'Descrição',
  statementTypeColumn: 'Tipo',
  statementAmountColumn: 'Valor',
  statementBalanceColumn: 'Saldo após',
  statementTimesNote: 'Dias e horários em UTC.',
  credit: 'Crédito',
  debit: 'Débito',
  statementOpening: 'Saldo inicial',
  statementClosing: 'Saldo final',
  statementDayTotals: (credits, debits) => `Créditos ${credits} · Débitos ${debits}`,
  statementEmpty: 'Nenhuma transação neste período',
  statementUnpriced: (count, formatted) =>
    pluralForm('pt-BR', count, { one: `${formatted} mensagem entregue não tinha preço na sua tabela e não foi cobrada.`, other: `${formatted} mensagens entregues não tinham preço na sua tabela e não foram cobradas.` }),
  statementLoadFailed: 'Não foi possível carregar o extrato.',
  statementLoadMore: 'Carregar mais',
  statementLoadedMore: (count, formatted) => `Mais ${formatted} ${plural(count, 'transação carregada', 'transações carregadas')}.`,
  statementAllLoaded: 'Todas as transações do período estão sendo exibidas.',
  statementLoadMoreFailed: 'Não foi possível carregar mais transações.',
  statementNewEntries: 'Novas transações',
  statementShowNew: 'Mostrar',
  statementDownload: 'Baixar CSV',
  statementDownloading: 'Preparando o download…',
  statementDownloaded: filename => `${filename} baixado`,
  statementDownloadFailed: 'Não foi possível baixar o extrato.',
  statementExportForbidden: 'O download do extrato não está habilitado para esta sessão. Peça ao seu provedor para permitir exportações.',

  capLabel: 'Limite de frequência de marketing',
  capEnable: 'Limitar mensagens de marketing por cliente',
  capMaxMessages: 'Mensagens de marketing por cliente, no máximo',
  capWindowHours: 'Em quantas horas',
  capSummary: (max, formattedMax, hours, formattedHours) =>
    `No máximo ${formattedMax} ${plural(max, 'mensagem', 'mensagens')} de marketing por cliente a cada ${formattedHours} ${plural(hours, 'hora', 'horas')}`,
  capOff: 'Desativado: os clientes podem receber qualquer quantidade das suas mensagens de marketing.',
  capExplanation:
    'Com o limite ativado, o seu sistema de envio o verifica antes de cada mensagem de marketing e pula os clientes que já receberam o máximo no período. Isso protege a sua classificação de qualidade e evita que os clientes se cansem das suas mensagens.',
  capMetaLimits:
    'A Meta também limita quantas mensagens de marketing cada pessoa recebe das empresas, então uma mensagem dentro do seu limite ainda pode não ser entregue.',
  capMaxInvalid: 'Informe um número inteiro de 1 a 100.',
  capWindowInvalid: 'Informe um número inteiro de horas de 1 a 720.',
  capSaved: 'Limite de frequência salvo.',
  capSaveFailed: 'Não foi possível salvar o limite de frequência.',
  capLoadFailed: 'Não foi possível carregar o limite de frequência.',
  capReadOnly: 'Esta sessão pode ver o limite de frequência, mas não tem permissão para alterá-lo.',
} satisfies BillingTerms;

export default terms;
