/** An error whose message is Vietnamese text safe to show to the person who caused it. */
export class UserError extends Error {
  override name = 'UserError';
}
