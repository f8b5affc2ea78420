/** English texts of the Clients overview: every client over one period, sortable. */
export default {
  title: 'Overview',
  intro:
    'Every client over one period: unscheduled contacts against the allowance, and what they pay.',
  loadFailed: 'Could not load the overview: {{error}}',
  noClients: 'No clients yet. Add one on the Clients screen and the overview compares them here.',
  period: {
    legend: 'Period',
    last12Weeks: 'Last 12 weeks',
    thisWeek: 'This week',
    thisMonth: 'This month',
    chosen: 'Chosen period',
    from: 'From',
    to: 'To',
    showing: 'Showing {{range}}',
    firstDay: 'Choose the first day.',
    lastDay: 'Choose the last day.',
    order: 'The last day is before the first day.',
    tooShort_one:
      'A rate decision needs billed hours in {{need}} weeks; this period covers {{count}} week, so the recommendations cannot be more than "not enough data yet".',
    tooShort_other:
      'A rate decision needs billed hours in {{need}} weeks; this period covers {{count}} weeks, so the recommendations cannot be more than "not enough data yet".',
    showLast12Weeks: 'Show the last 12 weeks',
  },
  caption: 'Clients from {{range}}',
  columns: {
    client: 'Client',
    unscheduled: 'Unscheduled contacts',
    billed: 'Billed hours',
    revenue: 'Revenue',
    rate: 'Effective rate',
    share: 'Share of revenue',
    recommendation: 'Recommendation',
  },
  sortHint: 'Sort by a column with its heading button.',
  cell: {
    unscheduled: '{{adHoc}} of {{allowance}}',
    over: '{{over}} over',
    within: 'within',
    hours: '{{hours}} h',
    rateOfList: 'of {{list}} list rate ({{share}})',
    noListRate: 'no list rate',
    none: '–',
  },
  openDetail: 'Details of {{name}}',
  recommendation: {
    'within-boundaries': 'Within boundaries',
    'not-enough-data': 'Not enough data yet',
    'propose-standing-call': 'Propose a standing call',
    'raise-rate': 'Raise the rate',
  },
  walkAway: 'large share: decide your walk-away point first',
} as const;
