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
two halves. FROM brings in the base image's own layers, several of them, and COPY, RUN and the second
COPY add one layer each. ENV, EXPOSE, USER and CMD only write settings into the config. We build on
Node 26, the active LTS since October, supported until April 2029; Node 24 is in maintenance now,
and moving between them is this one FROM line and a rebuild.`,
  timing: 60,
  demo: '01-images/build',
});
