import { defineSlide } from '../src/deck/define.ts';
import { distribution } from './diagrams/distribution.ts';

export default defineSlide({
  id: 'distribution',
  title: 'Distribution: push and pull',
  blocks: [distribution],
  notes: `Images travel through registries: Docker Hub, Amazon ECR, ghcr.io, or Artifact Registry,
which took over gcr.io during 2025. A second push uploads nothing: the registry knows every layer
by digest. Docker Desktop and Engine 29 push one more blob, BuildKit's provenance attestation.`,
  timing: 70,
  demo: '05-distribution/push-pull',
});
