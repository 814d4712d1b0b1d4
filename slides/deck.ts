import { defineDeckConfig } from '../src/deck/define.ts';
import { datedFacts } from '../src/deck/facts.ts';
import { facts, sources } from './facts.ts';

export default defineDeckConfig({
  title: 'Docker: Images vs Containers',
  author: 'The docker-talk team',
  subject: 'What you ship (an image) and what runs (a container), and why the difference matters',
  talkMinutes: 25,
  facts: datedFacts(facts, sources),
});
