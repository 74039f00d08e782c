// The part of Eleventy's dev server Revue uses (the package ships no type declarations).
declare module "@11ty/eleventy-dev-server" {
  interface DevServerOptions {
    pathPrefix?: string;
    domDiff?: boolean;
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
    close(): Promise<void>;
  }
}
