/** English texts shared by every screen: the app shell, navigation, buttons used everywhere. */
export default {
  appName: 'Office Hours',
  nav: {
    label: 'Screens',
    overview: 'Overview',
    status: 'Status',
    today: 'Today',
    calendars: 'Calendars',
    rules: 'Rules',
    clients: 'Clients',
    rateCase: 'Rate case',
    import: 'Import',
    settings: 'Settings',
  },
  loading: 'Loading…',
  screenLoadFailed: 'This screen could not be loaded: {{error}}. Reload the page to try again.',
  cancel: 'Cancel',
  copyFallbackHint:
    'Copying was not allowed here: the text is selected, press Ctrl+C (⌘C on a Mac).',
  now: 'now',
  state: {
    available: 'Available',
    focus: 'In a focus block',
    meeting: 'In a meeting',
    away: 'Away',
    'off-hours': 'Off hours',
  },
  stateShort: {
    available: 'Free',
    focus: 'Focus',
    meeting: 'Meeting',
    away: 'Away',
    'off-hours': 'Off hours',
  },
  needsLink: {
    title: 'Open the dashboard link',
    body: 'This page needs the link that <code>office-hours serve</code> printed (it ends in <code>#token=…</code>). Open that link, or restart <code>serve</code> for a new one.',
  },
} as const;
