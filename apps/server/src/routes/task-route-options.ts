/** What every route of the unified task API gets when it is registered. */
import type { Kernel } from '@tollgate/core';

export interface TaskRouteOptions {
  /** A kernel with its plugins registered; started before the first request. */
  readonly kernel: Kernel;
}
