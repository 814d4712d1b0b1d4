import { code, defineSlide } from '../src/deck/define.ts';

export default defineSlide({
  id: 'multi-stage',
  title: 'Multi-stage builds: ship only what runs',
  blocks: [
    code({
      file: 'Dockerfile.multistage',
      language: 'dockerfile',
      highlight: '1,7-8',
      caption: 'Dockerfile.multistage: build with npm, ship node and the app',
    }),
  ],
  notes: `A multi-stage build gives you a workshop and a shipping box. The build stage has npm and
everything needed to install, and the final stage starts from a distroless Node image and takes only
/app from it, with COPY --from=build. Only the last stage becomes your image; BuildKit skips stages
the target does not need.`,
  timing: 70,
  demo: '02-builds/multi-stage',
});
