/** Median of a sample (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Runs each measurement `rounds` times, alternating between them (A B A B …) so that a noisy
 * machine slows all of them alike; returns the samples of each, by name.
 */
export async function alternate<T>(
  rounds: number,
  measurements: Record<string, () => Promise<T>>,
): Promise<Record<string, T[]>> {
  const samples: Record<string, T[]> = Object.fromEntries(
    Object.keys(measurements).map((name) => [name, []]),
  );
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, measure] of Object.entries(measurements)) samples[name]!.push(await measure());
  }
  return samples;
}

export function formatMs(value: number): string {
  return `${value.toFixed(0)} ms`;
}
