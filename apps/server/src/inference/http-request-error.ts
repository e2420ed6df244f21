/** A client error of the HTTP layer itself (body size, media type), not of routing or a provider. */
export class HttpRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpRequestError';
  }
}
