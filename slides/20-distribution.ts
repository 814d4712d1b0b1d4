import { defineSlide } from '../src/deck/define.ts';
import { distribution } from './diagrams/distribution.ts';

export default defineSlide({
  id: 'distribution',
  title: 'Distribution: push and pull',
  blocks: [distribution],
  notes: `Images travel through registries: Docker Hub, Amazon ECR, GitHub's ghcr.io, or Google's
Artifact Registry, which took over every gcr.io address as Google Container Registry shut down, in
stages from March to October 2025. A second push of the same image uploads nothing: every layer
already exists, because the registry knows it by digest. On Docker Desktop and Engine 29 you see
one more blob, BuildKit's provenance attestation, and the pull may leave out the layers it has.`,
  timing: 70,
  demo: '05-distribution/push-pull',
});
