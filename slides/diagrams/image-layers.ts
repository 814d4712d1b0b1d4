import { defineDiagram } from '../../src/deck/define.ts';

/**
 * The talk's Dockerfile as an image: the base image's layers (several: one box here), then one
 * read-only layer per instruction that changes files, stacked bottom-up; the instructions that only
 * change the config become badges beside it.
 * A rank spacing of 20, not less: tighter, the top box covered the subgraph's title.
 */
export const imageLayers = defineDiagram({
  id: 'image-layers',
  title: 'The image built from the talk’s Dockerfile',
  description:
    'Read-only layers stacked from the bottom: the several layers of the node:26-alpine base image, then one layer each for the package files, the installed dependencies and the app source. Beside the stack, the image config holds ENV, EXPOSE, USER and CMD, which add no layer; the ENTRYPOINT docker-entrypoint.sh comes from the base image.',
  source: `---
config:
  flowchart:
    rankSpacing: 20
    nodeSpacing: 40
    padding: 10
---
flowchart LR
  subgraph stack [" image layers (read-only) "]
    direction BT
    base["FROM node:26-alpine: the base image's layers"]
    pkg["COPY package.json, package-lock.json"]
    deps["RUN npm ci: the node_modules folder"]
    src["COPY app/src/: our code"]
    base ~~~ pkg ~~~ deps ~~~ src
  end
  subgraph config [" image config (JSON) "]
    direction TB
    env["ENV NODE_ENV=production"]
    expose["EXPOSE 3000"]
    user["USER node"]
    cmd["CMD node /app/src/server.js"]
    env ~~~ expose ~~~ user ~~~ cmd
  end
  stack ~~~ config
  class base,pkg,deps,src layer
  class env,expose,user,cmd config`,
  steps: [
    { show: ['stack', 'base'] },
    { show: ['pkg'], notes: 'COPY of the two package files: a small layer with just those files.' },
    {
      show: ['deps'],
      notes:
        'RUN npm ci: the layer holds exactly the files npm wrote. In a real app this is the big one; our demo app has no dependencies, so here it is small.',
    },
    { show: ['src'], notes: 'COPY of the source: our own code, the layer that changes most often.' },
    {
      show: ['config', 'env', 'expose', 'user', 'cmd'],
      notes:
        "ENV, EXPOSE, USER and CMD change no file: they only write settings into the config. docker image history shows them as 0B rows, above the base image's own rows. One of those sets ENTRYPOINT docker-entrypoint.sh, so our CMD reaches that script as arguments, and it execs node.",
    },
  ],
  caption: 'One layer per instruction that changes files; the rest is config',
  height: 500,
});
