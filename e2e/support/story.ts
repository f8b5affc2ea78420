/** The shape of the story's steps (`e2e/story.spec.ts`), so a step can live in a file of its own. */
import type { Page } from '@playwright/test';
import type { AppPage } from '../pages/app-page.js';
import type { Translate } from '../pages/translate.js';
import type { IcsServer } from './ics-server.js';
import type { ServeProcess } from './serve-process.js';
import type { Language } from '../../shared/i18n/index.js';

/** What every step of the story gets. */
export interface Story {
  app: AppPage;
  page: Page;
  serve: ServeProcess;
  ics: IcsServer;
  language: Language;
  /** Catalogue texts in the run's language. */
  t: Translate;
  /** Picks the run's language from texts written side by side (texts not in the catalogues). */
  say: <T>(texts: Record<Language, T>) => T;
}

/** One step: a title for the report and what it does and checks. */
export interface StoryStep {
  title: string;
  run: (s: Story) => Promise<void>;
}
