/**
 * Commands that only a real registry can answer: offline they are reported as "needs a
 * registry: not rehearsed", never counted as passed. A pull from the demo's own registry on
 * localhost is not one of them.
 */
const NEEDS_REGISTRY: readonly RegExp[] = [
  /^docker\s+buildx\s+imagetools\s/,
  /^docker\s+(image\s+)?pull\s+(?!localhost[:/]|127\.0\.0\.1[:/])/,
];

export function needsRegistry(command: string): boolean {
  return NEEDS_REGISTRY.some((pattern) => pattern.test(command.trim()));
}

/** Host ports a command publishes (`-p 127.0.0.1:8081:3000`, `-p 8081:3000`), with their address. */
export function publishedPorts(command: string): { address: string; port: number }[] {
  const ports: { address: string; port: number }[] = [];
  for (const match of command.matchAll(/(?:^|\s)(?:-p|--publish)[\s=]+(\S+)/g)) {
    const parts = match[1]!.split(':');
    if (parts.length === 3) ports.push({ address: parts[0]!, port: Number(parts[1]) });
    else if (parts.length === 2) ports.push({ address: '0.0.0.0', port: Number(parts[0]) });
  }
  return ports;
}
