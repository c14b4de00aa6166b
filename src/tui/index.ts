export { App, MODEL_CYCLE, MIN_COLUMNS, MIN_ROWS, type AppProps, type SaveResult } from './App.js';
export { renderChart, type ChartInput } from './chart-text.js';
export { createTheme, resolveTheme, type Theme } from './theme.js';
