import { defineSlide } from '../src/deck/define.ts';
import { distribution } from './diagrams/distribution.ts';

export default defineSlide({
  id: 'distribution',
  title: 'Distribution: push and pull',
  blocks: [distribution],
  notes: `Images travel through registries: Docker Hub, Amazon ECR, GitHub's ghcr.io, or Google's
Artifact Registry, which took over every gcr.io address as Google Container Registry shut down, in
stages from March to October 2025.
A second push of the same image says Layer already exists
for every layer, because the registry knows them by digest.`,
  timing: 70,
  demo: '05-distribution/push-pull',
});
