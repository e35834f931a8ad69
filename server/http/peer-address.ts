// Copies each request's TCP peer address (and whether the connection is TLS)
// into headers before Next.js sees the request (./client-address.ts explains
// why x-forwarded-for cannot carry it). Next gives route handlers no socket,
// and `next start` builds its own HTTP server, so the one place to stand is
// the server's 'request' event.
import { Server, type IncomingMessage } from 'node:http';

/** Set on every request; whatever a client sends under this name is overwritten. */
export const PEER_ADDRESS_HEADER = 'x-linli-peer-address';
/** 'https' when the connection itself is TLS, else 'http'; overwritten likewise. */
export const PEER_PROTO_HEADER = 'x-linli-peer-proto';

const installed = Symbol.for('linli.peerAddress');

export function installPeerAddressHeader(): void {
  const proto = Server.prototype as Server & { [installed]?: true };
  if (proto[installed]) return;
  proto[installed] = true;
  const emit = proto.emit;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as IncomingMessage;
      req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? '';
      req.headers[PEER_PROTO_HEADER] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
}
