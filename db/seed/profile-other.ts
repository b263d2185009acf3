// "Other": a coffee roaster in São Paulo texting in Portuguese, on an unlimited plan.
import type { AccountProfile } from './profile';
import { OTHER_POPULATION } from './names';

const SHOP = 'https://cafeaurora.example';

export const OTHER_PROFILE: AccountProfile = {
  name: 'Other',
  timeZone: 'America/Sao_Paulo',
  locale: 'pt-BR',
  country: 'BR',
  currency: 'BRL',
  monthlyCreditsAtS: null,
  overagePricePerCredit: 0,
  helpText: 'Café Aurora: atendimento de seg. a sáb., 8h às 18h, (11) 95555-0100. Responda PARAR para sair.',
  numbers: [
    { e164: '+5511955550100', label: 'São Paulo', kind: 'long_code', ratePerSecond: 10 },
    { e164: '+5521955550101', label: 'Rio de Janeiro', kind: 'long_code', ratePerSecond: 5 },
    { e164: '+13055550133', label: 'Clientes nos EUA', kind: 'long_code', ratePerSecond: 1 },
  ],
  population: OTHER_POPULATION,
  contactShare: 0.22,
  phoneFormat: 'br',
  tags: [
    { name: 'newsletter', share: 0.5, addedAfterDays: [0, 2] },
    { name: 'clientes-2025', share: 0.3, addedAfterDays: [5, 200] },
    { name: 'são-paulo', share: 0.05, zones: ['America/Sao_Paulo', null], zoneShare: 0.6, addedAfterDays: [0, 10] },
    { name: 'rio', share: 0.1, addedAfterDays: [0, 10] },
    { name: 'vip', share: 0.05, addedAfterDays: [30, 300] },
    { name: 'atacado', share: 0.03, addedAfterDays: [0, 30] },
  ],
  surveys: [
    {
      key: 'satisfacao',
      name: 'Pesquisa de satisfação',
      intro: 'Obrigado por escolher a Café Aurora! São só cinco perguntas.',
      thankYou: 'Obrigado! Sua opinião faz nosso café melhor.',
      questions: [
        { kind: 'single_choice', prompt: 'Como você conheceu a Café Aurora?', choices: ['Instagram', 'Indicação de amigo', 'Passei na frente', 'Google', 'Outro'], weights: [38, 28, 18, 10, 6], required: true },
        { kind: 'multiple_choice', prompt: 'O que você comprou?', choices: ['Café em grãos', 'Café moído', 'Pão de queijo', 'Bolos', 'Acessórios'], weights: [55, 35, 40, 25, 10] },
        { kind: 'rating', prompt: 'Que nota você dá para o atendimento?', weights: [3, 5, 12, 30, 50], required: true },
        { kind: 'nps', prompt: 'Qual a chance de você nos recomendar a um amigo?', weights: [1, 1, 1, 2, 3, 5, 6, 10, 16, 25, 30], required: true },
        { kind: 'free_text', prompt: 'O que podemos melhorar?', answers: ['Mais opções sem lactose', 'Atendimento excelente!', 'Entrega mais rápida', 'Abrir aos domingos', 'O pão de queijo é o melhor', 'Preço poderia ser menor', 'Tudo ótimo', 'Mais mesas na loja'], answerShare: 0.45 },
      ],
    },
    {
      key: 'nps-vip',
      name: 'NPS mensal VIP',
      intro: 'Clientes VIP: duas perguntas rápidas.',
      thankYou: 'Valeu! Até o próximo café.',
      questions: [
        { kind: 'nps', prompt: 'Qual a chance de você nos recomendar?', weights: [1, 1, 1, 1, 2, 3, 5, 10, 18, 26, 32], required: true },
        { kind: 'free_text', prompt: 'Qual café você quer provar no próximo mês?', answers: ['Um etíope frutado', 'Mais cafés do Cerrado', 'Descafeinado bom', 'Um blend para espresso'], answerShare: 0.5 },
      ],
    },
  ],
  themes: [
    { key: 'novidades', name: 'Novidades de {month}', body: `Olá {first_name}! Hoje tem pão de queijo quentinho saindo a cada hora na Café Aurora ☕ Peça pelo site: ${SHOP}/pedido`, audience: 'tag:newsletter', perYear: 6, number: 0, replyRate: [0.02, 0.04], clickRate: [0.08, 0.13] },
    { key: 'semana', name: 'Semana do café especial ({month})', body: `{first_name}, semana do café especial: 20% de desconto em grãos selecionados até domingo. Confira: ${SHOP}/graos`, audience: 'all', perYear: 3, number: 0, replyRate: [0.02, 0.035], clickRate: [0.09, 0.14] },
    { key: 'vip', name: 'VIP: novo blend de {month}', body: `Clientes VIP provam primeiro o novo blend Serra Azul nesta sexta. Reserve o seu, {first_name}: ${SHOP}/vip`, audience: 'tag:vip', perYear: 12, number: 0, replyRate: [0.05, 0.09], clickRate: [0.12, 0.2] },
    { key: 'pesquisa', name: 'Pesquisa de satisfação ({month})', body: 'Oi {first_name}, como foi sua experiência na Café Aurora? Responda em 1 minuto: {survey_link}', audience: 'tag:clientes-2025', perYear: 4, number: 0, survey: 'satisfacao', replyRate: [0.01, 0.02] },
    { key: 'pinheiros', name: 'Loja Pinheiros: eventos de {month}', body: `São Paulo: degustação gratuita na loja de Pinheiros neste sábado, das 9h às 12h. Te esperamos, {first_name}! ${SHOP}/pinheiros`, audience: 'tag:são-paulo', perYear: 6, number: 0, replyRate: [0.03, 0.05], clickRate: [0.06, 0.1] },
    { key: 'rio', name: 'Entregas no Rio ({month})', body: `Rio de Janeiro: agora entregamos em Botafogo, Copacabana e Tijuca! Peça: ${SHOP}/rio`, audience: 'tag:rio', perYear: 4, number: 1, replyRate: [0.02, 0.04], clickRate: [0.07, 0.12] },
    { key: 'atacado', name: 'Atacado: tabela de {month}', body: `Atacado: tabela de precos de {month} disponivel. Pedidos ate dia 10 com frete gratis: ${SHOP}/atacado`, audience: 'tag:atacado', perYear: 12, number: 0, replyRate: [0.05, 0.1], clickRate: [0.12, 0.2] },
    { key: 'inverno', name: 'Promocao de inverno', body: `Cafe Aurora: ultima semana da promocao! Leve 3 pacotes e pague 2, {first_name}: ${SHOP}/promo`, audience: 'tag:newsletter', perYear: 2, number: 0, replyRate: [0.015, 0.03], clickRate: [0.1, 0.15] },
  ],
  specials: [
    { key: 'aniversario-loja', name: 'Aniversário da Café Aurora', body: `A Café Aurora faz 5 anos, {first_name}! Hoje e amanhã, 25% de desconto em todo o site e um brinde em compras acima de R$ 80: ${SHOP}/aniversario`, audience: 'all', number: 0, status: 'sent', day: -9, localTime: 9 * 60 + 30, replyRate: [0.03, 0.03], clickRate: [0.12, 0.12] },
    { key: 'dia-do-cafe', name: 'Dia do Café', body: `Dia do Café! Cafezinho grátis em todas as lojas das 8h às 10h, {first_name}. ☕ ${SHOP}/dia-do-cafe`, audience: 'all', number: 0, status: 'scheduled', day: 6, localTime: 7 * 60 + 30 },
    { key: 'vip-degustacao', name: 'Degustação VIP', body: 'Degustação VIP na torrefação, sábado às 10h, {first_name}. Responda SIM para confirmar sua vaga.', audience: 'tag:vip', number: 0, status: 'scheduled', day: 17, localTime: 10 * 60 },
    { key: 'rascunho-natal', name: 'Cestas de Natal (rascunho)', body: `Cestas de Natal com cafés especiais, a partir de R$ 99: ${SHOP}/natal`, audience: 'tag:newsletter', number: 0, status: 'draft', day: -1, localTime: 14 * 60 },
    { key: 'rascunho-rio', name: 'Nova loja no Rio (rascunho)', body: 'Em breve: nossa primeira loja no Rio! Quer ser avisado, {first_name}?', audience: 'tag:rio', number: 1, status: 'draft', day: -4, localTime: 11 * 60 },
    { key: 'cancelada', name: 'Frete grátis no feriado (cancelada)', body: `Frete grátis no feriado, {first_name}! ${SHOP}/feriado`, audience: 'all', number: 0, status: 'canceled', day: -75, localTime: 9 * 60 },
  ],
  followUps: [
    { name: 'Lembrete: {source}', body: `Último dia, {first_name}! A promoção termina hoje à meia-noite: ${SHOP}/ultimo-dia`, share: 0.4 },
  ],
  automations: [
    { key: 'boas-vindas', name: 'Boas-vindas', trigger: 'contact_created', config: { delayMinutes: 2 }, audience: 'all', action: 'send_message', body: `Bem-vindo(a) à Café Aurora, {first_name}! Seu cupom de 10% na primeira compra: ${SHOP}/bem-vindo`, number: 0, activeFromDay: -60, replyRate: [0.03, 0.03], clickRate: [0.18, 0.18] },
    { key: 'aniversario', name: 'Aniversário do cliente', trigger: 'date', config: { dateField: 'birthday', offsetDays: 0, sendTime: '09:00' }, audience: 'all', action: 'send_message', body: 'Feliz aniversário, {first_name}! 🎂 Seu café de hoje é por nossa conta em qualquer loja.', number: 0, activeFromDay: 0, replyRate: [0.1, 0.1] },
    { key: 'promo', name: 'Palavra-chave PROMO', trigger: 'keyword', keyword: 'PROMO', config: {}, audience: 'all', action: 'send_message', body: `Promoções da semana, {first_name}: ${SHOP}/promocoes`, number: 0, activeFromDay: 30, keywordShare: 0.04, replyRate: [0.04, 0.04], clickRate: [0.4, 0.4] },
    { key: 'nps-vip', name: 'NPS mensal VIP', trigger: 'recurring', config: { every: 'month', monthDay: 15, sendTime: '10:00' }, audience: 'tag:vip', action: 'send_survey', survey: 'nps-vip', body: 'Oi {first_name}, duas perguntas rápidas para nossos VIPs: {survey_link}', number: 0, activeFromDay: 45, replyRate: [0.01, 0.01] },
    { key: 'dica', name: 'Dica da semana', trigger: 'recurring', config: { every: 'week', weekday: 4, sendTime: '08:30' }, audience: 'tag:atacado', action: 'send_message', body: 'Dica da semana: moa o café na hora e use água entre 90 e 96 °C para extrair o melhor sabor.', number: 0, activeFromDay: 100, activeUntilDay: 250, replyRate: [0.01, 0.01] },
    { key: 'sao-paulo', name: 'Novo cliente em São Paulo', trigger: 'tag_added', tag: 'são-paulo', config: { delayMinutes: 30 }, audience: 'all', action: 'send_message', body: 'Que bom ter você por perto, {first_name}! Conheça nossa loja de Pinheiros: Rua dos Pinheiros, 1000.', number: 0, activeFromDay: 200, activeUntilDay: 320, replyRate: [0.03, 0.03] },
  ],
  replies: [
    ['Obrigado!', 18], ['Obrigada!', 12], ['Sim', 6], ['Qual o horário de vocês?', 6], ['Ainda tem?', 5], ['Quanto custa?', 5], ['Top!', 5],
    ['Vou passar aí amanhã', 4], ['Não, obrigado', 4], ['Quem é?', 3], ['👍', 6], ['Vocês entregam em Campinas?', 3], ['Ótimo', 5],
    ['Tem desconto no atacado?', 2], ['Amei ❤️', 3],
  ],
  optOuts: [
    ['STOP', 30], ['PARAR', 20], ['Sair', 12], ['Parar por favor', 8], ['Stop', 8], ['Descadastrar', 6], ['cancelar', 6], ['Pare de mandar', 3],
  ],
  optIns: [['START', 80], ['Unstop', 20]],
  help: [['AJUDA', 60], ['HELP', 40]],
  unprompted: [['Bom dia, vocês abrem no domingo?', 3], ['Vocês vendem cápsulas?', 2], ['Oi, tudo bem?', 2]],
  months: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
};
