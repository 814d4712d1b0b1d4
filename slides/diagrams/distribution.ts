import { defineDiagram } from '../../src/deck/define.ts';

/**
 * Build, push (blobs first, manifest last), pull (only missing layers), run. Three columns side by
 * side are the widest shape of the talk: short boxes and two-line edge labels keep the text legible
 * at 1280x720. The manifest arrow ends at a box, not at the server's subgraph, whose edge Mermaid
 * gives a label far from its line.
 */
export const distribution = defineDiagram({
  id: 'distribution',
  title: 'From a laptop to a server through a registry',
  description:
    'On the laptop, docker build makes the image. docker push uploads the layer blobs the registry does not have, then the manifest. On the server, docker pull fetches the manifest, then only the layer blobs it is missing, by digest. docker run starts a container from the image.',
  source: `---
config:
  flowchart:
    rankSpacing: 34
---
flowchart LR
  subgraph laptop [" laptop: docker push "]
    direction TB
    img["built image"]
  end
  subgraph registry [" registry "]
    direction TB
    manifest["manifest + config"]
    blobs["layer blobs"]
  end
  subgraph server [" server: docker pull "]
    direction TB
    have["layers it had"]
    fetched["layers it pulled"]
    ctr["docker run"]
  end
  img push1@-->|"1 blobs"| blobs
  img push2@-->|"2 manifest,<br/>last"| manifest
  manifest pull1@-->|"3 manifest"| have
  blobs pull2@-->|"4 missing<br/>blobs"| fetched
  class img,have,fetched layer
  class ctr accent`,
  steps: [
    { show: ['laptop', 'img'] },
    {
      show: ['registry', 'blobs', 'push1'],
      notes: 'docker push sends the layer blobs first, and skips any the registry already has.',
    },
    {
      show: ['manifest', 'push2'],
      notes: 'The manifest goes last, so nobody can pull an image whose layers are not there yet.',
    },
    {
      show: ['server', 'have', 'pull1'],
      notes:
        'docker pull on the server reads the manifest first and compares digests with what it already has.',
    },
    {
      show: ['fetched', 'pull2'],
      notes: 'Then it downloads only the missing layers. Shared base layers cost nothing.',
    },
    {
      show: ['ctr'],
      notes:
        'And docker run starts a container from the local image. The registry stores images, never containers.',
    },
  ],
  caption: 'Registries store images: blobs by digest, manifests by tag or digest',
  height: 480,
});
