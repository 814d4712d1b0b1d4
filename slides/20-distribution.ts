import { defineSlide } from '../src/deck/define.ts';
import { distribution } from './diagrams/distribution.ts';

export default defineSlide({
  id: 'distribution',
  title: 'Distribution: push and pull',
  blocks: [distribution],
  notes: `Images travel through registries: Docker Hub, Amazon ECR, GitHub's ghcr.io, or Google's
Artifact Registry, which took over gcr.io when Google Container Registry shut down in March 2025.
Demo: docker run -d --name registry -p 5000:5000 registry:2, then docker tag hello-layers
localhost:5000/hello-layers:1.0 and docker push it twice. The second push says Layer already exists
for every layer, because the registry knows them by digest.`,
  timing: 70,
});
