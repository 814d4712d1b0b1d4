import { defineDeckConfig } from '../src/deck/define.ts';
import { datedFacts } from '../src/deck/facts.ts';
import { facts, sources } from './facts.ts';

export default defineDeckConfig({
  title: 'Docker: Images vs Containers',
  author: 'The docker-talk team',
  subject: 'What you ship (an image) and what runs (a container), and why the difference matters',
  talkMinutes: 25,
  // Where the slides are published: the title and last slides and the handouts carry it as a
  // QR code. example.org until the talk has its page (replace it then, or remove the line).
  url: 'https://example.org/talks/docker-images-vs-containers/',
  facts: datedFacts(facts, sources),
});
