/** Colours, canvas size and type sizes of the progress chart. */

export const COLORS = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#5f6368',
  met: '#2e7d32',
  notMet: '#e65100',
  noTarget: '#5c7cad',
  noDataFill: '#f4f4f4',
  noDataLine: '#9e9e9e',
  noDataText: '#6b6b6b',
  target: '#1a3c8f',
  grid: '#e3e3e3',
  axis: '#9a9a9a',
  separator: '#d0d0d0',
  onBar: '#ffffff',
} as const;

export const W = 1000;
export const PAD = 32;
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
