// A client of Rolesync's public GraphQL API, as an operator's script uses it: operations over HTTP and
// subscriptions over graphql-ws, both with a bearer token. The demo and the benchmark drive Rolesync
// through it and nothing else.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A GraphQL error answer; codes are the errors' `extensions.code` values. */
export class GraphQLResponseError extends Error {
  readonly codes: readonly string[];
  constructor(message: string, codes: readonly string[]) {
    super(message);
    this.name = 'GraphQLResponseError';
    this.codes = codes;
  }
}

export class RolesyncApi {
  private socket: Client | undefined;

  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  /** Sends one operation; throws with the server's messages on any GraphQL or HTTP error. */
  async data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const body = JSON.stringify({ query, variables });
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body,
    });
    const text = await response.text();
    if (!response.ok && !text.startsWith('{')) {
      throw new Error(`HTTP ${response.status} for a ${body.length}-byte request: ${text.slice(0, 300)}`);
    }
    const result = JSON.parse(text) as GraphQLResponse<T>;
    if (result.errors !== undefined || result.data == null) {
      throw new GraphQLResponseError(
        `GraphQL errors: ${JSON.stringify(result.errors).slice(0, 2000)}`,
        (result.errors ?? []).map((error) => {
          const code = error.extensions?.code;
          return typeof code === 'string' ? code : 'UNKNOWN';
        }),
      );
    }
    return result.data;
  }

  /**
   * Runs a subscription until the server completes it or onData answers true (enough seen), handing
   * every message to onData. Resolves with the last message (undefined when there was none).
   */
  subscribe<T>(
    query: string,
    variables: Record<string, unknown>,
    onData: (data: T) => boolean,
  ): Promise<T | undefined> {
    this.socket ??= createClient({
      url: this.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${this.token}` },
    });
    const socket = this.socket;
    let last: T | undefined;
    return new Promise((resolve, reject) => {
      const unsubscribe = socket.subscribe<T>(
        { query, variables },
        {
          next: (message) => {
            if (message.errors !== undefined) {
              reject(new Error(`subscription errors: ${JSON.stringify(message.errors).slice(0, 2000)}`));
            } else if (message.data != null) {
              last = message.data;
              if (onData(message.data)) {
                unsubscribe();
                resolve(last);
              }
            }
          },
          error: (error: unknown) => {
            reject(
              error instanceof Error ? error : new Error(`subscription failed: ${describeClose(error)}`),
            );
          },
          complete: () => {
            resolve(last);
          },
        },
      );
    });
  }

  /** Closes the WebSocket, if one was opened. */
  async close(): Promise<void> {
    await this.socket?.dispose();
    this.socket = undefined;
  }
}

/** graphql-ws reports a closed socket as its CloseEvent. */
function describeClose(event: unknown): string {
  if (typeof event === 'object' && event !== null && 'code' in event) {
    const reason = 'reason' in event ? String(event.reason) : '';
    return `socket closed (${String(event.code)}${reason === '' ? '' : `: ${reason}`})`;
  }
  return String(event);
}
