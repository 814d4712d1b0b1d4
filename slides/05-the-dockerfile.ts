import { code, defineSlide, text } from '../src/deck/define.ts';

export default defineSlide({
  id: 'the-dockerfile',
  title: 'Today’s Dockerfile',
  blocks: [
    code({
      file: 'Dockerfile',
      language: 'dockerfile',
      highlight: '1-4',
      caption: 'assets/examples/Dockerfile',
    }),
    text('Lines 1–4 change files; lines 5–8 only change the config.'),
  ],
  notes: `This is the Dockerfile we use for the rest of the talk: a tiny Node web server. Look at the
two halves. FROM, COPY, RUN and the second COPY change files, so each of them becomes a layer, while
ENV, EXPOSE, USER and CMD only write settings into the config.`,
  timing: 60,
  demo: '01-images/build',
});
