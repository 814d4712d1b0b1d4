import { defineDeckConfig } from '../src/deck/define.ts';
import { datedFacts } from '../src/deck/facts.ts';
import { facts, sources } from './facts.ts';

export default defineDeckConfig({
  title: 'Docker: Images vs Containers',
  author: 'The docker-talk team',
  subject: 'What you ship (an image) and what runs (a container), and why the difference matters',
  talkMinutes: 25,
  // No `url` until the talk has its page: a QR code to a placeholder would be shown to the room.
  // Set it then (url: 'https://…', where the slides are published): the title and last slides
  // and the handouts carry it as a QR code.
  facts: datedFacts(facts, sources),
});
