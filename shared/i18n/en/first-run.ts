/** English texts of the dashboard's firstRun namespace: the first-run steps, sample data, next steps. */
export default {
  panel: {
    heading: 'Getting started',
    intro: 'Three steps and Office Hours knows when you are free and what each client costs you.',
    stepsLabel: 'Steps',
    done: 'Done',
    notDone: 'Not done yet',
    calendar: {
      title: 'Add a calendar',
      body: 'The link of a calendar feed or an .ics file: it decides when you are free.',
      action: 'Go to Calendars',
    },
    client: {
      title: 'Add a client',
      body: 'With their e-mail domain, so their meetings and calls are counted.',
      action: 'Go to Clients',
    },
    rates: {
      title: 'Set rates',
      body: 'An hourly rate and a weekly allowance of unscheduled calls per client.',
      action: 'Set rates in Clients',
      settings: 'Target rates in Settings',
    },
    progress: '{{done}} of 3 steps done',
  },
  sample: {
    tryHeading: 'Just looking?',
    tryBody:
      'Try Office Hours with sample data: a calendar and three made-up clients with twelve weeks of calls and billed hours. One click removes it again; nothing of yours is touched.',
    try: 'Try with sample data',
    adding: 'Adding sample data…',
    added: 'Sample data added.',
    seeOverview: 'See the clients overview',
    addFailed: 'Could not add the sample data: {{error}}',
    bannerLabel: 'Sample data',
    banner: 'You are looking at sample data.',
    remove: 'Remove sample data',
    removing: 'Removing…',
    removed: 'Sample data removed. Your own data is as it was.',
    removeFailed: 'Could not remove the sample data: {{error}}',
    /** Beside a sample client's name on the Clients screen and the overview. */
    tag: 'Sample',
  },
  next: {
    addCalendar: 'Add your first calendar',
    addClient: 'Add a client',
    addFirstClient: 'Add your first client',
    orSample: 'or',
  },
} as const;
