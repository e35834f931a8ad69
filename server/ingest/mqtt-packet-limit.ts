// A maximum MQTT packet size for the embedded broker. aedes has no such
// setting: its parser reads a packet's declared length (up to 256 MB) and
// buffers the bytes until they are all there. This reads the same fixed
// headers from the socket and closes the connection as soon as one declares
// a packet over the limit, before its body arrives.
import type { Duplex } from 'node:stream';

/** Watches `socket` (already handed to aedes, which reads it) and destroys it on an oversized packet. */
export function limitPacketSize(socket: Duplex, maxBytes: number): void {
  let header: number[] = [];
  let bodyLeft = 0;
  // aedes reads through 'readable'; a 'data' listener added after it sees each chunk it reads, without taking over.
  socket.on('data', (chunk: Buffer) => {
    for (let i = 0; i < chunk.length;) {
      if (bodyLeft > 0) {
        const skip = Math.min(bodyLeft, chunk.length - i);
        bodyLeft -= skip;
        i += skip;
        continue;
      }
      header.push(chunk[i++]!);
      // One type byte, then the remaining length in 1-4 bytes of 7 bits, low first (MQTT 3.1.1 § 2.2.3).
      if (header.length === 1) continue;
      const last = header[header.length - 1]!;
      if (last & 0x80) {
        if (header.length === 5) return socket.destroy();
        continue;
      }
      let remaining = 0;
      for (let k = header.length - 1; k >= 1; k--) remaining = remaining * 128 + (header[k]! & 0x7f);
      if (header.length + remaining > maxBytes) return socket.destroy();
      bodyLeft = remaining;
      header = [];
    }
  });
}
