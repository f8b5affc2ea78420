/** English texts of a client's detail: the twelve-week charts, the call rhythm, the case and the link. */
export default {
  back: 'Back to the overview',
  loadFailed: 'Could not load the details of this client: {{error}}',
  period: 'The last twelve weeks: {{range}}',
  showTable: 'Show as table',
  showChart: 'Show as chart',
  kinds: {
    call: 'Calls',
    'missed-call': 'Missed calls',
    voicemail: 'Voicemails',
    'ad-hoc-meeting': 'Ad-hoc meetings',
  },
  weeks: {
    heading: 'Unscheduled contacts and billed hours',
    summary:
      '{{weeks}} weeks: {{contacts}} unscheduled contacts against an allowance of {{allowance}} a week, {{hours}} billed hours in all; most contacts in the week of {{peak}} ({{peakCount}}).',
    summaryNone:
      '{{weeks}} weeks: no unscheduled contacts against an allowance of {{allowance}} a week, {{hours}} billed hours in all.',
    caption: 'Unscheduled contacts by kind and billed hours, per week',
    week: 'Week of',
    unscheduled: 'Unscheduled',
    allowance: 'Allowance',
    billed: 'Billed hours',
    contactsAxis: 'Contacts',
    hoursAxis: 'Hours',
    legend: 'Legend',
    billedLine: 'Billed hours (line)',
    allowanceLine: 'Allowance (dashed)',
  },
  rate: {
    heading: 'Effective rate against the target',
    summary:
      'Effective rate over {{weeks}} weeks with billed hours, from {{first}} to {{last}}, against a target of {{target}}; {{below}} of them below it.',
    summaryNoTarget:
      'Effective rate over {{weeks}} weeks with billed hours, from {{first}} to {{last}}; no target or list rate to compare with.',
    none: 'No week with billed hours yet: the effective rate needs them.',
    target: 'Target rate {{rate}}',
    listAsTarget: 'No target rate set: the list rate {{rate}} stands in (set one in Settings).',
    noTarget: 'No target or list rate set.',
    caption: 'Effective hourly rate per week',
    week: 'Week of',
    effective: 'Effective rate',
    targetColumn: 'Target',
    legendRate: 'Effective rate (line)',
    legendTarget: 'Target (dashed)',
  },
  rhythm: {
    heading: 'When {{name}} calls',
    intro:
      'Unscheduled contacts by weekday and hour of day ({{zone}}) over these twelve weeks: where a standing call would catch them.',
    summary:
      'Unscheduled contacts by weekday and hour; the busiest slot is {{weekday}} at {{hour}} with {{count}}.',
    summaryNone: 'No unscheduled contacts by weekday and hour yet.',
    busiest:
      'Most unscheduled contacts come on {{weekday}} around {{hour}} ({{count}}): a standing call just before then could take them.',
    none: 'No unscheduled contacts yet: there is no pattern to propose a slot from.',
    caption: 'Unscheduled contacts by weekday (rows) and hour of day (columns)',
    weekday: 'Weekday',
    scale: 'Fewer to more contacts',
  },
  recommendation: {
    heading: 'Recommendation: {{label}}',
    newRate: 'Rate that would cover it',
    increase: '+{{percent}}',
    retainer: 'Or a monthly availability retainer',
    walkAway:
      '{{name}} is a large share of your revenue: decide what you will do if they say no before you talk about boundaries or rates.',
    missing: 'Billed hours in {{billedWeeks}} of the {{neededWeeks}} weeks a rate decision needs.',
  },
  link: {
    heading: 'Status link',
    intro:
      'The private page where {{name}} sees whether you can be reached, and until when — nothing else.',
    copy: 'Copy link',
    copied: 'Link copied.',
    preview: 'Preview as {{name}} sees it',
    previewNote: '(opens in a new tab)',
    rotate: 'New link',
    confirm:
      'Make a new link? The current one stops working at once, and {{name}} needs the new one.',
    confirmLabel: 'Confirm a new link for {{name}}',
    confirmYes: 'Make a new link',
    cancel: 'Cancel',
    rotated: 'New link made. The old one no longer works: send the new one to {{name}}.',
    rotateFailed: 'Could not make a new link: {{error}}',
    fallbackLabel: 'Status link of {{name}}',
  },
} as const;
