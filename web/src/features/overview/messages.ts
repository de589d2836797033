// 部门概览 / The department's overview.
// 每个键两种语言；en 的键与 zh 相同（类型检查）/ Every key in both languages; en has exactly zh's keys (type-checked).
export const zh = {
  'overview.title': '部门概览',
  'overview.today': '今日',
  'overview.month': '本月',
  'overview.trend': '本月趋势',
  'overview.by_team': '按团队（本月）',
  'overview.team': '团队',
  'overview.dials': '外呼',
  'overview.dials_today': '今日外呼',
  'overview.connects': '接通',
  'overview.connect_rate': '接通率',
  'overview.effective': '有效通话',
  'overview.deals': '成交',
  'overview.revenue': '成交金额',
  'overview.revenue_yuan': '成交金额（元）',
  'overview.payments': '回款',
};

export const en: Record<keyof typeof zh, string> = {
  'overview.title': 'Overview',
  'overview.today': 'Today',
  'overview.month': 'This month',
  'overview.trend': "This month's trend",
  'overview.by_team': 'By team (this month)',
  'overview.team': 'Team',
  'overview.dials': 'Dials',
  'overview.dials_today': 'Dials today',
  'overview.connects': 'Connects',
  'overview.connect_rate': 'Connect rate',
  'overview.effective': 'Effective calls',
  'overview.deals': 'Deals',
  'overview.revenue': 'Revenue',
  'overview.revenue_yuan': 'Revenue (yuan)',
  'overview.payments': 'Payments',
};
