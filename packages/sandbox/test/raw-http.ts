import { connect, type Socket } from "node:net";

/** One HTTP/1.1 answer as read off a raw socket. */
export interface RawAnswer {
  /** e.g. "HTTP/1.1 404 Not Found". */
  statusLine: string;
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

/**
 * A raw TCP connection to the sandbox, for what `fetch` refuses to send
 * (malformed request lines and headers, pipelined or half-sent bodies).
 * Answers are parsed as they arrive (Content-Length bodies, which is all
 * the sandbox sends); `closed` says whether the server closed the socket.
 */
export function rawConnection(baseUrl: string) {
  const { hostname, port } = new URL(baseUrl);
  const socket: Socket = connect(Number(port), hostname);
  socket.setNoDelay(true);
  let buffer = Buffer.alloc(0);
  let closed = false;
  let failure: Error | undefined;
  const waiters: (() => void)[] = [];
  const wake = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  socket.on("data", (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    wake();
  });
  socket.on("close", () => {
    closed = true;
    wake();
  });
  socket.on("error", (error) => {
    failure = error;
    wake();
  });

  /** Parses one whole answer off the front of the buffer, or undefined when it has not all arrived. */
  function take(head: boolean): RawAnswer | undefined {
    const end = buffer.indexOf("\r\n\r\n");
    if (end < 0) return undefined;
    const lines = buffer.subarray(0, end).toString("latin1").split("\r\n");
    const statusLine = lines[0] ?? "";
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    const status = Number(statusLine.split(" ")[1]);
    const length =
      head || status === 204 || status === 304 ? 0 : Number(headers["content-length"] ?? 0);
    if (buffer.length < end + 4 + length) return undefined;
    const body = buffer.subarray(end + 4, end + 4 + length).toString("utf8");
    buffer = buffer.subarray(end + 4 + length);
    return { statusLine, status, headers, body };
  }

  return {
    socket,
    get closed() {
      return closed;
    },
    /** Writes bytes as they are (a string is sent as latin1, so every byte value can be sent). */
    send(data: string | Buffer): void {
      socket.write(typeof data === "string" ? Buffer.from(data, "latin1") : data);
    },
    /** The next whole answer; rejects when the connection closes or fails first. */
    async answer(options: { head?: boolean } = {}): Promise<RawAnswer> {
      for (;;) {
        const answer = take(options.head ?? false);
        if (answer) return answer;
        if (failure) throw failure;
        if (closed)
          throw new Error(
            `connection closed; unparsed: ${buffer.toString("latin1").slice(0, 200)}`,
          );
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    /** Resolves once the server has closed the connection. */
    async untilClosed(): Promise<void> {
      while (!closed && !failure) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    close(): void {
      socket.destroy();
    },
  };
}

/** Sends `request` on a fresh connection and reads one answer; the connection is closed after. */
export async function rawRequest(baseUrl: string, request: string | Buffer): Promise<RawAnswer> {
  const connection = rawConnection(baseUrl);
  try {
    connection.send(request);
    return await connection.answer({ head: /^HEAD /.test(request.toString("latin1")) });
  } finally {
    connection.close();
  }
}

/** `METHOD target HTTP/1.1` with a Host for `baseUrl`, `headers` and an optional body (Content-Length set). */
export function httpRequest(
  baseUrl: string,
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: string,
): string {
  const lines = [`${method} ${target} HTTP/1.1`, `Host: ${new URL(baseUrl).host}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body, "latin1")}`);
  return `${lines.join("\r\n")}\r\n\r\n${body ?? ""}`;
}
