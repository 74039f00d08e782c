// The part of Eleventy's dev server Revue uses (the package ships no type declarations).
declare module "@11ty/eleventy-dev-server" {
  interface DevServerOptions {
    pathPrefix?: string;
    domDiff?: boolean;
    /** Whether the server adds its own reload script to the pages (its WebSocket is there either way). */
    liveReload?: boolean;
    /** Connect-style functions run before the server's own static files. */
    middleware?: ((req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, next: () => void) => void)[];
    logger?: { info(...args: unknown[]): void; log(...args: unknown[]): void; error(...args: unknown[]): void };
  }
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    /** Node's HTTP server (made on first use): the live-reload socket shares it. */
    readonly server: import("node:http").Server;
    serve(port: number): void;
    ready(): Promise<void>;
    getServerUrl(host: string): string;
    reload(event?: { files?: string[] }): void;
    sendError(event: { error: unknown }): void;
    /** Sends a message (JSON) to every open page's WebSocket. */
    sendUpdateNotification(message: object): void;
    close(): Promise<void>;
  }
}
