/** English texts of the Status screen and its override buttons. */
export default {
  title: 'Status',
  loadFailed: 'Could not load the status: {{error}}',
  until: 'Until',
  noChange: 'no change known',
  next: 'Next',
  nextAt: '{{state}} at {{time}}',
  nothingScheduled: 'nothing scheduled',
  setByHand: 'Set by hand',
  mode: { available: 'Available', unavailable: 'Unavailable' },
  forDuration: '{{mode}} for {{duration}}',
  untilChosen: '{{mode}} until the chosen time',
  untilTime: 'Until time',
  chooseTime: 'Choose a time first.',
  followCalendar: 'Follow calendar',
  calendarDecides: 'The calendar decides now.',
} as const;
