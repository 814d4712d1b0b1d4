import { code, defineSlide, text } from '../src/deck/define.ts';

export default defineSlide({
  id: 'the-dockerfile',
  title: "Today's Dockerfile",
  blocks: [
    code({
      file: 'Dockerfile',
      language: 'dockerfile',
      highlight: '2-5',
      caption: 'assets/examples/Dockerfile',
    }),
    text('Lines 2–5 change files; lines 6–9 only change the config.', { variant: 'body' }),
  ],
  notes: `This is the Dockerfile we will build all afternoon: a tiny Node web app. Notice the two halves.
FROM, COPY, RUN and COPY again change files, so each of them becomes a layer. ENV, EXPOSE, USER and
CMD only write settings into the image config. Demo: docker build -t hello-layers . and then
docker image history hello-layers, and point at the 0B rows.`,
  timing: 90,
});
