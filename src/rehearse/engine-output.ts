/**
 * Reading what the engine printed: pure functions over the text of docker commands, so what a
 * claim decides is unit-tested without an engine.
 */

/** A size as docker prints it (`105MB`, `1.99MB`, `0B`, `821B`, `1.2kB`): decimal units, as docker uses. */
export function parseDockerSize(text: string): number {
  const match = /^([\d.]+)\s*([kKMGT]?B)$/.exec(text.trim());
  if (!match) throw new Error(`not a docker size: "${text}"`);
  const factor: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 };
  return Number(match[1]) * factor[match[2]!]!;
}

export interface HistoryRow {
  createdBy: string;
  bytes: number;
}

/** `docker image history` (default table), newest first as docker prints it. */
export function parseHistory(output: string): HistoryRow[] {
  const lines = output.split('\n').filter((line) => line.trim() !== '');
  const header = lines.shift() ?? '';
  const createdByAt = header.indexOf('CREATED BY');
  const sizeAt = header.indexOf('SIZE');
  if (createdByAt < 0 || sizeAt < 0) throw new Error('not the output of docker image history');
  return lines.map((line) => ({
    createdBy: line.slice(createdByAt, sizeAt).trim(),
    bytes: parseDockerSize(line.slice(sizeAt).trim().split(/\s+/)[0]!),
  }));
}

export interface BuildStep {
  /** `[2/4] COPY app/package.json …` without the vertex number. */
  name: string;
  /** BuildKit reused the step's result (`#6 CACHED`). */
  cached: boolean;
}

/** The Dockerfile steps of a BuildKit `--progress=plain` build, in Dockerfile order. */
export function parseBuildSteps(output: string): BuildStep[] {
  const names = new Map<string, string>();
  const cached = new Set<string>();
  for (const line of output.split('\n')) {
    const step = /^#(\d+) (\[(?:[\w-]+ )?\d+\/\d+\] .*)$/.exec(line);
    if (step) names.set(step[1]!, step[2]!);
    const hit = /^#(\d+) CACHED$/.exec(line.trim());
    if (hit) cached.add(hit[1]!);
  }
  const order = (name: string) => Number(/\[(?:[\w-]+ )?(\d+)\//.exec(name)![1]);
  return [...names]
    .map(([vertex, name]) => ({ name, cached: cached.has(vertex) }))
    .sort((a, b) => order(a.name) - order(b.name));
}

/** Lines of `docker diff`, as a sorted set: the engine keeps no order that a slide could promise. */
export function diffLineSet(output: string): string[] {
  return [
    ...new Set(
      output
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /^[ACD] \//.test(line)),
    ),
  ].sort();
}

/** `docker ps -s` SIZE cells: `821B (virtual 148MB)` → own and virtual bytes. */
export function parseContainerSize(cell: string): { own: number; virtual: number } {
  const match = /^(\S+) \(virtual (\S+)\)$/.exec(cell.trim());
  if (!match) throw new Error(`not a docker ps -s size: "${cell}"`);
  return { own: parseDockerSize(match[1]!), virtual: parseDockerSize(match[2]!) };
}

/** The SIZE column of `docker ps -s` per container name. */
export function parsePsSizes(output: string): Map<string, { own: number; virtual: number }> {
  const lines = output.split('\n').filter((line) => line.trim() !== '');
  const header = lines.shift() ?? '';
  const namesAt = header.indexOf('NAMES');
  const sizeAt = header.indexOf('SIZE');
  if (namesAt < 0 || sizeAt < 0) throw new Error('not the output of docker ps -s');
  return new Map(
    lines.map((line) => [line.slice(namesAt, sizeAt).trim(), parseContainerSize(line.slice(sizeAt))]),
  );
}

/** Seconds from bash's `time` output (`real\t0m10.124s`). */
export function parseRealSeconds(stderr: string): number {
  const match = /real\s+(\d+)m([\d.]+)s/.exec(stderr);
  if (!match) throw new Error('no "real" line from time');
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Layer lines of `docker push` / `docker pull` by what happened to them. */
export function layerOutcomes(output: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of output.split('\n')) {
    const match =
      /^[0-9a-f]{12}: (Pushed|Layer already exists|Already exists|Pull complete|Mounted from .*)$/.exec(
        line.trim(),
      );
    if (match) counts[match[1]!] = (counts[match[1]!] ?? 0) + 1;
  }
  return counts;
}

export interface OverlayMount {
  /** The read-only directories, top first, as the kernel lists them. */
  lower: string[];
  upper: string;
}

/**
 * The overlay mount on `/` from a container's `/proc/mounts`: the one line, or the same split
 * at `,` and `:` into one option or directory a line (as the demo prints it, to be readable).
 */
export function parseOverlayMount(output: string): OverlayMount | undefined {
  const lines = output.split('\n').map((line) => line.trim());
  const start = lines.findIndex((line) => /^overlay \/ overlay\b/.test(line));
  if (start < 0) return undefined;
  const parts = lines
    .slice(start)
    .join(',')
    .split(',')
    .flatMap((part) => (part.startsWith('lowerdir=') ? part.split(':') : [part]));
  const lower: string[] = [];
  let upper = '';
  let inLower = false;
  for (const part of parts) {
    if (part.startsWith('lowerdir=')) {
      inLower = true;
      lower.push(part.slice('lowerdir='.length));
    } else if (inLower && part.startsWith('/')) lower.push(part);
    else {
      inLower = false;
      if (part.startsWith('upperdir=')) upper = part.slice('upperdir='.length);
    }
  }
  return { lower: lower.filter(Boolean), upper };
}
