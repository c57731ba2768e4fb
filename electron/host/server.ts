/**
 * `storyboard serve`: the browser host. One HTTP server on 127.0.0.1 only, serving the built
 * renderer, the contract over a WebSocket (/api), project media (/media/…) and uploads
 * (/upload). Everything but the renderer's static assets needs the per-run token; see
 * security.ts for the Host/Origin guards and the CSP. Plain Node: no `electron` import.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppServices } from '../services/app.js';
import { attachApi } from './api.js';
import { MEDIA_PREFIX, serveMedia } from './media.js';
import { checkHost, guard, newToken, refuse, setSecurityHeaders, splitTarget } from './security.js';
import { serveStatic } from './static.js';
import { DEFAULT_MAX_UPLOAD_BYTES, serveUpload } from './upload.js';

export type HostServices = Pick<AppServices, 'handlers' | 'on' | 'mediaRoots' | 'stageUpload'>;

export interface HostOptions {
  services: HostServices;
  /** The built renderer (out/renderer from `vite build`). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  maxUploadBytes?: number;
}

export interface RunningHost {
  /** http://127.0.0.1:<port>/?token=<token>: the one URL to open. */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = newToken();
  let port = 0;
  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res, port);
    const hostRefusal = checkHost(req, port);
    if (hostRefusal) return refuse(res, hostRefusal);
    const { pathname, query } = splitTarget(req.url);
    if (pathname === '/api') {
      // Only reached by plain HTTP; WebSocket upgrades are handled by attachApi.
      res.writeHead(426, { Upgrade: 'websocket' }).end();
      return;
    }
    if (pathname.startsWith(MEDIA_PREFIX)) {
      const refusal = guard(req, query, port, token);
      if (refusal) return refuse(res, refusal);
      return serveMedia(req, res, pathname, opts.services.mediaRoots());
    }
    if (pathname === '/upload') {
      const refusal = guard(req, query, port, token);
      if (refusal) return refuse(res, refusal);
      return serveUpload(req, res, query, {
        stageUpload: (name) => opts.services.stageUpload(name),
        maxBytes: opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
      });
    }
    return serveStatic(req, res, pathname, query, { rendererDir: opts.rendererDir, token });
  }

  const api = attachApi(server, { services: opts.services, token, port: () => port });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // 127.0.0.1 only: never reachable from the network, whatever the firewall says.
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    async close() {
      api.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
