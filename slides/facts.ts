import { defineFacts, defineSources } from '../src/deck/facts.ts';

/**
 * Where the talk's claims come from. The further-reading slide lists these sources, and each fact
 * that drifts (a version, a date, a default, a tag) names its source and when it was checked.
 */
export const sources = defineSources({
  imageSpec: {
    title: 'OCI Image Format Specification',
    url: 'https://github.com/opencontainers/image-spec',
    group: 'specs',
  },
  distributionSpec: {
    title: 'OCI Distribution Specification',
    url: 'https://github.com/opencontainers/distribution-spec',
    group: 'specs',
  },
  runtimeSpec: {
    title: 'OCI Runtime Specification',
    url: 'https://github.com/opencontainers/runtime-spec',
    group: 'specs',
  },
  cliReference: {
    title: 'docker CLI reference',
    url: 'https://docs.docker.com/reference/cli/docker/',
    group: 'specs',
  },
  storageDrivers: {
    title: 'Storage drivers',
    url: 'https://docs.docker.com/engine/storage/drivers/',
    group: 'docker',
  },
  overlayfs: {
    title: 'OverlayFS storage driver',
    url: 'https://docs.docker.com/engine/storage/drivers/overlayfs-driver/',
    group: 'docker',
  },
  buildCache: {
    title: 'Using the build cache',
    url: 'https://docs.docker.com/build/cache/',
    group: 'docker',
  },
  buildkit: { title: 'BuildKit', url: 'https://docs.docker.com/build/buildkit/', group: 'docker' },
  containerdStore: {
    title: 'containerd image store',
    url: 'https://docs.docker.com/engine/storage/containerd/',
    group: 'docker',
  },
  volumes: { title: 'Volumes', url: 'https://docs.docker.com/engine/storage/volumes/', group: 'docker' },
  userns: {
    title: 'Isolate containers with a user namespace',
    url: 'https://docs.docker.com/engine/security/userns-remap/',
    group: 'facts',
  },
  contentTrust: {
    title: 'Content trust in Docker',
    url: 'https://docs.docker.com/engine/security/trust/',
    group: 'facts',
  },
  engineReleaseNotes: {
    title: 'Docker Engine 29 release notes',
    url: 'https://docs.docker.com/engine/release-notes/29/',
    group: 'facts',
  },
  alpineReleases: {
    title: 'Alpine Linux releases',
    url: 'https://alpinelinux.org/releases/',
    group: 'facts',
  },
  nodeSchedule: {
    title: 'Node.js Release Working Group: schedule.json',
    url: 'https://github.com/nodejs/Release/blob/main/schedule.json',
    group: 'facts',
  },
  nodeImage: { title: 'Docker Official Image: node', url: 'https://hub.docker.com/_/node', group: 'facts' },
  distroless: {
    title: 'distroless: Node.js images',
    url: 'https://github.com/GoogleContainerTools/distroless/blob/main/nodejs/README.md',
    group: 'facts',
  },
  registryImage: {
    title: 'Docker Official Image: registry',
    url: 'https://hub.docker.com/_/registry',
    group: 'facts',
  },
  helloWorldImage: {
    title: 'Docker Official Image: hello-world',
    url: 'https://hub.docker.com/_/hello-world',
    group: 'facts',
  },
  gcrDeprecation: {
    title: 'Prepare for Container Registry shutdown',
    url: 'https://cloud.google.com/artifact-registry/docs/transition/prepare-gcr-shutdown',
    group: 'facts',
  },
});

export const facts = defineFacts(sources, [
  {
    claim:
      'alpine:3.24 is a supported Alpine tag that still moves; 3.20 reached end of life on 2026-04-01 and left the Official Images on 2026-06-09',
    slides: ['tags-vs-digests', 'deleting-doesnt-shrink', 'where-data-lives', 'pid1-and-signals'],
    source: 'alpineReleases',
    checked: '2026-12-05',
    tags: ['alpine:3.24'],
  },
  {
    claim:
      'Node.js 26 is the Active LTS line since 2026-10-28 (supported until 2029-04-30); the talk builds on it; Node.js 24 is in Maintenance LTS since 2026-10-20, with security fixes until 2028-04-30',
    slides: ['the-dockerfile'],
    source: 'nodeSchedule',
    checked: '2026-12-05',
  },
  {
    claim:
      'node:26-alpine (on Alpine 3.24) and node:26-trixie-slim are published tags of the node image, as are node:24-alpine and node:24-trixie-slim; every variant sets ENTRYPOINT ["docker-entrypoint.sh"] and CMD ["node"]',
    slides: ['the-dockerfile', 'dockerfile-to-layers', 'multi-stage'],
    source: 'nodeImage',
    checked: '2026-12-05',
    tags: ['node:26-alpine', 'node:26-trixie-slim'],
  },
  {
    claim:
      'distroless builds its Node images on Debian 13 only (nodejs22, nodejs24 and, since 2026-05-13, nodejs26-debian13); its debian12 Node images stopped being built on 2026-02-27',
    slides: ['multi-stage'],
    source: 'distroless',
    checked: '2026-12-05',
    tags: ['gcr.io/distroless/nodejs26-debian13:nonroot'],
  },
  {
    claim:
      'the official registry image is at 3.x (3.1.1, released 2026-05-01, is 3 and latest); registry:2 is no longer a supported tag',
    slides: ['distribution'],
    source: 'registryImage',
    checked: '2026-12-05',
    tags: ['registry:3'],
  },
  {
    claim: 'hello-world is the Official Image that prints what docker run just did',
    slides: ['title'],
    source: 'helloWorldImage',
    checked: '2026-12-05',
    tags: ['hello-world'],
  },
  {
    claim:
      'the containerd image store is the default on fresh installs of Engine 29.0 (2025-11-10) and later, except with userns-remap, and on clean installs of Docker Desktop 4.34+; an upgraded daemon keeps overlay2',
    slides: ['inside-an-image', 'union-filesystem'],
    source: 'containerdStore',
    checked: '2026-12-05',
  },
  {
    claim: 'BuildKit is the default builder since Engine 23.0',
    slides: ['build-cache', 'multi-stage'],
    source: 'buildkit',
    checked: '2026-12-05',
  },
  {
    claim:
      'Docker Content Trust is retired: the Notary v1 service at notary.docker.io shuts down on 2026-12-08, and docker CLI 29.0 no longer ships Content Trust',
    slides: ['trust-and-moving'],
    source: 'contentTrust',
    checked: '2026-12-05',
  },
  {
    claim:
      'Google Container Registry shut down in stages: writes stopped on 2025-03-18, reads on 2025-06-03, and since 2025-10-14 every gcr.io address is served by Artifact Registry',
    slides: ['distribution'],
    source: 'gcrDeprecation',
    checked: '2026-12-05',
  },
  {
    claim: 'a default docker run creates no user namespace: only userns-remap or rootless mode do',
    slides: ['container-is-a-process'],
    source: 'userns',
    checked: '2026-12-05',
  },
  {
    claim:
      "a private time namespace per container is the default from Engine 29.5.0 (2026-05-14, moby#52326), on kernels that have time namespaces (5.6 and later); older engines share the host's",
    slides: ['container-is-a-process'],
    source: 'engineReleaseNotes',
    checked: '2026-12-05',
  },
  {
    claim: 'docker CLI 29 shows docker image ls as a tree with "Disk usage" and "Content size" columns',
    slides: ['deleting-doesnt-shrink'],
    source: 'cliReference',
    checked: '2026-12-05',
  },
  {
    claim:
      "docker stop sends SIGTERM (or the image's STOPSIGNAL), then SIGKILL after 10 seconds by default on Linux (30 on Windows)",
    slides: ['pid1-and-signals', 'lifecycle'],
    source: 'cliReference',
    checked: '2026-12-05',
  },
]);
