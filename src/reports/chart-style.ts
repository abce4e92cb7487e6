/** Colours, canvas size and type sizes of the progress chart. */

export const COLORS = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#5f6368',
  met: '#2e7d32',
  notMet: '#e65100',
  /** A figure with no target to judge it by. */
  noTarget: '#8a9099',
  /** A figure with a target but no verdict (an estimate that may fall either side). */
  unsure: '#b08900',
  noDataFill: '#f1f1f1',
  noDataLine: '#9e9e9e',
  noDataText: '#6b6b6b',
  target: '#1a3c8f',
  grid: '#e3e3e3',
  axis: '#9a9a9a',
  onBar: '#ffffff',
} as const;

/** Width of the picture, and the margin around everything. */
export const W = 1000;
export const PAD = 24;

export const FONT = {
  title: 30,
  subtitle: 19,
  legend: 19,
  axis: 17,
  group: 21,
  target: 18,
  unit: 19,
  value: 19,
} as const;

/** The legend's wording, which is also the colour scale's domain. */
export const STATUS = {
  met: 'Đạt',
  notMet: 'Chưa đạt',
  noTarget: 'Chưa có chỉ tiêu',
  unsure: 'Chưa rõ đạt hay chưa',
  noData: 'Chưa báo cáo',
} as const;

export type BarStatus = keyof typeof STATUS;
