/** Marks every response of a sandbox gateway, so no one mistakes a simulated answer for a real one. */
export const SANDBOX_HEADER = 'x-tollgate-sandbox';
