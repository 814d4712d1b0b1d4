import { defineSlide, image, text } from '../src/deck/define.ts';

export default defineSlide({
  id: 'title',
  layout: 'title',
  title: 'Docker: Images vs Containers',
  subtitle: 'What you ship, and what runs',
  blocks: [
    image({
      file: 'layers-and-container.svg',
      alt: 'Three read-only image layers with a thin writable container layer on top',
      height: 260,
    }),
    text('A 25-minute tour for developers new to containers', { variant: 'small' }),
  ],
  notes: `Let me start with the first command most of us ever typed: docker run hello-world. It
printed a friendly paragraph and exited, and we moved on without asking what just happened. In the
next twenty-five minutes we take that one line apart: what was downloaded, what was created, what
ran, and what is still on your disk afterwards. The short version: an image is what you ship, a
container is what runs.`,
  timing: 45,
  demo: '01-images/hello',
});
