import { bullets, columns, defineSlide, text } from '../src/deck/define.ts';
import { factsCheckedOn, sourcesIn } from '../src/deck/facts.ts';
import { facts, sources } from './facts.ts';

export default defineSlide({
  id: 'further-reading',
  title: 'Further reading',
  blocks: [
    columns({
      leftTitle: 'Specifications and CLI',
      left: [
        bullets(sourcesIn(sources, 'specs').map((source) => ({ text: source.title, link: source.url }))),
      ],
      rightTitle: 'Docker docs',
      right: [
        bullets(sourcesIn(sources, 'docker').map((source) => ({ text: source.title, link: source.url }))),
      ],
    }),
    text(`Versions, dates and defaults checked on ${factsCheckedOn(facts)}.`, {
      variant: 'small',
    }),
  ],
  notes: `Everything on these slides comes from these pages, so they are the place to check me. The
OCI specifications describe the image format, the registry protocol and the runtime config. The
Docker docs pages go deeper into storage, the build cache and volumes. The versions, dates and
defaults in this talk drift, so each of them is listed with its source and the day it was checked.
Thank you.`,
  timing: 20,
});
