/**
 * Numbers written the Vietnamese way: dot for thousands, comma for decimals. One implementation
 * for the chat replies, the ask-back questions and the chart.
 * @example viNumber(1234.5) === '1.234,5'; viNumber(85.55, 1) === '85,6'; percentLabel(80) === '80%'
 */
export function viNumber(n: number, decimals = 2): string {
  const f = 10 ** decimals;
  const [int, dec] = String(Math.round(n * f) / f).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return dec ? `${grouped},${dec}` : grouped;
}

/** 85.5 → "85,5%"; 80 → "80%" (one decimal at most). */
export function percentLabel(p: number): string {
  return `${viNumber(p, 1)}%`;
}
