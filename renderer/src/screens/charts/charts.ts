/** The client detail's charts, as one script loaded on demand (see client-detail-screen.tsx). */
export { RateChart } from './rate-chart.js';
export { RhythmGrid } from './rhythm-grid.js';
export { WeeksChart } from './weeks-chart.js';
