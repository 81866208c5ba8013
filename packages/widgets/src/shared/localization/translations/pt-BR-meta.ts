import { humanizeCode } from '../codes.js';
import type { MetaTerms } from '../meta-terms.js';
import type { QualityRating } from '../../api/types.js';
import { plural as pluralForm } from '../plural.js';

const ratings: Record<QualityRating, string> = { GREEN: 'Alta', YELLOW: 'Média', RED: 'Baixa', UNKNOWN: 'Ainda sem avaliação' };
const lastWeek =
  'A qualidade reflete como as pessoas receberam suas mensagens nos últimos 7 dias: bloqueios, denúncias e feedback.';
const meanings: Record<QualityRating, string> = {
  GREEN: `${lastWeek} As pessoas estão recebendo bem suas mensagens.`,
  YELLOW: `${lastWeek} Algumas pessoas bloquearam ou denunciaram suas mensagens; a avaliação pode cair para baixa.`,
  RED: `${lastWeek} Muitas pessoas bloquearam ou denunciaram suas mensagens. Com qualidade baixa, a Meta pode pausar modelos ou restringir este número.`,
  UNKNOWN: 'A Meta ainda não avaliou este número, geralmente porque ele enviou poucas mensagens até agora.',
};
const advice: Record<QualityRating, string> = {
  GREEN: 'Continue assim: envie só mensagens que as pessoas aceitaram receber e esperam, e respeite todo pedido de descadastro.',
  YELLOW: 'Envie só mensagens relevantes, que as pessoas aceitaram receber e esperam, respeite os descadastros, envie com menos frequência e acompanhe a qualidade de cada modelo.',
  RED: 'Pause as campanhas que estão sendo bloqueadas, envie só para quem aceitou receber e espera suas mensagens, respeite todo descadastro e corrija ou pare os modelos de baixa qualidade.',
  UNKNOWN: 'Comece com mensagens que as pessoas aceitaram receber e esperam; a avaliação aparece quando a Meta tiver feedback suficiente.',
};
const statuses: Record<string, string> = {
  CONNECTED: 'Conectado',
  PENDING: 'Pendente',
  FLAGGED: 'Sinalizado',
  RESTRICTED: 'Restrito',
  DISCONNECTED: 'Desconectado',
  LINKED: 'Vinculado',
  UNVERIFIED: 'Não verificado',
  MIGRATED: 'Migrado',
  BANNED: 'Banido',
  DELETED: 'Excluído',
};
const nameStatuses: Record<string, string> = {
  APPROVED: 'Nome de exibição aprovado',
  AVAILABLE_WITHOUT_REVIEW: 'Nome de exibição disponível sem análise',
  DECLINED: 'Nome de exibição recusado',
  EXPIRED: 'Nome de exibição expirado',
  PENDING_REVIEW: 'Nome de exibição em análise',
  NONE: 'Nenhum nome de exibição enviado',
};
const events: Record<string, string> = {
  ONBOARDING: 'Número em registro',
  THROUGHPUT_UPGRADE: 'Capacidade de envio ampliada',
  FLAGGED: 'Número sinalizado',
  UNFLAGGED: 'Sinalização removida',
  UPGRADE: 'Limite de mensagens aumentado',
  DOWNGRADE: 'Limite de mensagens reduzido',
  BUSINESS_CAPABILITY_UPDATE: 'Limite de mensagens atualizado',
  QUALITY_CHANGED: 'Avaliação de qualidade alterada',
  LIMIT_CHANGED: 'Limite de mensagens alterado',
};
const categories: Record<string, string> = {
  marketing: 'Marketing',
  marketing_lite: 'Marketing Lite',
  utility: 'Utilidade',
  authentication: 'Autenticação',
  authentication_international: 'Autenticação (internacional)',
  service: 'Atendimento',
};
const markets: Record<string, string> = {
  NORTH_AMERICA: 'América do Norte',
  REST_OF_AFRICA: 'Resto da África',
  REST_OF_ASIA_PACIFIC: 'Resto da Ásia-Pacífico',
  REST_OF_CENTRAL_EASTERN_EUROPE: 'Resto da Europa Central e Oriental',
  REST_OF_LATIN_AMERICA: 'Resto da América Latina',
  REST_OF_MIDDLE_EAST: 'Resto do Oriente Médio',
  REST_OF_WESTERN_EUROPE: 'Resto da Europa Ocidental',
  OTHER: 'Outros',
};
const plural = (count: number, one: string, other: string) => pluralForm('pt-BR', count, { one, other });

/** Brazilian Portuguese terms of `<wa-number>`, `<wa-quality>`, `<wa-quota>` and `<wa-rate-card>`. */
const terms = {
  qualityRating: rating => ratings[rating] ?? humanizeCode(rating),
  qualityMeaning: rating => meanings[rating] ?? meanings.UNKNOWN,
  qualityAdvice: rating => advice[rating] ?? advice.UNKNOWN,
  qualityChip: rating => `Qualidade: ${rating}`,

  numberLabel: 'Número do WhatsApp',
  numberStatus: status => statuses[status] ?? humanizeCode(status),
  nameStatus: status => nameStatuses[status] ?? `Nome de exibição: ${humanizeCode(status).toLowerCase()}`,
  noNumber: 'Nenhum número do WhatsApp conectado ainda.',
  numberLoadFailed: 'Não foi possível carregar o número.',

  qualityLabel: 'Avaliação de qualidade',
  refresh: 'Atualizar',
  qualityStale: time => `A Meta não respondeu — mostrando a avaliação das ${time}`,
  qualityStaleNoTime: 'A Meta não respondeu — mostrando a última avaliação conhecida',
  qualityRefreshFailed: time => `Não foi possível atualizar: a Meta não respondeu. Mostrando a avaliação das ${time}`,
  qualityRefreshFailedNoTime: 'Não foi possível atualizar: a Meta não respondeu. Mostrando a última avaliação conhecida',
  qualityChecked: time => `Verificada ${time}`,
  qualityPolicyLink: 'Política de Mensagens do WhatsApp Business',
  opensInNewTab: '(abre em uma nova aba)',
  qualityHistoryLabel: 'Mudanças de qualidade e de limite',
  qualityHistoryEmpty: 'Nenhuma mudança ainda. As mudanças da avaliação de qualidade e do limite de mensagens aparecerão aqui.',
  qualityEvent: event => events[event] ?? humanizeCode(event),
  historyTier: tier => `Limite: ${tier}`,
  qualityLoadFailed: 'Não foi possível carregar a avaliação de qualidade.',

  quotaLabel: 'Limite diário de mensagens',
  quotaLimit: (count, hours) => `${count} clientes únicos / ${hours} h`,
  quotaUnlimited: 'Ilimitado',
  quotaNotSet: 'Não definido',
  quotaShared: 'O limite é compartilhado por todos os números do seu portfólio empresarial.',
  quotaStale: time => `A Meta não respondeu — mostrando o limite das ${time}`,
  quotaStaleNoTime: 'A Meta não respondeu — mostrando o último limite conhecido',
  quotaRefreshFailed: time => `Não foi possível atualizar: a Meta não respondeu. Mostrando o limite das ${time}`,
  quotaRefreshFailedNoTime: 'Não foi possível atualizar: a Meta não respondeu. Mostrando o último limite conhecido',
  quotaLoadFailed: 'Não foi possível carregar o limite de mensagens.',
  usageButton: 'Ver uso das últimas 24 h',
  usageLabel: 'Clientes únicos nas últimas 24 h',
  usageOf: (used, limit) => `${used} de ${limit} clientes`,
  usageCount: (count, formatted) => `${formatted} ${plural(count, 'cliente', 'clientes')} nas últimas 24 h`,
  usageHeadroom: (remaining, formatted) =>
    `Você ainda pode alcançar ${formatted} ${plural(remaining, 'cliente', 'clientes')} agora`,
  usageLimitReached: 'Você atingiu o limite: novos clientes poderão ser alcançados à medida que os anteriores saírem da janela de 24 horas.',
  usageProjection: (pace, formattedPace, time) =>
    `No ritmo atual (${formattedPace} ${plural(pace, 'cliente novo', 'clientes novos')} na última hora), o limite seria atingido por volta das ${time}`,
  usageByNumber: 'Clientes por número',
  usageNumberColumn: 'Número',
  usageCustomersColumn: 'Clientes',
  usageUnnamedNumber: 'Número sem número de exibição',
  usageLoadFailed: 'Não foi possível carregar o uso.',

  rateCardLabel: 'Preços das mensagens',
  rateCardCaption: currency => `Preço por mensagem entregue, em ${currency}`,
  rateCardSearch: 'Buscar mercados',
  rateCardCount: (count, formatted) => `${formatted} ${plural(count, 'mercado', 'mercados')}`,
  rateCardNoMatch: query => `Nenhum mercado corresponde a “${query}”.`,
  rateCardEmpty: 'Nenhum preço foi definido ainda.',
  rateCardMarketColumn: 'Mercado',
  pricingCategory: category => categories[category] ?? humanizeCode(category),
  marketName: (code, fallback) => markets[code] ?? fallback,
  noPrice: 'Indisponível',
  rateCardLoadFailed: 'Não foi possível carregar os preços.',
  estimatorLabel: 'Calcular o custo desta campanha',
  estimatorHint: 'Uma estimativa para uma mensagem entregue por pessoa.',
  estimatorMarket: 'Mercado',
  estimatorCategory: 'Categoria',
  estimatorAudience: 'Pessoas',
  estimatorCost: 'Custo estimado',
  estimatorRow: row => `Linha ${row}`,
  estimatorAddRow: 'Adicionar mercado',
  estimatorRemoveRow: row => `Remover linha ${row}`,
  estimatorInvalidAudience: 'Informe um número inteiro de pessoas.',
  estimatorNoPrice: 'Sem preço para esta categoria neste mercado.',
  estimatorTotal: amount => `Total estimado: ${amount}`,
  estimatorCovered: balance => `Seu saldo de ${balance} cobre esta campanha`,
  estimatorShortfall: missing => `Faltam ${missing}`,
  estimatorBalanceUnavailable: 'Não foi possível carregar seu saldo para comparar.',
} satisfies MetaTerms;

export default terms;
